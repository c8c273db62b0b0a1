package search

import (
	"bytes"
	"encoding/gob"
	"maps"
	"testing"
)

// A build that takes documents from a cache, saved and loaded with gob,
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
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		t.Fatal(err)
	}
	c = &Cache{}
	if err := gob.NewDecoder(&buf).Decode(c); err != nil {
		t.Fatal(err)
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
