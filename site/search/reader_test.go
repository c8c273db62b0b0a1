package search

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// This file reads an index the way search.js does, so that Go tests can
// check ranking, filters and phrases without a browser. The browser tests
// check that search.js agrees.

type metaFile struct {
	Version int                             `json:"version"`
	Dir     string                          `json:"dir"`
	Root    string                          `json:"root"`
	Docs    int                             `json:"docs"`
	Pack    int                             `json:"pack"`
	Shards  int                             `json:"shards"`
	Facets  map[string][][3]json.RawMessage `json:"facets"`
}

type fragmentFile struct {
	ID       string   `json:"id"`
	URL      string   `json:"url"`
	Title    string   `json:"title"`
	Date     string   `json:"date"`
	Severity string   `json:"severity"`
	Status   string   `json:"status"`
	Services []string `json:"services"`
	Tags     []string `json:"tags"`
	Authors  []string `json:"authors"`
	Summary  string   `json:"summary"`
	Body     string   `json:"body"`
}

type index struct {
	files map[string][]byte
	meta  metaFile
	read  map[string]bool // files read, by path
}

// registered returns the name and value a data file registers.
func registered(t testing.TB, path string, b []byte) (string, json.RawMessage) {
	t.Helper()
	s := string(b)
	if !strings.HasPrefix(s, "__pmsearch(") || !strings.HasSuffix(s, ");\n") {
		t.Fatalf("%s: not a registration: %.60q", path, s)
	}
	s = s[len("__pmsearch(") : len(s)-3]
	dec := json.NewDecoder(strings.NewReader(s))
	var name string
	if err := dec.Decode(&name); err != nil {
		t.Fatalf("%s: name: %v", path, err)
	}
	rest := strings.TrimSpace(s[dec.InputOffset():])
	if !strings.HasPrefix(rest, ",") {
		t.Fatalf("%s: no value", path)
	}
	return name, json.RawMessage(rest[1:])
}

func openIndex(t testing.TB, files map[string][]byte) *index {
	t.Helper()
	ix := &index{files: files, read: map[string]bool{}}
	ix.decode(t, "meta.js", &ix.meta)
	return ix
}

