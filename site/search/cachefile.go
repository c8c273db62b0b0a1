package search

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/postmortem-dev/postmortem/site/internal/wire"
)

// A cache in a folder is two files. The index (IndexFile) holds what every
// build reads: the documents' keys, word counts and file hashes, and the
// index of the last build but its shards and long lists. The data file
// (DataFile) holds the rest, the documents' words and fragments, the
// shards and the long lists, as blobs that a build reads only when it
// needs them: a rebuild after one postmortem changed reads the words of
// that one, and the shards that hold its keys. Save appends the blobs a
// build made to the data file and writes the index anew; when most of the
// data file is blobs no longer used, it writes the data file anew too.
const (
	IndexFile = "site-search-v3.bin"
	DataFile  = "site-search-v3.dat"
)

// The magic strings that open the files; the index's carries cacheVersion,
// so that a cache of other words is not read.
const (
	indexMagic = "postmortem search index 3 " + cacheVersion + "\n"
	dataMagic  = "postmortem search data 3\n"
)

// dataSlack is how many bytes of blobs no longer used the data file may
// hold beyond as many as it uses before Save writes it anew.
var dataSlack int64 = 4 << 20

// errCache is the error of a blob that cannot be read as it was written.
var errCache = errors.New("search cache: damaged data file")

// A blob is a string that is in memory, or in a cache's data file, or
// both once read.
type blob struct {
	s      string
	loaded bool
	src    *dataFile // where it is stored, or nil
	off    int64
	n      int64
	crc    uint32
}

func memBlob(s string) blob { return blob{s: s, loaded: true} }

// get returns the blob's string, reading it from the data file the first
// time. A blob is read by one goroutine at a time.
func (b *blob) get() (string, error) {
	if b.loaded {
		return b.s, nil
	}
	if b.src == nil {
		return "", errCache
	}
	buf := make([]byte, b.n)
	if _, err := b.src.f.ReadAt(buf, b.off); err != nil || crc32.ChecksumIEEE(buf) != b.crc {
		return "", errCache
	}
	b.s, b.loaded = string(buf), true
	return b.s, nil
}

// A dataFile is an open data file.
type dataFile struct {
	f    *os.File
	id   [16]byte // the file's identity, which the index names
	size int64    // bytes, as far as the index knows them
}

// OpenCache returns the cache kept in the folder dir by builds whose tag
// is tag (the caller's key for everything the index depends on), or an
// empty cache when there is none, or it is of another version, another
// tag or damaged. Close it when done.
func OpenCache(dir string, tag [32]byte) *Cache {
	c := &Cache{}
	if dir == "" {
		return c
	}
	data, err := os.ReadFile(filepath.Join(dir, IndexFile))
	if err != nil || len(data) < 4 || crc32.ChecksumIEEE(data[:len(data)-4]) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return c
	}
	r := wire.NewReader(string(data[:len(data)-4]), indexMagic)
	var got [32]byte
	r.Bytes(got[:])
	if r.Err() != nil || got != tag {
		return c
	}
	df := &dataFile{}
	r.Bytes(df.id[:])
	df.size = int64(r.Uint())
	if r.Err() != nil || !df.open(filepath.Join(dir, DataFile)) {
		return c
	}
	c.data = df
	blobOf := func() blob {
		b := blob{src: df, off: int64(r.Uint()), n: int64(r.Uint()), crc: uint32(r.Uint())}
		if b.off < int64(len(dataMagic)+len(df.id)) || b.off+b.n > df.size {
			r.Fail()
		}
		return b
	}
	n := r.Count(32)
	c.Docs = make(map[[32]byte]*CachedDoc, n)
	for i := 0; i < n; i++ {
		var key [32]byte
		r.Bytes(key[:])
		d := &CachedDoc{}
		r.Bytes(d.sum[:])
		for f := range d.lens {
			d.lens[f] = int32(r.Uint())
		}
		d.words, d.file = blobOf(), blobOf()
		c.Docs[key] = d
	}
	if r.Byte() == 1 {
		st := &indexState{}
		n := r.Count(32)
		st.docs = make([][32]byte, n)
		for i := range st.docs {
			r.Bytes(st.docs[i][:])
		}
		for f := range st.grid {
			st.grid[f] = int32(r.Int())
		}
		st.shardSize, st.total = int(r.Uint()), int(r.Uint())
		st.shards = make([]shard, r.Count(32))
		for i := range st.shards {
			r.Bytes(st.shards[i].sum[:])
			st.shards[i].file = blobOf()
		}
		// Each map is made at its size: growing them took half of this.
		n = r.Count(3)
		st.full = make(map[string]*blob, n)
		for ; n > 0; n-- {
			k := r.String()
			b := blobOf()
			st.full[k] = &b
		}
		n = r.Count(2)
		st.stems = stemList{keys: make([]string, n), dfs: make([]int32, n)}
		for i := 0; i < n; i++ {
			st.stems.keys[i], st.stems.dfs[i] = r.String(), int32(r.Uint())
		}
		n = r.Count(3)
		st.words = make(map[string]wordStat, n)
		for ; n > 0; n-- {
			w, stem := r.String(), r.String()
			st.words[w] = wordStat{stem: stem, df: int32(r.Uint())}
		}
		n = r.Count(2)
		st.facets = make(map[string]string, n)
		for ; n > 0; n-- {
			k := r.String()
			st.facets[k] = r.String()
		}
		if len(st.shards) == 0 || !slices.IsSorted(st.stems.keys) {
			r.Fail()
		}
		c.index = st
	}
	if !r.Done() {
		df.f.Close()
		return &Cache{}
	}
	return c
}

