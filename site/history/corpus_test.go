package history

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// dfdsRepo returns the path of the real postmortem repository in
// ../shared/corpora, or skips.
func dfdsRepo(t *testing.T) string {
	dir := filepath.Join(moduleRoot(t), "..", "shared", "corpora", "dfds-postmortems.git")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/corpora/dfds-postmortems.git")
	}
	return dir
}

// TestReadRealRepository reads a real team's postmortem repository (131
// commits, 26 of them merges; 40 .md files) and, when git is installed,
// compares every file's revisions with `git log --no-merges --follow`. That
// follows copies too (a postmortem started from a copy of the template gets
// the template's history); Read does not, so git's list is cut after the
// commit where git saw a copy.
func TestReadRealRepository(t *testing.T) {
	dir := dfdsRepo(t)
	h, err := Read(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if h.Commits != 105 || h.Shallow {
		t.Errorf("Commits, Shallow = %d, %v; want 105, false", h.Commits, h.Shallow)
	}
	if len(h.Files) != 40 {
		t.Errorf("%d files, want 40", len(h.Files))
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git to compare with")
	}
	for p, f := range h.Files {
		out, err := exec.Command("git", "-C", dir, "log", "--no-merges", "--follow", "--name-status", "--format=%x00%H", "--", p).Output()
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, rec := range strings.Split(string(out), "\x00")[1:] {
			fields := strings.Fields(rec)
			want = append(want, fields[0])
			if len(fields) > 1 && strings.HasPrefix(fields[1], "C") {
				break
			}
		}
		var got []string
		for _, r := range f.Revisions {
			got = append(got, r.Hash)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n got %v\nwant %v", p, got, want)
		}
	}
}

// TestDiffMatchesGoGit checks the tree diff against go-git's DiffTree, and
// the object reader against go-git's storage, on every commit of the real
// repository, with and without the path for big trees.
func TestDiffMatchesGoGit(t *testing.T) {
	dir := dfdsRepo(t)
	checkDiffs(t, dir)
	defer func(n int) { bigTree = n }(bigTree)
	bigTree = 0
	checkDiffs(t, dir)
}

// checkDiffs compares the diff of every commit with go-git's, and reads
// every object both ways.
func checkDiffs(t *testing.T, dir string) {
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	d := newDiffer(r.obj)

	// Newest first, as the walk diffs them: the differ reuses what it
	// learnt of a commit's tree when it diffs the parent.
	iter, err := repo.Log(&git.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = iter.ForEach(func(c *object.Commit) error {
		n++
		to, err := c.Tree()
		if err != nil {
			return err
		}
		var from *object.Tree
		var fromHash plumbing.Hash
		if c.NumParents() > 0 {
			p, err := c.Parent(0)
			if err != nil {
				return err
			}
			if from, err = p.Tree(); err != nil {
				return err
			}
			fromHash = from.Hash
		}
		changes, err := object.DiffTree(from, to)
		if err != nil {
			return err
		}
		var want []string
		for _, ch := range changes {
			if ch.From.Name != "" && ch.To.Name != "" && ch.From.Name != ch.To.Name {
				t.Fatalf("DiffTree reported a rename")
			}
			switch {
			case ch.From.Name == "":
				want = append(want, "A "+ch.To.Name+" "+ch.To.TreeEntry.Hash.String())
			case ch.To.Name == "":
				want = append(want, "D "+ch.From.Name+" "+ch.From.TreeEntry.Hash.String())
			default:
				want = append(want, "M "+ch.To.Name+" "+ch.To.TreeEntry.Hash.String())
			}
		}
		got, err := d.diffCommit(fromHash, to.Hash)
		if err != nil {
			return err
		}
		var gotS []string
		for _, ch := range got {
			gotS = append(gotS, string("?AMD"[ch.kind])+" "+ch.path+" "+ch.blob.String())
		}
		slices.Sort(want)
		slices.Sort(gotS)
		if !slices.Equal(gotS, want) {
			t.Errorf("commit %s:\n got %v\nwant %v", c.Hash, gotS, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no commits")
	}

	// Every object, read both ways.
	st := repo.Storer.(*filesystem.Storage)
	objs, err := st.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		t.Fatal(err)
	}
	err = objs.ForEach(func(o plumbing.EncodedObject) error {
		want, err := readObject(st, o.Type(), o.Hash())
		if err != nil {
			return err
		}
		got, err := r.obj.read(o.Type(), o.Hash())
		if err != nil {
			return err
		}
		if !bytes.Equal(got, want) {
			t.Errorf("object %s differs", o.Hash())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
