package lint

import (
	"fmt"
	"time"

	"github.com/postmortem-dev/postmortem/render"
)

// FrontmatterFuture reports a date or timestamp in the future.
var FrontmatterFuture = &Rule{
	Name:     "frontmatter/future",
	Doc:      "a date or timestamp is in the future",
	Severity: Error,
	Explain: `A postmortem is about something that happened. A date in the future is
usually a typo in the year or the month (2052 for 2025, 2025-12-03 for
2025-03-12).`,
	Run: func(p *Pass) {
		m := p.Doc.Meta
		// A day of slack: the writer's today may be tomorrow in UTC.
		limit := p.Now.Add(24 * time.Hour)
		if m.DateFrom == "front matter" && m.Date.After(limit) {
			f := p.Doc.FrontMatter.Field("date")
			p.Report(f.ValuePos, render.Pos{}, fmt.Sprintf("%s %s is in the future", f.Key, m.Date.Format(render.DateLayout)), "")
		}
		for _, name := range render.Timestamps {
			if t := m.Timestamp(name); t.After(limit) {
				f := p.Doc.FrontMatter.Field(name)
				p.Report(f.ValuePos, render.Pos{}, fmt.Sprintf("%s %s is in the future", f.Key, t.Format(time.RFC3339)), "")
			}
		}
	},
}
