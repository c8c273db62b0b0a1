package search

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRankingHand checks the ranking on documents made for it: the words
// of a title find it above documents that only mention them, neighbours
// count, and a prefix being typed counts below a whole word.
func TestRankingHand(t *testing.T) {
	body := "The health check on ledger timed out after the deploy. Requests to billing resumed after the change. "
	docs := []Doc{
		{ID: "target", URL: "p/target.html", Date: "2020-01-01", Title: "ledger resumed after health check change (kami)",
			Body: body, Services: []string{"ledger"}},
		// Every word of the title, in its body, twice, and newer.
		{ID: "body", URL: "p/body.html", Date: "2024-01-01", Title: "billing stalled after rollout change (zork)",
			Body: body + body + "The kami worker resumed. Ledger health and check were fine after the change.", Services: []string{"billing"}},
		// The same rare word in the title, the rest different.
		{ID: "twin", URL: "p/twin.html", Date: "2023-01-01", Title: "inventory restarted after backup change (kami)",
			Body: body, Services: []string{"inventory"}},
		// Longer words that start with the rare word.
		{ID: "longer", URL: "p/longer.html", Date: "2025-01-01", Title: "cdn drained after canary change (kamihynex)",
			Body: body + " kamiqubre kamitor", Services: []string{"cdn"}},
		{ID: "ledger-other", URL: "p/ledger-other.html", Date: "2022-01-01", Title: "ledger drained after canary change (obdra)",
			Body: body, Services: []string{"ledger"}},
	}
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, files)
	for _, c := range []struct{ query, first, second string }{
		{"ledger resumed after health check change kami", "target", "twin"},
		{"ledger resumed after health check change (kami)", "target", "twin"},
		{"kami", "twin", "target"}, // equal, the newer first
		{"kami ", "twin", "target"},
		{"kamih", "longer", ""},
		{"ledger resumed", "target", ""},
		{"ledger drained", "ledger-other", ""},
		{"health check change kami", "target", "twin"},
		{"zork", "body", ""},
	} {
		got := ix.ids(t, ix.search(t, c.query))
		if len(got) == 0 || got[0] != c.first || c.second != "" && (len(got) < 2 || got[1] != c.second) {
			t.Errorf("%q: %v, want %s then %q", c.query, got, c.first, c.second)
		}
	}
}

// titleRe reads a generated postmortem's title: "service symptom after
// thing change (word)".
var titleRe = regexp.MustCompile(`(?m)^title: "(([a-z0-9-]+) ([a-z ]+?) after .+ change) \(([a-z]+)\)"$`)

// TestRankingCorpus checks the ranking on a generated site of 1,000
// postmortems (../shared/bench/gen-corpus, or the folder PM_SEARCH_CORPUS
// names), as people search it: the whole title, the title's made-up word,
// and a service with a symptom put the document first.
func TestRankingCorpus(t *testing.T) {
	dir := os.Getenv(corpusEnv)
	if dir == "" {
		gen := filepath.Join("..", "..", "..", "shared", "bench", "gen-corpus")
		if _, err := os.Stat(gen); err != nil || testing.Short() {
			t.Skip("no gen-corpus and no " + corpusEnv)
		}
		python, err := exec.LookPath("python3")
		if err != nil {
			t.Skip("no python3")
		}
		repo := filepath.Join(t.TempDir(), "repo")
		if out, err := exec.Command(python, gen, "--docs", "1000", "--commits", "1", "--out", repo).CombinedOutput(); err != nil {
			t.Fatalf("gen-corpus: %v\n%s", err, out)
		}
		dir = filepath.Join(repo, "postmortems")
	}
	docs := loadCorpus(t, dir, 1000)
	files, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ix := openIndex(t, files)
	byURL := map[string]int{}
	for n := 0; n < ix.meta.Docs; n++ {
		byURL[ix.fragment(t, n).URL] = n
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	titles, words := 0, 0
	for i, p := range paths {
		if i%25 != 0 || i >= 1000 {
			continue
		}
		src, _ := os.ReadFile(p)
		m := titleRe.FindStringSubmatch(string(src))
		if m == nil {
			continue
		}
		want := byURL["postmortems/"+strings.TrimSuffix(filepath.Base(p), ".md")+".html"]
		full, service, symptom, word := m[1]+" "+m[4], m[2], m[3], m[4]
		// The whole title, as typed, with or without a final space.
		for _, q := range []string{full, full + " "} {
			if got := ix.search(t, q); len(got) == 0 || got[0] != want {
				t.Errorf("%q: %q first, want %q", q, ix.ids(t, got[:min(3, len(got))]), ix.fragment(t, want).ID)
			}
			titles++
		}
		// The made-up word: first among the documents with it in the
		// title (another may have it too).
		if got := ix.search(t, word+" "); len(got) == 0 || !strings.Contains(ix.fragment(t, got[0]).Title, "("+word+")") {
			t.Errorf("%q: %q first", word, ix.ids(t, got[:min(3, len(got))]))
		}
		words++
		// A service and a symptom: a document with both in its title.
		q := service + " " + symptom
		if got := ix.search(t, q); len(got) == 0 || !strings.HasPrefix(ix.fragment(t, got[0]).Title, q+" after") {
			t.Errorf("%q: %q first", q, ix.fragment(t, got[0]).Title)
		}
	}
	if titles == 0 {
		t.Fatal("no generated titles")
	}
	t.Logf("%d title queries, %d word queries", titles, words)
}
