package site

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldens are the files of the examples' site compared with
// testdata/golden: one of each kind of page, the feeds and the JSON.
var goldens = map[string]string{
	"index.html":        "index.html",
	"postmortem.html":   "postmortems/2024-01-22-checkout-errors-during-kafka-broker-restart.html",
	"draft.html":        "postmortems/2026-09-22-nightly-stock-reconciliation-overran-into-picking.html",
	"service.html":      "services/kafka.html",
	"tags.html":         "tags/index.html",
	"404.html":          "404.html",
	"feed.xml":          "feed.xml",
	"sitemap.xml":       "sitemap.xml",
	"postmortems.json":  "postmortems.json",
	"actions.html":      "actions.html",
	"actions-done.html": "actions/done.html",
	"actions-items.js":  "actions/items.js",
	"insights.html":     "insights.html",
	"search.html":       "search.html",
}

// goldenNow is the reference time of the golden site: some of the
// examples' action items are overdue on that day, some not yet due.
var goldenNow = time.Date(2025, 11, 1, 12, 0, 0, 0, time.UTC)

// examplesSite builds the examples from a repository made in the test,
// with a base URL and a repository URL, drafts included.
func examplesSite(t *testing.T) (*Result, map[string][]byte) {
	t.Helper()
	cfg := loadConfig(t, examplesRepo(t))
	cfg.Site.RepoURL = "https://github.com/northwind/postmortems"
	return build(t, cfg, Options{Drafts: true, BaseURL: "https://northwind.example/postmortems", Now: goldenNow})
}

func TestGolden(t *testing.T) {
	res, files := examplesSite(t)
	if len(res.Problems) != 0 || len(res.Notices) != 0 {
		t.Errorf("problems %v, notices %v", res.Problems, res.Notices)
	}
	for golden, name := range goldens {
		got, ok := files[name]
		if !ok {
			t.Errorf("%s was not written; files: %v", name, sortedKeys(files))
			continue
		}
		p := filepath.Join("testdata", "golden", golden)
		if *update {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test -update to write the golden files)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", name, p, firstDiff(string(want), string(got)))
		}
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return "(same lines)"
}

// TestDeterministic builds the same repository twice and compares every
// byte of every file.
func TestDeterministic(t *testing.T) {
	dir := examplesRepo(t)
	cfg := loadConfig(t, dir)
	_, a := build(t, cfg, Options{Drafts: true})
	_, b := build(t, cfg, Options{Drafts: true, CacheDir: t.TempDir()})
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds:\n%s", name, firstDiff(string(data), string(b[name])))
		}
	}
}

// TestSite checks what the examples' site holds.
func TestSite(t *testing.T) {
	res, files := examplesSite(t)
	s := res.Site
	if len(s.Postmortems) != 16 {
		t.Fatalf("%d postmortems, want the 16 examples", len(s.Postmortems))
	}
	for i := 1; i < len(s.Postmortems); i++ {
		if s.Postmortems[i-1].Date < s.Postmortems[i].Date {
			t.Errorf("not newest first: %s before %s", s.Postmortems[i-1].Date, s.Postmortems[i].Date)
		}
	}
	pages := 0
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	if pages != res.Pages || len(files) != res.Files {
		t.Errorf("Result says %d pages, %d files; wrote %d pages, %d files", res.Pages, res.Files, pages, len(files))
	}
	// 16 postmortems, index, 404, two lists, action items (open and
	// done), insights, search, and a page per service, tag and owner of
	// action items.
	owners := 0
	for name := range files {
		if strings.HasPrefix(name, "actions/owner-") {
			owners++
		}
	}
	if want := 16 + 8 + len(s.Services) + len(s.Tags) + owners; owners == 0 || res.Pages != want {
		t.Errorf("%d pages, want %d", res.Pages, want)
	}
	var k *Postmortem
	for _, pm := range s.Postmortems {
		if pm.Path == kafka {
			k = pm
		}
	}
	if k == nil || k.History == nil {
		t.Fatalf("no history for %s", kafka)
	}
	if k.History.Revisions != 2 || strings.Join(k.History.Contributors, ", ") != "Esther Mensah, Nomvula Dlamini, Leilani Kahale" {
		t.Errorf("history %+v", k.History)
	}
	if *k.TimeToDetect != 180 || *k.TimeToMitigate != 38*60 || *k.TimeToResolve != 76*60 {
		t.Errorf("durations %d %d %d", *k.TimeToDetect, *k.TimeToMitigate, *k.TimeToResolve)
	}
	page := string(files[k.URL])
	for _, want := range []string{
		`<a class="edit" href="https://github.com/northwind/postmortems/edit/main/` + kafka + `">Edit this page</a>`,
		`<svg xmlns="http://www.w3.org/2000/svg"`,
		`<a href="../services/kafka.html">kafka</a>`,
		`2 revisions by 3 contributors`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page of %s has no %s", kafka, want)
		}
	}
	if strings.Contains(page, "<h1 id=") {
		t.Errorf("the body's title heading is repeated under the page's")
	}
}

