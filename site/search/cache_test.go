package search

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"slices"
	"testing"
)

// A build that takes documents from a cache, written and read back,
// writes the same bytes as one without, and keeps only its own documents.
func TestCache(t *testing.T) {
	docs := generate(200, 3)
	c := &Cache{}
	if _, err := Build(docs, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != len(docs) {
		t.Fatalf("cache holds %d documents, want %d", len(c.Docs), len(docs))
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	saved := buf.Bytes()
	c = &Cache{}
	if n, err := c.ReadFrom(bytes.NewReader(saved)); err != nil || n != int64(len(saved)) {
		t.Fatalf("read %d of %d bytes: %v", n, len(saved), err)
	}
	if len(c.Docs) != len(docs) {
		t.Fatalf("cache read back holds %d documents, want %d", len(c.Docs), len(docs))
	}
	// Cut anywhere, or changed in its header, it is refused and left empty.
	for _, bad := range [][]byte{saved[:len(saved)-1], saved[:len(cacheMagic)+3], saved[:10], append(slices.Clone(saved), 0), append([]byte("x"), saved[1:]...)} {
		var c2 Cache
		if _, err := c2.ReadFrom(bytes.NewReader(bad)); err == nil || c2.Docs != nil {
			t.Errorf("a damaged cache of %d bytes was read: %v, %d documents", len(bad), err, len(c2.Docs))
		}
	}
	docs[5].Body += " a brand new sentence about zookeeper"
	docs[9].Title = "Another title"
	docs = append(docs[:20], docs[21:]...)
	want, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Build(docs, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(got, want, bytes.Equal) {
		t.Error("a build from the cache differs from one without")
	}
	if len(c.Docs) != len(docs) {
		t.Errorf("cache holds %d documents, want %d", len(c.Docs), len(docs))
	}
}

// With BodySum set, a document the cache holds needs no Body: the build
// writes the same bytes as one with every Body, and a document whose sum
// changed is not found.
func TestCacheBodySum(t *testing.T) {
	docs := generate(50, 3)
	for i := range docs {
		docs[i].BodySum = sha256.Sum256([]byte(docs[i].Body))
	}
	c := &Cache{}
	want, err := Build(docs, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	light := slices.Clone(docs)
	for i := range light {
		if !c.Has(&light[i]) {
			t.Fatalf("document %d not in the cache", i)
		}
		light[i].Body = ""
	}
	got, err := Build(light, Options{Cache: c})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(got, want, bytes.Equal) {
		t.Error("a build from bodies in the cache differs from one with the bodies")
	}
	changed := docs[3]
	changed.BodySum[0]++
	if c.Has(&changed) {
		t.Error("a document with another BodySum is in the cache")
	}
	changed = docs[4]
	changed.BodySum = [32]byte{}
	if c.Has(&changed) {
		t.Error("a document without BodySum is in the cache")
	}
	if (*Cache)(nil).Has(&docs[0]) {
		t.Error("a nil cache has a document")
	}
}

// FuzzCacheReadFrom: any bytes are read without a panic, and what is read
// is written back to the same documents.
func FuzzCacheReadFrom(f *testing.F) {
	c := &Cache{}
	if _, err := Build(generate(3, 1), Options{Cache: c}); err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	c.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(cacheMagic + "\x01"))
	f.Add([]byte(cacheMagic + "\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Cache
		if _, err := c.ReadFrom(bytes.NewReader(data)); err != nil {
			return
		}
		var out bytes.Buffer
		if _, err := c.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		var again Cache
		if _, err := again.ReadFrom(&out); err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(c.Docs, again.Docs, func(a, b *CachedDoc) bool { return *a == *b }) {
			t.Error("a cache read back differs")
		}
	})
}
