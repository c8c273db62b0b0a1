package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
)

func write(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFiles(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write(t, outside, "secret.md", "# secret\n")
	write(t, root, "postmortems/2024-01-01-a.md", "# A\n")
	write(t, root, "postmortems/2023/2023-05-01-b.md", "# B\n")
	write(t, root, "postmortems/README.md", "# not a postmortem\n")
	write(t, root, "postmortems/notes.txt", "not markdown\n")
	write(t, root, "postmortems/_drafts/x.md", "# excluded folder\n")
	write(t, root, "postmortems/.hidden/y.md", "# hidden folder\n")
	write(t, root, "shared/c.md", "# C\n")
	must(t, os.Mkdir(filepath.Join(root, "postmortems", "folder.md"), 0o755))
	must(t, os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(root, "postmortems", "leak.md")))
	must(t, os.Symlink(filepath.Join(root, "shared", "c.md"), filepath.Join(root, "postmortems", "inside.md")))
	must(t, os.Symlink(filepath.Join(root, "missing.md"), filepath.Join(root, "postmortems", "broken.md")))

	cfg := config.Default()
	cfg.Root = root
	files, errs, err := Files(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"postmortems/2023/2023-05-01-b.md", "postmortems/2024-01-01-a.md", "postmortems/inside.md"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, e.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, w := range []string{"postmortems/broken.md: broken symlink", "postmortems/leak.md: symlink to " + outside} {
		if !strings.Contains(got, w) {
			t.Errorf("errors:\n%s\nwant one containing %q", got, w)
		}
	}
	if len(errs) != 2 {
		t.Errorf("%d errors, want 2:\n%s", len(errs), got)
	}

	docs, perrs := Documents(cfg, files)
	if len(perrs) != 0 || len(docs) != 3 || docs[2].Meta.Title != "C" || docs[0].Path != want[0] {
		t.Errorf("Documents: %d docs, errors %v", len(docs), perrs)
	}
}

func TestFilesNamed(t *testing.T) {
	root := t.TempDir()
	write(t, root, "postmortems/a.md", "---\ntitle: [\n---\n")
	cfg := config.Default()
	cfg.Root = root
	t.Chdir(root)
	files, errs, err := Files(cfg, "postmortems/a.md", "postmortems")
	if err != nil || len(errs) != 0 || !reflect.DeepEqual(files, []string{"postmortems/a.md"}) {
		t.Fatalf("Files = %q, %v, %v", files, errs, err)
	}
	if _, _, err := Files(cfg, "nope.md"); err == nil || !strings.Contains(err.Error(), "nope.md: no such file") {
		t.Errorf("missing file: %v", err)
	}
	docs, perrs := Documents(cfg, files)
	if len(docs) != 1 || len(perrs) != 1 || !strings.HasPrefix(perrs[0].Error(), "postmortems/a.md:2:1: invalid YAML") {
		t.Errorf("Documents: %d docs, errors %v", len(docs), perrs)
	}
	write(t, root, "big/huge.md", strings.Repeat("x", MaxSize+1))
	_, perrs = Documents(cfg, []string{"big/huge.md"})
	if len(perrs) != 1 || !strings.Contains(perrs[0].Error(), "too large") {
		t.Errorf("huge file: %v", perrs)
	}
}

func TestNoFolder(t *testing.T) {
	cfg := config.Default()
	cfg.Root = t.TempDir()
	if _, _, err := Files(cfg); err == nil || !strings.Contains(err.Error(), "no postmortems folder") {
		t.Errorf("Files without a folder: %v", err)
	}
}

// TestDFDS loads a real team's repository of postmortems without front
// matter, with the few lines of configuration its layout needs.
func TestDFDS(t *testing.T) {
	bare, err := filepath.Abs("../../../shared/corpora/dfds-postmortems.git")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bare); err != nil {
		t.Skip("../shared is absent")
	}
	root := t.TempDir()
	if _, err := git.PlainClone(root, false, &git.CloneOptions{URL: bare}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse(".postmortem.yaml", []byte("postmortems: .\ninclude: [\"PM*\"]\nexclude: [\"PMyyyy-*\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Root = root
	files, errs, err := Files(cfg)
	if err != nil || len(errs) != 0 {
		t.Fatalf("Files: %v %v", errs, err)
	}
	if len(files) != 39 {
		t.Errorf("%d postmortems, want 39: %q", len(files), files)
	}
	docs, perrs := Documents(cfg, files)
	if len(perrs) != 0 {
		t.Errorf("errors: %v", perrs)
	}
	for _, d := range docs {
		if d.Meta.TitleFrom != "heading" || d.Section("Summary") == nil && d.Section("Timeline") == nil {
			t.Errorf("%s: title %q from %q, %d sections", d.Path, d.Meta.Title, d.Meta.TitleFrom, len(d.Sections))
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestExamples loads the bundled examples with their own configuration:
// they parse without a problem and cover every severity and status.
func TestExamples(t *testing.T) {
	cfg, err := config.Load("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	files, errs, err := Files(cfg)
	if err != nil || len(errs) != 0 {
		t.Fatalf("Files: %v %v", errs, err)
	}
	docs, perrs := Documents(cfg, files)
	if len(perrs) != 0 {
		t.Errorf("errors: %v", perrs)
	}
	if len(docs) < 12 {
		t.Errorf("%d examples, want at least 12", len(docs))
	}
	seen := map[string]bool{}
	for _, d := range docs {
		m := d.Meta
		seen[m.Severity], seen[m.Status] = true, true
		if m.TitleFrom != "front matter" || m.DateFrom != "front matter" || len(m.Authors) == 0 || m.Summary == "" {
			t.Errorf("%s: incomplete metadata %+v", d.Path, m)
		}
		if !strings.HasPrefix(d.Path, "postmortems/"+m.Date.Format("2006-01-02")+"-") {
			t.Errorf("%s: file name does not start with its date %s", d.Path, m.Date.Format("2006-01-02"))
		}
	}
	for _, want := range append(append([]string{}, cfg.Severities...), cfg.Statuses...) {
		if !seen[want] {
			t.Errorf("no example has %s", want)
		}
	}
}

func TestSelected(t *testing.T) {
	cfg := config.Default()
	cfg.Exclude = append(cfg.Exclude, "drafts/*")
	for rel, want := range map[string]bool{
		"2024-01-01-a.md":      true,
		"2023/2023-05-01-b.md": true,
		"README.md":            false,
		"_private.md":          false,
		"notes.txt":            false,
		"drafts/x.md":          false,
	} {
		if got := Selected(cfg, rel); got != want {
			t.Errorf("Selected(%q) = %v, want %v", rel, got, want)
		}
	}
}

// TestEachFacts checks the facts of files whose front matter ends within
// the first bytes read, after them, or never, and of a file that cannot be
// read.
func TestEachFacts(t *testing.T) {
	root := t.TempDir()
	long := strings.Repeat("x", factsHead)
	write(t, root, "p/short.md", "---\nid: S\nauthors: [Ana]\n---\n# Short\n")
	write(t, root, "p/body.md", "---\nid: B\nauthors: [Ben]\n---\n"+strings.Repeat("Body text.\n", factsHead))
	write(t, root, "p/long-fm.md", "---\nsummary: "+long+"\nauthors:\n  - Cy\nid: L\n---\nBody.\n")
	write(t, root, "p/long-line.md", "---"+strings.Repeat(" ", factsHead)+"\nid: N\n---\n")
	write(t, root, "p/open.md", "---\nid: O\n"+strings.Repeat("tags: [a]\n", factsHead))
	write(t, root, "p/2024-02-03-none.md", "# No front matter\n"+long)
	files := []string{"p/short.md", "p/body.md", "p/long-fm.md", "p/long-line.md", "p/open.md", "p/2024-02-03-none.md", "p/missing.md"}
	cfg := config.Default()
	cfg.Root = root
	got := make([]string, len(files))
	EachFacts(cfg, files, func(i int, f render.Facts, ok bool) {
		got[i] = fmt.Sprintf("%s %q %v", f.ID, f.Authors, ok)
	})
	want := []string{`S ["Ana"] true`, `B ["Ben"] true`, `L ["Cy"] true`, `N [] true`, `open [] true`, `2024-02-03-none [] true`, ` [] false`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("facts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadAll checks reading whole files against a limit, and the first
// bytes of files.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 9, 10, 11, 5000} {
		p := filepath.Join(dir, fmt.Sprint(size))
		want := []byte(strings.Repeat("abcdefghij", 501)[:size])
		must(t, os.WriteFile(p, want, 0o644))
		got, err := readAll(p, 10)
		if err != nil {
			t.Fatal(err)
		}
		// More than the limit is read as limit+1 bytes, which says so.
		if n := min(size, 11); string(got) != string(want[:n]) {
			t.Errorf("readAll of %d bytes, limit 10: %d bytes %q", size, len(got), got)
		}
		got, err = readAll(p, 1<<20)
		if err != nil || string(got) != string(want) {
			t.Errorf("readAll of %d bytes: %d bytes, %v", size, len(got), err)
		}
		buf := make([]byte, 10)
		n, whole, err := readHead(p, buf)
		if err != nil || n != min(size, 10) || string(buf[:n]) != string(want[:n]) || whole != (size < 10) {
			t.Errorf("readHead of %d bytes: %d bytes, whole %v, %v", size, n, whole, err)
		}
	}
	if _, err := readAll(filepath.Join(dir, "missing"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := readAll(dir, 10); err == nil {
		t.Error("a folder read as a file")
	}
	if _, _, err := readHead(filepath.Join(dir, "missing"), make([]byte, 4)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
