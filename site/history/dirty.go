package history

import (
	"crypto/sha1"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"

	"github.com/postmortem-dev/postmortem/render/parallel"
)

// markDirty sets File.Dirty for the files whose working tree content differs
// from their blob at HEAD. A file whose size and modification time match a
// git index entry with HEAD's blob is clean without being read (as git
// decides); any other file is read and its blob hash computed. Content
// filters (core.autocrlf, .gitattributes) are not applied. An index that
// cannot be read only means more files are hashed. It sets no other field
// of files, and uses a storage of its own, so that it can run while the
// commits are read.
func (r *repo) markDirty(files map[string]*File, blobs map[string]plumbing.Hash) error {
	if r.worktree == "" {
		return nil
	}
	st := r.storage()
	defer st.Close()
	entries := map[string]*index.Entry{}
	var indexTime time.Time
	if idx, err := st.Index(); err == nil {
		indexTime = idx.ModTime
		for _, e := range idx.Entries {
			if e.Stage == 0 {
				entries[e.Name] = e
			}
		}
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	var mu sync.Mutex
	var firstErr error
	parallel.For(len(paths), func(i int) {
		p := paths[i]
		dirty, err := r.dirty(p, blobs[p], entries[p], indexTime)
		mu.Lock()
		if err != nil && firstErr == nil {
			firstErr = err
		}
		files[p].Dirty = dirty
		mu.Unlock()
	})
	return firstErr
}

// dirty reports whether the working tree file p differs from blob.
func (r *repo) dirty(p string, blob plumbing.Hash, e *index.Entry, indexTime time.Time) (bool, error) {
	name := filepath.Join(r.worktree, filepath.FromSlash(p))
	fi, err := r.lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil // deleted in the working tree
	}
	if err != nil {
		return false, opError("stat", name, err)
	}
	if e != nil && e.Hash == blob && int64(e.Size) == fi.Size()&0xffffffff &&
		e.ModifiedAt.Equal(fi.ModTime()) && fi.ModTime().Before(indexTime) {
		return false, nil
	}
	var b []byte
	switch {
	case fi.Mode().IsRegular():
		b, err = os.ReadFile(name)
	case fi.Mode()&fs.ModeSymlink != 0:
		var target string
		target, err = os.Readlink(name)
		b = []byte(filepath.ToSlash(target))
	default:
		return true, nil // a folder or something else where HEAD has a file
	}
	if err != nil {
		return false, opError("read", name, err)
	}
	return blobHash(b) != blob, nil
}

// blobHash is git's object id of a blob with content b.
func blobHash(b []byte) plumbing.Hash {
	h := sha1.New()
	h.Write([]byte("blob " + strconv.Itoa(len(b)) + "\x00"))
	h.Write(b)
	var out plumbing.Hash
	h.Sum(out[:0])
	return out
}
