//go:build unix

package site

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// create writes a new file, failing when one is at path already. It uses
// system calls of its own, not os.File: os registers every file it opens
// with the network poller, which refuses regular files, at the cost of
// five more calls per file, and a site has thousands of files (see
// load's file_unix.go).
func create(path string, data []byte) error {
	var fd int
	var err error
	for {
		fd, err = unix.Open(path, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0o644)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: path, Err: err}
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
