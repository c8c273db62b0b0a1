// Package format prints lint results: for people (text), for programs
// (json), for code scanning (sarif), and for CI annotations (github,
// gitlab). Each format is a pure function from a Report to a writer.
package format

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/postmortem-dev/postmortem/lint"
)

// Report is the result of a lint run.
type Report struct {
	Diagnostics []lint.Diagnostic
	// Files is the number of files checked.
	Files int
	// Rules are the rules that ran, for formats that describe them.
	Rules []*lint.Rule
	// Version is the tool's version.
	Version string
}

// Func prints a report.
type Func func(w io.Writer, r Report) error

// Formats are the formats by name.
var Formats = map[string]Func{
	"text":   func(w io.Writer, r Report) error { return Text(w, r, TextOptions{}) },
	"json":   JSON,
	"sarif":  SARIF,
	"github": GitHub,
	"gitlab": GitLab,
}

// Names returns the names of the formats, sorted.
func Names() []string {
	names := make([]string, 0, len(Formats))
	for n := range Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// TextOptions control the text format. The zero value prints plain text.
type TextOptions struct {
	Color bool // ANSI colours, for a terminal
}

// Text prints one finding a line, "path:line:col: severity: message [rule]",
// followed by its suggestion, grouped by file with a blank line between
// files, and a summary line at the end. With no findings it prints only the
// summary.
func Text(w io.Writer, r Report, opts TextOptions) error {
	paint := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	var b strings.Builder
	prev := ""
	for _, d := range r.Diagnostics {
		if prev != "" && d.File != prev {
			b.WriteByte('\n')
		}
		prev = d.File
		sev := d.Severity.String()
		switch d.Severity {
		case lint.Error:
			sev = paint("1;31", sev)
		case lint.Warning:
			sev = paint("1;33", sev)
		}
		fmt.Fprintf(&b, "%s: %s: %s %s\n", paint("1", fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)), sev, d.Message, paint("2", "["+d.Rule+"]"))
		if d.Suggestion != "" {
			fmt.Fprintf(&b, "    %s %s\n", paint("36", "suggestion:"), d.Suggestion)
		}
	}
	if len(r.Diagnostics) > 0 {
		b.WriteByte('\n')
	}
	b.WriteString(Summary(r))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// Summary returns the summary line: "2 errors and 1 warning in 2 of 16
// files", or "16 files checked: no problems".
func Summary(r Report) string {
	errs, warns := lint.Count(r.Diagnostics)
	files := map[string]bool{}
	for _, d := range r.Diagnostics {
		files[d.File] = true
	}
	if errs+warns == 0 {
		return fmt.Sprintf("%s checked: no problems", count(r.Files, "file"))
	}
	var parts []string
	if errs > 0 {
		parts = append(parts, count(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, count(warns, "warning"))
	}
	return fmt.Sprintf("%s in %d of %s", strings.Join(parts, " and "), len(files), count(r.Files, "file"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
