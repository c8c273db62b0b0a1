package lint

import (
	"fmt"

	"github.com/postmortem-dev/postmortem/render"
)

// FrontmatterOrder reports timestamps out of order.
var FrontmatterOrder = &Rule{
	Name:     "frontmatter/order",
	Doc:      "started, detected, mitigated and resolved are out of order",
	Severity: Error,
	Explain: `An incident is started, then detected, then mitigated, then resolved; times
to detect, mitigate and resolve are computed from these and would be
negative. Equal times are fine (a change caught by its own canary).

    started:   2025-03-12T14:02:00Z
    detected:  2025-03-12T14:09:00Z
    mitigated: 2025-03-12T16:41:00Z
    resolved:  2025-03-12T17:41:00Z`,
	Run: func(p *Pass) {
		m := p.Doc.Meta
		prevName := ""
		for _, name := range render.Timestamps {
			t := m.Timestamp(name)
			if t.IsZero() {
				continue
			}
			if prevName != "" && t.Before(m.Timestamp(prevName)) {
				f := p.Doc.FrontMatter.Field(name)
				p.Report(f.ValuePos, render.Pos{}, fmt.Sprintf("%s (%s) is before %s (%s)",
					f.Key, t.Format("2006-01-02 15:04 MST"), key(p, prevName), m.Timestamp(prevName).Format("2006-01-02 15:04 MST")), "")
			}
			prevName = name
		}
	},
}

// key returns the key a repository uses for a field.
func key(p *Pass, field string) string {
	if f := p.Doc.FrontMatter.Field(field); f != nil {
		return f.Key
	}
	if k := p.Config.Fields[field]; k != "" {
		return k
	}
	return field
}
