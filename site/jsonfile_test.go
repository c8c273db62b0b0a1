package site

import (
	"bytes"
	"encoding/json"
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
	if want := marshalIndent(t, s); !bytes.Equal(got, want) {
		t.Errorf("%s: jsonFile differs from encoding/json:\n%s", name, firstDiff(string(want), string(got)))
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
			jsonFile(s)
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			json.MarshalIndent(s, "", "  ")
		}
	})
}
