package history

import (
	"bufio"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"
)

// The cache keeps, for every commit Read has diffed, what it learnt: its
// parents, author, dates, subject, co-authors and every path it changed (all
// paths, not only tracked ones, so that the cache does not depend on
// Options.Track), plus the similarity scores of blob pairs compared for
// renames. Commits are immutable, so an entry never goes stale; a rebuild
// walks from HEAD, takes cached commits as they are and reads and diffs only
// the others. Shallow boundary commits are not cached (their diff is
// incomplete). What .mailmap, .git-blame-ignore-revs and Track do is applied
// after, on every Read.
//
// The cache is read and written on every rebuild, so its format is a plain
// sequence of unsigned varints, strings (a length, then bytes) and 20-byte
// hashes, decoded in one pass over the file without reflection:
//
//	magic
//	paths:   n, n strings (every path once; changes refer to them by index)
//	people:  n, n × (name, email)
//	commits: n, n × (hash, parents: n, n hashes; author index; author
//	         date, zone, committer date (zigzag); subject; co-authors: n,
//	         n indexes; changes: n, n × (path index, kind, blob))
//	scores:  n, n × (from hash, to hash, score)

// CacheFile is the name of the cache file in Options.CacheDir. It carries
// the format version: another version is simply not found.
const CacheFile = "history-v2.bin"

// cacheMagic opens the cache file.
const cacheMagic = "postmortem history cache 2\n"

var errBadCache = errors.New("malformed history cache")

// cacheReader decodes the cache file. The first error sticks: every later
// read returns zero values, and err says what went wrong.
type cacheReader struct {
	data string // the whole file; strings are slices of it
	i    int
	err  error
}

func (r *cacheReader) fail() { r.err, r.i = errBadCache, len(r.data) }

func (r *cacheReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.i >= len(r.data) {
			break
		}
		b := r.data[r.i]
		r.i++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.fail()
	return 0
}

func (r *cacheReader) int() int64 {
	u := r.uint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a number of items that each take at least min bytes, so
// that a corrupt count cannot make a huge allocation.
func (r *cacheReader) count(min int) int {
	n := r.uint()
	if n > uint64(len(r.data)-r.i)/uint64(min) {
		r.fail()
		return 0
	}
	return int(n)
}

// index reads an index below n.
func (r *cacheReader) index(n int) int {
	v := r.uint()
	if v >= uint64(n) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *cacheReader) string() string {
	n := r.count(1)
	s := r.data[r.i : r.i+n]
	r.i += n
	return s
}

func (r *cacheReader) hash() plumbing.Hash {
	var h plumbing.Hash
	if r.err != nil || len(r.data)-r.i < len(h) {
		r.fail()
		return h
	}
	copy(h[:], r.data[r.i:])
	r.i += len(h)
	return h
}

func (r *cacheReader) byte() byte {
	if r.err != nil || r.i >= len(r.data) {
		r.fail()
		return 0
	}
	r.i++
	return r.data[r.i-1]
}

// loadCache reads the cache in dir. Any problem means an empty cache.
func loadCache(dir string) (map[plumbing.Hash]*commit, map[[2]plumbing.Hash]uint8) {
	b, err := os.ReadFile(filepath.Join(dir, CacheFile))
	if err != nil {
		return nil, nil
	}
	return decodeCache(b)
}

// decodeCache decodes the content of a cache file; it returns nil maps
// when b is not one.
func decodeCache(b []byte) (map[plumbing.Hash]*commit, map[[2]plumbing.Hash]uint8) {
	if len(b) < len(cacheMagic) || string(b[:len(cacheMagic)]) != cacheMagic {
		return nil, nil
	}
	r := &cacheReader{data: string(b), i: len(cacheMagic)}
	paths := make([]string, r.count(1))
	for i := range paths {
		paths[i] = r.string()
	}
	people := make([]Person, r.count(2))
	for i := range people {
		people[i] = Person{Name: r.string(), Email: r.string()}
	}
	person := func() Person {
		if i := r.index(len(people)); r.err == nil {
			return people[i]
		}
		return Person{}
	}
	n := r.count(20 + 8)
	all := make([]commit, n)
	commits := make(map[plumbing.Hash]*commit, n)
	for i := range all {
		c := &all[i]
		c.hash = r.hash()
		if np := r.count(20); np > 0 {
			c.parents = make([]plumbing.Hash, np)
			for j := range c.parents {
				c.parents[j] = r.hash()
			}
		}
		c.author = person()
		c.when, c.zone, c.committed = r.int(), int32(r.int()), r.int()
		c.subject = r.string()
		if na := r.count(1); na > 0 {
			c.coAuthors = make([]Person, na)
			for j := range c.coAuthors {
				c.coAuthors[j] = person()
			}
		}
		if nc := r.count(1 + 1 + 20); nc > 0 {
			c.changes = make([]change, nc)
			for j := range c.changes {
				ch := &c.changes[j]
				if k := r.index(len(paths)); r.err == nil {
					ch.path = paths[k]
				}
				ch.kind = changeKind(r.byte())
				ch.blob = r.hash()
				if ch.kind < added || ch.kind > deleted {
					r.fail()
				}
			}
		}
		c.fromCache = true
		commits[c.hash] = c
	}
	ns := r.count(41)
	scores := make(map[[2]plumbing.Hash]uint8, ns)
	for range ns {
		k := [2]plumbing.Hash{r.hash(), r.hash()}
		scores[k] = r.byte()
	}
	if r.err != nil || r.i != len(r.data) {
		return nil, nil
	}
	return commits, scores
}

// cacheWriter encodes the cache file.
type cacheWriter struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

func (w *cacheWriter) uint(v uint64) { w.w.Write(binary.AppendUvarint(w.buf[:0], v)) }
func (w *cacheWriter) int(v int64)   { w.uint(uint64(v<<1) ^ uint64(v>>63)) }
func (w *cacheWriter) string(s string) {
	w.uint(uint64(len(s)))
	w.w.WriteString(s)
}
func (w *cacheWriter) hash(h plumbing.Hash) { w.w.Write(h[:]) }

// saveCache writes the commits in order (except shallow boundaries) and the
// similarity scores to the cache in dir, atomically. Commits that are no
// longer reachable from HEAD are dropped.
func saveCache(dir string, order []*commit, scores map[[2]plumbing.Hash]uint8) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, CacheFile+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	w := bufio.NewWriterSize(tmp, 1<<16)
	encodeCache(w, order, scores)
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(dir, CacheFile)); err != nil {
		return err
	}
	os.Remove(filepath.Join(dir, "history-v1.gob")) // the previous format's
	return nil
}

