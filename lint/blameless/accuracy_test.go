package blameless

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// sharedDir returns ../shared/<name> relative to the module root, or "" when
// it is absent.
func sharedDir(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", name)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

var (
	inlineCode = regexp.MustCompile("`[^`]*`")
	mdLink     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	bareURL    = regexp.MustCompile(`https?://\S+`)
	listMarker = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?`)
)

// proseLines does the minimal Markdown handling the lint package does with
// goldmark: it returns, per line number, the prose to check on that line
// (front matter, fenced code, quotes and headings yield nothing) and the
// authors listed in the front matter.
func proseLines(src string) (map[int]string, []string) {
	lines := strings.Split(src, "\n")
	out := map[int]string{}
	var authors []string
	i := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		inAuthors := false
		for i = 1; i < len(lines); i++ {
			l := lines[i]
			if strings.TrimSpace(l) == "---" {
				i++
				break
			}
			if strings.HasPrefix(l, "authors:") {
				inAuthors = true
				continue
			}
			if inAuthors && strings.HasPrefix(strings.TrimSpace(l), "- ") {
				authors = append(authors, strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- ")))
				continue
			}
			inAuthors = false
		}
	}
	fence := false
	for ; i < len(lines); i++ {
		l := lines[i]
		trim := strings.TrimSpace(l)
		if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
			fence = !fence
			continue
		}
		if fence || strings.HasPrefix(trim, ">") || strings.HasPrefix(trim, "#") {
			continue
		}
		l = inlineCode.ReplaceAllString(l, "")
		l = mdLink.ReplaceAllString(l, "$1")
		l = bareURL.ReplaceAllString(l, "")
		l = listMarker.ReplaceAllString(l, "")
		out[i+1] = l
	}
	return out, authors
}

type labelled struct {
	file  string
	line  int
	label bool
	cat   string
	text  string
}

func readLabels(t *testing.T, dir string) []labelled {
	f, err := os.Open(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		fs := strings.SplitN(sc.Text(), "\t", 5)
		if len(fs) < 5 {
			continue
		}
		n, err := strconv.Atoi(fs[1])
		if err != nil {
			t.Fatalf("labels.tsv: bad line number %q", fs[1])
		}
		out = append(out, labelled{file: fs[0], line: n, label: fs[2] == "1", cat: fs[3], text: fs[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// labelCategory maps POLICY.md's letters to detector categories.
var labelCategory = map[string]string{
	"a": "human-error", "b": "judgement", "c": "person-cause", "d": "counterfactual/hindsight", "e": "punitive",
}

func matchGroup(c Category) string {
	if c == Counterfactual || c == Hindsight {
		return "counterfactual/hindsight"
	}
	return string(c)
}

// accuracy is line-level precision and recall on one labelled set.
type accuracy struct {
	precision, recall float64
	per               map[string][2]float64 // category -> precision, recall
}

// TestAccuracy measures line-level precision and recall on the labelled
// postmortems in ../shared/blameless (the tuning set, which the lint issue
// requires to reach 0.95/0.90) and on testdata/heldout through heldout37,
// written apart from the rules, where floors just below the current
// numbers catch regressions.
// BLAMELESS_SET names a further labelled set to measure and report only.
func TestAccuracy(t *testing.T) {
	t.Run("shared", func(t *testing.T) {
		dir := sharedDir(t, "blameless")
		if dir == "" {
			t.Skip("../shared/blameless not present")
		}
		a := measure(t, dir)
		if a.precision < 0.95 {
			t.Errorf("precision %.3f < 0.95", a.precision)
		}
		if a.recall < 0.90 {
			t.Errorf("recall %.3f < 0.90", a.recall)
		}
	})
	for _, tc := range []struct {
		set   string
		floor [2]float64 // precision, recall
	}{
		{"heldout", heldoutFloor},
		{"heldout2", heldout2Floor},
		{"heldout3", heldout3Floor},
		{"heldout4", heldout4Floor},
		{"heldout5", heldout5Floor},
		{"heldout6", [2]float64{0.99, 0.97}},
		{"heldout7", [2]float64{0.99, 0.98}},
		{"heldout8", [2]float64{0.99, 0.98}},
		{"heldout9", [2]float64{0.99, 0.91}},
		{"heldout10", [2]float64{0.99, 0.88}},
		{"heldout11", [2]float64{0.98, 0.92}},
		{"heldout13", [2]float64{0.98, 0.91}},
		{"heldout14", [2]float64{0.99, 0.90}},
		{"heldout15", [2]float64{0.99, 0.89}},
		{"heldout16", [2]float64{0.98, 0.82}},
		{"heldout17", [2]float64{0.97, 0.79}},
		{"heldout18", [2]float64{0.98, 0.92}},
		{"heldout19", [2]float64{0.99, 0.93}},
		{"heldout20", [2]float64{0.97, 0.93}},
		{"heldout21", [2]float64{0.98, 0.93}},
		{"heldout22", [2]float64{0.98, 0.92}},
		{"heldout23", [2]float64{0.98, 0.90}},
		{"heldout24", [2]float64{0.99, 0.94}},
		{"heldout25", [2]float64{0.98, 0.86}},
		{"heldout27", [2]float64{0.98, 0.91}},
		{"heldout28", [2]float64{0.98, 0.92}},
		{"heldout29", [2]float64{0.99, 0.93}},
		{"heldout30", [2]float64{0.97, 0.90}},
		{"heldout31", [2]float64{0.97, 0.87}},
		{"heldout32", [2]float64{0.97, 0.92}},
		{"heldout33", [2]float64{0.98, 0.90}},
		{"heldout34", [2]float64{0.97, 0.85}},
		{"heldout35", [2]float64{0.99, 0.88}},
		{"heldout36", [2]float64{0.96, 0.88}},
		{"heldout37", [2]float64{0.97, 0.88}},
		{"heldout12", [2]float64{0.98, 0.97}},
		{"heldout26", [2]float64{0.97, 0.98}},
		{"heldout38", [2]float64{0.98, 0.95}},
		{"heldout39", [2]float64{0.98, 0.97}},
		{"heldout40", [2]float64{0.97, 0.98}},
		{"heldout41", [2]float64{0.98, 0.96}},
		{"heldout42", [2]float64{0.98, 0.95}},
		{"heldout52", [2]float64{0.98, 0.93}},
		{"heldout53", [2]float64{0.98, 0.96}},
		{"heldout54", [2]float64{0.97, 0.92}},
		{"heldout55", [2]float64{0.96, 0.95}},
		{"heldout56", [2]float64{0.97, 0.93}},
		{"heldout57", [2]float64{0.98, 0.97}},
		{"heldout58", [2]float64{0.96, 0.96}},
		{"heldout59", [2]float64{0.97, 0.91}},
		{"heldout60", [2]float64{0.97, 0.97}},
		{"heldout61", [2]float64{0.98, 0.95}},
		{"heldout62", [2]float64{0.97, 0.98}},
		{"heldout63", [2]float64{0.96, 0.96}},
		{"heldout64", [2]float64{0.96, 0.98}},
		{"heldout65", [2]float64{0.96, 0.96}},
		{"heldout66", [2]float64{0.98, 0.98}},
		{"heldout67", [2]float64{0.98, 0.95}},
		{"heldout68", [2]float64{0.98, 0.97}},
		{"heldout69", [2]float64{0.98, 0.98}},
		{"heldout70", [2]float64{0.98, 0.92}},
		{"heldout71", [2]float64{0.98, 0.91}},
		{"heldout72", [2]float64{0.98, 0.97}},
		{"heldout73", [2]float64{0.98, 0.97}},
		{"heldout74", [2]float64{0.98, 0.96}},
		{"heldout75", [2]float64{0.98, 0.96}},
		{"heldout76", [2]float64{0.98, 0.96}},
		{"heldout77", [2]float64{0.96, 0.95}},
		{"heldout78", [2]float64{0.98, 0.98}},
		{"heldout79", [2]float64{0.97, 0.96}},
		{"heldout80", [2]float64{0.98, 0.96}},
		{"heldout81", [2]float64{0.97, 0.96}},
		{"heldout82", [2]float64{0.96, 0.94}},
		{"heldout83", [2]float64{0.98, 0.95}},
		{"heldout84", [2]float64{0.98, 0.91}},
		{"heldout85", [2]float64{0.97, 0.93}},
		{"heldout86", [2]float64{0.97, 0.95}},
		{"heldout87", [2]float64{0.97, 0.93}},
		{"heldout88", [2]float64{0.97, 0.98}},
		{"heldout89", [2]float64{0.98, 0.94}},
		{"heldout90", [2]float64{0.98, 0.98}},
		{"heldout91", [2]float64{0.98, 0.97}},
	} {
		t.Run(tc.set, func(t *testing.T) {
			a := measure(t, filepath.Join("testdata", tc.set))
			if a.precision < tc.floor[0] {
				t.Errorf("precision %.3f < %.2f", a.precision, tc.floor[0])
			}
			if a.recall < tc.floor[1] {
				t.Errorf("recall %.3f < %.2f", a.recall, tc.floor[1])
			}
		})
	}
	if dir := os.Getenv("BLAMELESS_SET"); dir != "" {
		t.Run("env", func(t *testing.T) { measure(t, dir) })
	}
}

// heldoutFloor through heldout5Floor are the precision and recall
// testdata/heldout through heldout5 must keep: just below the current
// numbers (1.000/1.000, 0.990/1.000, 1.000/1.000, 1.000/1.000 and
// 1.000/0.957), since all five sets have now been tuned on. Measured blind,
// heldout3 scored 0.978/0.821, heldout4 0.957/0.720 and heldout5
// 0.963/0.667. heldout6 through heldout14 have floors of their own, below
// the numbers after they were tuned on; measured blind, heldout10 scored
// 0.968/0.793, heldout11 0.989/0.793, heldout13 0.988/0.708, heldout14
// 1.000/0.739, heldout15 1.000/0.721 and heldout16 0.959/0.583 (63 of
// its 120 blameful lines are subtle: 0.982 of the others were found). The
// next thirteen were measured blind with the sentence model, trained without
// them: heldout17 0.976/0.696, heldout18 0.991/0.868, heldout19
// 0.990/0.826, heldout20 0.973/0.893, heldout21 0.982/0.884, heldout22
// 0.990/0.860, heldout23 0.991/0.877, heldout24 0.991/0.893, heldout25
// 0.990/0.826, heldout27 0.982/0.909, heldout28 0.991/0.884, heldout29
// 0.939/0.893 and heldout30 0.981/0.860. heldout31 to heldout37 were
// written later and measured blind with the rules and the model of then:
// heldout31 0.980/0.793, heldout32 0.981/0.851, heldout33 0.990/0.843,
// heldout34 0.968/0.752, heldout35 0.980/0.802, heldout36 0.961/0.810
// and heldout37 0.980/0.787; the model trains on them since. Trained on
// them and on 2,400 written sentences, it fits heldout22 and heldout23 a
// line or two less than before (0.926 and 0.910), and heldout25 (0.868).
// heldout12, heldout26 and heldout38 to heldout42 were kept out of the
// repository to measure the rules on, until they had been looked at too
// often; heldout52 to heldout59 scored 0.989/0.851 together, measured
// blind, heldout60 to heldout67 0.979/0.897, heldout68 to heldout75
// 0.974/0.898, heldout76 to heldout83 0.979/0.915 and heldout84 to
// heldout91 0.979/0.899, before the rules were tuned (the last batch was
// not) and the model trained on them.
var (
	heldoutFloor  = [2]float64{0.98, 0.98}
	heldout2Floor = [2]float64{0.97, 0.98}
	heldout3Floor = [2]float64{0.98, 0.98}
	heldout4Floor = [2]float64{0.98, 0.98}
	heldout5Floor = [2]float64{0.98, 0.95}
)

// measure runs the detector over a labelled set, logs every disagreement
// and the per-category numbers, and returns the totals.
func measure(t *testing.T, dir string) accuracy {
	t.Helper()
	labels := readLabels(t, dir)
	flagged := map[string]map[int][]Match{}
	files := map[string]bool{}
	for _, l := range labels {
		files[l.file] = true
	}
	for name := range files {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		lines, authors := proseLines(string(src))
		d, err := New(Options{People: authors})
		if err != nil {
			t.Fatal(err)
		}
		flagged[name] = map[int][]Match{}
		for n, text := range lines {
			for _, s := range Sentences(text) {
				flagged[name][n] = append(flagged[name][n], d.Check(text[s.Start:s.End])...)
			}
		}
	}

	type counts struct{ tp, fp, fn int }
	var all counts
	per := map[string]*counts{}
	get := func(k string) *counts {
		if per[k] == nil {
			per[k] = &counts{}
		}
		return per[k]
	}
	var report []string
	for _, l := range labels {
		ms := flagged[l.file][l.line]
		hit := len(ms) > 0
		switch {
		case hit && l.label:
			all.tp++
			get(labelCategory[l.cat]).tp++
		case hit && !l.label:
			all.fp++
			get(matchGroup(ms[0].Category)).fp++
			report = append(report, fmt.Sprintf("false positive %s:%d [%s] %s", l.file, l.line, ms[0].Category, l.text))
		case !hit && l.label:
			all.fn++
			get(labelCategory[l.cat]).fn++
			report = append(report, fmt.Sprintf("missed %s:%d (%s) %s", l.file, l.line, l.cat, l.text))
		}
	}
	sort.Strings(report)
	for _, r := range report {
		t.Log(r)
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	keys := make([]string, 0, len(per))
	for k := range per {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := accuracy{per: map[string][2]float64{}}
	for _, k := range keys {
		c := per[k]
		out.per[k] = [2]float64{ratio(c.tp, c.tp+c.fp), ratio(c.tp, c.tp+c.fn)}
		t.Logf("%-26s precision %.3f (%d/%d)  recall %.3f (%d/%d)", k,
			ratio(c.tp, c.tp+c.fp), c.tp, c.tp+c.fp, ratio(c.tp, c.tp+c.fn), c.tp, c.tp+c.fn)
	}
	out.precision, out.recall = ratio(all.tp, all.tp+all.fp), ratio(all.tp, all.tp+all.fn)
	t.Logf("overall precision %.3f (%d/%d)  recall %.3f (%d/%d)", out.precision, all.tp, all.tp+all.fp,
		out.recall, all.tp, all.tp+all.fn)
	return out
}
