package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/postmortem-dev/postmortem/site/search"
)

// TestSearchCacheDamaged: a build whose search cache was damaged after it
// was written (its data file changed under the index) builds the index
// without it, into a new folder as into the previous site, and writes
// what a build without a cache writes.
func TestSearchCacheDamaged(t *testing.T) {
	dir := examplesRepo(t)
	cache := t.TempDir()
	fresh := filepath.Join(t.TempDir(), "fresh")
	publish(t, dir, fresh, Options{})
	want := tree(t, fresh)
	for _, into := range []string{"a new folder", "the previous site"} {
		out := filepath.Join(t.TempDir(), "public")
		publish(t, dir, out, Options{CacheDir: cache})
		data := filepath.Join(cache, search.DataFile)
		b, err := os.ReadFile(data)
		if err != nil {
			t.Fatal(err)
		}
		for i := len(b) / 3; i < len(b); i += 101 {
			b[i] ^= 0x20
		}
		if err := os.WriteFile(data, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if into == "a new folder" {
			out = filepath.Join(t.TempDir(), "public")
		}
		publish(t, dir, out, Options{CacheDir: cache})
		got := tree(t, out)
		if len(got) != len(want) {
			t.Errorf("into %s: %d files, %d without a cache", into, len(got), len(want))
		}
		for name, w := range want {
			if got[name] != w {
				t.Errorf("into %s: %s differs from a build without the cache:\n%s", into, name, firstDiff(w, got[name]))
			}
		}
		os.Remove(filepath.Join(cache, search.IndexFile))
	}
}
