package lint

import (
	"fmt"
	"time"

	"github.com/postmortem-dev/postmortem/render/timeline"
)

// TimelineOrder reports timeline entries out of order.
var TimelineOrder = &Rule{
	Name:     "timeline/order",
	Doc:      "timeline entries are out of order",
	Severity: Warning,
	Explain: `A timeline reads in order. An entry without a date is on the day of the
entry before it (or the incident's date); a time well before the one
before it, late at night followed by early in the morning, is taken as the
next day.

    - 23:50 UTC — The backlog peaked.
    - 00:10 UTC — The consumers caught up.     (the next day: fine)
    - 14:10 UTC — The alert fired.
    - 14:02 UTC — The deploy finished.         (out of order)`,
	Run: func(p *Pass) {
		walkTimes(p, func(e *timeline.Entry, t, prev time.Time) {
			if !prev.IsZero() && t.Before(prev) {
				before := prev.Format("15:04")
				if t.YearDay() != prev.YearDay() || t.Year() != prev.Year() {
					before = prev.Format("2006-01-02 15:04")
				}
				p.Report(e.TimePos, e.TimeEnd, fmt.Sprintf("%s is earlier than an entry above it (%s)", e.Raw, before),
					"move the entry to its place, or give it a date")
			}
		})
	},
}

// walkTimes calls f with each timeline entry that has a time, its instant,
// and the latest instant before it. Entries without a date are placed on
// the day of the entry before them, starting from the incident's date or
// start, and roll over to the next day from late evening to early morning.
func walkTimes(p *Pass, f func(e *timeline.Entry, t, prev time.Time)) {
	m := p.Doc.Meta
	day := m.Date
	if !m.Started.IsZero() {
		day = m.Started.UTC()
	}
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	var prev time.Time
	entries := p.Timeline().Entries
	for i := range entries {
		e := &entries[i]
		if e.HasDate && e.Date.Year() > 0 {
			day = e.Date
		}
		t, ok := e.Time(day)
		if !ok {
			continue
		}
		if !e.HasDate && !prev.IsZero() && t.Before(prev) && prev.Sub(t) > 12*time.Hour {
			day = day.AddDate(0, 0, 1)
			t, _ = e.Time(day)
		}
		f(e, t, prev)
		if t.After(prev) {
			prev = t
		}
	}
}
