package lint

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/postmortem-dev/postmortem/render"
)

// directiveRE finds an inline control comment:
//
//	<!-- postmortem-lint disable RULE... -->
//	<!-- postmortem-lint enable RULE... -->
//	<!-- postmortem-lint disable-next-line RULE... -->
//
// A RULE may be a group ("blameless"); none means every rule.
var directiveRE = regexp.MustCompile(`<!--\s*postmortem-lint\s+(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->`)

// control is what a document's comments turn off, by line.
type control struct {
	// ranges are disable..enable spans: rule (or "" for all), first and
	// last line (0 for the end of the file).
	ranges []span
}

type span struct {
	rule        string
	first, last int
}

// disabled reports whether rule is turned off on line.
func (c control) disabled(rule string, line int) bool {
	for _, s := range c.ranges {
		if line >= s.first && (s.last == 0 || line <= s.last) && matches(s.rule, rule) {
			return true
		}
	}
	return false
}

// matches reports whether a directive's rule names rule or its group.
func matches(pattern, rule string) bool {
	return pattern == "" || pattern == rule || strings.HasPrefix(rule, pattern+"/")
}

// directives reads a document's inline control comments. Comments are taken
// from the Markdown tree, so that one shown inside a code block as an
// example does nothing.
func directives(d *render.Document) control {
	var c control
	open := map[string]int{} // rule -> line of the disable
	ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var text string
		var start int
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines := n.Lines()
			if lines.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start = lines.At(0).Start
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				text += string(seg.Value(d.Source))
			}
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start = n.Segments.At(0).Start
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				text += string(seg.Value(d.Source))
			}
		default:
			return ast.WalkContinue, nil
		}
		for _, m := range directiveRE.FindAllStringSubmatchIndex(text, -1) {
			line := d.Pos(start + m[1] - 1).Line // the line the comment ends on
			verb := text[m[2]:m[3]]
			rules := strings.Fields(strings.ReplaceAll(text[m[4]:m[5]], ",", " "))
			if len(rules) == 0 {
				rules = []string{""}
			}
			for _, r := range rules {
				switch verb {
				case "disable-next-line":
					c.ranges = append(c.ranges, span{r, line + 1, line + 1})
				case "disable-line":
					c.ranges = append(c.ranges, span{r, line, line})
				case "disable":
					if _, ok := open[r]; !ok {
						open[r] = line
					}
				case "enable":
					if first, ok := open[r]; ok {
						c.ranges = append(c.ranges, span{r, first, line})
						delete(open, r)
					} else if r == "" {
						// "enable" with no rule ends every open range.
						for k, first := range open {
							c.ranges = append(c.ranges, span{k, first, line})
							delete(open, k)
						}
					}
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for r, first := range open {
		c.ranges = append(c.ranges, span{r, first, 0})
	}
	return c
}
