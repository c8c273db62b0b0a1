// Package history reads the git history of a repository's postmortems in one
// pass over the commit graph.
//
// Read walks every commit reachable from HEAD once. For each non-merge commit
// it diffs the commit's tree against its parent's tree, descending only into
// subtrees whose hashes differ, and attributes the changed paths to the
// commit. Merge commits are walked through but not diffed or counted. The
// result says, for every tracked file at HEAD, who wrote it, when it was
// created and last changed, and every revision, with renames followed,
// .mailmap applied, Co-authored-by trailers counted and the commits listed in
// .git-blame-ignore-revs left out.
//
// All git access goes through go-git; no git binary is needed.
package history

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// ErrNoRepository is returned (wrapped) by Read when the folder is not inside
// a git repository. Test for it with errors.Is.
var ErrNoRepository = errors.New("not a git repository")

// ErrNoCommits is returned (wrapped) by Read when the repository has no
// commit yet (HEAD points to an unborn branch). Test for it with errors.Is.
var ErrNoCommits = errors.New("repository has no commits")

// Options configures Read. The zero value tracks every .md file and keeps no
// cache.
type Options struct {
	// Track reports whether History should hold the history of the file at
	// the given repository-relative slash path (for example
	// "postmortems/2024-05-01-db.md"). It is asked about the paths at HEAD
	// and about the old names of renamed files. Nil tracks every path that
	// ends in ".md".
	Track func(path string) bool

	// CacheDir is a folder where Read keeps what it learnt about each commit,
	// so that a later Read only diffs commits it has not seen. The folder is
	// created when missing. Empty means no cache. A cache that cannot be read
	// is ignored and rewritten; failing to write it is not an error.
	CacheDir string

	// Lstat, when set, is used in place of os.Lstat to look at the files
	// of the working tree, by their absolute paths: a caller that has
	// looked at them already can pass on what it saw.
	Lstat func(name string) (fs.FileInfo, error)
}

// Person is a commit author or co-author, after .mailmap was applied.
type Person struct {
	Name  string
	Email string
}

// Revision is one commit that changed a file.
type Revision struct {
	Hash      string    // full hexadecimal commit hash
	Date      time.Time // author date, in the author's time zone
	Author    Person
	Subject   string   // first paragraph of the commit message, on one line (git's %s)
	CoAuthors []Person // from "Co-authored-by: Name <email>" trailers
}

// IsZero reports whether r is the zero Revision (no commit).
func (r Revision) IsZero() bool { return r.Hash == "" }

// File is the history of one tracked file at HEAD.
type File struct {
	// Path is the file's repository-relative slash path at HEAD.
	Path string

	// Revisions lists the non-merge commits that changed the file, newest
	// first, following renames (see Read) and leaving out the commits listed
	// in .git-blame-ignore-revs.
	Revisions []Revision

	// Created is the oldest revision and Updated the newest; both are zero
	// when Revisions is empty (every commit that touched the file is
	// ignored, or the clone is too shallow to see one).
	Created, Updated Revision

	// Contributors are the authors and co-authors of Revisions, after
	// .mailmap, deduplicated by e-mail address (by name when there is no
	// address), in order of first contribution.
	Contributors []Person

	// Dirty reports that the file in the working tree differs from HEAD
	// (uncommitted changes, or the file was deleted). It is always false in a
	// bare repository.
	Dirty bool
}

// History is what Read returns: the history of every tracked file at HEAD.
// Files in the working tree that HEAD does not have are not in Files.
type History struct {
	// Files holds one File per tracked path at HEAD, keyed by that path.
	Files map[string]*File

	// Head is the full hexadecimal hash of the commit HEAD points to.
	Head string

	// Shallow reports that the repository is a shallow clone: history stops
	// at the shallow boundary, whose commits count as having created every
	// file they hold. Fetch the full history (in CI, `fetch-depth: 0`) to
	// get the real dates and authors.
	Shallow bool

	// Commits is the number of non-merge commits reachable from HEAD.
	Commits int
}

// defaultTrack is Options.Track when none is given.
func defaultTrack(p string) bool { return strings.HasSuffix(p, ".md") }

// Read returns the history of the tracked files of the git repository that
// holds dir (dir may be the working tree root, a folder inside it, or a bare
// repository).
//
// When dir is in no repository, the error wraps ErrNoRepository; when the
// repository has no commit, it wraps ErrNoCommits. A shallow clone is not an
// error: History.Shallow is set.
//
// Renames are followed when a commit deletes one path and adds another with
// the same content (any paths), or with content at least 50% similar (both
// paths tracked, as git measures similarity: lines, or 64-byte pieces of long
// lines, in common). A path that a commit adds without such a source starts a
// new file: older commits that touched a file of the same name are not its
// revisions. Copies are not followed (`git log --follow` follows them, so
// that a postmortem started as a copy of the template gets the template's
// history). Renames made inside merge commits are not seen. History is a
// graph; Read visits commits newest first, children before parents (the
// latest committer date first among those that are ready), and follows
// renames along that order, as `git log --follow` does.
//
// .git-blame-ignore-revs and .mailmap are read at the root of the working
// tree (of HEAD's tree in a bare repository), where git reads them.
func Read(dir string, opts Options) (*History, error) {
	h, _, err := read(dir, opts, "")
	return h, err
}

// read is Read, from another commit than HEAD when rev is not empty (for
// benchmarks). It also returns how many commits it read from the repository
// rather than from the cache.
func read(dir string, opts Options, rev string) (*History, int, error) {
	if opts.Track == nil {
		opts.Track = defaultTrack
	}
	r, err := open(dir)
	if err != nil {
		return nil, 0, err
	}
	defer r.close()
	r.lstat = os.Lstat
	if opts.Lstat != nil {
		r.lstat = opts.Lstat
	}
	return r.read(opts, rev)
}

// opError wraps err with the operation and path, as the project's errors do.
func opError(op, p string, err error) error {
	return fmt.Errorf("%s %s: %w", op, p, err)
}

// parseHash parses a full hexadecimal SHA-1 hash.
func parseHash(s string) (plumbing.Hash, bool) {
	var h plumbing.Hash
	if len(s) != 2*len(h) {
		return h, false
	}
	if _, err := hex.Decode(h[:], []byte(s)); err != nil {
		return h, false
	}
	return h, true
}
