package lint

// TimelineTime reports a timeline entry whose time does not parse.
var TimelineTime = &Rule{
	Name:     "timeline/time",
	Doc:      "a timeline entry's time does not parse",
	Severity: Error,
	Explain: `Each timeline entry starts with its time: HH:MM (with an optional zone), or
YYYY-MM-DD HH:MM when the incident spans days, in a list or in the first
column of a table. A time marked approximate (~14:00) or unknown
(2022-05-?? HH:mm) is accepted as such.

    - 14:02 UTC — The migration started.
    - 2025-03-13 00:10 UTC — The backlog drained.`,
	Run: func(p *Pass) {
		for _, e := range p.Timeline().Entries {
			if e.Err != "" {
				p.Report(e.TimePos, e.TimeEnd, e.Err, "")
			}
		}
	},
}
