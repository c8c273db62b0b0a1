// Package lint checks postmortems: front matter, required sections,
// timelines, action items, links, and blameless language.
//
// A check is a Rule: a small value with a name, documentation, a default
// severity and a Run function that reports through a Pass. The rules are
// listed in one slice, Rules. A Diagnostic is plain data; the formats in
// package lint/format print a list of them.
package lint

import (
	"fmt"
	"strings"
)

// Severity is how much a finding matters. The zero value is Off.
type Severity int

// The severities, from least to most.
const (
	Off Severity = iota
	Warning
	Error
)

// String returns "off", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity parses "error", "warning" or "off".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "off":
		return Off, nil
	}
	return Off, fmt.Errorf("severity must be error, warning or off, not %q", s)
}

// MarshalText makes a Severity a JSON string.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one finding. Lines and columns are 1-based; columns count
// Unicode characters, and EndLine:EndColumn is just past the span.
type Diagnostic struct {
	File       string   `json:"file"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	EndLine    int      `json:"endLine"`
	EndColumn  int      `json:"endColumn"`
	Rule       string   `json:"rule"`
	Severity   Severity `json:"severity"`
	Message    string   `json:"message"`
	Suggestion string   `json:"suggestion,omitempty"`
}

// String returns "file:line:col: severity: message [rule]".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", d.File, d.Line, d.Column, d.Severity, d.Message, d.Rule)
}

// Rule is one check.
type Rule struct {
	// Name is "group/name", for example "blameless/person-cause".
	Name string
	// Doc is one line: what the rule finds.
	Doc string
	// Explain is the longer explanation `postmortem lint --explain` prints,
	// with an example and, where it applies, a blameless rewrite.
	Explain string
	// Severity is the default severity.
	Severity Severity
	// Run checks one document and reports through the pass.
	Run func(*Pass)
}

// Group returns the part of the rule's name before the slash.
func (r *Rule) Group() string {
	g, _, _ := strings.Cut(r.Name, "/")
	return g
}
