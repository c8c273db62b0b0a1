package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// cacheMagic starts a Cache written by WriteTo; it carries the format's
// version and cacheVersion, so that a cache of another format or of other
// words is not read.
const cacheMagic = "postmortem search cache 1 " + cacheVersion + "\n"

// WriteTo writes the cache in a compact binary form that ReadFrom reads,
// streaming: much faster than encoding/gob for the megabytes of words and
// data files a large site has. Documents are written in no set order.
func (c *Cache) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var n int64
	var num [binary.MaxVarintLen64]byte
	put := func(b []byte) {
		m, _ := bw.Write(b) // the error is bufio's, sticky, returned by Flush
		n += int64(m)
	}
	putLen := func(v int) { put(num[:binary.PutUvarint(num[:], uint64(v))]) }
	putString := func(s string) {
		putLen(len(s))
		m, _ := bw.WriteString(s)
		n += int64(m)
	}
	put([]byte(cacheMagic))
	putLen(len(c.Docs))
	for key, d := range c.Docs {
		put(key[:])
		for _, ws := range d.Words {
			putString(ws)
		}
		putString(d.File)
	}
	return n, bw.Flush()
}

// ReadFrom replaces the cache's documents with those WriteTo wrote to r.
// On an error (a cache of another version, a truncated or corrupt file)
// the cache is left empty.
func (c *Cache) ReadFrom(r io.Reader) (int64, error) {
	c.Docs = nil
	cr := &countReader{r: bufio.NewReaderSize(r, 1<<16)}
	docs, err := readCache(cr)
	if err != nil {
		return cr.n, fmt.Errorf("search cache: %w", err)
	}
	c.Docs = docs
	return cr.n, nil
}

func readCache(r *countReader) (map[[32]byte]*CachedDoc, error) {
	magic := make([]byte, len(cacheMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != cacheMagic {
		return nil, errors.New("not a cache of this version")
	}
	count, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	// The count is not trusted for the map's size: a corrupt one would
	// allocate before the first document fails to read.
	docs := make(map[[32]byte]*CachedDoc, min(count, 1<<12))
	str := func() (string, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return "", err
		}
		if n <= 1<<20 {
			b := make([]byte, n)
			if _, err := io.ReadFull(r, b); err != nil {
				return "", io.ErrUnexpectedEOF
			}
			return string(b), nil
		}
		// A long one: read what is there rather than allocate what a
		// corrupt length says.
		var b strings.Builder
		got, err := io.Copy(&b, io.LimitReader(r, int64(min(n, 1<<62))))
		if err != nil {
			return "", err
		}
		if uint64(got) != n {
			return "", io.ErrUnexpectedEOF
		}
		return b.String(), nil
	}
	for i := uint64(0); i < count; i++ {
		var key [32]byte
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		d := &CachedDoc{}
		for f := range d.Words {
			if d.Words[f], err = str(); err != nil {
				return nil, err
			}
		}
		if d.File, err = str(); err != nil {
			return nil, err
		}
		docs[key] = d
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errors.New("data after the last document")
	}
	return docs, nil
}

// countReader counts the bytes read through it.
type countReader struct {
	r *bufio.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}
