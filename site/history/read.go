package history

import (
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// read does the work of Read on an open repository.
func (r *repo) read(opts Options, rev string) (*History, int, error) {
	head, err := r.head(rev)
	if err != nil {
		return nil, 0, err
	}
	shallow, err := r.shallow()
	if err != nil {
		return nil, 0, err
	}
	var cached map[plumbing.Hash]*commit
	var scores map[[2]plumbing.Hash]uint8
	if opts.CacheDir != "" {
		cached, scores = loadCache(opts.CacheDir)
	}

	// The files at HEAD, and the root files that configure history.
	headTree, err := commitTree(r.obj, head)
	if err != nil {
		return nil, 0, opError("read history of", r.dir, opError("read commit", head.String(), err))
	}
	blobs := map[string]plumbing.Hash{}
	config := map[string]plumbing.Hash{}
	d := newDiffer(r.obj)
	err = d.listFiles(headTree, func(p []byte, blob plumbing.Hash) {
		s := string(p)
		if s == ".mailmap" || s == ".git-blame-ignore-revs" {
			config[s] = blob
		}
		if opts.Track(s) {
			blobs[s] = blob
		}
	})
	if err != nil {
		return nil, 0, opError("read history of", r.dir, opError("list files of", head.String(), err))
	}
	files := make(map[string]*File, len(blobs))
	for p := range blobs {
		files[p] = &File{Path: p}
	}
	mm, err := r.rootFile(".mailmap", config)
	if err != nil {
		return nil, 0, err
	}
	ir, err := r.rootFile(".git-blame-ignore-revs", config)
	if err != nil {
		return nil, 0, err
	}

	// The working tree is compared with HEAD while the commits are read:
	// it is mostly waiting for the file system.
	dirty := make(chan error, 1)
	go func() { dirty <- r.markDirty(files, blobs) }()
	g, err := r.walk(head, shallow, cached)
	if err != nil {
		<-dirty
		return nil, 0, opError("read history of", r.dir, err)
	}
	a := &assembler{
		track:   opts.Track,
		ignore:  parseIgnoreRevs(ir),
		mailmap: parseMailmap(mm),
		people:  map[Person]Person{},
		zones:   map[int32]*time.Location{},
		renames: newRenamer(r.obj, scores),
	}
	order := g.order()
	h := &History{Files: files, Head: head.String(), Shallow: g.shallow}
	if h.Commits, err = a.assemble(order, files); err != nil {
		<-dirty
		return nil, 0, opError("read history of", r.dir, err)
	}
	if opts.CacheDir != "" && (g.read > 0 || a.renames.added) {
		_ = saveCache(opts.CacheDir, order, a.renames.scores) // a cache that cannot be written is only slower
	}
	if err := <-dirty; err != nil {
		return nil, 0, err
	}
	return h, g.read, nil
}
