package repo

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

type fixture struct {
	t    *testing.T
	root string
	repo *git.Repository
	wt   *git.Worktree
	when time.Time
}

func newFixture(t *testing.T) *fixture {
	root := t.TempDir()
	r, err := git.PlainInitWithOptions(root, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")}})
	if err != nil {
		t.Fatal(err)
	}
	wt, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, root: root, repo: r, wt: wt, when: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (f *fixture) write(path, data string) {
	p := filepath.Join(f.root, filepath.FromSlash(path))
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) commit(author, msg string, paths ...string) plumbing.Hash {
	for _, p := range paths {
		if _, err := f.wt.Add(p); err != nil {
			f.t.Fatal(err)
		}
	}
	f.when = f.when.Add(time.Hour)
	h, err := f.wt.Commit(msg, &git.CommitOptions{Author: &object.Signature{Name: author, Email: "x@example.com", When: f.when}})
	if err != nil {
		f.t.Fatal(err)
	}
	return h
}

func TestChanged(t *testing.T) {
	f := newFixture(t)
	f.write("pm/a.md", "a")
	f.write("pm/b.md", "b")
	f.commit("Ana Costa", "base", "pm/a.md", "pm/b.md")
	if err := f.wt.Checkout(&git.CheckoutOptions{Branch: plumbing.NewBranchReferenceName("feature"), Create: true}); err != nil {
		t.Fatal(err)
	}
	f.write("pm/a.md", "a changed")
	f.write("pm/c.md", "c")
	f.commit("Bo Lin", "feature", "pm/a.md", "pm/c.md")
	f.write("pm/d.md", "d, not committed")
	f.write("pm/b.md", "b changed, not committed")
	files := []string{"pm/a.md", "pm/b.md", "pm/c.md", "pm/d.md"}

	got, err := Changed(f.root, "main", files)
	if err != nil {
		t.Fatal(err)
	}
	if want := files; !reflect.DeepEqual(got, want) {
		t.Errorf("Changed = %q, want %q", got, want)
	}
	f.write("pm/b.md", "b")
	got, err = Changed(f.root, "", files) // main is the default base
	if want := []string{"pm/a.md", "pm/c.md", "pm/d.md"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Changed with the default base = %q, %v; want %q", got, err, want)
	}
	if _, err := Changed(f.root, "nope", files); err == nil || !strings.Contains(err.Error(), `base "nope" does not exist; fetch it (git fetch origin nope)`) {
		t.Errorf("unknown base: %v", err)
	}
	if _, err := Changed(t.TempDir(), "", files); err == nil || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("no repository: %v", err)
	}
	if got := Authors(f.root, 10); !reflect.DeepEqual(got, []string{"Bo Lin", "Ana Costa"}) {
		t.Errorf("Authors = %q", got)
	}
}

func TestChangedShallow(t *testing.T) {
	f := newFixture(t)
	f.write("pm/a.md", "a")
	f.commit("Ana", "one", "pm/a.md")
	f.write("pm/a.md", "a2")
	f.commit("Ana", "two", "pm/a.md")
	clone := t.TempDir()
	if _, err := git.PlainClone(clone, false, &git.CloneOptions{URL: "file://" + f.root, Depth: 1}); err != nil {
		t.Skipf("shallow clone from a local path: %v", err)
	}
	_, err := Changed(clone, "main~1", []string{"pm/a.md"})
	if err == nil || !strings.Contains(err.Error(), "shallow clone") {
		t.Errorf("shallow clone without the base: %v", err)
	}
}

func TestPersonal(t *testing.T) {
	for name, want := range map[string]bool{
		"Ana Costa":                 true,
		"Bo":                        true,
		"Ludwig van der Berg":       true,
		"Siobhán O'Brien":           true,
		"Jean-Luc Picard":           true,
		"J. R. Smith":               true,
		"王小明":                       true,
		"":                          false,
		"dependabot[bot]":           false,
		"Seed e5927c1d maintainers": false,
		"ci":                        false,
		"GitHub Actions 2":          false,
		"the release robot":         false,
		"A B C D E":                 false,
	} {
		if got := personal(name); got != want {
			t.Errorf("personal(%q) = %v, want %v", name, got, want)
		}
	}
}
