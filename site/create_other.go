//go:build !unix

package site

import (
	"io"
	"io/fs"
	"os"
)

// createFile creates a new file to write, failing when one is at path
// already.
func createFile(path string) (io.WriteCloser, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
}

// haveInodes reports whether fileIno gives inode numbers: not here, so
// that a rebuild does not start from the previous site.
const haveInodes = false

// fileIno returns the inode number of a file: none here.
func fileIno(info fs.FileInfo) (uint64, bool) { return 0, false }
