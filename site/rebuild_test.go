package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/postmortem-dev/postmortem/site/history"
	"github.com/postmortem-dev/postmortem/site/internal/wire"
	"github.com/postmortem-dev/postmortem/site/search"
)

// publish builds the repository at dir into out.
func publish(t *testing.T, dir, out string, opts Options) *Result {
	t.Helper()
	var res *Result
	err := Publish(out, func(w Writer) error {
		var err error
		res, err = Build(loadConfig(t, dir), w, opts)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		t.Skip("no inode numbers here")
	}
	return st.Ino
}

// TestRebuild: after one commit, a rebuild with the cache makes again only
// what changed, takes the rest from the previous site, and writes exactly
// what a build without the cache writes.
func TestRebuild(t *testing.T) {
	dir := examplesRepo(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	publish(t, dir, out, Options{CacheDir: cache})
	const (
		edited = "postmortems/2024-03-31-stock-levels-drifted-after-clock-change.html"
		same   = "postmortems/2024-08-20-expired-promotion-banner-served-after-cdn-purge.html"
	)
	before := map[string]uint64{}
	for _, p := range []string{edited, same, "services/cdn.html", "services/kafka.html", "404.html", "style.css", "search/search.js", "actions/filters.js", "feed.xml"} {
		before[p] = inode(t, filepath.Join(out, p))
	}

	searchInodes := func() map[uint64]bool {
		set := map[uint64]bool{}
		files, _ := filepath.Glob(filepath.Join(out, "search", "*", "*", "*.js"))
		for _, f := range files {
			set[inode(t, f)] = true
		}
		return set
	}
	oldSearch := searchInodes()

	// One new commit: a new postmortem about kafka, and an edit.
	r := &testRepo{t: t, dir: dir}
	var err error
	if r.repo, err = gitOpen(dir); err != nil {
		t.Fatal(err)
	}
	r.now = mustTime("2024-03-01T09:00:00Z")
	old, _ := os.ReadFile(filepath.Join(dir, "postmortems/2024-03-31-stock-levels-drifted-after-clock-change.md"))
	r.commit("Arjun Menon", "Add the queue postmortem\n", map[string]string{
		"postmortems/2026-11-20-queue.md":                                   "---\ntitle: Queue stalled\ndate: 2026-11-20\nstatus: published\nservices: [kafka]\n---\n\n## Summary\n\nIt stalled.\n",
		"postmortems/2024-03-31-stock-levels-drifted-after-clock-change.md": string(old) + "\nA late note.\n",
	})
	res := publish(t, dir, out, Options{CacheDir: cache})
	if len(res.Site.Postmortems) != 15 {
		t.Fatalf("%d postmortems after the commit", len(res.Site.Postmortems))
	}
	if inode(t, filepath.Join(out, same)) != before[same] || inode(t, filepath.Join(out, "services/cdn.html")) != before["services/cdn.html"] {
		t.Errorf("unchanged pages were made again")
	}
	if inode(t, filepath.Join(out, edited)) == before[edited] || inode(t, filepath.Join(out, "services/kafka.html")) == before["services/kafka.html"] {
		t.Errorf("changed pages were taken from the previous site")
	}
	// Files made whole in memory are taken when their bytes are the same
	// (the new postmortem has no action items), and made again when not
	// (the feed lists the new postmortem).
	for _, p := range []string{"404.html", "style.css", "search/search.js", "actions/filters.js"} {
		if inode(t, filepath.Join(out, p)) != before[p] {
			t.Errorf("%s, the same bytes, was written again", p)
		}
	}
	if inode(t, filepath.Join(out, "feed.xml")) == before["feed.xml"] {
		t.Errorf("feed.xml, changed, was taken from the previous site")
	}

	// The search index's folder has a new name, but its files of
	// documents (four to a file) that hold neither the edited one nor the
	// new one, which is the newest and takes the next number, are those of
	// the previous site. (With so few postmortems, one more moves the
	// average lengths that scores depend on, and the shards change.)
	reused := 0
	for ino := range searchInodes() {
		if oldSearch[ino] {
			reused++
		}
	}
	if reused < 2 {
		t.Errorf("%d files of the search index taken from the previous site, want at least 2", reused)
	}

	// A file changed by hand in the output is made again.
	hand := filepath.Join(out, same)
	if err := os.Remove(hand); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, out, map[string]string{same: "changed by hand"})
	publish(t, dir, out, Options{CacheDir: cache})

	// Without the search's cache, the text of the bodies, which the
	// documents' cache does not keep, is read again for the index.
	if err := os.Remove(filepath.Join(cache, searchCacheName)); err != nil {
		t.Fatal(err)
	}
	publish(t, dir, out, Options{CacheDir: cache})

	// The same bytes as a build without the cache.
	sameAsFresh(t, dir, out)
	if strings.Contains(tree(t, out)[same], "changed by hand") {
		t.Errorf("a file changed by hand was kept")
	}
}

// TestIndexYears: the front page, made on every build as it names the
// commit, takes its list of postmortems from the cache while the list is
// the same, and draws it again when a row changes.
func TestIndexYears(t *testing.T) {
	dir := examplesRepo(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	publish(t, dir, out, Options{CacheDir: cache})
	// Put a marker in the cached list, under the key it has.
	r := wire.NewReader(readWire(cache, indexYearsName), indexYearsMagic)
	var key [32]byte
	r.Bytes(key[:])
	if html := r.String(); !r.Done() || !strings.Contains(html, "<section") {
		t.Fatalf("%s holds no list of postmortems: %v", indexYearsName, r.Err())
	}
	saveIndexYears(cache, key, []byte("<p>cached years</p>"))

	repo := &testRepo{t: t, dir: dir}
	var err error
	if repo.repo, err = gitOpen(dir); err != nil {
		t.Fatal(err)
	}
	repo.now = mustTime("2024-03-01T09:00:00Z")
	const doc = "postmortems/2024-03-31-stock-levels-drifted-after-clock-change.md"
	old, _ := os.ReadFile(filepath.Join(dir, doc))
	head := repo.commit("Arjun Menon", "Add a note\n", map[string]string{doc: string(old) + "\nA late note.\n"})
	publish(t, dir, out, Options{CacheDir: cache})
	index := tree(t, out)["index.html"]
	if !strings.Contains(index, "<p>cached years</p>") || !strings.Contains(index, head[:7]) {
		t.Errorf("after an edit of a body, the front page did not take the cached list or name the new commit %s", head[:7])
	}

	retitled := strings.Replace(string(old), `title: "`, `title: "Retitled `, 1)
	repo.commit("Arjun Menon", "Retitle\n", map[string]string{doc: retitled})
	publish(t, dir, out, Options{CacheDir: cache})
	index = tree(t, out)["index.html"]
	if strings.Contains(index, "cached years") || !strings.Contains(index, "Retitled Stock levels") {
		t.Errorf("after a new title, the front page kept the cached list")
	}
	sameAsFresh(t, dir, out)
}

// TestPruneCache: a build removes the cache files that older versions of
// the program left, and nothing else.
func TestPruneCache(t *testing.T) {
	dir := examplesRepo(t)
	cache := t.TempDir()
	stale := []string{"site-docs-v1.gob", "site-search-v1.bin", "site-search-v2.dat", "history-v1.bin"}
	kept := []string{"notes.txt", "site-docs-v1.gob.tmp-123", "history-v1.bin.bak"}
	for _, name := range append(append([]string{}, stale...), kept...) {
		if err := os.WriteFile(filepath.Join(cache, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	publish(t, dir, filepath.Join(t.TempDir(), "public"), Options{CacheDir: cache})
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(cache, name)); err == nil {
			t.Errorf("%s is still in the cache", name)
		}
	}
	for _, name := range append(kept, docCacheName, fileCacheName, indexYearsName, searchCacheName, search.DataFile, history.CacheFile) {
		if _, err := os.Stat(filepath.Join(cache, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// sameAsFresh checks that the site in out is what a build of dir without
// the cache makes.
func sameAsFresh(t *testing.T, dir, out string) {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "fresh")
	publish(t, dir, fresh, Options{})
	got, want := tree(t, out), tree(t, fresh)
	if len(got) != len(want) {
		t.Errorf("%d files with the cache, %d without", len(got), len(want))
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s differs from a build without the cache:\n%s", name, firstDiff(w, got[name]))
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is not in a build without the cache", name)
		}
	}
	if s := siblings(t, out); len(s) != 0 {
		t.Errorf("left beside the site: %v", s)
	}
}

// TestRecycle: the previous site is kept in the cache folder and the next
// build starts from it. Files that did not change stay as they are; one
// edited in place in the published site (the same file as the kept one)
// is made again; what the kept site has and the new one has not (files,
// a folder where a file goes, a file where a folder goes) is removed.
func TestRecycle(t *testing.T) {
	dir := examplesRepo(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	kept := filepath.Join(cache, previousSite)
	publish(t, dir, out, Options{CacheDir: cache})
	publish(t, dir, out, Options{CacheDir: cache}) // keeps the first site
	const (
		same   = "postmortems/2024-03-31-stock-levels-drifted-after-clock-change.html"
		edited = "postmortems/2024-08-20-expired-promotion-banner-served-after-cdn-purge.html"
	)
	ino := inode(t, filepath.Join(out, same))
	if inode(t, filepath.Join(kept, same)) != ino {
		t.Fatalf("the kept site's %s is not the published one", same)
	}

	f, err := os.OpenFile(filepath.Join(out, edited), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("edited by hand"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, p := range []string{"tags/index.html", "services"} {
		if err := os.RemoveAll(filepath.Join(kept, p)); err != nil {
			t.Fatal(err)
		}
	}
	writeFiles(t, kept, map[string]string{
		"extra.html":                "not of the site",
		"old/deep/page.html":        "not of the site",
		"tags/index.html/notes.txt": "a folder where a file goes",
		"services":                  "a file where a folder goes",
	})
	publish(t, dir, out, Options{CacheDir: cache})
	if inode(t, filepath.Join(out, same)) != ino {
		t.Errorf("%s was made again", same)
	}
	sameAsFresh(t, dir, out)
}

// TestRecycleFailure: a build that fails after starting from the kept
// site leaves the published site as it was, and the next one is whole.
func TestRecycleFailure(t *testing.T) {
	dir := examplesRepo(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	publish(t, dir, out, Options{CacheDir: cache})
	publish(t, dir, out, Options{CacheDir: cache})
	before := tree(t, out)
	boom := errors.New("boom")
	err := Publish(out, func(w Writer) error {
		if _, err := Build(loadConfig(t, dir), w, Options{CacheDir: cache}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Publish = %v, want the build's error", err)
	}
	if after := tree(t, out); !equalMaps(before, after) {
		t.Errorf("the published site changed")
	}
	publish(t, dir, out, Options{CacheDir: cache})
	sameAsFresh(t, dir, out)
}
