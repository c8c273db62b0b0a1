package lint

import (
	"fmt"
	"strings"

	"github.com/postmortem-dev/postmortem/render"
)

// FrontmatterDuplicateID reports an id that another postmortem uses too.
var FrontmatterDuplicateID = &Rule{
	Name:     "frontmatter/duplicate-id",
	Doc:      "another postmortem has the same id",
	Severity: Error,
	Explain: `A postmortem's id (its id field, else its file name without extension)
names its page on the site and its entry in exports, so two postmortems
cannot share one.`,
	Run: func(p *Pass) {
		others := p.Repo.IDs[p.Doc.Meta.ID]
		if len(others) < 2 {
			return
		}
		var rest []string
		for _, o := range others {
			if o != p.Doc.Path {
				rest = append(rest, o)
			}
		}
		pos := render.Pos{Line: 1, Col: 1}
		if f := p.Doc.FrontMatter.Field("id"); f != nil {
			pos = f.ValuePos
		}
		p.Report(pos, render.Pos{}, fmt.Sprintf("id %q is also used by %s", p.Doc.Meta.ID, strings.Join(rest, ", ")),
			"give each postmortem its own id")
	},
}
