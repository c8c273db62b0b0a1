package history

import (
	"bytes"
	"container/heap"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// parseIgnoreRevs reads a .git-blame-ignore-revs file: one full commit hash a
// line, "#" comments, blank lines.
func parseIgnoreRevs(b []byte) map[plumbing.Hash]bool {
	m := map[plumbing.Hash]bool{}
	for line := range strings.SplitSeq(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if h, ok := parseHash(strings.TrimSpace(line)); ok && !h.IsZero() {
			m[h] = true
		}
	}
	return m
}

// order returns the commits of g newest first, every commit before its
// parents; among the commits whose children are all listed, the one with the
// latest committer date comes first (git log --date-order).
func (g *graph) order() []*commit {
	children := make(map[plumbing.Hash]int, len(g.commits))
	for _, c := range g.commits {
		for _, p := range c.parents {
			if _, ok := g.commits[p]; ok {
				children[p]++
			}
		}
	}
	out := make([]*commit, 0, len(g.commits))
	q := &commitQueue{g.commits[g.head]}
	for q.Len() > 0 {
		c := heap.Pop(q).(*commit)
		out = append(out, c)
		for _, p := range c.parents {
			pc, ok := g.commits[p]
			if !ok {
				continue
			}
			if children[p]--; children[p] == 0 {
				heap.Push(q, pc)
			}
		}
	}
	return out
}

// commitQueue is a heap of commits, latest committer date first.
type commitQueue []*commit

func (q commitQueue) Len() int { return len(q) }
func (q commitQueue) Less(i, j int) bool {
	if q[i].committed != q[j].committed {
		return q[i].committed > q[j].committed
	}
	return bytes.Compare(q[i].hash[:], q[j].hash[:]) < 0
}
func (q commitQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)   { *q = append(*q, x.(*commit)) }
func (q *commitQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}

// assembler turns the commit graph into files' histories.
type assembler struct {
	track   func(string) bool
	ignore  map[plumbing.Hash]bool
	mailmap *mailmap
	people  map[Person]Person // mailmap results
	zones   map[int32]*time.Location
	renames *renamer
}

// assemble attributes each non-merge commit's changes to the files at HEAD,
// walking the commits newest first and following renames: ids maps the path
// a file has at the commit being looked at to the file.
func (a *assembler) assemble(order []*commit, files map[string]*File) (commits int, err error) {
	ids := make(map[string]*File, len(files))
	for p, f := range files {
		ids[p] = f
	}
	type source struct {
		f    *File
		path string
	}
	var sources []source
	for _, c := range order {
		if c.merge() {
			continue
		}
		commits++
		if len(c.changes) == 0 || len(ids) == 0 {
			continue
		}
		var rev *Revision
		touch := func(f *File) {
			if a.ignore[c.hash] {
				return
			}
			if rev == nil {
				rev = a.revision(c)
			}
			if n := len(f.Revisions); n == 0 || f.Revisions[n-1].Hash != rev.Hash {
				f.Revisions = append(f.Revisions, *rev)
			}
		}
		var adds, dels []int
		for i := range c.changes {
			ch := &c.changes[i]
			switch ch.kind {
			case added:
				if ids[ch.path] != nil {
					adds = append(adds, i)
				}
			case deleted:
				dels = append(dels, i)
			case modified:
				if f := ids[ch.path]; f != nil {
					touch(f)
				}
			}
		}
		if len(adds) == 0 {
			continue
		}
		var from map[int]int // add index -> delete index
		if len(dels) > 0 {
			if from, err = a.renames.find(c, adds, dels, a.track); err != nil {
				return 0, err
			}
		}
		sources = sources[:0]
		for _, i := range adds {
			ch := &c.changes[i]
			f := ids[ch.path]
			touch(f)
			delete(ids, ch.path) // before this commit the path was not this file
			if d, ok := from[i]; ok {
				sources = append(sources, source{f, c.changes[d].path})
			}
		}
		for _, s := range sources {
			ids[s.path] = s.f
		}
	}
	for _, f := range files {
		if n := len(f.Revisions); n > 0 {
			f.Updated, f.Created = f.Revisions[0], f.Revisions[n-1]
		}
		f.Contributors = contributors(f.Revisions)
	}
	return commits, nil
}

// revision makes the Revision of commit c, with .mailmap applied.
func (a *assembler) revision(c *commit) *Revision {
	r := &Revision{
		Hash:    c.hash.String(),
		Date:    time.Unix(c.when, 0).In(a.zone(c.zone)),
		Author:  a.person(c.author),
		Subject: c.subject,
	}
	for _, p := range c.coAuthors {
		r.CoAuthors = append(r.CoAuthors, a.person(p))
	}
	return r
}

func (a *assembler) person(p Person) Person {
	q, ok := a.people[p]
	if !ok {
		q = a.mailmap.apply(p)
		a.people[p] = q
	}
	return q
}

// zone returns a fixed time zone of the given offset, shared between
// revisions.
func (a *assembler) zone(offset int32) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	l, ok := a.zones[offset]
	if !ok {
		l = time.FixedZone("", int(offset))
		a.zones[offset] = l
	}
	return l
}

// contributors lists the authors and co-authors of revs (newest first), in
// order of first contribution, deduplicated by e-mail (or name).
func contributors(revs []Revision) []Person {
	var out []Person
	seen := map[string]bool{}
	add := func(p Person) {
		k := "<" + strings.ToLower(p.Email) + ">"
		if p.Email == "" {
			k = strings.ToLower(p.Name)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	for i := len(revs) - 1; i >= 0; i-- {
		add(revs[i].Author)
		for _, p := range revs[i].CoAuthors {
			add(p)
		}
	}
	return out
}
