package lint

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

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
			if s == nil || !s.Empty() {
				continue
			}
			// A section left with its template's prompt is reported once,
			// by sections/placeholder, at the prompt.
			if p.Repo.running[SectionsPlaceholder.Name] && holdsPrompt(p, s) {
				continue
			}
			p.Report(render.Pos{Line: s.Line, Col: 1}, render.Pos{}, fmt.Sprintf("section %q is empty", s.Title),
				"write what belongs there, or a sentence on why there is nothing")
		}
	},
}

// holdsPrompt reports whether a section holds one of its templates'
// prompts (an HTML comment).
func holdsPrompt(p *Pass, s *render.Section) bool {
	for _, b := range s.Blocks {
		if h, ok := b.(*ast.HTMLBlock); ok && h.HTMLBlockType == ast.HTMLBlockType2 && p.Repo.Prompts[commentText(p.Doc.Source, h)] {
			return true
		}
	}
	return false
}

// commentText returns the text inside an HTML comment block, trimmed.
func commentText(src []byte, n *ast.HTMLBlock) string {
	var text strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		text.Write(seg.Value(src))
	}
	comment := strings.TrimSpace(text.String())
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(comment, "<!--"), "-->"))
}
