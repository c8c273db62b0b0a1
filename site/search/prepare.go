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
// the cache does not grow with documents that were removed or changed. A
// cache kept between builds is opened with OpenCache, saved with Save and
// closed with Close; a Cache must not be used by two builds at once.
type Cache struct {
	Docs map[[32]byte]*CachedDoc

	index   *indexState // the index of the last build (see indexState)
	data    *dataFile   // where blobs not in memory are, or nil
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
// field, each list joined with NUL bytes, the number of words in each
// field, and its fragment (what a file of documents holds of it) with the
// fragment's SHA-256. A cache read from a folder leaves the words and the
// fragment in its data file until they are needed.
type CachedDoc struct {
	words blob // the fields' words (joinFields)
	file  blob // the document's fragment, in a file of documents
	sum   [32]byte
	lens  [nFields]int32
}

// cacheVersion changes when what a CachedDoc holds of a document does: the
// words, the fragment or its encoding.
const cacheVersion = "search-doc-v4"

// valueBreak stands between two values of the metadata field in a
// document's words: pairs of neighbouring words are indexed within a value
// ("checkout api" of the service checkout-api), not across two.
const valueBreak = "\x01"

// prepare tokenises and encodes the documents on all cores, taking from
// and filling the cache. With a cache, it returns the documents' keys.
func prepare(order []*Doc, cache *Cache) ([]*CachedDoc, [][32]byte) {
	out := make([]*CachedDoc, len(order))
	var keys [][32]byte
	if cache != nil {
		keys = make([][32]byte, len(order))
	}
	parallel.For(len(order), func(n int) {
		d := order[n]
		if cache != nil {
			keys[n] = docKey(d)
			if c := cache.Docs[keys[n]]; c != nil {
				out[n] = c
				return
			}
		}
		out[n] = prepareDoc(d)
	})
	if cache != nil {
		cache.Docs = make(map[[32]byte]*CachedDoc, len(order))
		for n, c := range out {
			cache.Docs[keys[n]] = c
		}
	}
	return out, keys
}

// fieldWords returns a document's words per field.
func (c *CachedDoc) fieldWords() ([nFields]string, error) {
	s, err := c.words.get()
	if err != nil {
		return [nFields]string{}, err
	}
	return splitFields(s)
}

func prepareDoc(d *Doc) *CachedDoc {
	var fields [nFields]string
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
		fields[f] = b.String()
	}
	file := jsString(deflate(fragment(d)))
	c := &CachedDoc{words: memBlob(joinFields(fields)), file: memBlob(file), sum: sha256.Sum256([]byte(file))}
	for f, l := range fieldLens(&fields) {
		c.lens[f] = int32(l)
	}
	return c
}

// joinFields joins the words of the fields into one string: each field's
// length, then the fields.
func joinFields(words [nFields]string) string {
	var b []byte
	for _, ws := range words {
		b = binary.AppendUvarint(b, uint64(len(ws)))
	}
	for _, ws := range words {
		b = append(b, ws...)
	}
	return string(b)
}

func splitFields(s string) ([nFields]string, error) {
	var lens [nFields]uint64
	for f := range lens {
		n, k := binary.Uvarint([]byte(s[:min(len(s), binary.MaxVarintLen64)]))
		if k <= 0 {
			return [nFields]string{}, errCache
		}
		lens[f], s = n, s[k:]
	}
	var words [nFields]string
	for f, n := range lens {
		if n > uint64(len(s)) {
			return [nFields]string{}, errCache
		}
		words[f], s = s[:n], s[n:]
	}
	if s != "" {
		return [nFields]string{}, errCache
	}
	return words, nil
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
