//go:build unix

package site

import (
	"io"
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// createFile creates a new file to write, failing when one is at path
// already. It uses system calls of its own, not os.File: os registers
// every file it opens with the network poller, which refuses regular
// files, at the cost of five more calls per file, and a site has
// thousands of files (see load's file_unix.go).
func createFile(path string) (io.WriteCloser, error) {
	for {
		fd, err := unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: path, Err: err}
		}
		return &newFile{fd: fd, path: path}, nil
	}
}

// newFile is a file made by createFile.
type newFile struct {
	fd   int
	path string
}

func (f *newFile) Write(data []byte) (int, error) {
	written := 0
	for len(data) > 0 {
		n, err := unix.Write(f.fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return written, &fs.PathError{Op: "write", Path: f.path, Err: err}
		}
		written += n
		data = data[n:]
	}
	return written, nil
}

func (f *newFile) Close() error {
	if err := unix.Close(f.fd); err != nil {
		return &fs.PathError{Op: "close", Path: f.path, Err: err}
	}
	return nil
}

// haveInodes reports whether fileIno gives inode numbers.
const haveInodes = true

// fileIno returns the inode number of a file.
func fileIno(info fs.FileInfo) (uint64, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Ino), true
}
