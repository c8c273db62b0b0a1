package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// cacheMagic starts a Cache written by WriteTo; it carries the format's
// version and cacheVersion, so that a cache of another format or of other
// words is not read.
const cacheMagic = "postmortem search cache 1 " + cacheVersion + "\n"

// WriteTo writes the cache in a compact binary form that ReadFrom reads,
// streaming: much faster than encoding/gob for the megabytes of words and
// data files a large site has. Documents are written in no set order,
// then the index of the last build.
func (c *Cache) WriteTo(w io.Writer) (int64, error) {
	cw := &cacheWriter{w: bufio.NewWriterSize(w, 1<<16)}
	cw.put([]byte(cacheMagic))
	cw.putLen(len(c.Docs))
	for key, d := range c.Docs {
		cw.put(key[:])
		for _, ws := range d.Words {
			cw.putString(ws)
		}
		cw.putString(d.File)
	}
	st := c.index
	if st == nil {
		cw.putLen(0)
		return cw.n, cw.w.Flush()
	}
	cw.putLen(1)
	cw.putLen(len(st.docs))
	for _, k := range st.docs {
		cw.put(k[:])
	}
	for _, g := range st.grid {
		cw.putInt(int64(g))
	}
	cw.putLen(st.shardSize)
	cw.putLen(st.total)
	cw.putLen(len(st.shards))
	for _, s := range st.shards {
		cw.putString(s)
	}
	cw.putLen(len(st.full))
	for k, v := range st.full {
		cw.putString(k)
		cw.putString(v)
	}
	cw.putLen(len(st.stems.keys))
	for i, k := range st.stems.keys {
		cw.putString(k)
		cw.putLen(int(st.stems.dfs[i]))
	}
	cw.putLen(len(st.words))
	for w, ws := range st.words {
		cw.putString(w)
		cw.putString(ws.stem)
		cw.putLen(int(ws.df))
	}
	cw.putLen(len(st.facets))
	for k, v := range st.facets {
		cw.putString(k)
		cw.putString(v)
	}
	return cw.n, cw.w.Flush()
}

type cacheWriter struct {
	w   *bufio.Writer
	n   int64
	num [binary.MaxVarintLen64]byte
}

func (cw *cacheWriter) put(b []byte) {
	m, _ := cw.w.Write(b) // the error is bufio's, sticky, returned by Flush
	cw.n += int64(m)
}

func (cw *cacheWriter) putLen(v int) { cw.put(cw.num[:binary.PutUvarint(cw.num[:], uint64(v))]) }

func (cw *cacheWriter) putInt(v int64) { cw.put(cw.num[:binary.PutVarint(cw.num[:], v)]) }

func (cw *cacheWriter) putString(s string) {
	cw.putLen(len(s))
	m, _ := cw.w.WriteString(s)
	cw.n += int64(m)
}

// ReadFrom replaces the cache's contents with a cache written by WriteTo.
// On an error, the cache is left empty.
func (c *Cache) ReadFrom(r io.Reader) (int64, error) {
	c.Docs, c.index = nil, nil
	cr := &cacheReader{r: bufio.NewReaderSize(r, 1<<16)}
	docs, st, err := cr.read()
	if err != nil {
		return cr.n, fmt.Errorf("search cache: %w", err)
	}
	c.Docs, c.index = docs, st
	return cr.n, nil
}

func (r *cacheReader) read() (map[[32]byte]*CachedDoc, *indexState, error) {
	magic := make([]byte, len(cacheMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != cacheMagic {
		return nil, nil, errors.New("not a cache of this version")
	}
	count := r.len()
	// Counts are not trusted for sizes: a corrupt one would allocate
	// before the first item fails to read.
	docs := make(map[[32]byte]*CachedDoc, min(count, 1<<12))
	for i := 0; i < count && r.err == nil; i++ {
		var key [32]byte
		r.full(key[:])
		d := &CachedDoc{}
		for f := range d.Words {
			d.Words[f] = r.str()
		}
		d.File = r.str()
		docs[key] = d
	}
	var st *indexState
	if r.len() == 1 {
		st = r.state()
	}
	if r.err != nil {
		return nil, nil, r.err
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, nil, errors.New("data after the end")
	}
	return docs, st, nil
}

// state reads an indexState.
func (r *cacheReader) state() *indexState {
	st := &indexState{}
	n := r.len()
	st.docs = make([][32]byte, 0, min(n, 1<<12))
	for i := 0; i < n && r.err == nil; i++ {
		var k [32]byte
		r.full(k[:])
		st.docs = append(st.docs, k)
	}
	for f := range st.grid {
		st.grid[f] = int32(r.int())
	}
	st.shardSize, st.total = r.len(), r.len()
	n = r.len()
	st.shards = make([]string, 0, min(n, 1<<12))
	for i := 0; i < n && r.err == nil; i++ {
		st.shards = append(st.shards, r.str())
	}
	st.full = r.strings()
	n = r.len()
	for i := 0; i < n && r.err == nil; i++ {
		st.stems.keys = append(st.stems.keys, r.str())
		st.stems.dfs = append(st.stems.dfs, int32(r.len()))
	}
	n = r.len()
	st.words = make(map[string]wordStat, min(n, 1<<12))
	for i := 0; i < n && r.err == nil; i++ {
		w, stem := r.str(), r.str()
		st.words[w] = wordStat{stem: stem, df: int32(r.len())}
	}
	st.facets = r.strings()
	if r.err == nil && (len(st.shards) == 0 || !slices.IsSorted(st.stems.keys)) {
		r.err = errors.New("damaged index")
	}
	return st
}

// cacheReader reads what cacheWriter wrote; its first error sticks.
type cacheReader struct {
	r   *bufio.Reader
	n   int64
	err error
}

func (r *cacheReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += int64(n)
	return n, err
}

func (r *cacheReader) ReadByte() (byte, error) {
	b, err := r.r.ReadByte()
	if err == nil {
		r.n++
	}
	return b, err
}

func (r *cacheReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *cacheReader) full(b []byte) {
	if r.err != nil {
		return
	}
	if _, err := io.ReadFull(r, b); err != nil {
		r.fail(io.ErrUnexpectedEOF)
	}
}

// len reads a count or length, which must fit in an int.
func (r *cacheReader) len() int {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r)
	if err != nil || v > 1<<40 {
		r.fail(errors.New("bad length"))
		return 0
	}
	return int(v)
}

func (r *cacheReader) int() int64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(r)
	if err != nil {
		r.fail(err)
	}
	return v
}

func (r *cacheReader) str() string {
	n := r.len()
	if r.err != nil {
		return ""
	}
	if n <= 1<<20 {
		b := make([]byte, n)
		r.full(b)
		return string(b)
	}
	// A long one: read what is there rather than allocate what a corrupt
	// length says.
	var b strings.Builder
	got, err := io.Copy(&b, io.LimitReader(r, int64(n)))
	if err != nil || got != int64(n) {
		r.fail(io.ErrUnexpectedEOF)
		return ""
	}
	return b.String()
}

// strings reads a map of strings.
func (r *cacheReader) strings() map[string]string {
	n := r.len()
	m := make(map[string]string, min(n, 1<<12))
	for i := 0; i < n && r.err == nil; i++ {
		k := r.str()
		m[k] = r.str()
	}
	return m
}
