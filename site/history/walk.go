package history

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// commit is what Read needs of one commit; it is also what the cache keeps.
type commit struct {
	hash      plumbing.Hash
	parents   []plumbing.Hash // none for a root or a shallow boundary commit
	tree      plumbing.Hash   // not cached: only needed to diff
	author    Person          // before .mailmap
	when      int64           // author date, Unix seconds
	zone      int32           // author time zone, seconds east of UTC
	committed int64           // committer date, Unix seconds, for ordering
	subject   string
	coAuthors []Person
	changes   []change // nil for merges
	boundary  bool     // shallow boundary or missing parent: diffed as a root
	fromCache bool
}

func (c *commit) merge() bool { return len(c.parents) > 1 }

// graph is the set of commits reachable from a head.
type graph struct {
	head    plumbing.Hash
	commits map[plumbing.Hash]*commit
	shallow bool // some history is missing
	read    int  // commits decoded from the repository (not from the cache)
}

// diffJob asks a worker to diff commits against their first parents.
type diffJob []*commit

// batchSize is how many consecutive commits (in walk order) one worker
// diffs together: consecutive commits share trees, which the worker's
// object cache then reads once.
const batchSize = 64

// walk visits every commit reachable from head, first parents first, taking
// what the cache knows and reading the rest; non-merge commits that are not
// cached are diffed by a pool of workers while the walk goes on.
func (r *repo) walk(head plumbing.Hash, shallow map[plumbing.Hash]bool, cached map[plumbing.Hash]*commit) (*graph, error) {
	g := &graph{head: head, commits: make(map[plumbing.Hash]*commit)}

	workers := max(1, runtime.GOMAXPROCS(0))
	jobs := make(chan diffJob, workers*2)
	var wg sync.WaitGroup
	var errOnce sync.Once
	var werr error
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := r.storage()
			defer st.Close()
			obj := newObjects(r.dotGit, st, r.packs, true)
			defer obj.close()
			d := newDiffer(obj)
			for job := range jobs {
				if err := d.run(job); err != nil {
					errOnce.Do(func() { werr = err })
				}
			}
		}()
	}
	finish := func() error {
		close(jobs)
		wg.Wait()
		return werr
	}

	var batch diffJob
	stack := []plumbing.Hash{head}
	for len(stack) > 0 {
		h := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if _, ok := g.commits[h]; ok {
			continue
		}
		c, ok := cached[h]
		if ok && shallow[h] {
			ok = false // cached with its parents, before the clone was made shallow
		}
		if !ok {
			var err error
			c, err = readCommit(r.obj, h)
			if errors.Is(err, plumbing.ErrObjectNotFound) && h != head {
				// A parent that is not here: an incomplete clone.
				g.shallow = true
				continue
			}
			if err != nil {
				finish()
				return nil, opError("read commit", h.String(), err)
			}
			g.read++
		}
		if shallow[h] {
			c.parents, c.boundary = nil, true
			g.shallow = true
		}
		g.commits[h] = c
		for i := len(c.parents) - 1; i >= 0; i-- {
			if _, ok := g.commits[c.parents[i]]; !ok {
				stack = append(stack, c.parents[i])
			}
		}
		if !c.fromCache && !c.merge() {
			batch = append(batch, c)
			if len(batch) == batchSize {
				jobs <- batch
				batch = nil
			}
		}
	}
	if len(batch) > 0 {
		jobs <- batch
	}
	if err := finish(); err != nil {
		return nil, err
	}
	// Parents that turned out missing make their children roots.
	for _, c := range g.commits {
		for _, p := range c.parents {
			if _, ok := g.commits[p]; !ok {
				c.boundary = true
			}
		}
		if c.boundary {
			g.shallow = true
		}
	}
	return g, nil
}

// run diffs each commit of the job against its parent.
func (d *differ) run(job diffJob) error {
	for _, c := range job {
		var from plumbing.Hash
		if len(c.parents) == 1 {
			t, err := commitTree(d.obj, c.parents[0])
			switch {
			case errors.Is(err, plumbing.ErrObjectNotFound):
				c.boundary = true // diffed as a root
			case err != nil:
				return opError("read commit", c.parents[0].String(), err)
			default:
				from = t
			}
		}
		ch, err := d.diffCommit(from, c.tree)
		if err != nil {
			return opError("diff commit", c.hash.String(), err)
		}
		c.changes = ch
	}
	return nil
}

// readCommit decodes commit h.
func readCommit(obj *objects, h plumbing.Hash) (*commit, error) {
	b, err := obj.read(plumbing.CommitObject, h)
	if err != nil {
		return nil, err
	}
	o := &plumbing.MemoryObject{}
	o.SetType(plumbing.CommitObject)
	o.Write(b)
	gc, err := object.DecodeCommit(nil, o)
	if err != nil {
		return nil, err
	}
	_, zone := gc.Author.When.Zone()
	c := &commit{
		hash:      h,
		parents:   gc.ParentHashes,
		tree:      gc.TreeHash,
		author:    Person{Name: gc.Author.Name, Email: gc.Author.Email},
		when:      gc.Author.When.Unix(),
		zone:      int32(zone),
		committed: gc.Committer.When.Unix(),
	}
	c.subject, c.coAuthors = parseMessage(gc.Message)
	return c, nil
}

// commitTree returns the tree hash of commit h, reading only the first line
// of the commit object.
func commitTree(obj *objects, h plumbing.Hash) (plumbing.Hash, error) {
	b, err := obj.read(plumbing.CommitObject, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if len(b) < 46 || !bytes.HasPrefix(b, []byte("tree ")) || b[45] != '\n' {
		return plumbing.ZeroHash, fmt.Errorf("malformed commit %s", h)
	}
	t, ok := parseHash(string(b[5:45]))
	if !ok {
		return plumbing.ZeroHash, fmt.Errorf("malformed commit %s", h)
	}
	return t, nil
}

var coAuthorRE = regexp.MustCompile(`(?i)^co-authored-by:\s*(.*?)\s*<([^>]*)>\s*$`)

// parseMessage returns a commit message's subject (its first paragraph on
// one line, as git's %s) and the people named in its Co-authored-by
// trailers (any line of the body that has the form).
func parseMessage(msg string) (subject string, coAuthors []Person) {
	msg = strings.TrimLeft(msg, "\n")
	para, body, _ := strings.Cut(msg, "\n\n")
	lines := strings.Split(strings.TrimRight(para, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	subject = strings.Join(lines, " ")
	if !strings.Contains(strings.ToLower(body), "co-authored-by") {
		return subject, nil
	}
	for line := range strings.SplitSeq(body, "\n") {
		if m := coAuthorRE.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			coAuthors = append(coAuthors, Person{Name: m[1], Email: m[2]})
		}
	}
	return subject, coAuthors
}
