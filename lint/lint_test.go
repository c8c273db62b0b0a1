package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/lint/blameless"
	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
)

// wantRE finds an expectation: want "rule" ... on the line of the comment,
// or want:N "rule" ... on line N. It is written in an HTML comment in
// Markdown and in a # comment in front matter.
var wantRE = regexp.MustCompile(`want(?::(\d+))?((?:\s+"[^"]+")+)`)

var ruleNameRE = regexp.MustCompile(`"([^"]+)"`)

// fixtureNow is the time fixtures are checked at.
var fixtureNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// TestRules runs each rule on its fixtures in testdata/GROUP/NAME/*.md, with
// only that rule enabled, and compares its findings with the expectations
// written in the fixtures: every expected finding must be reported on its
// line, and a line without an expectation must stay silent. A fixture
// folder may hold a .postmortem.yaml for the rule's configuration.
func TestRules(t *testing.T) {
	tested := map[string]bool{}
	for _, rule := range Rules {
		dir := filepath.Join("testdata", filepath.FromSlash(rule.Name))
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		if len(files) == 0 {
			continue
		}
		tested[rule.Name] = true
		t.Run(rule.Name, func(t *testing.T) {
			cfg := config.Default()
			if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
				c, err := config.ReadFile(filepath.Join(dir, config.FileName))
				if err != nil {
					t.Fatal(err)
				}
				cfg = c
			}
			cfg.Root = dir
			cfg.Lint.Rules = map[string]string{}
			for _, r := range Rules {
				cfg.Lint.Rules[r.Name] = "off"
			}
			cfg.Lint.Rules[rule.Name] = "error"
			var docs []*render.Document
			var errs render.ErrorList
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				// As Linter.Files parses: without autolinks.
				opts := cfg.ParseOptions()
				opts.NoAutolinks = true
				d, err := render.Parse(filepath.Base(f), src, opts)
				if list, ok := err.(render.ErrorList); ok {
					errs = append(errs, list...)
				}
				docs = append(docs, d)
			}
			l, err := New(cfg, Options{
				Now:     fixtureNow,
				People:  []string{"Jun Park"},
				Exists:  func(p string) bool { _, err := os.Stat(filepath.Join(dir, p)); return err == nil },
				Prompts: []string{"Who and what was affected, and how much."},
			})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{} // "file:line" -> rules
			diags, err := l.Run(docs, errs)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diags {
				k := fmt.Sprintf("%s:%d", d.File, d.Line)
				got[k] = append(got[k], d.Rule)
				t.Logf("%s", d)
			}
			want := map[string][]string{}
			for _, d := range docs {
				for i, line := range strings.Split(string(d.Source), "\n") {
					for _, m := range wantRE.FindAllStringSubmatch(line, -1) {
						n := i + 1
						if m[1] != "" {
							n, _ = strconv.Atoi(m[1])
						}
						for _, r := range ruleNameRE.FindAllStringSubmatch(m[2], -1) {
							k := fmt.Sprintf("%s:%d", d.Path, n)
							want[k] = append(want[k], r[1])
						}
					}
				}
			}
			keys := map[string]bool{}
			for k := range got {
				keys[k] = true
			}
			for k := range want {
				keys[k] = true
			}
			var sorted []string
			for k := range keys {
				sorted = append(sorted, k)
			}
			sort.Strings(sorted)
			for _, k := range sorted {
				g, w := got[k], want[k]
				sort.Strings(g)
				sort.Strings(w)
				if strings.Join(g, " ") != strings.Join(w, " ") {
					switch {
					case len(w) == 0:
						t.Errorf("%s: unexpected %s", k, strings.Join(g, ", "))
					case len(g) == 0:
						t.Errorf("%s: missing %s", k, strings.Join(w, ", "))
					default:
						t.Errorf("%s: got %s, want %s", k, strings.Join(g, ", "), strings.Join(w, ", "))
					}
				}
			}
		})
	}
	for _, r := range Rules {
		if !tested[r.Name] {
			t.Errorf("rule %s has no fixtures in testdata/%s", r.Name, r.Name)
		}
	}
}

// TestRuleValues checks every rule is documented and named as its group
// and file say.
func TestRuleValues(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.Name] {
			t.Errorf("%s is listed twice", r.Name)
		}
		seen[r.Name] = true
		if !regexp.MustCompile(`^[a-z]+/[a-z-]+$`).MatchString(r.Name) {
			t.Errorf("%s: a name is group/name in lower case", r.Name)
		}
		if r.Doc == "" || len(r.Explain) < 80 || r.Run == nil || r.Severity == Off {
			t.Errorf("%s: needs a doc, an explanation, a run function and a default severity", r.Name)
		}
		if Lookup(r.Name) != r {
			t.Errorf("Lookup(%q) does not return the rule", r.Name)
		}
	}
}

