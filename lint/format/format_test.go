package format

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/postmortem-dev/postmortem/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// report is a fixed report with an error, a warning, a finding without a
// suggestion, a path that needs escaping, and text that needs escaping in
// every format.
func report() Report {
	return Report{
		Files:   3,
		Version: "v0.1.0",
		Rules:   []*lint.Rule{lint.BlamelessPersonCause, lint.TimelineOrder, lint.FrontmatterValue},
		Diagnostics: []lint.Diagnostic{
			{File: "postmortems/2025-03-12-orders.md", Line: 44, Column: 15, EndLine: 44, EndColumn: 27, Rule: "blameless/person-cause", Severity: lint.Error,
				Message: "This makes a person the cause of the failure.", Suggestion: "Name the system or condition: \"the migration ran against production because ...\""},
			{File: "postmortems/2025-03-12-orders.md", Line: 61, Column: 3, EndLine: 61, EndColumn: 12, Rule: "timeline/order", Severity: lint.Warning,
				Message: "14:02 UTC comes after 2025-03-12 14:10 in the timeline", Suggestion: "move the entry to its place, or give it a date"},
			{File: "PM2021-008 - 100% down, again: 50%.md", Line: 3, Column: 11, EndLine: 3, EndColumn: 15, Rule: "frontmatter/value", Severity: lint.Error,
				Message: "severity \"Sev2\" is not one of SEV1, SEV2\nsecond line"},
		},
	}
}

// TestGolden compares each format's output with testdata/NAME.golden.
func TestGolden(t *testing.T) {
	for name, f := range Formats {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := f(&b, report()); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, b.String())
			}
		})
	}
}

func TestTextClean(t *testing.T) {
	var b bytes.Buffer
	Text(&b, Report{Files: 16}, TextOptions{Color: true})
	if b.String() != "16 files checked: no problems\n" {
		t.Errorf("clean text output = %q", b.String())
	}
}

func TestTextColor(t *testing.T) {
	var b bytes.Buffer
	Text(&b, report(), TextOptions{Color: true})
	if !strings.Contains(b.String(), "\x1b[1;31merror\x1b[0m") || !strings.Contains(b.String(), "\x1b[1;33mwarning\x1b[0m") {
		t.Errorf("no colours:\n%q", b.String())
	}
}

func TestJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	JSON(&b, Report{Files: 2})
	var out map[string]any
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if f, ok := out["findings"].([]any); !ok || len(f) != 0 || out["files"] != float64(2) {
		t.Errorf("empty report = %s", b.String())
	}
}

// TestSARIFSchema validates the SARIF output against the SARIF 2.1.0
// schema, which .ci/run fetches from the npm registry (the schema that
// @microsoft/jest-sarif ships) and names in SARIF_SCHEMA.
func TestSARIFSchema(t *testing.T) {
	path := os.Getenv("SARIF_SCHEMA")
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("SARIF_SCHEMA is not set in CI")
		}
		t.Skip("SARIF_SCHEMA is not set; .ci/run sets it")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []Report{report(), {Files: 1, Version: "dev"}} {
		var b bytes.Buffer
		if err := SARIF(&b, r); err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(&b)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(v); err != nil {
			t.Errorf("SARIF output does not validate: %v", err)
		}
	}
	// The validator is not vacuous: a log without its version fails.
	bad, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"runs": []}`))
	if schema.Validate(bad) == nil {
		t.Error("a log without a version validated")
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	GitHub(&b, report())
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines, want one a finding:\n%s", len(lines), b.String())
	}
	if !strings.Contains(lines[2], "file=PM2021-008 - 100%25 down%2C again%3A 50%25.md,") || !strings.Contains(lines[2], "SEV2%0Asecond line") {
		t.Errorf("escaping: %s", lines[2])
	}
}

func TestGitLabFingerprints(t *testing.T) {
	r := report()
	r.Diagnostics = append(r.Diagnostics, r.Diagnostics[0])
	var b bytes.Buffer
	GitLab(&b, r)
	var issues []struct {
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
	}
	if err := json.Unmarshal(b.Bytes(), &issues); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, is := range issues {
		if seen[is.Fingerprint] {
			t.Errorf("fingerprint %s repeated", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
	if issues[0].Severity != "major" || issues[1].Severity != "minor" {
		t.Errorf("severities %+v", issues)
	}
	// A finding keeps its fingerprint when lines above it move.
	moved := report()
	moved.Diagnostics[0].Line += 10
	var b2 bytes.Buffer
	GitLab(&b2, moved)
	if !strings.Contains(b2.String(), issues[0].Fingerprint) {
		t.Error("fingerprint changed with the line")
	}
}

// TestGitHubMany: past ten errors or warnings, which is all a pull request
// shows of a step, a notice says how many there are.
func TestGitHubMany(t *testing.T) {
	var r Report
	for i := range 11 {
		r.Diagnostics = append(r.Diagnostics, lint.Diagnostic{File: "a.md", Line: i + 1, Column: 1, EndLine: i + 1, EndColumn: 2,
			Rule: "blameless/judgement", Severity: lint.Error, Message: "m"})
	}
	var b strings.Builder
	if err := GitHub(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "::notice title=postmortem lint::11 errors and 0 warnings; a pull request shows ten of each, and this step's log has them all\n") {
		t.Errorf("no notice after 11 errors:\n%s", b.String())
	}
	r.Diagnostics = r.Diagnostics[:10]
	b.Reset()
	GitHub(&b, r)
	if strings.Contains(b.String(), "::notice") {
		t.Error("a notice for ten errors")
	}
}

// TestHelpMarkdown: a rule's help is Markdown prose with its examples as
// code, and an HTML comment it quotes stays visible.
func TestHelpMarkdown(t *testing.T) {
	got := helpMarkdown("Put\n<!-- postmortem-lint disable-next-line RULE --> before it.\n\n    Dana <b>ignored</b> it.")
	want := "Put\n\\<!-- postmortem-lint disable-next-line RULE --> before it.\n\n    Dana <b>ignored</b> it."
	if got != want {
		t.Errorf("helpMarkdown = %q, want %q", got, want)
	}
	if p := firstParagraph("One\ntwo.\n\nThree.", "doc"); p != "One two." {
		t.Errorf("firstParagraph = %q", p)
	}
}
