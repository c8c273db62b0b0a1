package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
)

func TestParseDefaults(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n", "~\n"} {
		c, err := Parse(".postmortem.yaml", []byte(data))
		if err != nil {
			t.Fatalf("Parse(%q): %v", data, err)
		}
		want := Default()
		want.Path = ".postmortem.yaml"
		c.keyPos = nil
		if !reflect.DeepEqual(c, want) {
			t.Errorf("Parse(%q) = %+v, want the defaults", data, c)
		}
	}
}

func TestParseValues(t *testing.T) {
	c, err := Parse("c.yaml", []byte(`
postmortems: docs/incidents
severities: [P1, P2, P3]
statuses: [wip, final]
fields:
  started: start_time
  tags: categories
sections:
  required: [Summary, Root causes]
  aliases:
    Root causes: [Causes]
site:
  title: Incidents
  allow_html: true
lint:
  rules:
    blameless/hindsight: warning
  blameless:
    implied_threshold: 0.85
`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Postmortems != "docs/incidents" || c.Draft() != "wip" || c.Published() != "final" || len(c.Severities) != 3 {
		t.Errorf("got %+v", c)
	}
	if c.Fields["started"] != "start_time" || c.ParseOptions().FieldNames["tags"] != "categories" {
		t.Errorf("fields = %v", c.Fields)
	}
	if got := c.SectionNames("Root causes"); !reflect.DeepEqual(got, []string{"Root causes", "Causes"}) {
		t.Errorf("SectionNames = %q", got)
	}
	if got := c.SectionNames("Contributing factors"); len(got) < 2 {
		t.Errorf("default aliases were lost: %q", got)
	}
	if !c.Site.AllowHTML || c.Site.Title != "Incidents" || c.Site.Branch != "main" {
		t.Errorf("site = %+v", c.Site)
	}
	if c.Lint.Rules["blameless/hindsight"] != "warning" || c.Lint.Blameless.ImpliedThreshold != 0.85 {
		t.Errorf("lint = %+v", c.Lint)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ data, want string }{
		{"severty: [a]\n", `c.yaml:1:1: unknown setting "severty" (did you mean "severities"?)`},
		{"site:\n  titel: x\n", `c.yaml:2:3: unknown setting "site.titel" (did you mean "site.title"?)`},
		{"site:\n  allow_html: maybe\n", `c.yaml:2:15: site.allow_html must be true or false, not "maybe"`},
		{"severities: SEV1\n", `c.yaml:1:13: severities must be a list, not a single value`},
		{"site: [a]\n", `c.yaml:1:7: site must be a mapping of settings, not a list`},
		{"statuses: [draft]\n", `c.yaml:1:1: statuses must list at least two statuses`},
		{"severities: [A, A]\n", `c.yaml:1:1: severities: "A" is listed twice`},
		{"filename: \"{date}.md\"\n", `c.yaml:1:1: filename must contain {slug}`},
		{"filename: \"{slug}-{author}.md\"\n", `c.yaml:1:1: filename "{slug}-{author}.md": only {date}`},
		{"postmortems: ../elsewhere\n", `c.yaml:1:1: postmortems must be a folder inside the repository`},
		{"fields:\n  strated: begin\n", `c.yaml:1:1: fields: "strated" is not a front matter field (did you mean "started"?)`},
		{"fields:\n  started: t\n  resolved: t\n", `fields: resolved and started are both mapped to "t"`},
		{"lint:\n  rules:\n    x: loud\n", `lint.rules: x: severity must be error, warning or off, not "loud"`},
		{"lint:\n  blameless:\n    implied_threshold: 0.3\n", `c.yaml:3:5: lint.blameless.implied_threshold must be from 0.5 to below 1, not 0.3`},
		{"lint:\n  blameless:\n    implied_threshold: 1\n", `c.yaml:3:5: lint.blameless.implied_threshold must be from 0.5 to below 1, not 1`},
		{"lint:\n  blameless:\n    implied_threshold: high\n", `c.yaml:3:24: lint.blameless.implied_threshold must be a number, not "high"`},
		{"site:\n  title: [x\n", `c.yaml:2:1: invalid YAML: did not find expected ',' or ']'`},
		{"a: &x 1\nsite:\n  title: *x\n", `unknown setting "a"`},
		{"- a\n", `c.yaml:1:1: the configuration must be a mapping of settings, not a list`},
		{"template: default\ntemplate: sre\n", `c.yaml:2:1: template is set twice`},
	} {
		_, err := Parse("c.yaml", []byte(tc.data))
		if err == nil {
			t.Errorf("Parse(%q): no error, want %q", tc.data, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q):\n got %v\nwant %s", tc.data, err, tc.want)
		}
	}
}

func TestLoadWalksUp(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("postmortems: pm\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(deep)
	if err != nil {
		t.Fatal(err)
	}
	if c.Root != root || c.Dir() != filepath.Join(root, "pm") || c.Path != filepath.Join(root, FileName) {
		t.Errorf("root %q dir %q path %q", c.Root, c.Dir(), c.Path)
	}
}

func TestLoadWithoutFile(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(root, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := Load(sub)
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != "" || c.Root != root {
		t.Errorf("path %q root %q, want no file and root %q", c.Path, c.Root, root)
	}
}

func TestLoadReportsFileErrors(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, FileName)
	if err := os.WriteFile(p, []byte("template: sre\nseverity: [x]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(root)
	if err == nil || !strings.HasPrefix(err.Error(), p+":2:1: unknown setting \"severity\" (did you mean \"severities\"?)") {
		t.Errorf("Load: %v", err)
	}
}

// FuzzParse checks that Parse never panics and that its errors carry a
// position inside the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("severities: [P1, P2]\nsite:\n  title: x\n"))
	f.Add([]byte("fields:\n  started: s\nlint:\n  rules:\n    a: off\n"))
	f.Add([]byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("c.yaml", data)
		if err == nil {
			if c == nil || len(c.Statuses) < 2 || len(c.Severities) == 0 {
				t.Fatalf("accepted a configuration without statuses or severities: %+v", c)
			}
			return
		}
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 2 // YAML also breaks lines at a lone CR
		var list render.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("error is not an ErrorList: %v", err)
		}
		for _, e := range list {
			if e.Pos.Line < 1 || e.Pos.Line > lines {
				t.Errorf("error %q outside the file's %d lines", e, lines)
			}
		}
	})
}
