package history

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/go-git/go-billy/v5"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// repo is an open repository: where its objects are and where its working
// tree is.
type repo struct {
	dir      string              // the folder Read was given, for errors
	dotGit   billy.Filesystem    // the .git folder (or the bare repository)
	worktree string              // root of the working tree; "" when bare
	st       *filesystem.Storage // storage for the commit walk and assembly
	packs    []*packIndex
	obj      *objects // reads objects for the commit walk and assembly

	lstat func(name string) (fs.FileInfo, error) // looks at the working tree's files
}

// objectCacheSize is the size of go-git's object cache of each storage;
// Read opens one storage per worker. The storages read only the objects
// that are in no pack, which objects caches itself.
const objectCacheSize = 1 * cache.MiByte

func open(dir string) (*repo, error) {
	// First dir itself (a working tree root or a bare repository), then the
	// folders above it.
	g, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		g, err = git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	}
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, opError("open repository", dir, ErrNoRepository)
		}
		return nil, opError("open repository", dir, err)
	}
	fsst, ok := g.Storer.(*filesystem.Storage)
	if !ok { // PlainOpen always makes a filesystem storage
		return nil, opError("open repository", dir, errors.New("unexpected storage"))
	}
	r := &repo{dir: dir, dotGit: fsst.Filesystem()}
	if wt, err := g.Worktree(); err == nil {
		r.worktree = wt.Filesystem.Root()
	}
	r.st = r.storage()
	if r.packs, err = loadPackIndexes(r.dotGit, r.st); err != nil {
		r.st.Close()
		return nil, opError("open repository", dir, err)
	}
	// The walk reads each commit once, HEAD's tree once and blobs for
	// renames: it needs no cache of chains.
	r.obj = newObjects(r.dotGit, r.st, r.packs, false)
	return r, nil
}

// storage opens a new storage of the repository's objects. Each goroutine
// needs its own: go-git's storages are not safe for concurrent use. It keeps
// the pack files open (go-git otherwise reopens them for every object).
func (r *repo) storage() *filesystem.Storage {
	return filesystem.NewStorageWithOptions(r.dotGit, cache.NewObjectLRU(objectCacheSize),
		filesystem.Options{KeepDescriptors: true, ExclusiveAccess: true})
}

func (r *repo) close() {
	r.obj.close()
	r.st.Close()
}

// head resolves HEAD (or rev, a full hash, when not empty).
func (r *repo) head(rev string) (plumbing.Hash, error) {
	if rev != "" {
		return plumbing.NewHash(rev), nil
	}
	ref, err := r.st.Reference(plumbing.HEAD)
	for i := 0; err == nil && ref.Type() == plumbing.SymbolicReference && i < 10; i++ {
		ref, err = r.st.Reference(ref.Target())
	}
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
		return plumbing.ZeroHash, opError("read HEAD", r.dir, ErrNoCommits)
	case err != nil:
		return plumbing.ZeroHash, opError("read HEAD", r.dir, err)
	case ref.Type() != plumbing.HashReference || ref.Hash().IsZero():
		return plumbing.ZeroHash, opError("read HEAD", r.dir, ErrNoCommits)
	}
	return ref.Hash(), nil
}

// shallow returns the shallow boundary: commits whose parents are not in the
// repository.
func (r *repo) shallow() (map[plumbing.Hash]bool, error) {
	hs, err := r.st.Shallow()
	if err != nil {
		return nil, opError("read shallow list", r.dir, err)
	}
	m := make(map[plumbing.Hash]bool, len(hs))
	for _, h := range hs {
		m[h] = true
	}
	return m, nil
}

// readObject returns the content of an object of type t.
func readObject(st *filesystem.Storage, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	o, err := st.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	rd, err := o.Reader()
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	var buf bytes.Buffer
	buf.Grow(sizeHint(uint64(o.Size())))
	_, err = buf.ReadFrom(rd)
	return buf.Bytes(), err
}

// rootFile reads a configuration file at the root of the repository
// (.mailmap, .git-blame-ignore-revs): from the working tree when there is one
// (as git does), else from HEAD's tree. A missing file is empty.
func (r *repo) rootFile(name string, headFiles map[string]plumbing.Hash) ([]byte, error) {
	if r.worktree != "" {
		p := filepath.Join(r.worktree, name)
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, opError("read", p, err)
		}
		return b, nil
	}
	h, ok := headFiles[name]
	if !ok {
		return nil, nil
	}
	b, err := r.obj.read(plumbing.BlobObject, h)
	if err != nil {
		return nil, opError("read", r.dir+": HEAD:"+name, err)
	}
	return b, nil
}
