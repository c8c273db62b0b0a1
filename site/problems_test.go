package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestProblems: a document with errors is built, with a banner, and
// reported; a file that cannot be read is left out and reported.
func TestProblems(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"postmortems/2024-05-01-good.md": "---\ntitle: Good\nstatus: published\n---\n\n## Summary\n\nFine.\n",
		"postmortems/2024-05-02-bad.md":  "---\ntitle: Bad\nstarted: yesterday\nseverity: [SEV1\n---\n\n## Summary\n\nStill readable.\n",
		"postmortems/2024-05-03-date.md": "---\ntitle: Bad date\nstarted: yesterday\n---\n\nBody.\n",
	})
	if err := os.Mkdir(filepath.Join(dir, "postmortems", "2024-05-04-folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig(t, dir)
	res, files := build(t, cfg, Options{})
	var msgs []string
	for _, p := range res.Problems {
		msgs = append(msgs, p.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		"postmortems/2024-05-02-bad.md:4:", // the YAML error, with its line
		"postmortems/2024-05-03-date.md:3:10: started: \"yesterday\" is not an RFC 3339 timestamp",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems do not report %q:\n%s", want, got)
		}
	}
	if len(res.Site.Postmortems) != 3 {
		t.Errorf("%d postmortems, want the 3 that can be read", len(res.Site.Postmortems))
	}
	page := string(files["postmortems/2024-05-03-date.html"])
	if !strings.Contains(page, `class="banner warning"`) || !strings.Contains(page, "postmortems/2024-05-03-date.md:3:10: started:") {
		t.Errorf("no warning banner with the problem on the page")
	}
	if strings.Contains(string(files["postmortems/2024-05-01-good.html"]), "banner warning") {
		t.Errorf("a warning banner on a good document")
	}
}

// TestNoHistory builds outside a repository, in a repository without
// commits, and in a shallow clone: pages are built, with one notice.
func TestNoHistory(t *testing.T) {
	doc := map[string]string{"postmortems/2024-05-01-x.md": "---\ntitle: X\n---\n\nBody.\n", "postmortems/y.md": "# Y\n\nNo date.\n"}
	t.Run("not a repository", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, doc)
		res, files := build(t, loadConfig(t, dir), Options{})
		if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "not a git repository") || res.Site.History != "none" {
			t.Errorf("notices %q, history %q", res.Notices, res.Site.History)
		}
		if !strings.Contains(string(files["postmortems/2024-05-01-x.html"]), "not in a git repository") {
			t.Errorf("the page does not say why it has no history")
		}
		if y := res.Site.Postmortems[1]; y.Date != "" || y.Year != "" {
			t.Errorf("an undated postmortem got a date: %+v", y)
		}
		if !strings.Contains(string(files["index.html"]), `id="undated"`) {
			t.Errorf("no Undated group on the index")
		}
	})
	t.Run("no commits", func(t *testing.T) {
		dir := t.TempDir()
		newRepo(t, dir)
		writeFiles(t, dir, doc)
		res, _ := build(t, loadConfig(t, dir), Options{})
		if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "no commits") {
			t.Errorf("notices %q", res.Notices)
		}
	})
	t.Run("shallow", func(t *testing.T) {
		dir := t.TempDir()
		r := newRepo(t, dir)
		r.commit("Ana Almeida", "One\n", doc)
		head := r.commit("Bilal Banerjee", "Two\n", map[string]string{"postmortems/y.md": "# Y\n\nEdited.\n"})
		// What a clone of depth 1 records.
		writeFiles(t, dir, map[string]string{".git/shallow": head + "\n"})
		res, files := build(t, loadConfig(t, dir), Options{})
		if len(res.Notices) != 1 || !strings.Contains(res.Notices[0], "fetch-depth: 0") || res.Site.History != "shallow" {
			t.Errorf("notices %q, history %q", res.Notices, res.Site.History)
		}
		if !strings.Contains(string(files["postmortems/y.html"]), "shallow clone") {
			t.Errorf("the page does not say its history is incomplete")
		}
		// The undated document takes the date of its first commit seen.
		if y := res.Site.Postmortems[1]; y.Path != "postmortems/y.md" || y.DateFrom != "git" || y.Date != r.now.Format("2006-01-02") {
			t.Errorf("undated document: %+v", y)
		}
	})
	t.Run("uncommitted", func(t *testing.T) {
		dir := t.TempDir()
		r := newRepo(t, dir)
		r.commit("Ana Almeida", "One\n", doc)
		writeFiles(t, dir, map[string]string{"postmortems/2024-06-01-new.md": "---\ntitle: New\n---\n", "postmortems/y.md": "# Y\n\nChanged.\n"})
		res, files := build(t, loadConfig(t, dir), Options{})
		if len(res.Notices) != 0 {
			t.Errorf("notices %q", res.Notices)
		}
		if !strings.Contains(string(files["postmortems/2024-06-01-new.html"]), "not committed yet") {
			t.Errorf("a new file's page does not say it is not committed")
		}
		if !strings.Contains(string(files["postmortems/y.html"]), "uncommitted changes") {
			t.Errorf("a changed file's page does not say it has uncommitted changes")
		}
	})
}

// TestDFDS builds a real team's repository, whose postmortems have no
// front matter, with a few lines of configuration. It needs the shared
// corpora and git, and skips without them.
func TestDFDS(t *testing.T) {
	bundle := filepath.Join(moduleRoot(t), "..", "shared", "corpora", "dfds-postmortems.bundle")
	if _, err := os.Stat(bundle); err != nil {
		t.Skip("no shared corpora:", err)
	}
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git to clone the bundle")
	}
	dir := filepath.Join(t.TempDir(), "dfds")
	if out, err := exec.Command(gitBin, "clone", "-q", bundle, dir).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	writeFiles(t, dir, map[string]string{".postmortem.yaml": "postmortems: .\ninclude: [\"PM*\"]\nexclude: [\"PMyyyy-*\"]\n"})
	res, files := build(t, loadConfig(t, dir), Options{})
	s := res.Site
	if len(s.Postmortems) != 39 || len(res.Problems) != 0 || len(res.Notices) != 0 {
		t.Fatalf("%d postmortems, problems %v, notices %v", len(s.Postmortems), res.Problems, res.Notices)
	}
	for _, pm := range s.Postmortems {
		if pm.Date == "" || pm.History == nil || pm.Title == "" || pm.Summary == "" {
			t.Errorf("%s: date %q, history %v, title %q, summary %q", pm.Path, pm.Date, pm.History != nil, pm.Title, pm.Summary)
		}
		if pm.DateFrom != "timeline" && pm.DateFrom != "git" {
			t.Errorf("%s: date from %q", pm.Path, pm.DateFrom)
		}
		// The number in the name, PM2021-008, is in the year of the date.
		if !strings.HasPrefix(pm.Path, "PM"+pm.Year) && pm.DateFrom == "timeline" {
			t.Logf("%s: dated %s from its timeline", pm.Path, pm.Date)
		}
	}
	if !strings.Contains(string(files["index.html"]), "Dates marked * are") {
		t.Errorf("the index does not say where dates come from")
	}
}
