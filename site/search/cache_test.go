package search

import (
	"bytes"
	"crypto/sha256"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var testTag = [32]byte{1, 2, 3}

// saveAndOpen saves a cache into dir and opens it again.
func saveAndOpen(t testing.TB, c *Cache, dir string) *Cache {
	t.Helper()
	if err := c.Save(dir, testTag); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = OpenCache(dir, testTag)
	t.Cleanup(func() { c.Close() })
	return c
}

// A build that takes documents from a cache, saved and opened again,
// writes the same bytes as one without, and keeps only its own documents.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	docs := generate(200, 3)
	c := OpenCache(dir, testTag)
	if len(c.Docs) != 0 || c.index != nil {
		t.Fatal("a folder without a cache gave one")
	}
	if _, err := Build(docs, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	if len(c.Docs) != len(docs) {
		t.Fatalf("cache holds %d documents, want %d", len(c.Docs), len(docs))
	}
	c = saveAndOpen(t, c, dir)
	if len(c.Docs) != len(docs) || c.index == nil {
		t.Fatalf("cache opened again holds %d documents (index %t), want %d", len(c.Docs), c.index != nil, len(docs))
	}
	if other := OpenCache(dir, [32]byte{9}); len(other.Docs) != 0 {
		t.Error("a cache was opened for another tag")
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
	// Saved with nothing new, the data file does not grow.
	c = saveAndOpen(t, c, dir)
	data := filepath.Join(dir, DataFile)
	before, _ := os.Stat(data)
	if _, err := Build(docs, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	c = saveAndOpen(t, c, dir)
	if after, _ := os.Stat(data); after.Size() != before.Size() {
		t.Errorf("the data file grew from %d to %d bytes with nothing new", before.Size(), after.Size())
	}
}

// A damaged index is not opened; a damaged data file is found out, by its
// size when opened or by a blob's checksum when read, and the build fails
// rather than write what it did not read: without the cache, it succeeds.
func TestCacheDamaged(t *testing.T) {
	dir := t.TempDir()
	docs := generate(100, 4)
	c := OpenCache(dir, testTag)
	if _, err := Build(docs, Options{Cache: c}); err != nil {
		t.Fatal(err)
	}
	c = saveAndOpen(t, c, dir)
	c.Close()
	index, _ := os.ReadFile(filepath.Join(dir, IndexFile))
	data, _ := os.ReadFile(filepath.Join(dir, DataFile))
	for name, bad := range map[string][]byte{
		"cut":     index[:len(index)-1],
		"longer":  append(slices.Clone(index), 0),
		"changed": append([]byte("x"), index[1:]...),
		"bit":     flip(index, len(index)/2),
		"empty":   nil,
	} {
		os.WriteFile(filepath.Join(dir, IndexFile), bad, 0o644)
		if c := OpenCache(dir, testTag); len(c.Docs) != 0 || c.index != nil {
			t.Errorf("a damaged index (%s) was opened", name)
		}
	}
	os.WriteFile(filepath.Join(dir, IndexFile), index, 0o644)
	os.WriteFile(filepath.Join(dir, DataFile), data[:len(data)-1], 0o644)
	if c := OpenCache(dir, testTag); len(c.Docs) != 0 {
		t.Error("a cut data file was opened")
	}
	os.WriteFile(filepath.Join(dir, DataFile), flip(data, len(data)/2), 0o644)
	c = OpenCache(dir, testTag)
	defer c.Close()
	if len(c.Docs) != len(docs) {
		t.Fatal("the index was not opened")
	}
	docs[0].Body += " changed, so that the build reads words"
	docs = append(docs, generate(30, 5)...) // more than an update takes: every document's words are read
	if _, err := Build(docs, Options{Cache: c}); err == nil {
		t.Error("a build read a damaged blob without an error")
	}
}

func flip(b []byte, i int) []byte {
	b = slices.Clone(b)
	b[i] ^= 0x10
	return b
}

// The data file is written anew when most of it is blobs no longer used.
func TestCacheCompacts(t *testing.T) {
	defer func(s int64) { dataSlack = s }(dataSlack)
	dataSlack = 0
	dir := t.TempDir()
	docs := generate(60, 6)
	c := OpenCache(dir, testTag)
	sizes := []int64{}
	for i := 0; i < 24; i++ {
		docs[i%30].Body += " edited"
		docs[i%30+30].Title += " edited"
		if _, err := Build(docs, Options{Cache: c}); err != nil {
			t.Fatal(err)
		}
		c = saveAndOpen(t, c, dir)
		info, err := os.Stat(filepath.Join(dir, DataFile))
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, info.Size())
	}
	if slices.IsSorted(sizes) {
		t.Errorf("the data file only grew: %d", sizes)
	}
	got, _ := Build(docs, Options{Cache: c})
	want, _ := Build(docs, Options{})
	if !maps.EqualFunc(got, want, bytes.Equal) {
		t.Error("a build from a cache written anew differs from one without")
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

// FuzzOpenCache: any index file is opened without a panic, and a build
// from what is opened fails or writes what a build without a cache does.
func FuzzOpenCache(f *testing.F) {
	dir := f.TempDir()
	docs := generate(3, 1)
	c := OpenCache(dir, testTag)
	if _, err := Build(docs, Options{Cache: c}); err != nil {
		f.Fatal(err)
	}
	c.Save(dir, testTag)
	c.Close()
	index, _ := os.ReadFile(filepath.Join(dir, IndexFile))
	f.Add(index)
	f.Add([]byte(indexMagic))
	want, _ := Build(docs, Options{})
	f.Fuzz(func(t *testing.T, data []byte) {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, IndexFile), data, 0o644)
		src, _ := os.ReadFile(filepath.Join(dir, DataFile))
		os.WriteFile(filepath.Join(d, DataFile), src, 0o644)
		c := OpenCache(d, testTag)
		defer c.Close()
		got, err := Build(docs, Options{Cache: c})
		if err == nil && !maps.EqualFunc(got, want, bytes.Equal) {
			t.Error("a build from a cache opened differs from one without")
		}
	})
}