// open opens the data file at path, and reports whether it is the one the
// index names.
func (df *dataFile) open(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	head := make([]byte, len(dataMagic)+len(df.id))
	info, err := f.Stat()
	if err != nil || info.Size() < df.size || df.size < int64(len(head)) {
		f.Close()
		return false
	}
	if _, err := io.ReadFull(f, head); err != nil || string(head[:len(dataMagic)]) != dataMagic || [16]byte(head[len(dataMagic):]) != df.id {
		f.Close()
		return false
	}
	df.f = f
	return true
}

// Close closes the data file the cache reads blobs from.
func (c *Cache) Close() error {
	if c.data == nil {
		return nil
	}
	err := c.data.f.Close()
	c.data = nil
	return err
}

// blobs calls f with every blob the cache holds.
func (c *Cache) blobs(f func(*blob)) {
	for _, d := range c.Docs {
		f(&d.words)
		f(&d.file)
	}
	if st := c.index; st != nil {
		for i := range st.shards {
			f(&st.shards[i].file)
		}
		for _, b := range st.full {
			f(b)
		}
	}
}

// Save writes the cache into the folder dir for builds with the tag: the
// blobs it does not hold yet at the end of the data file, then the index.
// Blobs are read from the data file after Save as before.
func (c *Cache) Save(dir string, tag [32]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var live, fresh int64
	c.blobs(func(b *blob) {
		if b.src == nil {
			fresh += int64(len(b.s))
		} else {
			live += b.n
		}
	})
	df := c.data
	if df != nil && (df.size > 2*(live+fresh)+dataSlack) {
		df = nil // mostly blobs no longer used: write the data file anew
	}
	var err error
	if df == nil {
		df, err = c.newDataFile(dir)
	} else {
		err = c.appendBlobs(filepath.Join(dir, DataFile), df)
	}
	if err != nil {
		return fmt.Errorf("search cache: %w", err)
	}
	if c.data != nil && c.data != df {
		c.data.f.Close()
	}
	c.data = df
	return c.writeIndex(dir, tag)
}