// encodeCache writes the cache of the commits in order (except shallow
// boundaries) and the scores to bw; errors are bw's.
func encodeCache(bw *bufio.Writer, order []*commit, scores map[[2]plumbing.Hash]uint8) {
	var pathList []string
	var peopleList []Person
	paths := map[string]uint64{}
	people := map[Person]uint64{}
	person := func(p Person) uint64 {
		i, ok := people[p]
		if !ok {
			i = uint64(len(peopleList))
			people[p] = i
			peopleList = append(peopleList, p)
		}
		return i
	}
	kept := order[:0:0]
	for _, c := range order {
		if c.boundary {
			continue
		}
		kept = append(kept, c)
		person(c.author)
		for _, p := range c.coAuthors {
			person(p)
		}
		for _, ch := range c.changes {
			if _, ok := paths[ch.path]; !ok {
				paths[ch.path] = uint64(len(pathList))
				pathList = append(pathList, ch.path)
			}
		}
	}
	w := &cacheWriter{w: bw}
	w.w.WriteString(cacheMagic)
	w.uint(uint64(len(pathList)))
	for _, p := range pathList {
		w.string(p)
	}
	w.uint(uint64(len(peopleList)))
	for _, p := range peopleList {
		w.string(p.Name)
		w.string(p.Email)
	}
	w.uint(uint64(len(kept)))
	for _, c := range kept {
		w.hash(c.hash)
		w.uint(uint64(len(c.parents)))
		for _, p := range c.parents {
			w.hash(p)
		}
		w.uint(people[c.author])
		w.int(c.when)
		w.int(int64(c.zone))
		w.int(c.committed)
		w.string(c.subject)
		w.uint(uint64(len(c.coAuthors)))
		for _, p := range c.coAuthors {
			w.uint(people[p])
		}
		w.uint(uint64(len(c.changes)))
		for _, ch := range c.changes {
			w.uint(paths[ch.path])
			w.w.WriteByte(byte(ch.kind))
			w.hash(ch.blob)
		}
	}
	w.uint(uint64(len(scores)))
	for k, s := range scores {
		w.hash(k[0])
		w.hash(k[1])
		w.w.WriteByte(s)
	}
}
