//go:build !unix

package load

import (
	"io"
	"os"
)

// readAll reads the file at path, at most limit+1 bytes of it: more than
// limit means it is too large.
func readAll(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, limit+1))
}

// readHead reads the first len(buf) bytes of the file at path, fewer when
// it is shorter, and reports whether they are the whole file.
func readHead(path string, buf []byte) (n int, whole bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false, err
	}
	defer f.Close()
	n, err = io.ReadFull(f, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		return n, true, nil
	}
	return n, false, err
}
