package history

import (
	"os"
	"path/filepath"
	"testing"
)

// moduleRoot returns the folder of go.mod above the package.
func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

// readCounting is Read that also returns how many commits were read from
// the repository rather than from the cache.
func readCounting(dir string, opts Options) (*History, int, error) {
	return read(dir, opts, "")
}
