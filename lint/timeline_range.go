package lint

import (
	"fmt"
	"time"

	"github.com/postmortem-dev/postmortem/render/timeline"
)

// TimelineRange reports timeline entries outside the incident's start and
// resolution.
var TimelineRange = &Rule{
	Name:     "timeline/range",
	Doc:      "a timeline entry falls outside started..resolved",
	Severity: Warning,
	Explain: `When the front matter gives started and resolved, the timeline's entries
fall between them; an entry outside is usually a wrong time, date or zone,
or a started that is too late (the change that set things off belongs in
the incident). Entries without a zone are read in the zone of started.`,
	Run: func(p *Pass) {
		m := p.Doc.Meta
		if m.Started.IsZero() || m.Resolved.IsZero() {
			return
		}
		walkTimes(p, func(e *timeline.Entry, t, _ time.Time) {
			if e.Zone == nil {
				// Read a time without a zone in the zone of started.
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, m.Started.Location())
			}
			if t.Before(m.Started) || t.After(m.Resolved) {
				p.Report(e.TimePos, e.TimeEnd, fmt.Sprintf("%s is outside the incident, %s to %s",
					e.Raw, m.Started.Format("2006-01-02 15:04 MST"), m.Resolved.Format("2006-01-02 15:04 MST")),
					"check the time and its zone, or the front matter's started and resolved")
			}
		})
	},
}
