package history

import (
	"bufio"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/postmortem-dev/postmortem/site/internal/wire"
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

// loadCache reads the cache in dir. Any problem means an empty cache.
func loadCache(dir string) (map[plumbing.Hash]*commit, map[[2]plumbing.Hash]uint8) {
	b, err := os.ReadFile(filepath.Join(dir, CacheFile))
	if err != nil || len(b) == 0 {
		return nil, nil
	}
	// Not copied: b is not written again, and copying it took 40 ms of
	// CPU at 30,000 commits, most of it faulting pages in.
	return decodeCache(unsafe.String(&b[0], len(b)))
}

// decodeCache decodes the content of a cache file; it returns nil maps
// when data is not one. Strings of the result are slices of data.
func decodeCache(data string) (map[plumbing.Hash]*commit, map[[2]plumbing.Hash]uint8) {
	r := wire.NewReader(data, cacheMagic)
	paths := make([]string, r.Count(1))
	for i := range paths {
		paths[i] = r.String()
	}
	people := make([]Person, r.Count(2))
	for i := range people {
		people[i] = Person{Name: r.String(), Email: r.String()}
	}
	person := func() Person {
		if i := r.Index(len(people)); r.Err() == nil {
			return people[i]
		}
		return Person{}
	}
	n := r.Count(20 + 8)
	all := make([]commit, n)
	commits := make(map[plumbing.Hash]*commit, n)
	for i := range all {
		c := &all[i]
		c.hash = hash(r)
		if np := r.Count(20); np > 0 {
			c.parents = make([]plumbing.Hash, np)
			for j := range c.parents {
				c.parents[j] = hash(r)
			}
		}
		c.author = person()
		c.when, c.zone, c.committed = r.Int(), int32(r.Int()), r.Int()
		c.subject = r.String()
		if na := r.Count(1); na > 0 {
			c.coAuthors = make([]Person, na)
			for j := range c.coAuthors {
				c.coAuthors[j] = person()
			}
		}
		if nc := r.Count(1 + 1 + 20); nc > 0 {
			c.changes = make([]change, nc)
			for j := range c.changes {
				ch := &c.changes[j]
				if k := r.Index(len(paths)); r.Err() == nil {
					ch.path = paths[k]
				}
				ch.kind = changeKind(r.Byte())
				ch.blob = hash(r)
				if ch.kind < added || ch.kind > deleted {
					r.Fail()
				}
			}
		}
		c.fromCache = true
		commits[c.hash] = c
	}
	ns := r.Count(41)
	scores := make(map[[2]plumbing.Hash]uint8, ns)
	for range ns {
		k := [2]plumbing.Hash{hash(r), hash(r)}
		scores[k] = r.Byte()
	}
	if !r.Done() {
		return nil, nil
	}
	return commits, scores
}

// hash reads a hash.
func hash(r *wire.Reader) plumbing.Hash {
	var h plumbing.Hash
	r.Bytes(h[:])
	return h
}

// saveCache writes the commits in order (except shallow boundaries) and the
// similarity scores to the cache in dir, atomically. Commits that are no
// longer reachable from HEAD are dropped.
func saveCache(dir string, order []*commit, scores map[[2]plumbing.Hash]uint8) error {
	err := wire.WriteFile(dir, CacheFile, func(w *bufio.Writer) error {
		encodeCache(w, order, scores)
		return nil // w's errors stick, and its flush returns them
	})
	if err != nil {
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
	w := &wire.Writer{W: bw}
	w.W.WriteString(cacheMagic)
	w.Uint(uint64(len(pathList)))
	for _, p := range pathList {
		w.String(p)
	}
	w.Uint(uint64(len(peopleList)))
	for _, p := range peopleList {
		w.String(p.Name)
		w.String(p.Email)
	}
	w.Uint(uint64(len(kept)))
	for _, c := range kept {
		w.Bytes(c.hash[:])
		w.Uint(uint64(len(c.parents)))
		for _, p := range c.parents {
			w.Bytes(p[:])
		}
		w.Uint(people[c.author])
		w.Int(c.when)
		w.Int(int64(c.zone))
		w.Int(c.committed)
		w.String(c.subject)
		w.Uint(uint64(len(c.coAuthors)))
		for _, p := range c.coAuthors {
			w.Uint(people[p])
		}
		w.Uint(uint64(len(c.changes)))
		for _, ch := range c.changes {
			w.Uint(paths[ch.path])
			w.Byte(byte(ch.kind))
			w.Bytes(ch.blob[:])
		}
	}
	w.Uint(uint64(len(scores)))
	for k, s := range scores {
		w.Bytes(k[0][:])
		w.Bytes(k[1][:])
		w.Byte(s)
	}
}
