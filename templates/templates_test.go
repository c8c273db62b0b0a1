package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
)

func data() Data {
	return Data{
		Title: "Checkout: 503s [again], \"quoted\"", Date: "2025-03-12", Status: "draft",
		Authors: []string{"Dana Okafor", "Zoë #1"}, Services: []string{"checkout-api", "a, b"},
		Tags: []string{"yes"}, Severities: []string{"SEV1", "SEV2"},
	}
}

// TestBuiltIn executes every built-in template and parses the result: the
// front matter must read back exactly what went in, whatever characters
// the values carry, with no parse errors.
func TestBuiltIn(t *testing.T) {
	list, err := List("")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tpl := range list {
		names = append(names, tpl.Name)
		if tpl.Source != BuiltIn || tpl.Description == "" {
			t.Errorf("%s: source %q, description %q", tpl.Name, tpl.Source, tpl.Description)
		}
		var b strings.Builder
		d := data()
		if err := tpl.Execute(&b, d); err != nil {
			t.Fatalf("%s: %v", tpl.Name, err)
		}
		doc, err := render.Parse(tpl.Name+".md", []byte(b.String()), render.Options{})
		if err != nil {
			t.Fatalf("%s: %v\n%s", tpl.Name, err, b.String())
		}
		m := doc.Meta
		if m.Title != d.Title || m.Date.Format(render.DateLayout) != d.Date || m.Status != "draft" || m.Severity != "" ||
			strings.Join(m.Authors, "|") != "Dana Okafor|Zoë #1" || strings.Join(m.Services, "|") != "checkout-api|a, b" ||
			strings.Join(m.Tags, "|") != "yes" {
			t.Errorf("%s: read back %+v", tpl.Name, m)
		}
		if !strings.Contains(b.String(), "one of SEV1, SEV2 (SEV1 is the worst)") {
			t.Errorf("%s: no hint of the severity scale", tpl.Name)
		}
		if doc.Section("Summary", "Overview") == nil || doc.Section("Timeline") == nil || doc.Section("Action items") == nil {
			t.Errorf("%s: missing a Summary, Timeline or Action items section", tpl.Name)
		}
		if strings.Contains(strings.ToLower(b.String()), "root cause:") {
			t.Errorf("%s: asks for a single root cause", tpl.Name)
		}
	}
	if got := strings.Join(names, " "); got != "default minimal pagerduty sre" {
		t.Errorf("templates = %s", got)
	}
}

func TestDefaultSections(t *testing.T) {
	list, _ := List("")
	tpl, err := Find(list, "default")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := tpl.Execute(&b, data()); err != nil {
		t.Fatal(err)
	}
	doc, _ := render.Parse("d.md", []byte(b.String()), render.Options{})
	var got []string
	for _, s := range doc.Sections {
		if s.Level == 2 {
			got = append(got, s.Title)
		}
	}
	want := "Summary|Impact|Timeline|Detection|Response|Recovery|Contributing factors|What went well|What went poorly|Where we got lucky|Action items|Lessons learned"
	if strings.Join(got, "|") != want {
		t.Errorf("sections %q", got)
	}
	if !strings.Contains(b.String(), "| Action | Owner | Ticket | Due | Status |") {
		t.Error("no action item table")
	}
}

func TestFieldNames(t *testing.T) {
	list, _ := List("")
	tpl, err := Find(list, "minimal")
	if err != nil {
		t.Fatal(err)
	}
	d := data()
	d.Severity = "SEV2"
	d.FieldNames = map[string]string{"started": "start_time", "tags": "categories"}
	var b strings.Builder
	if err := tpl.Execute(&b, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "\nstart_time:") || !strings.Contains(out, "\ncategories: [") || strings.Contains(out, "\nstarted:") {
		t.Errorf("field names not applied:\n%s", out)
	}
	doc, err := render.Parse("m.md", []byte(out), render.Options{FieldNames: d.FieldNames})
	if err != nil || doc.Meta.Severity != "SEV2" || len(doc.Meta.Tags) != 1 {
		t.Errorf("read back: %v %+v", err, doc.Meta)
	}
}

func TestRepositoryTemplates(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, ".postmortem", "templates")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "security.md"), []byte("{{/* For security incidents */}}\n{{template \"frontmatter\" .}}\n# {{.Title}}\n\n## Exposure\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "minimal.md"), []byte("---\ntitle: {{yaml .Title}}\n---\n"), 0o644)
	list, err := List(root)
	if err != nil {
		t.Fatal(err)
	}
	sec, err := Find(list, "security")
	if err != nil || sec.Source != ".postmortem/templates/security.md" || sec.Description != "For security incidents" || sec.Overrides {
		t.Fatalf("security: %+v %v", sec, err)
	}
	min, _ := Find(list, "minimal")
	if min.Source != ".postmortem/templates/minimal.md" || !min.Overrides {
		t.Errorf("minimal: %+v", min)
	}
	if _, err := Find(list, "securty"); err == nil || !strings.Contains(err.Error(), `unknown template "securty" (did you mean "security"?); the templates are default, minimal, pagerduty, security, sre`) {
		t.Errorf("Find: %v", err)
	}

	os.WriteFile(filepath.Join(dir, "broken.md"), []byte("line one\n{{ .Title \n"), 0o644)
	if _, err := List(root); err == nil || err.Error() != ".postmortem/templates/broken.md:3: unclosed action started at line 2" {
		t.Errorf("broken template: %v", err)
	}
}

func TestInitFiles(t *testing.T) {
	for _, name := range []string{"init/postmortem.yaml", "init/github.yml", "init/gitlab.yml"} {
		if b, err := FS.ReadFile(name); err != nil || len(b) == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}
