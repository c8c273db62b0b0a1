package site

import (
	"slices"
	"testing"
)

// TestAssembleOrder: the site keeps postmortems newest first, then by
// title and path, and leaves drafts out unless asked.
func TestAssembleOrder(t *testing.T) {
	mk := func(path, date, title string, draft bool) *doc {
		return &doc{pm: &Postmortem{Path: path, Date: date, Title: title, Draft: draft}}
	}
	docs := []*doc{
		mk("b.md", "2024-05-01", "Queue stalled", false),
		mk("a.md", "2024-05-01", "Queue stalled", false),
		mk("c.md", "2024-06-01", "Cache cold", false),
		mk("d.md", "2023-01-01", "Alpha", false),
		mk("e.md", "", "Not dated yet", true),
	}
	var got []string
	for _, d := range assemble(&Site{}, docs, nil) {
		got = append(got, d.pm.Path)
	}
	if want := []string{"c.md", "a.md", "b.md", "d.md"}; !slices.Equal(got, want) {
		t.Errorf("assemble ordered %v, want %v", got, want)
	}
}
