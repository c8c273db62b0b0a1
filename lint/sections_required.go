package lint

import (
	"fmt"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
)

// SectionsRequired reports a required section that is missing.
var SectionsRequired = &Rule{
	Name:     "sections/required",
	Doc:      "a required section is missing",
	Severity: Error,
	Explain: `Every postmortem has the sections the configuration requires (by default
Summary, Impact, Timeline, Contributing factors and Action items). Titles
are compared without regard to case and punctuation, at any heading level,
and accept aliases: "Root causes" for "Contributing factors", for example.
A draft may still be missing sections.`,
	Run: func(p *Pass) {
		if p.Draft() {
			return
		}
		if fm := p.Doc.FrontMatter; fm != nil && fm.EndLine == 0 {
			return // the whole file reads as front matter: frontmatter/unterminated says so
		}
		var missing []string
		for _, name := range p.Config.Sections.Required {
			if p.Doc.Section(p.Config.SectionNames(name)...) == nil {
				missing = append(missing, name)
			}
		}
		if len(missing) == 0 {
			return
		}
		pos := render.Pos{Line: p.Doc.BodyLine, Col: 1}
		if len(p.Doc.Sections) > 0 {
			pos = render.Pos{Line: p.Doc.Sections[0].Line, Col: 1}
		}
		p.Report(pos, render.Pos{}, fmt.Sprintf("missing section%s: %s", plural(len(missing)), strings.Join(missing, ", ")),
			"add a heading for each, e.g. ## "+missing[0])
	},
}
