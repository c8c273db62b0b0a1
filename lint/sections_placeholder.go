package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// placeholderRE finds placeholder text: TODO, TBD, FIXME, XXX and <...>.
var placeholderRE = regexp.MustCompile(`\b(TODO|TBD|TBA|FIXME|XXX)\b|<[A-Za-z][^<>]{0,60}>`)

// SectionsPlaceholder reports placeholders and template prompts left in a
// postmortem that is no longer a draft.
var SectionsPlaceholder = &Rule{
	Name:     "sections/placeholder",
	Doc:      "a placeholder or template prompt is left in a postmortem that is not a draft",
	Severity: Error,
	Explain: `Once a postmortem is in review or published, it should not hold TODO, TBD,
FIXME or <placeholders>, nor the prompts its template put under each
heading (HTML comments such as <!-- Who and what was affected -->). In a
draft they are expected and not reported. Code is not checked.`,
	Run: func(p *Pass) {
		if p.Draft() {
			return
		}
		d := p.Doc
		ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.CodeSpan:
				return ast.WalkSkipChildren, nil
			case *ast.HTMLBlock:
				if n.HTMLBlockType != ast.HTMLBlockType2 || n.Lines().Len() == 0 {
					return ast.WalkSkipChildren, nil
				}
				if p.Repo.Prompts[commentText(d.Source, n)] {
					start := n.Lines().At(0).Start
					end := n.Lines().At(n.Lines().Len() - 1).Stop
					for end > start && (d.Source[end-1] == '\n' || d.Source[end-1] == ' ' || d.Source[end-1] == '\t') {
						end--
					}
					p.Report(d.Pos(start), d.Pos(end), "the template's prompt is still here",
						"replace it with what it asks for, or delete it")
				}
				return ast.WalkSkipChildren, nil
			case *ast.Text:
				seg := n.Segment
				raw := seg.Value(d.Source)
				if !maybePlaceholder(raw) {
					return ast.WalkContinue, nil
				}
				text := string(raw)
				for _, m := range placeholderRE.FindAllStringIndex(text, -1) {
					p.Report(d.Pos(seg.Start+m[0]), d.Pos(seg.Start+m[1]), fmt.Sprintf("placeholder %q", text[m[0]:m[1]]),
						"fill it in, or mark the postmortem as a draft")
				}
			case *ast.RawHTML:
				// <placeholders> are parsed as raw HTML when they look like tags.
				if n.Segments.Len() > 0 {
					seg := n.Segments.At(0)
					text := string(seg.Value(d.Source))
					if placeholderRE.MatchString(text) && !strings.HasPrefix(text, "<!--") && !strings.HasPrefix(text, "</") && !htmlTag(text) {
						p.Report(d.Pos(seg.Start), d.Pos(seg.Stop), fmt.Sprintf("placeholder %q", text),
							"fill it in, or mark the postmortem as a draft")
					}
				}
			}
			return ast.WalkContinue, nil
		})
	},
}

// maybePlaceholder is a fast test that text may hold a placeholder: a '<'
// or the start of TODO, TBD, TBA, FIXME or XXX.
func maybePlaceholder(text []byte) bool {
	for i, c := range text {
		rest := text[i+1:]
		switch c {
		case '<':
			return true
		case 'T':
			if len(rest) >= 2 && (rest[0] == 'O' && rest[1] == 'D' || rest[0] == 'B' && (rest[1] == 'D' || rest[1] == 'A')) {
				return true
			}
		case 'F':
			if len(rest) >= 4 && string(rest[:4]) == "IXME" {
				return true
			}
		case 'X':
			if len(rest) >= 2 && rest[0] == 'X' && rest[1] == 'X' {
				return true
			}
		}
	}
	return false
}

// Prompts returns the prompt lines of templates: the text of each HTML
// comment that stands on a line of its own.
func Prompts(templateTexts ...string) []string {
	var out []string
	for _, t := range templateTexts {
		for _, line := range strings.Split(t, "\n") {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, "<!--") && strings.HasSuffix(line, "-->") {
				out = append(out, strings.TrimSpace(line[4:len(line)-3]))
			}
		}
	}
	return out
}

// htmlElements are the elements people write in Markdown on purpose.
var htmlElements = map[string]bool{
	"a": true, "abbr": true, "b": true, "br": true, "code": true, "del": true, "details": true, "div": true,
	"em": true, "hr": true, "i": true, "img": true, "ins": true, "kbd": true, "mark": true, "p": true, "pre": true,
	"s": true, "small": true, "span": true, "strong": true, "sub": true, "summary": true, "sup": true, "u": true,
	"table": true, "tr": true, "td": true, "th": true, "ul": true, "ol": true, "li": true, "details/": true,
}

// htmlTag reports whether raw HTML is a tag of a real HTML element.
func htmlTag(text string) bool {
	name := strings.TrimPrefix(text, "<")
	if i := strings.IndexAny(name, " \t/>"); i >= 0 {
		name = name[:i]
	}
	return htmlElements[strings.ToLower(name)]
}
