package history

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// testRepo builds a repository commit by commit, with fixed dates.
type testRepo struct {
	t    *testing.T
	dir  string
	repo *git.Repository
	wt   *git.Worktree
	now  time.Time
	// hashes of the commits made, by name
	c map[string]string
}

var (
	ana   = Person{"Ana Almeida", "ana@example.com"}
	bilal = Person{"Bilal Banerjee", "bilal@example.com"}
	chen  = Person{"Chen Costa", "chen@example.com"}
)

func newTestRepo(t *testing.T) *testRepo {
	t.Helper()
	dir := t.TempDir()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, repo: repo, wt: wt,
		now: time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC), c: map[string]string{}}
}

// write sets files (path -> content; "" deletes the path) in the working
// tree without committing.
func (r *testRepo) write(files map[string]string) {
	r.t.Helper()
	for p, content := range files { // deletions first: a file may become a folder
		if content == "" {
			if err := os.Remove(filepath.Join(r.dir, filepath.FromSlash(p))); err != nil {
				r.t.Fatal(err)
			}
		}
	}
	for p, content := range files {
		name := filepath.Join(r.dir, filepath.FromSlash(p))
		if content == "" {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// commit writes files, stages them and commits as author one hour
// after the previous commit; name labels the commit in r.c.
func (r *testRepo) commit(name string, author Person, msg string, files map[string]string, parents ...string) string {
	r.t.Helper()
	files = maps.Clone(files)
	for p, content := range files { // deletions first: a file may become a folder
		if content == "" {
			if _, err := r.wt.Remove(p); err != nil {
				r.t.Fatal(err)
			}
			delete(files, p)
		}
	}
	r.write(files)
	if len(files) > 0 {
		if err := r.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			r.t.Fatal(err)
		}
	}
	r.now = r.now.Add(time.Hour)
	sig := &object.Signature{Name: author.Name, Email: author.Email, When: r.now}
	opts := &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true}
	if len(parents) > 0 {
		head, err := r.repo.Head()
		if err != nil {
			r.t.Fatal(err)
		}
		opts.Parents = []plumbing.Hash{head.Hash()}
		for _, p := range parents {
			opts.Parents = append(opts.Parents, plumbing.NewHash(r.c[p]))
		}
	}
	h, err := r.wt.Commit(msg, opts)
	if err != nil {
		r.t.Fatal(err)
	}
	r.c[name] = h.String()
	return h.String()
}

func (r *testRepo) read(opts Options) *History {
	r.t.Helper()
	h, err := Read(r.dir, opts)
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

// revs lists the names of f's revisions, newest first.
func (r *testRepo) revs(h *History, path string) []string {
	r.t.Helper()
	f := h.Files[path]
	if f == nil {
		r.t.Fatalf("%s is not in the history; files: %v", path, keys(h.Files))
	}
	names := map[string]string{}
	for n, c := range r.c {
		names[c] = n
	}
	var out []string
	for _, rev := range f.Revisions {
		out = append(out, names[rev.Hash])
	}
	return out
}

func keys(m map[string]*File) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func wantRevs(t *testing.T, r *testRepo, h *History, path string, want ...string) {
	t.Helper()
	if got := r.revs(h, path); !reflect.DeepEqual(got, want) {
		t.Errorf("revisions of %s = %v, want %v", path, got, want)
	}
}

func TestReadFollowsEditsAndSkipsOtherFiles(t *testing.T) {
	r := newTestRepo(t)
	r.commit("init", ana, "Start\n", map[string]string{
		"README.md":          "# Postmortems\n",
		"postmortems/a.md":   "# A\n\nfirst\n",
		"src/main.go":        "package main\n",
		"docs/deep/notes.md": "notes\n",
	})
	r.commit("code", bilal, "Change code only\n", map[string]string{"src/main.go": "package main // 2\n"})
	r.commit("edit", bilal, "Edit A\n\nWith a body.\n", map[string]string{"postmortems/a.md": "# A\n\nfirst\nsecond\n"})
	r.commit("del", chen, "Remove notes\n", map[string]string{"docs/deep/notes.md": ""})

	h := r.read(Options{})
	if h.Commits != 4 || h.Shallow || h.Head != r.c["del"] {
		t.Errorf("Commits, Shallow, Head = %d, %v, %s; want 4, false, %s", h.Commits, h.Shallow, h.Head, r.c["del"])
	}
	if len(h.Files) != 2 {
		t.Errorf("files = %v, want README.md and postmortems/a.md", keys(h.Files))
	}
	wantRevs(t, r, h, "postmortems/a.md", "edit", "init")
	wantRevs(t, r, h, "README.md", "init")
	a := h.Files["postmortems/a.md"]
	if a.Created.Hash != r.c["init"] || a.Updated.Hash != r.c["edit"] {
		t.Errorf("created, updated = %s, %s", a.Created.Hash, a.Updated.Hash)
	}
	if a.Updated.Subject != "Edit A" || a.Updated.Author != bilal ||
		!a.Updated.Date.Equal(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("updated = %+v", a.Updated)
	}
	if want := []Person{ana, bilal}; !reflect.DeepEqual(a.Contributors, want) {
		t.Errorf("contributors = %v, want %v", a.Contributors, want)
	}
	if a.Dirty {
		t.Error("a clean file is dirty")
	}

	md := r.read(Options{Track: func(p string) bool { return strings.HasPrefix(p, "src/") }})
	if len(md.Files) != 1 {
		t.Fatalf("with Track src/: files = %v", keys(md.Files))
	}
	wantRevs(t, r, md, "src/main.go", "code", "init")
}

func TestReadFollowsRenames(t *testing.T) {
	r := newTestRepo(t)
	body := "---\nstatus: draft\n---\n# Database failover\n\n" + strings.Repeat("The replica fell behind and we failed over.\n", 10)
	r.commit("draft", ana, "Draft\n", map[string]string{"postmortems/0000-db.md": body})
	r.commit("edit", bilal, "Edit draft\n", map[string]string{"postmortems/0000-db.md": body + "More.\n"})
	// Renamed and edited in the same commit: a rename by similarity.
	published := strings.Replace(body, "draft", "published", 1) + "More.\n"
	r.commit("publish", ana, "Publish\n", map[string]string{
		"postmortems/0000-db.md":       "",
		"postmortems/2024-05-01-db.md": published,
	})
	// An exact rename.
	r.commit("move", chen, "Move\n", map[string]string{
		"postmortems/2024-05-01-db.md":      "",
		"postmortems/2024/2024-05-01-db.md": published,
	})
	// A new draft under the old draft name is a new file: the old draft's
	// history is not its history.
	r.commit("draft2", chen, "Another draft\n", map[string]string{"postmortems/0000-db.md": "# Cache outage\n\nsomething else entirely\n"})

	h := r.read(Options{})
	wantRevs(t, r, h, "postmortems/2024/2024-05-01-db.md", "move", "publish", "edit", "draft")
	wantRevs(t, r, h, "postmortems/0000-db.md", "draft2")
	f := h.Files["postmortems/2024/2024-05-01-db.md"]
	if f.Created.Hash != r.c["draft"] || f.Created.Author != ana {
		t.Errorf("created = %+v, want the draft", f.Created)
	}
	if want := []Person{ana, bilal, chen}; !reflect.DeepEqual(f.Contributors, want) {
		t.Errorf("contributors = %v, want %v", f.Contributors, want)
	}
}

func TestReadRenameNeedsSimilarContent(t *testing.T) {
	r := newTestRepo(t)
	r.commit("a", ana, "A\n", map[string]string{"postmortems/x.md": strings.Repeat("line one\n", 3) + "alpha beta\n"})
	r.commit("b", bilal, "Replace\n", map[string]string{
		"postmortems/x.md": "",
		"postmortems/y.md": "completely\ndifferent\ncontent\nhere\n",
	})
	h := r.read(Options{})
	wantRevs(t, r, h, "postmortems/y.md", "b")
}

func TestReadMerges(t *testing.T) {
	r := newTestRepo(t)
	r.commit("base", ana, "Base\n", map[string]string{"pm/a.md": "a\n", "pm/b.md": "b\n"})
	base := r.c["base"]
	r.commit("main1", ana, "Main edits a\n", map[string]string{"pm/a.md": "a\nmain\n"})
	// A side branch from base that edits b and renames it.
	if err := r.wt.Checkout(&git.CheckoutOptions{Hash: plumbing.NewHash(base), Branch: "refs/heads/side", Create: true}); err != nil {
		t.Fatal(err)
	}
	r.commit("side1", bilal, "Side edits b\n", map[string]string{"pm/b.md": "b\nside\n"})
	r.commit("side2", bilal, "Side renames b\n", map[string]string{"pm/b.md": "", "pm/c.md": "b\nside\n"})
	if err := r.wt.Checkout(&git.CheckoutOptions{Branch: "refs/heads/master"}); err != nil {
		t.Fatal(err)
	}
	r.commit("merge", chen, "Merge side\n", map[string]string{"pm/b.md": "", "pm/c.md": "b\nside\n"}, "side2")
	r.commit("after", chen, "After\n", map[string]string{"pm/c.md": "b\nside\nafter\n"})

	h := r.read(Options{})
	if h.Commits != 5 {
		t.Errorf("Commits = %d, want 5 (the merge is not counted)", h.Commits)
	}
	wantRevs(t, r, h, "pm/c.md", "after", "side2", "side1", "base")
	wantRevs(t, r, h, "pm/a.md", "main1", "base")
}

func TestReadIgnoreRevsMailmapCoAuthors(t *testing.T) {
	r := newTestRepo(t)
	r.commit("a", Person{"ana", "ana@old.example.com"}, "Write\n", map[string]string{"pm/x.md": "x\n", "pm/y.md": "y\n"})
	r.commit("b", Person{"B. Banerjee", "bilal@example.com"}, "Edit\n\nCo-authored-by: Dana Dubois <dana@example.com>\nco-authored-by: ana <ana@old.example.com>\n",
		map[string]string{"pm/x.md": "x\nmore\n"})
	r.commit("fmt", chen, "Reformat everything\n", map[string]string{"pm/x.md": "x\n\nmore\n", "pm/y.md": "y\n\n"})
	r.commit("e", Person{"Someone", "CHEN@example.com"}, "Edit y\n", map[string]string{"pm/y.md": "y\n\nz\n"})
	r.commit("f", Person{"Old Name", "fatima@old.example.com"}, "Edit y again\n", map[string]string{"pm/y.md": "y\n\nzz\n"})
	r.commit("config", chen, "Configure history\n", map[string]string{
		".git-blame-ignore-revs": "# formatting\n" + r.c["fmt"] + "\n\n",
		".mailmap": "# forms of git's mailmap\n" +
			"Ana Almeida <ana@old.example.com>\n" + // name for an e-mail
			"<dana.dubois@example.com> <dana@example.com>\n" + // e-mail for an e-mail
			"Bilal Banerjee <bilal@example.com> <bilal@example.com>\n" + // name and e-mail for an e-mail
			"Fatima Fischer <fatima@example.com> Old Name <fatima@old.example.com> # both\n" +
			"Chen Costa <chen@example.com>\n",
	})

	h := r.read(Options{})
	wantRevs(t, r, h, "pm/x.md", "b", "a")
	wantRevs(t, r, h, "pm/y.md", "f", "e", "a")
	x := h.Files["pm/x.md"]
	if x.Updated.Hash != r.c["b"] {
		t.Errorf("x updated by %s, want b (fmt is ignored)", x.Updated.Hash)
	}
	want := []Person{
		{"Ana Almeida", "ana@old.example.com"},
		bilal,
		{"Dana Dubois", "dana.dubois@example.com"},
	}
	if !reflect.DeepEqual(x.Contributors, want) {
		t.Errorf("contributors of x = %v, want %v", x.Contributors, want)
	}
	if got := x.Updated.CoAuthors; len(got) != 2 || got[0] != want[2] {
		t.Errorf("co-authors = %v", got)
	}
	y := h.Files["pm/y.md"]
	want = []Person{{"Ana Almeida", "ana@old.example.com"}, {"Chen Costa", "CHEN@example.com"}, {"Fatima Fischer", "fatima@example.com"}}
	if !reflect.DeepEqual(y.Contributors, want) {
		t.Errorf("contributors of y = %v, want %v", y.Contributors, want)
	}
	if h.Commits != 6 {
		t.Errorf("Commits = %d, want 6 (ignored commits still count)", h.Commits)
	}
}

func TestReadDirty(t *testing.T) {
	r := newTestRepo(t)
	r.commit("a", ana, "A\n", map[string]string{"pm/clean.md": "c\n", "pm/edited.md": "e\n", "pm/gone.md": "g\n"})
	r.write(map[string]string{"pm/edited.md": "e\nchanged\n", "pm/gone.md": "", "pm/new.md": "untracked\n"})
	h := r.read(Options{})
	for p, want := range map[string]bool{"pm/clean.md": false, "pm/edited.md": true, "pm/gone.md": true} {
		if f := h.Files[p]; f == nil || f.Dirty != want {
			t.Errorf("%s: file %+v, want Dirty %v", p, f, want)
		}
	}
	if _, ok := h.Files["pm/new.md"]; ok {
		t.Error("a file that is not in HEAD is in the history")
	}
	// Same size and a new modification time: read and found clean.
	now := time.Now().Add(time.Minute)
	if err := os.Chtimes(filepath.Join(r.dir, "pm", "clean.md"), now, now); err != nil {
		t.Fatal(err)
	}
	if h := r.read(Options{}); h.Files["pm/clean.md"].Dirty {
		t.Error("a touched but unchanged file is dirty")
	}

	// Options.Lstat is asked in place of os.Lstat: a file it says is not
	// there is dirty, clean.md too.
	asked := map[string]bool{}
	var mu sync.Mutex
	h = r.read(Options{Lstat: func(name string) (fs.FileInfo, error) {
		mu.Lock()
		asked[filepath.ToSlash(strings.TrimPrefix(name, r.dir))] = true
		mu.Unlock()
		return nil, fs.ErrNotExist
	}})
	for p, want := range map[string]bool{"pm/clean.md": true, "pm/edited.md": true, "pm/gone.md": true} {
		if f := h.Files[p]; f == nil || f.Dirty != want {
			t.Errorf("with Lstat: %s: file %+v, want Dirty %v", p, f, want)
		}
	}
	for _, p := range []string{"/pm/clean.md", "/pm/edited.md", "/pm/gone.md"} {
		if !asked[p] {
			t.Errorf("Lstat not asked about %s (asked %v)", p, asked)
		}
	}
}

func TestReadNoHistory(t *testing.T) {
	if _, err := Read(t.TempDir(), Options{}); !errors.Is(err, ErrNoRepository) {
		t.Errorf("plain folder: err = %v, want ErrNoRepository", err)
	}
	dir := t.TempDir()
	if _, err := git.PlainInit(dir, false); err != nil {
		t.Fatal(err)
	}
	_, err := Read(dir, Options{})
	if !errors.Is(err, ErrNoCommits) {
		t.Errorf("empty repository: err = %v, want ErrNoCommits", err)
	}
	if err != nil && !strings.Contains(err.Error(), dir) {
		t.Errorf("error %q does not name the folder", err)
	}
}

func TestReadShallow(t *testing.T) {
	r := newTestRepo(t)
	r.commit("a", ana, "A\n", map[string]string{"pm/x.md": "x\n", "pm/y.md": "y\n"})
	r.commit("b", bilal, "B\n", map[string]string{"pm/x.md": "x\nb\n"})
	r.commit("c", chen, "C\n", map[string]string{"pm/x.md": "x\nb\nc\n"})

	t.Run("shallow file", func(t *testing.T) {
		// What a clone with depth 2 records: b's parents are not there.
		shallow := filepath.Join(r.dir, ".git", "shallow")
		if err := os.WriteFile(shallow, []byte(r.c["b"]+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(shallow)
		h := r.read(Options{})
		if !h.Shallow || h.Commits != 2 {
			t.Errorf("Shallow, Commits = %v, %d; want true, 2", h.Shallow, h.Commits)
		}
		wantRevs(t, r, h, "pm/x.md", "c", "b")
		wantRevs(t, r, h, "pm/y.md", "b") // the boundary holds every file
	})

	t.Run("clone depth 1", func(t *testing.T) {
		dir := t.TempDir()
		_, err := git.PlainClone(dir, false, &git.CloneOptions{URL: r.dir, Depth: 1})
		if err != nil {
			t.Skipf("go-git cannot clone from a local path here (it needs git-upload-pack): %v", err)
		}
		h, err := Read(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !h.Shallow || h.Commits != 1 || h.Files["pm/x.md"].Created.Hash != r.c["c"] {
			t.Errorf("Shallow, Commits, created = %v, %d, %s; want true, 1, c", h.Shallow, h.Commits, h.Files["pm/x.md"].Created.Hash)
		}
	})
}

func TestReadCache(t *testing.T) {
	r := newTestRepo(t)
	body := strings.Repeat("a line of the postmortem\n", 8)
	r.commit("a", ana, "A\n", map[string]string{"pm/0000-x.md": body, "src/a.go": "a\n"})
	r.commit("b", bilal, "B\n\nCo-authored-by: Chen Costa <chen@example.com>\n", map[string]string{"pm/0000-x.md": body + "b\n"})
	r.commit("c", ana, "Rename\n", map[string]string{"pm/0000-x.md": "", "pm/2024-x.md": body + "b\nc\n"})

	cache := t.TempDir()
	cold, n, err := readCounting(r.dir, Options{CacheDir: cache})
	if err != nil || n != 3 {
		t.Fatalf("first read: %d commits read, err %v", n, err)
	}
	r.commit("d", chen, "D\n", map[string]string{"pm/2024-x.md": body + "b\nc\nd\n"})
	warm, n, err := readCounting(r.dir, Options{CacheDir: cache})
	if err != nil || n != 1 {
		t.Fatalf("after one commit: %d commits read, err %v; want 1", n, err)
	}
	uncached := r.read(Options{})
	if !reflect.DeepEqual(warm, uncached) {
		t.Errorf("cached read differs from an uncached one:\n%+v\n%+v", warm.Files["pm/2024-x.md"], uncached.Files["pm/2024-x.md"])
	}
	wantRevs(t, r, warm, "pm/2024-x.md", "d", "c", "b", "a")
	if len(cold.Files["pm/2024-x.md"].Revisions) != 3 {
		t.Errorf("cold read: %v", r.revs(cold, "pm/2024-x.md"))
	}
	// Nothing new: nothing read.
	if _, n, err := readCounting(r.dir, Options{CacheDir: cache}); err != nil || n != 0 {
		t.Errorf("unchanged: %d commits read, err %v; want 0", n, err)
	}

	// A corrupt cache is ignored and rewritten.
	name := filepath.Join(cache, CacheFile)
	if err := os.WriteFile(name, []byte("not a cache"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, n, err := readCounting(r.dir, Options{CacheDir: cache})
	if err != nil || n != 4 || !reflect.DeepEqual(again, uncached) {
		t.Errorf("corrupt cache: %d commits read, err %v, same result %v", n, err, reflect.DeepEqual(again, uncached))
	}
	if _, n, _ := readCounting(r.dir, Options{CacheDir: cache}); n != 0 {
		t.Errorf("rewritten cache: %d commits read, want 0", n)
	}
	// Truncated: same.
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if h, _, err := readCounting(r.dir, Options{CacheDir: cache}); err != nil || !reflect.DeepEqual(h, uncached) {
		t.Errorf("truncated cache: err %v", err)
	}
	// A cache folder that cannot be written is not an error.
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(r.dir, Options{CacheDir: filepath.Join(file, "cache")}); err != nil {
		t.Errorf("unwritable cache: %v", err)
	}
}

// TestDiffBigTrees checks the diff of big trees (those diffBig handles)
// against go-git's DiffTree: edits at the start, middle and end of a folder
// of 200 files, additions, deletions, a rename and a file replaced by a
// folder.
func TestDiffBigTrees(t *testing.T) {
	r := newTestRepo(t)
	files := map[string]string{}
	name := func(i int) string {
		return "pm/" + strings.Repeat("n", 20) + string(rune('a'+i/26%26)) + string(rune('a'+i%26)) + ".md"
	}
	for i := range 200 {
		files[name(i)] = "doc " + name(i) + "\n"
	}
	r.commit("c0", ana, "Many\n", files)
	steps := []map[string]string{
		{name(0): "first edited\n"},
		{name(199): "last edited\n"},
		{name(100): "middle edited\n", name(101): "", "pm/nnnnnnnnnnnnnnnnnnnnem-new.md": "new\n"},
		{name(5): "", name(120): "", name(121): "", name(122): "changed\n"},
		{name(80): "", "pm/zz-renamed.md": "doc " + name(80) + "\n"},
		{name(150): "", name(150) + "/inside.md": "now a folder\n"},
		{"pm/aaa.md": "before everything\n", "pm/zzzz.md": "after everything\n"},
	}
	for i, step := range steps {
		r.commit("s"+string(rune('0'+i)), bilal, "Step\n", step)
	}
	checkDiffs(t, r.dir)
}