// TestDrafts leaves drafts out unless asked for, and marks the pages of
// drafts and postmortems in review.
func TestDrafts(t *testing.T) {
	cfg := loadConfig(t, examplesRepo(t))
	res, files := build(t, cfg, Options{})
	for _, pm := range res.Site.Postmortems {
		if pm.Status == "draft" {
			t.Errorf("draft %s on the site", pm.Path)
		}
		page := string(files[pm.URL])
		if pm.Status == "in-review" && !strings.Contains(page, "This postmortem is in review") {
			t.Errorf("%s: no in-review banner", pm.Path)
		}
	}
	if len(res.Site.Postmortems) != 14 {
		t.Errorf("%d postmortems without drafts, want 14", len(res.Site.Postmortems))
	}
	res, files = build(t, cfg, Options{Drafts: true})
	for _, pm := range res.Site.Postmortems {
		if pm.Status == "draft" && !strings.Contains(string(files[pm.URL]), "This postmortem is a draft") {
			t.Errorf("%s: no draft banner", pm.Path)
		}
	}
}

// TestLinks follows every link and resource of every page: each relative
// one must lead to a file of the site (so the site works from any base and
// from file://), folders must be linked by their index.html, and nothing
// may load from another host.
func TestLinks(t *testing.T) {
	_, files := examplesSite(t)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		z := html.NewTokenizer(bytes.NewReader(data))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				checkLink(t, name, tok.Data, a.Key, a.Val, files)
			}
		}
	}
}

func checkLink(t *testing.T, page, tag, attr, link string, files map[string][]byte) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Errorf("%s: <%s %s=%q> does not parse", page, tag, attr, link)
		return
	}
	if u.Scheme == "data" && tag == "link" {
		return // the empty icon, which spares the browser a request for favicon.ico
	}
	if u.Scheme != "" || u.Host != "" {
		// Only links that a person follows may leave the site; nothing
		// the page loads.
		if tag != "a" && tag != "base" {
			t.Errorf("%s: <%s %s=%q> loads from another host", page, tag, attr, link)
		}
		return
	}
	if u.Path == "" {
		return // #fragment
	}
	if strings.HasPrefix(u.Path, "/") {
		t.Errorf("%s: <%s %s=%q> is absolute; links must be relative", page, tag, attr, link)
		return
	}
	target := path.Join(path.Dir(page), u.Path)
	if strings.HasSuffix(u.Path, "/") {
		t.Errorf("%s: %q links a folder; link its index.html", page, link)
		return
	}
	if _, ok := files[target]; !ok {
		t.Errorf("%s: <%s %s=%q> leads to %s, which the site does not have", page, tag, attr, link, target)
	}
}

// TestJSON decodes postmortems.json as a consumer would.
func TestJSON(t *testing.T) {
	_, files := examplesSite(t)
	var s struct {
		Version     int
		Commit      string
		History     string
		Postmortems []map[string]any
	}
	if err := json.Unmarshal(files["postmortems.json"], &s); err != nil {
		t.Fatal(err)
	}
	if s.Version != JSONVersion || len(s.Commit) != 40 || s.History != "complete" || len(s.Postmortems) != 16 {
		t.Errorf("version %d, commit %q, history %q, %d postmortems", s.Version, s.Commit, s.History, len(s.Postmortems))
	}
	for _, pm := range s.Postmortems {
		for _, key := range []string{"id", "title", "url", "path", "date", "history"} {
			if _, ok := pm[key]; !ok {
				t.Errorf("%v has no %q", pm["path"], key)
			}
		}
		if _, ok := files[pm["url"].(string)]; !ok {
			t.Errorf("url %v is not a page of the site", pm["url"])
		}
	}
}

// TestOneH1: a postmortem page has one h1, its title; a level-1 heading
// left in the body (one that is not the title) is drawn as a section.
func TestOneH1(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"postmortems/2024-05-01-stats.md": "---\ntitle: Cache stampede\ndate: 2024-05-01\nstatus: published\n---\n\n# Cache stampede\n\n## Summary\n\nIt broke.\n\n# Stats\n\nNumbers.\n",
	})
	_, files := build(t, loadConfig(t, dir), Options{})
	page := string(files["postmortems/2024-05-01-stats.html"])
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("%d h1 elements, want 1", n)
	}
	if !strings.Contains(page, `<h2 id="stats">Stats</h2>`) {
		t.Errorf("the body's # Stats is not an h2:\n%s", page)
	}
}
