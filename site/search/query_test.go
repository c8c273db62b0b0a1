package search

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// queryCases are queries and their parses; the browser test checks that
// search.js parses them the same.
var queryCases = []struct {
	in   string
	want string // JSON of the Query
}{
	{"", `{"terms":[],"prefix":"","phrases":[],"filters":{}}`},
	{"kafka", `{"terms":[],"prefix":"kafka","phrases":[],"filters":{}}`},
	{"kafka ", `{"terms":["kafka"],"prefix":"","phrases":[],"filters":{}}`},
	{"Kafka Timeouts", `{"terms":["kafka"],"prefix":"timeouts","phrases":[],"filters":{}}`},
	{"kafka kafka", `{"terms":["kafka"],"prefix":"kafka","phrases":[],"filters":{}}`},
	{"kafka timeout.", `{"terms":["kafka","timeout"],"prefix":"","phrases":[],"filters":{}}`},
	{`"consumer lag" kafka`, `{"terms":[],"prefix":"kafka","phrases":[["consumer","lag"]],"filters":{}}`},
	{`"Consumer LAG`, `{"terms":[],"prefix":"","phrases":[["consumer","lag"]],"filters":{}}`},
	{`"kafka"`, `{"terms":["kafka"],"prefix":"","phrases":[],"filters":{}}`},
	{`""`, `{"terms":[],"prefix":"","phrases":[],"filters":{}}`},
	{"severity:SEV1 kafka", `{"terms":[],"prefix":"kafka","phrases":[],"filters":{"severity":["sev1"]}}`},
	{"sev:sev2 SEVERITY:Sev1 sev:SEV1", `{"terms":[],"prefix":"","phrases":[],"filters":{"severity":["sev1","sev2"]}}`},
	{`service:"Checkout API" tag:Database year:2025 status:published`,
		`{"terms":[],"prefix":"","phrases":[],"filters":{"service":["checkout api"],"status":["published"],"tag":["database"],"year":["2025"]}}`},
	{"severity:", `{"terms":[],"prefix":"","phrases":[],"filters":{}}`},
	{"foo:bar", `{"terms":[],"prefix":"","phrases":[["foo","bar"]],"filters":{}}`},
	{"SEVERİTY:x", `{"terms":[],"prefix":"","phrases":[["severity","x"]],"filters":{}}`},
	{"checkout-api kafka", `{"terms":[],"prefix":"kafka","phrases":[["checkout","api"]],"filters":{}}`},
	{"tags:Zürich", `{"terms":[],"prefix":"","phrases":[],"filters":{"tag":["zurich"]}}`},
	{"\u00a0kafka\u3000lag\u0085", `{"terms":["kafka","lag"],"prefix":"","phrases":[],"filters":{}}`},
	{`x"y z"`, `{"terms":["x"],"prefix":"","phrases":[["y","z"]],"filters":{}}`},
}

func TestParseQuery(t *testing.T) {
	for _, c := range queryCases {
		var want Query
		if err := json.Unmarshal([]byte(c.want), &want); err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		got := ParseQuery(c.in)
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			t.Errorf("ParseQuery(%q) = %s, want %s", c.in, g, c.want)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, c := range queryCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		for _, term := range q.Terms {
			if term == "" {
				t.Errorf("empty term in %q", s)
			}
		}
		if q.Prefix != "" && utf8.ValidString(s) && !slices.Contains(Tokens(s), q.Prefix) {
			t.Errorf("prefix %q is not a word of %q", q.Prefix, s)
		}
		for _, p := range q.Phrases {
			if len(p) < 2 {
				t.Errorf("phrase of %d words in %q", len(p), s)
			}
		}
		for f, vs := range q.Filters {
			if _, ok := fieldAliases[f]; !ok || len(vs) == 0 {
				t.Errorf("filter %q %q in %q", f, vs, s)
			}
			for i := 1; i < len(vs); i++ {
				if vs[i-1] >= vs[i] {
					t.Errorf("filter values %q not sorted and unique", vs)
				}
			}
		}
		if !q.Empty() && strings.TrimSpace(s) == "" {
			t.Errorf("blank %q gave %+v", s, q)
		}
		// Parsing is stable under a trailing space, but for the prefix.
		q2 := ParseQuery(s + " ")
		if q.Prefix == "" && !strings.Contains(s, `"`) && !reflect.DeepEqual(q, q2) {
			t.Errorf("%q and %q parse differently: %+v, %+v", s, s+" ", q, q2)
		}
	})
}
