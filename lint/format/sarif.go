package format

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/postmortem-dev/postmortem/lint"
)

// SARIF prints a SARIF 2.1.0 log with one run: the tool with every rule
// that ran (description, help, default level) and a result per finding,
// located relative to the repository root (%SRCROOT%), so that code
// scanning shows findings in the diff of a pull request.
func SARIF(w io.Writer, r Report) error {
	type message struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	type rule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     message           `json:"shortDescription"`
		FullDescription      message           `json:"fullDescription"`
		Help                 message           `json:"help"`
		DefaultConfiguration map[string]string `json:"defaultConfiguration"`
		Properties           map[string]any    `json:"properties"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId"`
			} `json:"artifactLocation"`
			Region region `json:"region"`
		} `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   message    `json:"message"`
		Locations []location `json:"locations"`
	}
	rules := []rule{}
	index := map[string]int{}
	add := func(name, doc, explain string, sev lint.Severity, group string) {
		index[name] = len(rules)
		rules = append(rules, rule{
			ID: name, Name: name,
			ShortDescription:     message{Text: doc},
			FullDescription:      message{Text: firstParagraph(explain, doc)},
			Help:                 message{Text: explain, Markdown: helpMarkdown(explain)},
			DefaultConfiguration: map[string]string{"level": level(sev)},
			Properties:           map[string]any{"tags": []string{group}},
		})
	}
	for _, ru := range r.Rules {
		add(ru.Name, ru.Doc, ru.Explain, ru.Severity, ru.Group())
	}
	results := []result{}
	for _, d := range r.Diagnostics {
		if _, ok := index[d.Rule]; !ok {
			add(d.Rule, d.Rule, d.Message, d.Severity, "file")
		}
		text := d.Message
		if d.Suggestion != "" {
			text += " Suggestion: " + d.Suggestion
		}
		var loc location
		loc.PhysicalLocation.ArtifactLocation.URI = uri(d.File)
		loc.PhysicalLocation.ArtifactLocation.URIBaseID = "%SRCROOT%"
		end := d.EndColumn
		if d.EndLine == d.Line && end <= d.Column {
			end = d.Column + 1
		}
		loc.PhysicalLocation.Region = region{StartLine: d.Line, StartColumn: d.Column, EndLine: max(d.EndLine, d.Line), EndColumn: end}
		results = append(results, result{RuleID: d.Rule, RuleIndex: index[d.Rule], Level: level(d.Severity), Message: message{Text: text}, Locations: []location{loc}})
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "postmortem",
				"informationUri": "https://github.com/postmortem-dev/postmortem",
				"version":        r.Version,
				"rules":          rules,
			}},
			"columnKind": "unicodeCodePoints",
			"originalUriBaseIds": map[string]any{
				"%SRCROOT%": map[string]any{"description": map[string]string{"text": "The root of the repository."}},
			},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

// level returns the SARIF level of a severity.
func level(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "none"
}

// uri escapes a relative path for a SARIF artifact location: spaces and
// other characters a URI reference cannot hold are percent-encoded.
func uri(path string) string {
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(path); i++ {
		c := path[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '/' || c == '-' || c == '.' || c == '_' || c == '~' {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return string(b)
}

// firstParagraph returns the first paragraph of a rule's explanation,
// joined into one line, or doc when there is none.
func firstParagraph(explain, doc string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(explain), "\n\n")
	if p = strings.Join(strings.Fields(p), " "); p != "" {
		return p
	}
	return doc
}

// helpMarkdown writes a rule's explanation as Markdown: its prose as
// paragraphs, with "<" escaped so that an HTML comment it quotes shows,
// and its examples, indented four spaces, as code blocks.
func helpMarkdown(explain string) string {
	lines := strings.Split(explain, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "    ") {
			lines[i] = strings.ReplaceAll(l, "<", "\\<")
		}
	}
	return strings.Join(lines, "\n")
}
