package history

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// changeKind says what a commit did to a path.
type changeKind uint8

const (
	added changeKind = iota + 1
	modified
	deleted
)

// change is one path that a commit changed, compared with its parent.
type change struct {
	path string
	kind changeKind
	blob plumbing.Hash // the new blob for added and modified, the old one for deleted
}

// Tree entry modes, as git writes them in tree objects (octal).
const (
	modeDir     = 0o40000
	modeGitlink = 0o160000
)

var errMalformedTree = errors.New("malformed tree object")

// treeEntry is one entry of a raw tree object; name and hash point into the
// object's bytes.
type treeEntry struct {
	mode uint32
	name []byte
	hash []byte
	next int // offset of the next entry
}

// parseEntry parses the entry of raw tree t at offset i:
// "<octal mode> <name>\x00<20-byte hash>".
func parseEntry(t []byte, i int) (treeEntry, error) {
	var e treeEntry
	j := i
	for ; j < len(t) && t[j] != ' '; j++ {
		c := t[j]
		if c < '0' || c > '7' {
			return e, errMalformedTree
		}
		e.mode = e.mode<<3 | uint32(c-'0')
	}
	if j == i || j >= len(t) {
		return e, errMalformedTree
	}
	j++
	n := bytes.IndexByte(t[j:], 0)
	if n <= 0 || j+n+1+20 > len(t) {
		return e, errMalformedTree
	}
	e.name = t[j : j+n]
	e.hash = t[j+n+1 : j+n+21]
	e.next = j + n + 21
	return e, nil
}

// compareEntries orders tree entries as git sorts them: by name, a
// directory's name compared as if it ended in "/".
func compareEntries(a, b *treeEntry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	ca, cb := byte(0), byte(0)
	if len(a.name) > n {
		ca = a.name[n]
	} else if a.mode == modeDir {
		ca = '/'
	}
	if len(b.name) > n {
		cb = b.name[n]
	} else if b.mode == modeDir {
		cb = '/'
	}
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

// differ diffs trees of one repository. It is used by one goroutine. Its
// object reader caches what it read, so that a tree that two consecutive
// commits share is read and inflated once.
type differ struct {
	obj  *objects
	path []byte
	out  []change
}

// tree returns the raw content of the tree object h.
func (d *differ) tree(h plumbing.Hash) ([]byte, error) {
	b, err := d.obj.read(plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("read tree %s: %w", h, err)
	}
	return b, nil
}

// diffCommit returns the paths changed between the trees from (zero for
// none, as for a root commit) and to.
func (d *differ) diffCommit(from, to plumbing.Hash) ([]change, error) {
	d.out = nil
	d.path = d.path[:0]
	if err := d.diff(from, to); err != nil {
		return nil, err
	}
	return d.out, nil
}

// diff appends to d.out the changes between trees a and b (either may be
// zero, an empty tree) under the path prefix d.path. Subtrees with the same
// hash on both sides are skipped without being read.
func (d *differ) diff(a, b plumbing.Hash) error {
	if a == b {
		return nil
	}
	var ta, tb []byte
	var err error
	if !a.IsZero() {
		if ta, err = d.tree(a); err != nil {
			return err
		}
	}
	if !b.IsZero() {
		if tb, err = d.tree(b); err != nil {
			return err
		}
	}
	i, j := 0, 0
	var ea, eb treeEntry
	haveA, haveB := false, false
	for {
		if !haveA && i < len(ta) {
			if ea, err = parseEntry(ta, i); err != nil {
				return fmt.Errorf("read tree %s: %w", a, err)
			}
			haveA = true
		}
		if !haveB && j < len(tb) {
			if eb, err = parseEntry(tb, j); err != nil {
				return fmt.Errorf("read tree %s: %w", b, err)
			}
			haveB = true
		}
		switch {
		case !haveA && !haveB:
			return nil
		case haveA && haveB:
			if ea.next-i == eb.next-j && bytes.Equal(ta[i:ea.next], tb[j:eb.next]) {
				i, j = ea.next, eb.next
				haveA, haveB = false, false
				continue
			}
			switch c := compareEntries(&ea, &eb); {
			case c < 0:
				err = d.one(&ea, deleted)
				i, haveA = ea.next, false
			case c > 0:
				err = d.one(&eb, added)
				j, haveB = eb.next, false
			default:
				err = d.both(&ea, &eb)
				i, haveA = ea.next, false
				j, haveB = eb.next, false
			}
		case haveA:
			err = d.one(&ea, deleted)
			i, haveA = ea.next, false
		default:
			err = d.one(&eb, added)
			j, haveB = eb.next, false
		}
		if err != nil {
			return err
		}
	}
}

// one records an entry present on one side only: a file added or deleted, or
// every file of a directory.
func (d *differ) one(e *treeEntry, kind changeKind) error {
	switch e.mode {
	case modeGitlink:
		return nil
	case modeDir:
		n := len(d.path)
		d.path = append(append(d.path, e.name...), '/')
		h := plumbing.Hash(e.hash)
		var err error
		if kind == added {
			err = d.diff(plumbing.ZeroHash, h)
		} else {
			err = d.diff(h, plumbing.ZeroHash)
		}
		d.path = d.path[:n]
		return err
	}
	d.emit(e, kind)
	return nil
}

// both records the difference between entries of the same name.
func (d *differ) both(a, b *treeEntry) error {
	switch {
	case a.mode == modeDir && b.mode == modeDir:
		n := len(d.path)
		d.path = append(append(d.path, a.name...), '/')
		err := d.diff(plumbing.Hash(a.hash), plumbing.Hash(b.hash))
		d.path = d.path[:n]
		return err
	case a.mode == modeGitlink && b.mode == modeGitlink:
		return nil
	case a.mode == modeGitlink:
		d.emit(b, added)
	case b.mode == modeGitlink:
		d.emit(a, deleted)
	default:
		d.emit(b, modified)
	}
	return nil
}

func (d *differ) emit(e *treeEntry, kind changeKind) {
	n := len(d.path)
	d.path = append(d.path, e.name...)
	d.out = append(d.out, change{path: string(d.path), kind: kind, blob: plumbing.Hash(e.hash)})
	d.path = d.path[:n]
}

// listFiles calls fn for every blob under tree h (recursively), with its
// path. It is used for HEAD's tree.
func (d *differ) listFiles(h plumbing.Hash, fn func(path []byte, blob plumbing.Hash)) error {
	t, err := d.tree(h)
	if err != nil {
		return err
	}
	for i := 0; i < len(t); {
		e, err := parseEntry(t, i)
		if err != nil {
			return fmt.Errorf("read tree %s: %w", h, err)
		}
		i = e.next
		switch e.mode {
		case modeGitlink:
		case modeDir:
			n := len(d.path)
			d.path = append(append(d.path, e.name...), '/')
			err := d.listFiles(plumbing.Hash(e.hash), fn)
			d.path = d.path[:n]
			if err != nil {
				return err
			}
		default:
			n := len(d.path)
			d.path = append(d.path, e.name...)
			fn(d.path, plumbing.Hash(e.hash))
			d.path = d.path[:n]
		}
	}
	return nil
}
