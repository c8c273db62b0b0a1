package search

import (
	"bufio"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
)

// stemTable reads testdata/stems.txt: pairs of a word and its stem.
func stemTable(t testing.TB) [][2]string {
	t.Helper()
	f, err := os.Open("testdata/stems.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w := strings.Fields(line)
		if len(w) != 2 {
			t.Fatalf("stems.txt: bad line %q", line)
		}
		out = append(out, [2]string{w[0], w[1]})
	}
	return out
}

func TestStem(t *testing.T) {
	for _, p := range stemTable(t) {
		if got := Stem(p[0]); got != p[1] {
			t.Errorf("Stem(%q) = %q, want %q", p[0], got, p[1])
		}
	}
}

// TestStemFixedPoint checks that stemming a stem's inflections meets the
// stem: a query for "timeouts" finds "timeout" and the other way round.
func TestStemInflections(t *testing.T) {
	for _, group := range [][]string{
		{"timeout", "timeouts"},
		{"restart", "restarts", "restarted", "restarting"},
		{"cache", "caches", "cached", "caching"},
		{"retry", "retries", "retried", "retrying"},
		{"deploy", "deploys", "deployed", "deploying"},
	} {
		want := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q like Stem(%q)", w, got, want, group[0])
			}
		}
	}
}

// tokenCases are texts and their words; the browser test runs them through
// search.js too.
var tokenCases = []struct {
	in   string
	want []string
}{
	{"Kafka consumer-lag TIMEOUT", []string{"kafka", "consumer", "lag", "timeout"}},
	{"Café Zürich, Ærø and Łódź", []string{"cafe", "zurich", "aero", "and", "lodz"}},
	{"Cafe\u0301 (decomposed)", []string{"cafe", "decomposed"}},
	{"kafka's brokers don’t 'quote'", []string{"kafkas", "brokers", "dont", "quote"}},
	{"p99 latency 7.8 s at 2025-03-12", []string{"p99", "latency", "7", "8", "s", "at", "2025", "03", "12"}},
	{"ΟΔΥΣΣΕΥΣ straße", []string{"οδυσσευσ", "strasse"}},
	{"数据库 timeout", []string{"数据库", "timeout"}},
	{"\"><svg onload=alert(1)>", []string{"svg", "onload", "alert", "1"}},
	{"", []string{}},
	{"'' -- ''", []string{}},
}

func TestTokens(t *testing.T) {
	for _, c := range tokenCases {
		if got := Tokens(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWordsOffsets(t *testing.T) {
	s := "A café’s TTL"
	for _, w := range words(s) {
		if normalize(s[w.start:w.end]) != w.word {
			t.Errorf("word %q at %d:%d is %q", w.word, w.start, w.end, s[w.start:w.end])
		}
	}
}

func TestLess16(t *testing.T) {
	// U+1F600 is a surrogate pair (D83D DE00) in JavaScript, which sorts
	// before U+FF01, though its code point is larger.
	cases := [][2]string{{"a", "b"}, {"a", "ab"}, {"\U0001F600", "\uFF01"}, {"z", "é"}, {"!tag:x", "0"}}
	for _, c := range cases {
		if !less16(c[0], c[1]) || less16(c[1], c[0]) {
			t.Errorf("less16(%q, %q) wrong", c[0], c[1])
		}
	}
}

func TestJSString(t *testing.T) {
	for in, want := range map[string]string{
		`a"b\c`:             `"a\"b\\c"`,
		"</script>\n":       `"\u003c/script\u003e\n"`,
		"é\u2028\U0001F600": `"\u00e9\u2028\ud83d\ude00"`,
		"\x00\x7f":          `"\u0000\u007f"`,
	} {
		if got := jsString(in); got != want {
			t.Errorf("jsString(%q) = %s, want %s", in, got, want)
		}
	}
}

// wordRE is the definition of a word that words implements and search.js
// uses.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*`)

// FuzzWords holds words to the regular expression that defines a word:
// the same spans, normalised as normalize does without its shortcut.
func FuzzWords(f *testing.F) {
	for _, s := range []string{"Kafka's consumer-lag spiked; p99 = 3s", "Café Zürich ÅSTRÖM naïve ΟΔΟΣ", "x\u0301y don’t 'quoted' 12:30", "\xff\xfeab c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := words(s)
		want := wordRE.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("words(%q): %d words, want %d", s, len(got), len(want))
		}
		for i, w := range got {
			if w.start != want[i][0] || w.end != want[i][1] {
				t.Fatalf("words(%q) #%d at %d..%d, want %d..%d", s, i, w.start, w.end, want[i][0], want[i][1])
			}
			raw := s[w.start:w.end]
			slow := strings.NewReplacer("'", "", "’", "", "ς", "σ").Replace(strings.ToLower(render.Fold(raw)))
			if w.word != slow {
				t.Fatalf("words(%q) #%d = %q, want %q", s, i, w.word, slow)
			}
		}
	})
}
