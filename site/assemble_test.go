package site

import (
	"slices"
	"testing"
)

// datedDocs keeps and orders the documents as assemble does, so that the
// search index started before the history is read is the one it would
// build after; it declines when a kept document's date is not known yet.
func TestDatedDocs(t *testing.T) {
	mk := func(path, date, title string, draft bool) *doc {
		return &doc{pm: &Postmortem{Path: path, Date: date, Title: title, Draft: draft}}
	}
	docs := func() []*doc {
		return []*doc{
			mk("b.md", "2024-05-01", "Queue stalled", false),
			mk("a.md", "2024-05-01", "Queue stalled", false),
			mk("c.md", "2024-06-01", "Cache cold", false),
			mk("d.md", "2023-01-01", "Alpha", false),
			mk("e.md", "", "Not dated yet", true),
		}
	}
	paths := func(ds []*doc) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.pm.Path)
		}
		return out
	}
	got, ok := datedDocs(docs(), false)
	if !ok {
		t.Fatal("an undated draft, left out, stopped the early index")
	}
	want := paths(assemble(&Site{}, docs(), nil))
	if !slices.Equal(paths(got), want) {
		t.Errorf("datedDocs %v, assemble %v", paths(got), want)
	}
	if !slices.Equal(want, []string{"c.md", "a.md", "b.md", "d.md"}) {
		t.Errorf("assemble ordered %v", want)
	}
	if _, ok := datedDocs(docs(), true); ok {
		t.Error("with drafts, an undated draft (dated later from git) did not stop the early index")
	}
}
