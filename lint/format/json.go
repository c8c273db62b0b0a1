package format

import (
	"encoding/json"
	"io"

	"github.com/postmortem-dev/postmortem/lint"
)

// JSON prints {"findings": [...], "files": N}. Each finding has file,
// line, column, endLine, endColumn (1-based; columns count characters),
// rule, severity ("error" or "warning"), message and, when there is one,
// suggestion.
func JSON(w io.Writer, r Report) error {
	out := struct {
		Findings []lint.Diagnostic `json:"findings"`
		Files    int               `json:"files"`
	}{r.Diagnostics, r.Files}
	if out.Findings == nil {
		out.Findings = []lint.Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