// TestFilesDeterministic lints a repository several times: files are read
// on all cores, but the findings and their messages come out the same.
func TestFilesDeterministic(t *testing.T) {
	root := t.TempDir()
	var files []string
	for i := range 12 {
		name := fmt.Sprintf("postmortems/%02d.md", i)
		files = append(files, name)
		src := "---\ntitle: t\nid: same\nstatus: published\n---\n\nDana broke it.\n"
		if err := os.MkdirAll(filepath.Join(root, "postmortems"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := config.Default()
	cfg.Root = root
	l, err := New(cfg, Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	var first string
	for range 5 {
		diags, err := l.Files(files, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, d := range diags {
			fmt.Fprintln(&b, d)
		}
		if first == "" {
			first = b.String()
			if !strings.Contains(first, "frontmatter/duplicate-id") || !strings.Contains(first, "blameless/person-cause") {
				t.Fatalf("expected findings missing:\n%s", first)
			}
		} else if b.String() != first {
			t.Fatalf("a second run differs:\n%s\nfirst:\n%s", b.String(), first)
		}
	}
}

// TestPromptReportedOnce: a required section that holds only its
// template's prompt is one finding, the prompt's, not also an empty
// section; with sections/placeholder off, it is an empty section.
func TestPromptReportedOnce(t *testing.T) {
	src := "---\ntitle: T\ndate: 2025-01-01\nstatus: published\nseverity: SEV2\nauthors: [A]\n---\n" +
		"# T\n\n## Summary\n\nIt broke.\n\n## Impact\n\n<!-- Who and what was affected -->\n\n" +
		"## Timeline\n\n- 10:00 It broke.\n\n## Contributing factors\n\nA config.\n\n## Action items\n\n- [ ] Fix it — owner: A, ticket: OPS-1\n"
	d, _ := render.Parse("p.md", []byte(src), render.Options{})
	for _, tc := range []struct {
		placeholder string
		want        []string
	}{
		{"error", []string{"sections/placeholder"}},
		{"off", []string{"sections/empty"}},
	} {
		cfg := config.Default()
		cfg.Lint.Rules = map[string]string{"sections/placeholder": tc.placeholder}
		l, err := New(cfg, Options{Prompts: Prompts("<!-- Who and what was affected -->"), Now: fixtureNow})
		if err != nil {
			t.Fatal(err)
		}
		diags, err := l.Run([]*render.Document{d}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, dg := range diags {
			if dg.Line == 14 || dg.Line == 16 { // the heading, the prompt
				got = append(got, dg.Rule)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("sections/placeholder %s: findings %q, want %q (all: %+v)", tc.placeholder, got, tc.want, diags)
		}
	}
}

// TestImpliedThresholdSetting: lint.blameless.implied_threshold reaches
// the model: at 0.9999 a sentence of implied blame the default reports is
// left alone.
func TestImpliedThresholdSetting(t *testing.T) {
	src := "---\ntitle: T\ndate: 2025-01-01\nstatus: draft\nseverity: SEV2\nauthors: [A]\n---\n" +
		"# T\n\nIt took a customer on Twitter to notice what Lars's dashboards had missed for an hour.\n"
	d, _ := render.Parse("p.md", []byte(src), render.Options{})
	for _, tc := range []struct {
		threshold float64
		want      int
	}{{0, 1}, {0.9999, 0}} {
		cfg := config.Default()
		cfg.Lint.Blameless.ImpliedThreshold = tc.threshold
		l, err := New(cfg, Options{Now: fixtureNow})
		if err != nil {
			t.Fatal(err)
		}
		diags, err := l.Run([]*render.Document{d}, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, dg := range diags {
			if dg.Rule == "blameless/implied" {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("implied_threshold %v: %d blameless/implied findings, want %d (all: %+v)", tc.threshold, n, tc.want, diags)
		}
	}
}

// TestBlamelessExplainExamples: the example in each blameless rule's
// explanation is reported by that rule, and its rewrite by none.
func TestBlamelessExplainExamples(t *testing.T) {
	d, err := blameless.New(blameless.Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(text string) []blameless.Match {
		var out []blameless.Match
		for _, s := range blameless.Sentences(text) {
			out = append(out, d.Check(text[s.Start:s.End])...)
		}
		return out
	}
	for _, r := range Rules {
		cat, ok := strings.CutPrefix(r.Name, "blameless/")
		if !ok {
			continue
		}
		var example, rewrite []string
		in := &example
		for _, line := range strings.Split(r.Explain, "\n") {
			if !strings.HasPrefix(line, "    ") {
				continue
			}
			line = strings.TrimSpace(line)
			if after, ok := strings.CutPrefix(line, "Rewrite:"); ok {
				in, line = &rewrite, strings.TrimSpace(after)
			}
			*in = append(*in, line)
		}
		ex, rw := strings.Join(example, " "), strings.Join(rewrite, " ")
		ex = strings.TrimPrefix(ex, "Action: ")
		if ex == "" || rw == "" {
			t.Errorf("%s: no example and rewrite in the explanation", r.Name)
			continue
		}
		found := false
		for _, m := range check(ex) {
			found = found || string(m.Category) == cat
		}
		if !found {
			t.Errorf("%s: the example %q is not reported by the rule: %+v", r.Name, ex, check(ex))
		}
		if ms := check(strings.TrimPrefix(rw, "Action: ")); len(ms) > 0 {
			t.Errorf("%s: the rewrite %q is reported: %+v", r.Name, rw, ms)
		}
	}
}

// TestBlankURLs: bare URLs, in any case, become spaces of their length;
// words that merely start like them stay.
func TestBlankURLs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"see https://x.example/blame now", "see " + strings.Repeat(" ", 23) + " now"},
		{"HTTP://A.B and Www.blame.example.", strings.Repeat(" ", 10) + " and " + strings.Repeat(" ", 18)},
		{"what, when, with, http, www, wwwx, https:/x", "what, when, with, http, www, wwwx, https:/x"},
		{"a.http://x and xwww.y", "a.http://x and xwww.y"},
		{"ht", "ht"},
	} {
		if got := blankURLs(tc.in); got != tc.want {
			t.Errorf("blankURLs(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
