package site

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// writeSite is a build that writes the given files.
func writeSite(files map[string]string) func(Writer) error {
	return func(w Writer) error {
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if err := w.WriteFile(n, []byte(files[n])); err != nil {
				return err
			}
		}
		return nil
	}
}

// tree returns the files below dir, by slash path, with their contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// siblings lists what is beside out, but for out itself.
func siblings(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			names = append(names, e.Name())
		}
	}
	return names
}

func TestPublish(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Publish(out, writeSite(map[string]string{"index.html": "one", "a/b.html": "b"})); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	if got["index.html"] != "one" || got["a/b.html"] != "b" || got[Marker] == "" || len(got) != 3 {
		t.Errorf("first build: %v", got)
	}
	// A second build replaces the whole site: a.html is gone.
	if err := Publish(out, writeSite(map[string]string{"index.html": "two"})); err != nil {
		t.Fatal(err)
	}
	got = tree(t, out)
	if got["index.html"] != "two" || len(got) != 2 {
		t.Errorf("second build: %v", got)
	}
	if s := siblings(t, out); len(s) != 0 {
		t.Errorf("left beside the site: %v", s)
	}
}

// TestPublishFailure: a build that fails halfway leaves the previous site
// as it was, and nothing beside it.
func TestPublishFailure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Publish(out, writeSite(map[string]string{"index.html": "old", "x/y.html": "y"})); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	boom := errors.New("boom")
	err := Publish(out, func(w Writer) error {
		if err := w.WriteFile("index.html", []byte("new")); err != nil {
			return err
		}
		if err := w.WriteFile("z.html", []byte("z")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Publish = %v, want the build's error", err)
	}
	if after := tree(t, out); !equalMaps(before, after) {
		t.Errorf("the old site changed: %v, was %v", after, before)
	}
	if s := siblings(t, out); len(s) != 0 {
		t.Errorf("left beside the site: %v", s)
	}

	// A path written twice is a bug in the build, and fails it.
	err = Publish(out, func(w Writer) error {
		if err := w.WriteFile("a.html", []byte("1")); err != nil {
			return err
		}
		return w.WriteFile("a.html", []byte("2"))
	})
	if err == nil {
		t.Errorf("writing a.html twice succeeded")
	}
	if after := tree(t, out); !equalMaps(before, after) {
		t.Errorf("the old site changed: %v", after)
	}
}

// TestPublishInterrupted: a build killed halfway leaves its folder; the
// next build removes it, and only folders with the marker.
func TestPublishInterrupted(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	stale := filepath.Join(parent, ".public.tmp-123")
	foreign := filepath.Join(parent, ".public.tmp-456")
	writeFiles(t, stale, map[string]string{Marker: markerText, "index.html": "half"})
	writeFiles(t, foreign, map[string]string{"notes.txt": "mine"})
	if err := Publish(out, writeSite(map[string]string{"index.html": "new"})); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the interrupted build's folder is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(foreign, "notes.txt")); err != nil {
		t.Errorf("a folder without the marker was touched: %v", err)
	}
}

func TestPublishRefuses(t *testing.T) {
	t.Run("foreign folder", func(t *testing.T) {
		out := t.TempDir()
		writeFiles(t, out, map[string]string{"thesis.tex": "years of work"})
		called := false
		err := Publish(out, func(Writer) error { called = true; return nil })
		if !errors.Is(err, ErrForeign) || called {
			t.Errorf("Publish = %v (build called: %v), want ErrForeign before building", err, called)
		}
		if got := tree(t, out); got["thesis.tex"] != "years of work" || len(got) != 1 {
			t.Errorf("the folder changed: %v", got)
		}
	})
	t.Run("file", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		writeFiles(t, filepath.Dir(out), map[string]string{"public": "a file"})
		err := Publish(out, writeSite(nil))
		if err == nil || !strings.Contains(err.Error(), "is not a folder") {
			t.Errorf("Publish = %v, want an error saying it is not a folder", err)
		}
	})
	t.Run("empty folder", func(t *testing.T) {
		out := t.TempDir()
		if err := Publish(out, writeSite(map[string]string{"index.html": "x"})); err != nil {
			t.Errorf("Publish into an empty folder: %v", err)
		}
	})
	t.Run("bad names", func(t *testing.T) {
		var w MemWriter
		for _, name := range []string{"", "/etc/passwd", "../x", "a/../../x", `a\b`, "."} {
			if err := w.WriteFile(name, nil); err == nil {
				t.Errorf("WriteFile(%q) succeeded", name)
			}
		}
	})
}

// TestPublishSymlink replaces the folder a link leads to, and keeps the
// link.
func TestPublishSymlink(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "real")
	link := filepath.Join(parent, "public")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := Publish(link, writeSite(map[string]string{"index.html": "x"})); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if got := tree(t, real); got["index.html"] != "x" {
		t.Errorf("the site is not in the link's folder: %v", got)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
