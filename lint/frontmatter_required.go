package lint

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/postmortem-dev/postmortem/render"
)

// FrontmatterRequired reports a required front matter field that is
// missing, or empty when the postmortem is no longer a draft.
var FrontmatterRequired = &Rule{
	Name:     "frontmatter/required",
	Doc:      "a required front matter field is missing or empty",
	Severity: Error,
	Explain: `Every postmortem has a title, a date, a status, a severity and at least one
author, so that it can be listed, sorted and followed up. A draft may
leave a field empty, as postmortem new writes it, until it is known; it
must be filled before the status moves on from draft.

    title: Checkout errors after the payments deploy
    date: 2025-03-12
    status: draft
    severity: SEV2
    authors: [Dana Okafor]`,
	Run: func(p *Pass) {
		fm := p.Doc.FrontMatter
		if fm == nil || fm.EndLine == 0 || fm.Node == nil && hasYAMLError(p) {
			return // reported by frontmatter/missing, unterminated or yaml
		}
		var missing []string
		for _, name := range render.RequiredFields {
			f := fm.Field(name)
			key := name
			if k := p.Config.Fields[name]; k != "" {
				key = k
			}
			switch {
			case f == nil:
				missing = append(missing, key)
			case empty(f.Value) && !p.Draft():
				p.Report(f.KeyPos, render.Pos{}, fmt.Sprintf("%s is empty", f.Key), hint(p, name))
			}
		}
		if len(missing) > 0 {
			p.Report(render.Pos{Line: fm.StartLine, Col: 1}, render.Pos{},
				fmt.Sprintf("missing required field%s: %s", plural(len(missing)), strings.Join(missing, ", ")), hint(p, missing...))
		}
	},
}

func hasYAMLError(p *Pass) bool {
	for _, e := range p.Errors {
		if e.Code == render.CodeYAML || e.Code == render.CodeNotMapping {
			return true
		}
	}
	return false
}

// empty reports whether a YAML value is null, blank or an empty list.
func empty(v *yaml.Node) bool {
	if v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	switch v.Kind {
	case yaml.ScalarNode:
		return v.Tag == "!!null" || strings.TrimSpace(v.Value) == ""
	case yaml.SequenceNode, yaml.MappingNode:
		return len(v.Content) == 0
	}
	return false
}

// hint says what values fields take.
func hint(p *Pass, fields ...string) string {
	var parts []string
	for _, f := range fields {
		switch f {
		case "date":
			parts = append(parts, "date: YYYY-MM-DD")
		case "status":
			parts = append(parts, "status: one of "+strings.Join(p.Config.Statuses, ", "))
		case "severity":
			parts = append(parts, "severity: one of "+strings.Join(p.Config.Severities, ", "))
		case "authors":
			parts = append(parts, "authors: [Your Name]")
		}
	}
	return strings.Join(parts, "; ")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
