package site

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestActionPages cuts a long list of action items into pages, puts a
// table of many owners on a page of its own, and writes every item into
// actions/items.js.
func TestActionPages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	const docs, per = 120, 5 // 600 items: 480 open, 120 done; 40 owners
	for i := range docs {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Incident %d\ndate: 2024-%02d-%02d\nservices: [svc-%d]\n---\n\n## Action items\n\n| Action | Owner | Ticket | Due | Status |\n|---|---|---|---|---|\n", i, i%12+1, i%28+1, i%3)
		for j := range per {
			status := "open"
			if j == 0 {
				status = "done"
			}
			fmt.Fprintf(&b, "| Fix `</script>` %d.%d | Owner %d | T-%d | 2025-%02d-01 | %s |\n", i, j, (i*per+j)%40, i*per+j, j%12+1, status)
		}
		files[fmt.Sprintf("postmortems/2024-01-01-incident-%d.md", i)] = b.String()
	}
	writeFiles(t, dir, files)
	_, out := build(t, loadConfig(t, dir), Options{Now: time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)})

	rows := func(name string) int { return strings.Count(string(out[name]), "<tr class=\"") }
	for name, want := range map[string]int{"actions.html": 250, "actions/2.html": 230, "actions/done.html": 120, "actions/owner-owner-0.html": 15} {
		if got := rows(name); got != want {
			t.Errorf("%s: %d rows, want %d", name, got, want)
		}
	}
	if _, ok := out["actions/3.html"]; ok {
		t.Errorf("a third page of 480 open items")
	}
	first := string(out["actions.html"])
	for _, want := range []string{`<a href="actions/2.html#open">2</a>`, `<a href="actions/2.html#open" rel="next">Next</a>`, `<a aria-current="page">1</a>`, `Items 1–250 of 480.`, `<a href="actions/owners.html#owners">By owner</a>`} {
		if !strings.Contains(first, want) {
			t.Errorf("actions.html lacks %s", want)
		}
	}
	if strings.Contains(first, `table class="owners"`) {
		t.Errorf("actions.html has the table of 40 owners")
	}
	second := string(out["actions/2.html"])
	for _, want := range []string{`<a href="../actions.html#open" rel="prev">Previous</a>`, `href="../postmortems/`, `href="../style.css"`, `data-items="../actions/items.js"`, `Items 251–480 of 480.`} {
		if !strings.Contains(second, want) {
			t.Errorf("actions/2.html lacks %s", want)
		}
	}
	owners := string(out["actions/owners.html"])
	if n := strings.Count(owners, `<tr><th scope="row"><a href="../actions/owner-owner-`); n != 40 {
		t.Errorf("actions/owners.html links %d owners, want 40:\n%s", n, owners[strings.Index(owners, "<tbody>"):][:300])
	}
	for name, data := range out {
		if strings.HasSuffix(name, ".html") && len(data) > 500<<10 {
			t.Errorf("%s: %d KB", name, len(data)>>10)
		}
		// The choices of the filters are in one script, not in each page.
		if strings.HasPrefix(name, "actions") && strings.Contains(string(data), "<option>Owner ") {
			t.Errorf("%s lists the owners for the filter", name)
		}
	}
	if !strings.Contains(second, `<script src="../actions/filters.js" defer></script>`+"\n"+`<script src="../actions.js" defer></script>`) {
		t.Errorf("actions/2.html does not load actions/filters.js before actions.js")
	}
	filters := string(out["actions/filters.js"])
	var choices struct{ Owners, Services []string }
	if rest, ok := strings.CutPrefix(filters[strings.Index(filters, "\n")+1:], "window.__pmactionfilters = "); !ok {
		t.Errorf("actions/filters.js does not set window.__pmactionfilters:\n%.200s", filters)
	} else if err := json.Unmarshal([]byte(strings.TrimSuffix(rest, ";\n")), &choices); err != nil {
		t.Errorf("actions/filters.js: %v", err)
	}
	if len(choices.Owners) != 40 || choices.Owners[0] != "Owner 0" || choices.Owners[1] != "Owner 1" || choices.Owners[2] != "Owner 10" || !slices.Equal(choices.Services, []string{"svc-0", "svc-1", "svc-2"}) {
		t.Errorf("actions/filters.js: owners %q, services %q", choices.Owners, choices.Services)
	}

	js := string(out["actions/items.js"])
	open, end := strings.Index(js, "__pmactions("), strings.LastIndex(js, ");")
	if open < 0 || end < open {
		t.Fatalf("actions/items.js does not register its data:\n%.200s", js)
	}
	var d struct {
		AsOf     string   `json:"asOf"`
		Owners   []string `json:"owners"`
		Texts    []string `json:"texts"`
		Pre, Suf string
		Pms      [][]any `json:"pms"`
		Items    [][]any `json:"items"`
	}
	if err := json.Unmarshal([]byte(js[open+len("__pmactions("):end]), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != docs*per || len(d.Owners) != 40 || len(d.Pms) != docs || d.AsOf != "2025-06-15" || d.Pre != "postmortems/" || d.Suf != ".html" {
		t.Errorf("items.js: %d items, %d owners, %d postmortems, as of %s, %q %q", len(d.Items), len(d.Owners), len(d.Pms), d.AsOf, d.Pre, d.Suf)
	}
	if strings.Contains(js, "</script") || !strings.Contains(js, `\u003c/script\u003e`) {
		t.Errorf("items.js does not escape the markup of the actions: %.300s", js)
	}
}

func TestPageNumbers(t *testing.T) {
	for _, c := range []struct {
		n, count int
		want     string
	}{
		{1, 1, "[1]"},
		{1, 5, "[1 2 3 4 5]"},
		{1, 2, "[1 2]"},
		{6, 12, "[1 3 4 5 6 7 8 9 10 12]"},
		{1, 161, "[1 2 3 4 20 40 60 80 100 120 140 160 161]"},
		{161, 161, "[1 20 40 60 80 100 120 140 158 159 160 161]"},
		{50, 161, "[1 20 40 47 48 49 50 51 52 53 60 80 100 120 140 160 161]"},
	} {
		if got := fmt.Sprint(pageNumbers(c.n, c.count)); got != c.want {
			t.Errorf("pageNumbers(%d, %d) = %s, want %s", c.n, c.count, got, c.want)
		}
	}
}
