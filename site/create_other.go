//go:build !unix

package site

import (
	"io/fs"
	"os"
)

// create writes a new file, failing when one is at path already.
func create(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// haveInodes reports whether fileIno gives inode numbers: not here, so
// that a rebuild does not start from the previous site.
const haveInodes = false

// fileIno returns the inode number of a file: none here.
func fileIno(info fs.FileInfo) (uint64, bool) { return 0, false }