func (ix *index) decode(t testing.TB, path string, v any) {
	t.Helper()
	b, ok := ix.files[path]
	if !ok {
		t.Fatalf("no file %s", path)
	}
	ix.read[path] = true
	_, raw := registered(t, path, b)
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func (ix *index) fragment(t testing.TB, n int) fragmentFile {
	t.Helper()
	var pack []string
	ix.decode(t, ix.meta.Dir+"d/"+strconv.Itoa(n/ix.meta.Pack)+".js", &pack)
	if n%ix.meta.Pack >= len(pack) {
		t.Fatalf("no document %d in its file of %d", n, len(pack))
	}
	s := pack[n%ix.meta.Pack]
	z, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	js, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	if err != nil {
		t.Fatal(err)
	}
	var f fragmentFile
	if err := json.Unmarshal(js, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

type list struct {
	docs []int
	imps []int
}

// postings is search.js's postings: kind 0 exact, kind 1 prefix.
func (ix *index) postings(t testing.TB, key string, kind int) list {
	t.Helper()
	n := shardOf(key, ix.meta.Shards)
	var entries map[string][]string
	ix.decode(t, fmt.Sprintf("%st/%d.js", ix.meta.Dir, n), &entries)
	e := entries[key]
	if len(e) <= kind {
		return list{}
	}
	s := e[kind]
	if strings.HasPrefix(s, "~") {
		return ix.postings(t, s[1:], 0)
	}
	return decodeList(t, s)
}

func decodeList(t testing.TB, s string) list {
	var l list
	doc, n, shift := -1, 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(vlqDigits, s[i])
		if d < 0 {
			t.Fatalf("bad digit %q", s[i])
		}
		n |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		doc += n>>impactBits + 1
		l.docs = append(l.docs, doc)
		l.imps = append(l.imps, n&maxImpact)
		n, shift = 0, 0
	}
	return l
}

// search returns the numbers of the documents that match q, best first,
// as search.js ranks them (without its check of long phrases).
func (ix *index) search(t testing.TB, text string) []int {
	t.Helper()
	q := ParseQuery(text)
	type clause struct {
		alts   []list
		half   []bool // whether alternative k counts a quarter (a prefix's longer words)
		weight int    // 1: a word, counted in hits; 0: a bonus; -1: required
	}
	var clauses []clause
	for _, term := range q.Terms {
		clauses = append(clauses, clause{alts: []list{ix.postings(t, term, 0)}, weight: 1})
	}
	if q.Prefix != "" {
		clauses = append(clauses, clause{alts: []list{ix.postings(t, Stem(q.Prefix), 0), ix.postings(t, q.Prefix, 1)},
			half: []bool{false, true}, weight: 1})
	}
	for _, p := range adjacent(q) {
		clauses = append(clauses, clause{alts: []list{ix.postings(t, p, 0)}})
	}
	for _, p := range q.Phrases {
		for k := 1; k < len(p); k++ {
			clauses = append(clauses, clause{alts: []list{ix.postings(t, p[k-1]+" "+p[k], 0)}, weight: -1})
		}
	}
	for _, f := range Fields {
		var alts []list
		for _, v := range q.Filters[f] {
			alts = append(alts, ix.postings(t, "!"+f+":"+v, 0))
		}
		if alts != nil {
			clauses = append(clauses, clause{alts: alts, weight: -1})
		}
	}
	if len(clauses) == 0 {
		return nil
	}
	n := ix.meta.Docs
	total, hits, need := make([]int, n), make([]int, n), make([]int, n)
	required, words := 0, 0
	for _, c := range clauses {
		best := make([]int, n)
		for i := range best {
			best[i] = -1
		}
		for k, l := range c.alts {
			w := weight(n, len(l.docs))
			for i, d := range l.docs {
				imp := l.imps[i]
				if k < len(c.half) && c.half[k] {
					imp = max(1, imp/4)
				}
				best[d] = max(best[d], imp*w)
			}
		}
		for d := range best {
			if best[d] < 0 {
				continue
			}
			total[d] += best[d]
			switch c.weight {
			case 1:
				hits[d]++
			case -1:
				need[d]++
			}
		}
		switch c.weight {
		case 1:
			words++
		case -1:
			required++
		}
	}
	var out, every []int
	for d := range hits {
		if need[d] == required && (hits[d] > 0 || words == 0) {
			out = append(out, d)
			if hits[d] == words {
				every = append(every, d)
			}
		}
	}
	if len(every) > 0 { // those with every word, else those with some
		out = every
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if hits[a] != hits[b] {
			return hits[a] > hits[b]
		}
		if total[a] != total[b] {
			return total[a] > total[b]
		}
		return a > b // newer
	})
	return out
}

// weight is how rare a key in df of n documents is, as search.js weighs
// its postings.
func weight(n, df int) int {
	return max(1, int(math.Round(16*bm25IDF(n, df)/bm25IDF(n, 1))))
}

func bm25IDF(docs, df int) float64 {
	n := float64(docs)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// adjacent returns the pairs of neighbouring words of q, whose postings
// add to the score of the documents where they are neighbours too.
func adjacent(q Query) []string {
	ws := q.Terms
	if q.Prefix != "" {
		ws = append(slices.Clip(ws), Stem(q.Prefix))
	}
	var out []string
	for k := 1; k < len(ws); k++ {
		out = append(out, ws[k-1]+" "+ws[k])
	}
	return out
}

// ids returns the IDs of documents by number.
func (ix *index) ids(t testing.TB, docs []int) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i] = ix.fragment(t, d).ID
	}
	return out
}
