package format

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/postmortem-dev/postmortem/lint"
)

// GitHub prints GitHub Actions workflow commands, one a finding:
//
//	::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE
//
// which the workflow run shows as annotations on the pull request's files.
func GitHub(w io.Writer, r Report) error {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		cmd := "error"
		if d.Severity == lint.Warning {
			cmd = "warning"
		}
		msg := d.Message
		if d.Suggestion != "" {
			msg += "\nSuggestion: " + d.Suggestion
		}
		fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n", cmd,
			property(d.File), d.Line, d.Column, max(d.EndLine, d.Line), d.EndColumn, property(d.Rule), data(msg))
	}
	// GitHub shows at most ten errors and ten warnings of a step in the
	// pull request; say so when there are more, rather than lose them.
	if errs, warns := lint.Count(r.Diagnostics); errs > githubShown || warns > githubShown {
		fmt.Fprintf(&b, "::notice title=postmortem lint::%s\n", data(fmt.Sprintf(
			"%d errors and %d warnings; a pull request shows ten of each, and this step's log has them all", errs, warns)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// githubShown is how many annotations of each level GitHub shows for a
// step.
const githubShown = 10

// data escapes a workflow command's message.
func data(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// property escapes a workflow command's property value.
func property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// GitLab prints a GitLab Code Quality report: a JSON array of issues with
// a description, check name, fingerprint, severity and location, which a
// merge request shows in its diff.
func GitLab(w io.Writer, r Report) error {
	type issue struct {
		Type        string   `json:"type"`
		Description string   `json:"description"`
		CheckName   string   `json:"check_name"`
		Fingerprint string   `json:"fingerprint"`
		Severity    string   `json:"severity"`
		Categories  []string `json:"categories"`
		Location    struct {
			Path  string `json:"path"`
			Lines struct {
				Begin int `json:"begin"`
				End   int `json:"end"`
			} `json:"lines"`
		} `json:"location"`
	}
	issues := []issue{}
	seen := map[string]int{}
	for _, d := range r.Diagnostics {
		is := issue{Type: "issue", Description: d.Message, CheckName: d.Rule, Categories: []string{"Style"}}
		if d.Suggestion != "" {
			is.Description += " Suggestion: " + d.Suggestion
		}
		is.Severity = "minor"
		if d.Severity == lint.Error {
			is.Severity = "major"
		}
		is.Location.Path = d.File
		is.Location.Lines.Begin = d.Line
		is.Location.Lines.End = max(d.EndLine, d.Line)
		// The fingerprint identifies the finding across runs: file, rule
		// and message, not the line, which moves when text is added above.
		key := d.File + "\x00" + d.Rule + "\x00" + d.Message
		seen[key]++
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, seen[key])))
		is.Fingerprint = hex.EncodeToString(sum[:16])
		issues = append(issues, is)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
