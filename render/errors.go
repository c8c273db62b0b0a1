package render

import (
	"fmt"
	"sort"
	"strings"
)

// Codes of the problems Parse reports. Each names what is wrong, so that a
// caller (the lint rules, the site build) can decide how to report it.
const (
	CodeUnterminated = "frontmatter/unterminated" // an opening --- without a closing one
	CodeYAML         = "frontmatter/yaml"         // the front matter is not valid YAML
	CodeNotMapping   = "frontmatter/not-mapping"  // the front matter is YAML, but not key: value pairs
	CodeDuplicateKey = "frontmatter/duplicate-key"
	CodeType         = "frontmatter/type" // a known field has a value of the wrong type
	CodeDate         = "frontmatter/date" // a date or timestamp that does not parse
	CodeEncoding     = "document/encoding"
)

// Error is a problem found at a position in a file.
type Error struct {
	Path string
	Pos  Pos
	Code string // one of the Code constants
	Msg  string
}

// Error returns "path:line:col: msg".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Pos.IsValid() {
		fmt.Fprintf(&b, ":%d:%d", e.Pos.Line, e.Pos.Col)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ErrorList is a list of problems. Its zero value is an empty list.
type ErrorList []*Error

// Add appends an error.
func (l *ErrorList) Add(path string, pos Pos, code, format string, args ...any) {
	*l = append(*l, &Error{Path: path, Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// Sort sorts the list by file and position.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Pos.Before(b.Pos)
	})
}

// Error returns the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Err returns nil when the list is empty, and the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unwrap returns the errors in the list, for errors.Is and errors.As.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