// newDataFile writes every blob into a new data file in dir and returns
// it, open.
func (c *Cache) newDataFile(dir string) (*dataFile, error) {
	df := &dataFile{}
	if _, err := rand.Read(df.id[:]); err != nil {
		return nil, err
	}
	var moved []*blob
	err := wire.WriteFile(dir, DataFile, func(w *bufio.Writer) error {
		w.WriteString(dataMagic)
		w.Write(df.id[:])
		df.size = int64(len(dataMagic) + len(df.id))
		var err error
		c.blobs(func(b *blob) {
			if _, err1 := b.get(); err1 != nil && err == nil {
				err = err1
			}
			moved = append(moved, b)
		})
		if err != nil {
			return err
		}
		for _, b := range moved {
			df.write(w, b)
		}
		return nil // w's errors stick, and its flush returns them
	})
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, DataFile))
	if err != nil {
		return nil, err
	}
	df.f = f
	for _, b := range moved {
		b.src = df
	}
	return df, nil
}

// appendBlobs appends the blobs not stored yet to the data file.
func (c *Cache) appendBlobs(path string, df *dataFile) error {
	var fresh []*blob
	c.blobs(func(b *blob) {
		if b.src == nil {
			fresh = append(fresh, b)
		}
	})
	if len(fresh) == 0 {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	// Another build may have appended to it since this one read the
	// index: write after what this one knows, over what it does not.
	if _, err := f.Seek(df.size, io.SeekStart); err != nil {
		f.Close()
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	for _, b := range fresh {
		df.write(w, b)
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	for _, b := range fresh {
		b.src = df
	}
	return nil
}

// write writes a blob at the end of the data file, and records where.
func (df *dataFile) write(w *bufio.Writer, b *blob) {
	w.WriteString(b.s)
	b.off, b.n, b.crc = df.size, int64(len(b.s)), crc32.ChecksumIEEE([]byte(b.s))
	df.size += b.n
}

// writeIndex writes the index file, atomically.
func (c *Cache) writeIndex(dir string, tag [32]byte) error {
	return wire.WriteFile(dir, IndexFile, func(out *bufio.Writer) error {
		return c.encodeIndex(out, tag)
	})
}

// encodeIndex writes the index file to out. It ends with a checksum of
// the rest, so that a damaged one is not read.
func (c *Cache) encodeIndex(out *bufio.Writer, tag [32]byte) error {
	sum := crc32.NewIEEE()
	w := &wire.Writer{W: bufio.NewWriterSize(io.MultiWriter(out, sum), 1<<16)}
	w.W.WriteString(indexMagic)
	w.Bytes(tag[:])
	w.Bytes(c.data.id[:])
	w.Uint(uint64(c.data.size))
	putBlob := func(b *blob) {
		w.Uint(uint64(b.off))
		w.Uint(uint64(b.n))
		w.Uint(uint64(b.crc))
	}
	w.Uint(uint64(len(c.Docs)))
	for key, d := range c.Docs {
		w.Bytes(key[:])
		w.Bytes(d.sum[:])
		for _, l := range d.lens {
			w.Uint(uint64(l))
		}
		putBlob(&d.words)
		putBlob(&d.file)
	}
	st := c.index
	if st == nil {
		w.Byte(0)
	} else {
		w.Byte(1)
		w.Uint(uint64(len(st.docs)))
		for _, k := range st.docs {
			w.Bytes(k[:])
		}
		for _, g := range st.grid {
			w.Int(int64(g))
		}
		w.Uint(uint64(st.shardSize))
		w.Uint(uint64(st.total))
		w.Uint(uint64(len(st.shards)))
		for i := range st.shards {
			w.Bytes(st.shards[i].sum[:])
			putBlob(&st.shards[i].file)
		}
		w.Uint(uint64(len(st.full)))
		for k, b := range st.full {
			w.String(k)
			putBlob(b)
		}
		w.Uint(uint64(len(st.stems.keys)))
		for i, k := range st.stems.keys {
			w.String(k)
			w.Uint(uint64(st.stems.dfs[i]))
		}
		w.Uint(uint64(len(st.words)))
		for k, ws := range st.words {
			w.String(k)
			w.String(ws.stem)
			w.Uint(uint64(ws.df))
		}
		w.Uint(uint64(len(st.facets)))
		for k, v := range st.facets {
			w.String(k)
			w.String(v)
		}
	}
	if err := w.W.Flush(); err != nil {
		return err
	}
	_, err := out.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
	return err
}
