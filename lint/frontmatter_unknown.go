package lint

import (
	"fmt"

	"github.com/postmortem-dev/postmortem/render"
)

// FrontmatterUnknownKey reports a front matter key that is not a field.
var FrontmatterUnknownKey = &Rule{
	Name:     "frontmatter/unknown-key",
	Doc:      "a front matter key is not a field of the front matter",
	Severity: Warning,
	Explain: `Keys other than the fields of the front matter are kept, and templates and
exports can use them, but a misspelt field (severty for severity) is lost
silently. A repository with its own names maps them (fields: in
.postmortem.yaml) instead.

    severty: SEV2     # did you mean severity?`,
	Run: func(p *Pass) {
		fm := p.Doc.FrontMatter
		if fm == nil {
			return
		}
		known := make([]string, 0, len(render.Fields))
		for _, f := range render.Fields {
			known = append(known, key(p, f))
		}
		for _, f := range fm.Fields {
			if f.Known {
				continue
			}
			s := render.Suggest(f.Key, known)
			if s == "" {
				continue // a key of the repository's own, kept as it is
			}
			p.Report(f.KeyPos, endOf(f.KeyPos, f.Key), fmt.Sprintf("unknown field %q", f.Key), fmt.Sprintf("did you mean %q?", s))
		}
	},
}
