package search

import (
	"bytes"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// smallDocs is a set where each test's expected answer is known.
func smallDocs() []Doc {
	return []Doc{
		{ID: "broker", URL: "postmortems/broker.html", Date: "2024-01-22",
			Title: "Checkout errors during Kafka broker restart", Summary: "Orders failed for 40 minutes.",
			Body: "The broker restart was routine. Orders piled up in the outbox.", Severity: "SEV1", Status: "published",
			Services: []string{"checkout"}, Tags: []string{"deploy"}, Authors: []string{"Mei Rossi"}},
		{ID: "friday", URL: "postmortems/friday.html", Date: "2025-06-01",
			Title: "Search timeouts during Black Friday", Summary: "Search slowed down at the peak.",
			Body: "The cache hit rate fell. Unrelated to kafka, which was fine. Consumer lag stayed low.", Severity: "SEV2", Status: "published",
			Services: []string{"search", "cdn"}, Tags: []string{"capacity"}, Authors: []string{"Søren Dahl"}},
		{ID: "lag", URL: "postmortems/lag.html", Date: "2023-03-31",
			Title: "Stock levels drifted after clock change", Summary: "Stock counts were wrong for a day.",
			Body: "Kafka consumer lag grew for hours; the lag consumer restarted twice. Timeouts followed.", Severity: "SEV2", Status: "in-review",
			Services: []string{"inventory", "kafka"}, Tags: []string{"queue", "time"}, Authors: []string{"Jonas Weiß"}},
		{ID: "cafe", URL: "postmortems/cafe.html", Date: "2025-09-30",
			Title: "Café Zürich menu outage", Summary: "The café ordering app was down; retries caching stale tokens.",
			Body: "Timeouts everywhere. The lag of the consumer was irrelevant.", Severity: "SEV3", Status: "published",
			Services: []string{"mobile"}, Tags: []string{"certificate"}, Authors: []string{"Amara Okafor"}},
		{ID: "inc-4711", URL: "postmortems/inc-4711.html", Date: "2022-05-05",
			Title: `"><svg onload=alert(1)> <img src=x onerror=alert(2)>`, Summary: "<script>alert(3)</script>",
			Body: "javascript:alert(4) is not a link here.", Severity: "SEV3", Status: "published",
			Services: []string{"web"}, Tags: []string{`"><svg onload=alert(5)>`}},
	}
}

func buildSmall(t *testing.T) *index {
	t.Helper()
	files, err := Build(smallDocs(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return openIndex(t, files)
}

func TestSearch(t *testing.T) {
	ix := buildSmall(t)
	for _, c := range []struct {
		query string
		want  []string // IDs in order; nil means no result
	}{
		// A word in the title ranks above the same word in the body.
		{"kafka ", []string{"broker", "lag", "friday"}},
		// Prefixes while typing, stems, folding; the prefix ranks as its
		// word does.
		{"kaf", []string{"broker", "lag", "friday"}},
		{"restarting ", []string{"broker", "lag"}},
		{"timeout ", []string{"friday", "cafe", "lag"}},
		{"CAFE zurich", []string{"cafe"}},
		{"Søren", []string{"friday"}},
		{"soren", []string{"friday"}},
		{"weiss", []string{"lag"}},
		{"cach", []string{"cafe", "friday"}},
		// Documents with every word; when none has them all, those with
		// some, more of them first.
		{"kafka timeouts ", []string{"friday", "lag"}},
		{"kafka nosuchword ", []string{"broker", "lag", "friday"}},
		// Words joined by a hyphen are a phrase.
		{"consumer-lag", []string{"friday", "lag"}},
		{"lag-consumer", []string{"lag"}},
		{"nosuchword ", nil},
		// Phrases: "consumer lag" is in two bodies; "lag consumer" in one.
		{`"consumer lag"`, []string{"friday", "lag"}},
		{`"lag consumer"`, []string{"lag"}},
		{`"lag of the consumer"`, []string{"cafe"}},
		// Filters, alone and with words; one field twice is either value.
		{"severity:SEV2", []string{"friday", "lag"}},
		{"severity:sev2 kafka ", []string{"lag", "friday"}},
		{"sev:SEV1 sev:SEV3", []string{"cafe", "broker", "inc-4711"}},
		{"service:kafka", []string{"lag"}},
		{"tag:capacity status:published", []string{"friday"}},
		{"year:2025", []string{"cafe", "friday"}},
		{"year:2025 severity:SEV1", nil},
		{"status:in-review lag", []string{"lag"}},
		// The id and the authors are searchable.
		{"4711", []string{"inc-4711"}},
		{"svg onload", []string{"inc-4711"}},
	} {
		got := ix.ids(t, ix.search(t, c.query))
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("search %q = %q, want %q", c.query, got, c.want)
		}
	}
}

func TestFacets(t *testing.T) {
	ix := buildSmall(t)
	var labels []string
	for _, f := range Fields {
		for _, v := range ix.meta.Facets[f] {
			labels = append(labels, f+"="+string(v[1])+"/"+string(v[2]))
		}
	}
	want := []string{
		`severity="SEV1"/1`, `severity="SEV2"/2`, `severity="SEV3"/2`,
		`status="in-review"/1`, `status="published"/4`,
		`service="cdn"/1`, `service="checkout"/1`, `service="inventory"/1`, `service="kafka"/1`,
		`service="mobile"/1`, `service="search"/1`, `service="web"/1`,
		`tag="\"\u003e\u003csvg onload=alert(5)\u003e"/1`, `tag="capacity"/1`, `tag="certificate"/1`,
		`tag="deploy"/1`, `tag="queue"/1`, `tag="time"/1`,
		`year="2025"/2`, `year="2024"/1`, `year="2023"/1`, `year="2022"/1`,
	}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("facets:\n%s\nwant:\n%s", strings.Join(labels, "\n"), strings.Join(want, "\n"))
	}
}

func TestFragment(t *testing.T) {
	ix := buildSmall(t)
	docs := smallDocs()
	for n := 0; n < ix.meta.Docs; n++ {
		f := ix.fragment(t, n)
		i := slices.IndexFunc(docs, func(d Doc) bool { return d.ID == f.ID })
		d := docs[i]
		if f.Title != d.Title || f.URL != d.URL || f.Body != d.Body || f.Summary != d.Summary || f.Date != d.Date {
			t.Errorf("fragment %d = %+v, want %+v", n, f, d)
		}
	}
	// Documents are numbered oldest first, so that a new postmortem
	// leaves the others' numbers as they were.
	if got := ix.fragment(t, 0).ID; got != "inc-4711" {
		t.Errorf("document 0 is %s, want the oldest", got)
	}
	if got := ix.fragment(t, ix.meta.Docs-1).ID; got != "cafe" {
		t.Errorf("the last document is %s, want the newest", got)
	}
}

func TestDeterministic(t *testing.T) {
	docs := generate(300, 7)
	a, err := Build(docs, Options{ShardSize: 8 << 10})
	if err != nil {
		t.Fatal(err)
	}
	rand.New(rand.NewSource(1)).Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	b, err := Build(docs, Options{ShardSize: 8 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, x := range a {
		if !bytes.Equal(x, b[p]) {
			t.Errorf("%s differs between builds", p)
		}
	}
	// A change to one document changes the data folder, so that browsers
	// never mix two builds.
	docs[0].Body += " changed"
	c, _ := Build(docs, Options{ShardSize: 8 << 10})
	if bytes.Equal(a["meta.js"], c["meta.js"]) {
		t.Error("meta.js did not change with a document")
	}
}

func TestShardSizes(t *testing.T) {
	docs := generate(1000, 1)
	for _, size := range []int{2 << 10, DefaultShardSize} {
		files, err := Build(docs, Options{ShardSize: size})
		if err != nil {
			t.Fatal(err)
		}
		ix := openIndex(t, files)
		s := measure(files)
		t.Logf("shard size %d: %+v", size, s)
		if s.nShards != ix.meta.Shards {
			t.Errorf("%d shard files, meta says %d", s.nShards, ix.meta.Shards)
		}
		if avg := s.shards / s.nShards; avg > size*5/4 {
			t.Errorf("shards of %d bytes on average, want about %d", avg, size)
		}
		// Every key is in the shard its hash names, and shards are sorted.
		for i := range ix.meta.Shards {
			var entries map[string][]string
			ix.decode(t, fmt.Sprintf("%st/%d.js", ix.meta.Dir, i), &entries)
			for k := range entries {
				if shardOf(k, ix.meta.Shards) != i {
					t.Errorf("key %q in shard %d, not %d", k, i, shardOf(k, ix.meta.Shards))
				}
			}
		}
	}
}

// TestSearchGenerated checks the reader on a larger set against a search by
// brute force over the documents' words: the documents with every word
// come first.
func TestSearchGenerated(t *testing.T) {
	docs := generate(500, 3)
	files, err := Build(docs, Options{ShardSize: 4 << 10})
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, files)
	has := func(d Doc, stem string) bool {
		for _, s := range []string{d.Title, d.Summary, d.Body, d.ID, strings.Join(d.Services, " "), strings.Join(d.Tags, " "), strings.Join(d.Authors, " ")} {
			for _, w := range Tokens(s) {
				if Stem(w) == stem {
					return true
				}
			}
		}
		return false
	}
	for _, q := range []string{"kafka drained ", "postgres replica restarted ", "certificate ", "torzu ", "2019 ", "mei "} {
		var want []string
		terms := ParseQuery(q).Terms
		for _, d := range docs {
			if !slices.ContainsFunc(terms, func(s string) bool { return !has(d, s) }) {
				want = append(want, d.ID)
			}
		}
		res := ix.search(t, q)
		got := ix.ids(t, res[:min(len(res), len(want))])
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %d results, want %d", q, len(got), len(want))
		}
	}
}

func TestBuildErrors(t *testing.T) {
	for _, c := range []struct {
		doc  Doc
		want string
	}{
		{Doc{URL: "a.html"}, "no id"},
		{Doc{ID: "a", URL: "https://evil.example/"}, "not relative"},
		{Doc{ID: "a", URL: "/abs.html"}, "not relative"},
		{Doc{ID: "a", URL: "javascript:alert(1)"}, "not relative"},
		{Doc{ID: "a", URL: "../up.html"}, "outside the site"},
		{Doc{ID: "a", URL: ""}, "empty"},
		{Doc{ID: "a", URL: "a.html", Date: "2025-13-01"}, "date"},
	} {
		_, err := Build([]Doc{c.doc}, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Build(%+v) = %v, want an error about %q", c.doc, err, c.want)
		}
	}
	_, err := Build([]Doc{{ID: "a", URL: "a.html"}, {ID: "a", URL: "b.html"}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Errorf("duplicate ids: %v", err)
	}
	if _, err := Build(nil, Options{}); err != nil {
		t.Errorf("no documents: %v", err)
	}
}

func BenchmarkBuild1000(b *testing.B) {
	docs := generate(1000, 1)
	for b.Loop() {
		if _, err := Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestShardOf checks the shard hash against FNV-1a over the UTF-16 code
// units of the key, as search.js computes it, for keys beyond the Basic
// Multilingual Plane and with invalid UTF-8.
func TestShardOf(t *testing.T) {
	for _, key := range []string{"", "timeout", "zoë", "数据库", "deploy🚀", "𝔘𝔫𝔦", "bad\xffbyte", "\xed\xa0\x80"} {
		h := uint32(2166136261)
		for _, u := range utf16.Encode([]rune(key)) {
			h ^= uint32(u)
			h *= 16777619
		}
		for _, n := range []int{1, 7, 818, 1 << 20} {
			if got, want := shardOf(key, n), int(h%uint32(n)); got != want {
				t.Errorf("shardOf(%q, %d) = %d, want %d", key, n, got, want)
			}
		}
	}
}

// TestMetaPhrases: the words of one service, tag or author are neighbours
// for phrases ("checkout-api" finds the service), those of two are not.
func TestMetaPhrases(t *testing.T) {
	docs := []Doc{
		{ID: "a", URL: "a.html", Title: "Outage", Services: []string{"checkout-api", "search"}},
		{ID: "b", URL: "b.html", Title: "Another", Services: []string{"checkout"}, Tags: []string{"", "api"}},
		{ID: "c", URL: "c.html", Title: "Third", Authors: []string{"Mei Rossi"}},
	}
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, files)
	for q, want := range map[string][]string{
		"checkout-api":  {"a"},
		"api-search":    nil,
		"checkout-api ": {"a"},
		`"mei rossi"`:   {"c"},
		"rossi-mei":     nil,
	} {
		got := ix.ids(t, ix.search(t, q))
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("search %q = %q, want %q", q, got, want)
		}
	}
}

// TestSuggestWords: words.js holds the documents' words, those in the
// most documents first, without short words and numbers.
func TestSuggestWords(t *testing.T) {
	files, err := Build(smallDocs(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, files)
	var words []string
	ix.decode(t, ix.meta.Dir+"words.js", &words)
	if len(words) < 10 || !slices.Contains(words, "kafka") || !slices.Contains(words, "timeouts") {
		t.Fatalf("words.js: %q", words)
	}
	for _, w := range words {
		if len([]rune(w)) < 3 || strings.Trim(w, "0123456789") == "" {
			t.Errorf("words.js has %q", w)
		}
	}
	if i, j := slices.Index(words, "kafka"), slices.Index(words, "outbox"); i > j {
		t.Errorf("kafka, in three documents, after outbox, in one: %q", words)
	}
}
