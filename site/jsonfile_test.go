package site

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"testing"
	"time"
)

// marshalIndent is what jsonFile must write.
func marshalIndent(t *testing.T, s *Site) []byte {
	t.Helper()
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

func checkJSONFile(t *testing.T, name string, s *Site) {
	t.Helper()
	got, err := jsonFile(s)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	want := marshalIndent(t, s)
	if !bytes.Equal(got, want) {
		t.Errorf("%s: jsonFile differs from encoding/json:\n%s", name, firstDiff(string(want), string(got)))
	}
	var w chunks
	if err := writeJSONFile(&w, s); err != nil {
		t.Fatalf("%s: writeJSONFile: %v", name, err)
	}
	if got := bytes.Join(w, nil); !bytes.Equal(got, want) {
		t.Errorf("%s: writeJSONFile differs from encoding/json:\n%s", name, firstDiff(string(want), string(got)))
	}
}

// chunks is a writer that keeps each write.
type chunks [][]byte

func (c *chunks) Write(p []byte) (int, error) {
	*c = append(*c, bytes.Clone(p))
	return len(p), nil
}

// failAfter is a writer that fails after n writes.
type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

// TestWriteJSONFile: postmortems.json written a piece at a time is the
// same file, in pieces of about jsonChunk, and a write that fails stops
// it with its error.
func TestWriteJSONFile(t *testing.T) {
	n := 0
	var pm Postmortem
	fill(reflect.ValueOf(&pm).Elem(), &n)
	s := &Site{Title: "Many"}
	for range 200 {
		s.Postmortems = append(s.Postmortems, &pm)
	}
	checkJSONFile(t, "many", s)
	var w chunks
	if err := writeJSONFile(&w, s); err != nil {
		t.Fatal(err)
	}
	size := len(bytes.Join(w, nil))
	if size < 3*jsonChunk || len(w) < size/(2*jsonChunk) || len(w) > size/jsonChunk+1 {
		t.Errorf("%d bytes in %d writes; want writes of about %d bytes", size, len(w), jsonChunk)
	}
	for i := range w[:len(w)-1] {
		if len(w[i]) < jsonChunk {
			t.Errorf("write %d of %d bytes, less than %d", i, len(w[i]), jsonChunk)
		}
	}
	if err := writeJSONFile(&failAfter{n: 1}, s); err == nil || err.Error() != "disk full" {
		t.Errorf("a failed write gave %v; want disk full", err)
	}
}

// TestJSONFile: jsonFile writes what encoding/json writes, for every field
// set (a field added to the model and not to jsonFile fails here), for
// empty and nil values, and for strings that need escaping.
func TestJSONFile(t *testing.T) {
	n := 0
	var full Site
	fill(reflect.ValueOf(&full).Elem(), &n)
	checkJSONFile(t, "every field", &full)

	checkJSONFile(t, "zero", &Site{})
	checkJSONFile(t, "empty", &Site{Severities: []string{}, Statuses: []string{}, Postmortems: []*Postmortem{}})

	start := time.Date(2024, 1, 22, 10, 14, 0, 0, time.FixedZone("CET", 3600))
	ttd := int64(0)
	odd := &Site{Title: "Odd \"quotes\" \\ <b>&amp;</b> \u2028 \x00 \x7f é 日本 \xff", Postmortems: []*Postmortem{
		{ID: "a", Authors: []string{}, ActionItems: []ActionItem{}, Problems: []string{}, Started: &start, TimeToDetect: &ttd},
		{ID: "b", History: &History{}, ActionItems: []ActionItem{{Text: "\t tab", Line: -1}}},
		{ID: "c", History: &History{Contributors: []string{}, Dirty: true}},
	}}
	checkJSONFile(t, "odd values", odd)
}

// TestJSONFileError: a time that JSON cannot write fails the file, as it
// fails encoding/json.
func TestJSONFileError(t *testing.T) {
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	s := &Site{Postmortems: []*Postmortem{{Resolved: &far}}}
	if _, err := jsonFile(s); err == nil {
		t.Error("no error for the year 10000")
	}
}

// FuzzJSONFile: any strings are written as encoding/json writes them.
func FuzzJSONFile(f *testing.F) {
	f.Add("Checkout <errors>", "a & b", "\u2029\"")
	f.Fuzz(func(t *testing.T, title, summary, tag string) {
		checkJSONFile(t, "fuzz", &Site{Title: title, Postmortems: []*Postmortem{{Summary: summary, Tags: []string{tag, ""}}}})
	})
}

// BenchmarkJSONFile writes postmortems.json for 1,000 postmortems like
// those of the model's example, by hand and (encoding/json) as
// encoding/json does.
func BenchmarkJSONFile(b *testing.B) {
	at := func(h, m int) *time.Time {
		t := time.Date(2024, 1, 22, h, m, 0, 0, time.UTC)
		return &t
	}
	ttd, ttm := int64(180), int64(2280)
	rev := Revision{Commit: "5be01a2c8f0e4d7b9a1c3e5f7a9b1d3f5e7a9c1b", Date: *at(16, 40), Author: "Nomvula Dlamini"}
	s := &Site{Version: 1, Title: "Northwind Larder postmortems", History: "complete", Severities: []string{"SEV1", "SEV2"}}
	for range 1000 {
		s.Postmortems = append(s.Postmortems, &Postmortem{
			ID: "2024-01-22-checkout-errors", Title: "Checkout errors during a Kafka broker rolling restart",
			URL: "postmortems/2024-01-22-checkout-errors.html", Path: "postmortems/2024-01-22-checkout-errors.md",
			Date: "2024-01-22", DateFrom: "front matter", Status: "published", Severity: "SEV2",
			Authors: []string{"Esther Mensah", "Nomvula Dlamini"}, Services: []string{"checkout-api", "kafka"}, Tags: []string{"queue", "deploy"},
			Summary: "A third of checkouts returned HTTP 500 for 38 minutes while brokers restarted one by one.",
			Started: at(10, 14), Detected: at(10, 17), Mitigated: at(10, 52), TimeToDetect: &ttd, TimeToMitigate: &ttm,
			ActionItems: []ActionItem{
				{Text: "Reassign all 11 topics with two replicas to three replicas", Owner: "Mateo Lindqvist", Ticket: "PLAT-1184", Due: "2024-02-09", DueDate: "2024-02-09", Status: "done", Done: true, Form: "table", Line: 101},
				{Text: "Alert on under-replicated partitions", Owner: "Esther Mensah", Form: "list", Line: 104},
			},
			History: &History{Created: rev, Updated: rev, Revisions: 4, Contributors: []string{"Esther Mensah", "Nomvula Dlamini"}},
		})
	}
	b.Run("hand", func(b *testing.B) {
		for b.Loop() {
			writeJSONFile(io.Discard, s) // as the build writes it, a piece at a time
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			json.MarshalIndent(s, "", "  ")
		}
	})
}
