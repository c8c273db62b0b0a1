package history

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"

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
	// entry offsets of the big trees seen last, see diffBig
	offs *lru[[]int32]
}

// offsetsCacheSize bounds the entry offsets a differ keeps (in entries):
// about 25 trees of 10,000 entries, 1 MB.
const offsetsCacheSize = 1 << 18

func newDiffer(obj *objects) *differ {
	return &differ{obj: obj, offs: newLRU(offsetsCacheSize, func(o []int32) int { return len(o) })}
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
	if len(ta) >= bigTree && len(tb) >= bigTree && len(ta) < math.MaxInt32 && len(tb) < math.MaxInt32 {
		return d.diffBig(a, b, ta, tb)
	}
	return d.merge(a, b, ta, tb, 0, len(ta), 0, len(tb))
}

// merge compares the entries of raw trees ta[i:iEnd] and tb[j:jEnd] (i and j
// are entry boundaries) in order, as a merge of two sorted lists.
func (d *differ) merge(a, b plumbing.Hash, ta, tb []byte, i, iEnd, j, jEnd int) error {
	var ea, eb treeEntry
	var err error
	haveA, haveB := false, false
	for {
		if !haveA && i < iEnd {
			if ea, err = parseEntry(ta, i); err != nil {
				return fmt.Errorf("read tree %s: %w", a, err)
			}
			haveA = true
		}
		if !haveB && j < jEnd {
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

// Big trees (a folder of 10,000 postmortems is a tree of about 800 KB that
// every commit rewrites) are where a diff spends its time if it parses
// every entry of both sides. Two versions of a tree usually share a long
// prefix and a long suffix of bytes; diffBig finds them with fast byte
// comparison and parses only the middle. Knowing where entries start inside
// the shared parts needs the entry offsets of one side: the differ keeps
// them for the trees of the last commits it diffed (the child's tree of a
// commit is the parent's tree of the commit diffed just before, in walk
// order; the tree of a commit that did not change the folder waits in the
// cache for the next one that did) and derives the other side's offsets
// from them.
var bigTree = 8 << 10 // a variable for tests

// diffBig is diff for two big trees.
func (d *differ) diffBig(a, b plumbing.Hash, ta, tb []byte) error {
	ob, err := d.offsets(b, tb)
	if err != nil {
		return err
	}
	p := commonPrefix(ta, tb)
	s := commonSuffix(ta[p:], tb[p:])
	// Entries of b that end within the common prefix are identical in a, at
	// the same offsets; the first one that does not starts the middle.
	k := sort.Search(len(ob), func(i int) bool { return entryEnd(ob, i, len(tb)) > p })
	x := len(tb)
	if k < len(ob) {
		x = int(ob[k])
	}
	// Entries of b that start within the common suffix (and after x) are
	// identical in a, shifted by the difference in length.
	kEnd := sort.Search(len(ob), func(i int) bool { return int(ob[i]) >= max(x, len(tb)-s) })
	yEnd := len(tb)
	if kEnd < len(ob) {
		yEnd = int(ob[kEnd])
	}
	shift := len(tb) - len(ta)
	xEnd := yEnd - shift
	// Parse a from x; it must land on xEnd for the suffixes to be entries
	// at the same places (it does unless names and hashes conspire).
	oa := make([]int32, k, len(ob)+16)
	copy(oa, ob[:k])
	i := x
	for i < xEnd {
		e, err := parseEntry(ta, i)
		if err != nil {
			return fmt.Errorf("read tree %s: %w", a, err)
		}
		oa = append(oa, int32(i))
		i = e.next
	}
	if i == xEnd {
		for _, o := range ob[kEnd:] {
			oa = append(oa, o-int32(shift))
		}
	} else {
		// Out of step: compare everything after x.
		for i < len(ta) {
			e, err := parseEntry(ta, i)
			if err != nil {
				return fmt.Errorf("read tree %s: %w", a, err)
			}
			oa = append(oa, int32(i))
			i = e.next
		}
		xEnd, yEnd = len(ta), len(tb)
	}
	d.offs.put(a, oa)
	return d.merge(a, b, ta, tb, x, xEnd, x, yEnd)
}

// entryEnd is where entry i of a tree with entry offsets o and size n ends.
func entryEnd(o []int32, i, n int) int {
	if i+1 < len(o) {
		return int(o[i+1])
	}
	return n
}

// offsets returns the offsets of the entries of tree h (raw t), from the
// differ's memory or by parsing it.
func (d *differ) offsets(h plumbing.Hash, t []byte) ([]int32, error) {
	if o, ok := d.offs.get(h); ok {
		return o, nil
	}
	var o []int32
	for i := 0; i < len(t); {
		e, err := parseEntry(t, i)
		if err != nil {
			return nil, fmt.Errorf("read tree %s: %w", h, err)
		}
		o = append(o, int32(i))
		i = e.next
	}
	d.offs.put(h, o)
	return o, nil
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const block = 256
	for i+block <= n && bytes.Equal(a[i:i+block], b[i:i+block]) {
		i += block
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix returns the length of the longest common suffix of a and b.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const block = 256
	for i+block <= n && bytes.Equal(a[len(a)-i-block:len(a)-i], b[len(b)-i-block:len(b)-i]) {
		i += block
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
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
