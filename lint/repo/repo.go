// Package repo answers the questions lint asks of the git repository, with
// go-git: which postmortems a branch changed (for --changed) and who the
// repository's authors are (names that count as people).
package repo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// ErrNoRepository is returned when the folder is not in a git repository.
var ErrNoRepository = errors.New("not a git repository")

// DefaultBases are the refs tried, in order, when no base is given.
var DefaultBases = []string{"origin/main", "main", "origin/master", "master"}

// Changed returns which of files (repository-relative, slash-separated)
// differ from base: changed by the commits since the merge base of HEAD and
// base, or changed in the working tree and not committed yet. With base ""
// the first of DefaultBases that exists is used. In a shallow clone that
// lacks the base or the history to it, the error says what to fetch.
func Changed(root, base string, files []string) ([]string, error) {
	r, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, fmt.Errorf("--changed: %s: %w", root, ErrNoRepository)
		}
		return nil, err
	}
	shallow := isShallow(r)
	head, err := r.Head()
	if err != nil {
		return nil, fmt.Errorf("--changed: the repository has no commits")
	}
	headCommit, err := r.CommitObject(head.Hash())
	if err != nil {
		return nil, err
	}
	baseHash, name, err := resolveBase(r, base)
	if err != nil {
		branch := "main"
		if base != "" {
			branch = strings.TrimPrefix(base, "origin/")
		}
		hint := fmt.Sprintf("fetch it (git fetch origin %s) or name another with --base", branch)
		if shallow {
			hint = fmt.Sprintf("this is a shallow clone: fetch the base and the history (git fetch --unshallow origin +refs/heads/%s:refs/remotes/origin/%s), or clone with fetch-depth: 0", branch, branch)
		}
		return nil, fmt.Errorf("--changed: %w; %s", err, hint)
	}
	baseCommit, err := r.CommitObject(baseHash)
	if err != nil {
		return nil, fmt.Errorf("--changed: read %s: %w", name, err)
	}
	bases, err := headCommit.MergeBase(baseCommit)
	if err != nil || len(bases) == 0 {
		if shallow || err != nil && errors.Is(err, plumbing.ErrObjectNotFound) {
			return nil, fmt.Errorf("--changed: the history between HEAD and %s is incomplete in this shallow clone: fetch it (git fetch --unshallow, or fetch-depth: 0 in CI)", name)
		}
		if err != nil {
			return nil, fmt.Errorf("--changed: merge base of HEAD and %s: %w", name, err)
		}
		return nil, fmt.Errorf("--changed: HEAD and %s have no common history", name)
	}
	mergeBase := bases[0]

	oldTree, err := mergeBase.Tree()
	if err != nil {
		return nil, err
	}
	headTree, err := headCommit.Tree()
	if err != nil {
		return nil, err
	}
	changed := map[string]bool{}
	for _, f := range files {
		// Committed since the merge base?
		oldEntry, oldErr := oldTree.FindEntry(f)
		headEntry, headErr := headTree.FindEntry(f)
		switch {
		case oldErr != nil && headErr == nil, // added
			oldErr == nil && headErr == nil && oldEntry.Hash != headEntry.Hash: // modified
			changed[f] = true
			continue
		}
		// Changed in the working tree?
		h, err := blobHash(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			continue // gone from the working tree: nothing to lint
		}
		if headErr != nil || h != headEntry.Hash {
			changed[f] = true
		}
	}
	out := []string{} // not nil: none changed is not all
	for _, f := range files {
		if changed[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// resolveBase finds the base commit by name, or the first default that
// exists.
func resolveBase(r *git.Repository, base string) (plumbing.Hash, string, error) {
	names := []string{base}
	if base == "" {
		names = DefaultBases
	}
	for _, n := range names {
		if h, err := r.ResolveRevision(plumbing.Revision(n)); err == nil {
			return *h, n, nil
		}
	}
	if base == "" {
		return plumbing.ZeroHash, "", fmt.Errorf("none of %s exists", strings.Join(DefaultBases, ", "))
	}
	return plumbing.ZeroHash, "", fmt.Errorf("base %q does not exist", base)
}

// isShallow reports whether the repository is a shallow clone.
func isShallow(r *git.Repository) bool {
	s, ok := r.Storer.(storer.ShallowStorer)
	if !ok {
		return false
	}
	commits, err := s.Shallow()
	return err == nil && len(commits) > 0
}

// blobHash returns the git blob hash of a file's contents.
func blobHash(path string) (plumbing.Hash, error) {
	f, err := os.Open(path)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	h := plumbing.NewHasher(plumbing.BlobObject, info.Size())
	if _, err := io.Copy(h, f); err != nil {
		return plumbing.ZeroHash, err
	}
	return h.Sum(), nil
}

// Authors returns the names of the authors of the last limit commits
// reachable from HEAD, deduplicated, in order of appearance, leaving out
// those that are not a person's name (bots, team and machine accounts:
// see personal), since the lint takes each as a person whose name may
// start a sentence. Outside a repository, or in one without commits, it
// returns nothing.
func Authors(root string, limit int) []string {
	r, err := git.PlainOpenWithOptions(root, &git.PlainOpenOptions{DetectDotGit: true})
	if err != nil {
		return nil
	}
	iter, err := r.Log(&git.LogOptions{})
	if err != nil {
		return nil
	}
	defer iter.Close()
	seen := map[string]bool{}
	var names []string
	n := 0
	_ = iter.ForEach(func(c *object.Commit) error {
		if n++; n > limit {
			return storer.ErrStop
		}
		name := c.Author.Name
		if !seen[name] && personal(name) {
			seen[name] = true
			names = append(names, name)
		}
		return nil
	})
	return names
}

// personal reports whether an author's name looks like a person's: one to
// four words, each of letters (and ' - .), the first letter of each not
// lower case, but for the particles of names such as "van der Berg".
// "dependabot[bot]", "Seed e5927c1d maintainers" and "ci" are not.
func personal(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for i, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(first) && (i == 0 || !particles[w]) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune("'’-.", r) {
				return false
			}
		}
	}
	return true
}

// particles are the lower-case words of personal names.
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"da": true, "di": true, "du": true, "la": true, "le": true, "bin": true, "bint": true,
	"ibn": true, "al": true, "el": true, "ten": true, "ter": true, "y": true, "dos": true, "das": true,
}
