package lint

import (
	"fmt"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
)

// FrontmatterValue reports a severity or status outside the configured
// lists.
var FrontmatterValue = &Rule{
	Name:     "frontmatter/value",
	Doc:      "a severity or status is not one of the configured values",
	Severity: Error,
	Explain: `severity must be one of the configured scale (default SEV1, worst, to SEV5)
and status one of the configured statuses (default draft, in-review,
published), so that listings, filters and charts count it.

    severity: Sev-2    # not on the scale
    severity: SEV2`,
	Run: func(p *Pass) {
		check := func(name, value string, allowed []string) {
			f := p.Doc.FrontMatter.Field(name)
			if f == nil || value == "" {
				return
			}
			for _, a := range allowed {
				if a == value {
					return
				}
			}
			msg := fmt.Sprintf("%s %q is not one of %s", f.Key, value, strings.Join(allowed, ", "))
			sugg := ""
			if s := render.Suggest(value, allowed); s != "" {
				sugg = fmt.Sprintf("did you mean %q?", s)
			}
			p.Report(f.ValuePos, endOf(f.ValuePos, value), msg, sugg)
		}
		check("severity", p.Doc.Meta.Severity, p.Config.Severities)
		check("status", p.Doc.Meta.Status, p.Config.Statuses)
	},
}

// endOf returns the position just past a value written on one line.
func endOf(pos render.Pos, value string) render.Pos {
	return render.Pos{Line: pos.Line, Col: pos.Col + len(value)}
}
