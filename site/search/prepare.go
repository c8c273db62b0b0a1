package search

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"

	"github.com/postmortem-dev/postmortem/render/parallel"
)

// Cache keeps the work Build does on each document, its words and its
// data file, and the index it made, so that a build after a few documents
// changed redoes only theirs and updates the lists of their keys. Build
// looks documents up by a hash of all their fields (with BodySum for Body
// when it is set) and leaves in Docs those of its own documents only, so
// the cache does not grow with documents that were removed or changed. It is meant to be
// saved between builds with WriteTo and read with ReadFrom; a Cache must
// not be used by two builds at once.
type Cache struct {
	Docs map[[32]byte]*CachedDoc

	index   *indexState // the index of the last build (see indexState)
	changed bool        // whether the last build changed the cache
	updated bool        // whether the last build updated index rather than make it anew
}

// Changed reports whether the last Build changed what the cache holds, so
// that it is worth saving.
func (c *Cache) Changed() bool { return c.changed }

// Has reports whether the cache holds the work of a document, so that
// Build does not need its Body. The document's BodySum must be set: a
// document's key holds its Body otherwise.
func (c *Cache) Has(d *Doc) bool {
	return c != nil && d.BodySum != ([32]byte{}) && c.Docs[docKey(d)] != nil
}

// CachedDoc is what Build keeps of a document: its normalised words per
// field, each list joined with NUL bytes, and its data file's value.
type CachedDoc struct {
	Words [nFields]string
	File  string
}

// cacheVersion changes when what a CachedDoc holds of a document does: the
// words, the fragment or its encoding.
const cacheVersion = "search-doc-v3"

// valueBreak stands between two values of the metadata field in a
// document's words: pairs of neighbouring words are indexed within a value
// ("checkout api" of the service checkout-api), not across two.
const valueBreak = "\x01"

// prepared is one document's own part of the index.
type prepared struct {
	words [nFields]string // joined with NUL bytes, as in CachedDoc
	file  string          // jsString(deflate(fragment(d)))
}

// prepare tokenises and encodes the documents on all cores, taking from
// and filling the cache. With a cache, it returns the documents' keys.
func prepare(order []*Doc, cache *Cache) ([]prepared, [][32]byte) {
	out := make([]prepared, len(order))
	var keys [][32]byte
	var fresh []*CachedDoc
	if cache != nil {
		keys = make([][32]byte, len(order))
		fresh = make([]*CachedDoc, len(order))
	}
	parallel.For(len(order), func(n int) {
		d := order[n]
		if cache != nil {
			keys[n] = docKey(d)
			if c := cache.Docs[keys[n]]; c != nil {
				out[n] = prepared{words: c.Words, file: c.File}
				fresh[n] = c
				return
			}
		}
		out[n] = prepareDoc(d)
		if cache != nil {
			fresh[n] = &CachedDoc{Words: out[n].words, File: out[n].file}
		}
	})
	if cache != nil {
		cache.Docs = make(map[[32]byte]*CachedDoc, len(order))
		for n, c := range fresh {
			cache.Docs[keys[n]] = c
		}
	}
	return out, keys
}

func prepareDoc(d *Doc) prepared {
	var p prepared
	texts := [nFields][]string{
		fTitle:   {d.Title},
		fSummary: {d.Summary},
		fBody:    {d.Body},
		fMeta:    append(append(append([]string{d.ID}, d.Services...), d.Tags...), d.Authors...),
	}
	var b strings.Builder
	for f, ts := range texts {
		b.Reset()
		for k, t := range ts {
			if k > 0 && b.Len() > 0 {
				// The next service, tag or author: its first word is no
				// neighbour of the last one's last.
				b.WriteString("\x00" + valueBreak)
			}
			for _, w := range words(t) {
				if len(w.word) <= maxWordBytes {
					if b.Len() > 0 {
						b.WriteByte(0)
					}
					b.WriteString(w.word)
				}
			}
		}
		p.words[f] = b.String()
	}
	p.file = jsString(deflate(fragment(d)))
	return p
}

// eachWord calls f with each word of a list joined with NUL bytes.
func eachWord(s string, f func(w string)) {
	for s != "" {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			f(s)
			return
		}
		f(s[:i])
		s = s[i+1:]
	}
}

// docKey hashes every field of a document, BodySum for Body when set.
func docKey(d *Doc) [32]byte {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	list := func(ss []string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(ss)))
		h.Write(n[:])
		for _, s := range ss {
			put(s)
		}
	}
	put(cacheVersion)
	if d.BodySum != ([32]byte{}) {
		put("sum")
		put(string(d.BodySum[:]))
	} else {
		put("body")
		put(d.Body)
	}
	for _, s := range []string{d.ID, d.URL, d.Title, d.Summary, d.Date, d.Severity, d.Status} {
		put(s)
	}
	list(d.Services)
	list(d.Tags)
	list(d.Authors)
	var k [32]byte
	h.Sum(k[:0])
	return k
}
