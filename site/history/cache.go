package history

import (
	"bufio"
	"encoding/gob"
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

// cacheName is the cache file in Options.CacheDir. Its name carries the
// format version: another version is simply not found.
const cacheName = "history-v1.gob"

type cacheFile struct {
	Paths   []string // every path, once; changes refer to them by index
	People  []Person
	Commits []cachedCommit
	Scores  []cachedScore
}

type cachedCommit struct {
	Hash      plumbing.Hash
	Parents   []plumbing.Hash
	Author    int32 // index in People
	When      int64
	Zone      int32
	Committed int64
	Subject   string
	CoAuthors []int32
	Changes   []cachedChange
}

type cachedChange struct {
	Path int32
	Kind uint8
	Blob plumbing.Hash
}

type cachedScore struct {
	From, To plumbing.Hash
	Score    uint8
}

// loadCache reads the cache in dir. Any problem means an empty cache.
func loadCache(dir string) (commits map[plumbing.Hash]*commit, scores map[[2]plumbing.Hash]uint8) {
	defer func() {
		if recover() != nil { // gob should not panic, but a cache must never break a build
			commits, scores = nil, nil
		}
	}()
	f, err := os.Open(filepath.Join(dir, cacheName))
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	var cf cacheFile
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&cf); err != nil {
		return nil, nil
	}
	person := func(i int32) (Person, bool) {
		if i < 0 || int(i) >= len(cf.People) {
			return Person{}, false
		}
		return cf.People[i], true
	}
	commits = make(map[plumbing.Hash]*commit, len(cf.Commits))
	for i := range cf.Commits {
		cc := &cf.Commits[i]
		author, ok := person(cc.Author)
		if !ok {
			return nil, nil
		}
		c := &commit{
			hash: cc.Hash, parents: cc.Parents, author: author, when: cc.When, zone: cc.Zone,
			committed: cc.Committed, subject: cc.Subject, fromCache: true,
		}
		for _, i := range cc.CoAuthors {
			p, ok := person(i)
			if !ok {
				return nil, nil
			}
			c.coAuthors = append(c.coAuthors, p)
		}
		if len(cc.Changes) > 0 {
			c.changes = make([]change, len(cc.Changes))
		}
		for j, ch := range cc.Changes {
			if ch.Path < 0 || int(ch.Path) >= len(cf.Paths) || ch.Kind < uint8(added) || ch.Kind > uint8(deleted) {
				return nil, nil
			}
			c.changes[j] = change{path: cf.Paths[ch.Path], kind: changeKind(ch.Kind), blob: ch.Blob}
		}
		commits[c.hash] = c
	}
	scores = make(map[[2]plumbing.Hash]uint8, len(cf.Scores))
	for _, s := range cf.Scores {
		scores[[2]plumbing.Hash{s.From, s.To}] = s.Score
	}
	return commits, scores
}

// saveCache writes the commits in order (except shallow boundaries) and the
// similarity scores to the cache in dir, atomically. Commits that are no
// longer reachable from HEAD are dropped.
func saveCache(dir string, order []*commit, scores map[[2]plumbing.Hash]uint8) error {
	var cf cacheFile
	paths := map[string]int32{}
	people := map[Person]int32{}
	personIndex := func(p Person) int32 {
		i, ok := people[p]
		if !ok {
			i = int32(len(cf.People))
			people[p] = i
			cf.People = append(cf.People, p)
		}
		return i
	}
	for _, c := range order {
		if c.boundary {
			continue
		}
		cc := cachedCommit{
			Hash: c.hash, Parents: c.parents, Author: personIndex(c.author), When: c.when,
			Zone: c.zone, Committed: c.committed, Subject: c.subject,
		}
		for _, p := range c.coAuthors {
			cc.CoAuthors = append(cc.CoAuthors, personIndex(p))
		}
		if len(c.changes) > 0 {
			cc.Changes = make([]cachedChange, len(c.changes))
		}
		for j, ch := range c.changes {
			pi, ok := paths[ch.path]
			if !ok {
				pi = int32(len(cf.Paths))
				paths[ch.path] = pi
				cf.Paths = append(cf.Paths, ch.path)
			}
			cc.Changes[j] = cachedChange{Path: pi, Kind: uint8(ch.kind), Blob: ch.blob}
		}
		cf.Commits = append(cf.Commits, cc)
	}
	for k, s := range scores {
		cf.Scores = append(cf.Scores, cachedScore{From: k[0], To: k[1], Score: s})
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, cacheName+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	w := bufio.NewWriter(tmp)
	if err := gob.NewEncoder(w).Encode(&cf); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, cacheName))
}
