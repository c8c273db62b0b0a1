package lint

import (
	"fmt"

	"github.com/postmortem-dev/postmortem/render"
)

// SectionsEmpty reports a required section with nothing in it.
var SectionsEmpty = &Rule{
	Name:     "sections/empty",
	Doc:      "a required section is empty",
	Severity: Error,
	Explain: `A required section holds at least a sentence. A template's prompt, an HTML
comment, does not count. In a draft, an empty section is expected and not
reported.`,
	Run: func(p *Pass) {
		if p.Draft() {
			return
		}
		for _, name := range p.Config.Sections.Required {
			s := p.Doc.Section(p.Config.SectionNames(name)...)
			if s != nil && s.Empty() {
				p.Report(render.Pos{Line: s.Line, Col: 1}, render.Pos{}, fmt.Sprintf("section %q is empty", s.Title),
					"write what belongs there, or say why there is nothing (\"No customer impact.\")")
			}
		}
	},
}
