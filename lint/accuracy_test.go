package lint

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
)

// labelledSet is a folder of postmortems with a labels.tsv (file, line,
// label, category, text), as in ../shared/blameless.
type label struct {
	blameful bool
	category string
	text     string
}

func readLabelSet(t *testing.T, dir string) map[string]map[int]label {
	f, err := os.Open(filepath.Join(dir, "labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[int]label{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Scan() // header
	for sc.Scan() {
		fs := strings.SplitN(sc.Text(), "\t", 5)
		if len(fs) < 5 {
			continue
		}
		n, err := strconv.Atoi(fs[1])
		if err != nil {
			t.Fatalf("labels.tsv: line %q", fs[1])
		}
		if out[fs[0]] == nil {
			out[fs[0]] = map[int]label{}
		}
		out[fs[0]][n] = label{fs[2] == "1", fs[3], fs[4]}
	}
	return out
}

// blamelessAccuracy lints a labelled set with the blameless rules through
// the whole pipeline (goldmark, prose extraction, detector, positions) and
// returns line-level precision and recall: a line is flagged when a
// blameless finding starts on it.
func blamelessAccuracy(t *testing.T, dir string) (precision, recall float64) {
	labels := readLabelSet(t, dir)
	cfg := config.Default()
	cfg.Root = dir
	cfg.Lint.Rules = map[string]string{}
	for _, r := range Rules {
		if r.Group() != "blameless" {
			cfg.Lint.Rules[r.Name] = "off"
		}
	}
	var docs []*render.Document
	var names []string
	for name := range labels {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		d, _ := render.Parse(name, src, cfg.ParseOptions())
		docs = append(docs, d)
	}
	l, err := New(cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	flagged := map[string]map[int]bool{}
	diags, err := l.Run(docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if flagged[d.File] == nil {
			flagged[d.File] = map[int]bool{}
		}
		flagged[d.File][d.Line] = true
	}
	type counts struct{ tp, fp, fn int }
	per := map[string]*counts{}
	var all counts
	for _, name := range names {
		for line, lb := range labels[name] {
			hit := flagged[name][line]
			c := per[lb.category]
			if c == nil {
				c = &counts{}
				per[lb.category] = c
			}
			switch {
			case hit && lb.blameful:
				all.tp++
				c.tp++
			case hit:
				all.fp++
				c.fp++
				t.Logf("false positive %s:%d (%s) %s", name, line, lb.category, lb.text)
			case lb.blameful:
				all.fn++
				c.fn++
				t.Logf("missed %s:%d (%s) %s", name, line, lb.category, lb.text)
			}
		}
	}
	var cats []string
	for c := range per {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		n := per[c]
		if n.tp+n.fn > 0 {
			t.Logf("category %-22s recall %d/%d", c, n.tp, n.tp+n.fn)
		} else if n.fp > 0 {
			t.Logf("category %-22s false positives %d", c, n.fp)
		}
	}
	precision = float64(all.tp) / float64(max(1, all.tp+all.fp))
	recall = float64(all.tp) / float64(max(1, all.tp+all.fn))
	t.Logf("precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, all.tp, all.tp+all.fp, recall, all.tp, all.tp+all.fn)
	return precision, recall
}

// TestBlamelessAccuracy measures the blameless rules on the labelled set in
// ../shared/blameless (skipped when absent) and asserts precision >= 0.95
// and recall >= 0.90, as the lint's users are promised.
func TestBlamelessAccuracy(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "blameless")
	if _, err := os.Stat(filepath.Join(dir, "labels.tsv")); err != nil {
		t.Skip("../shared/blameless is absent")
	}
	p, r := blamelessAccuracy(t, dir)
	if p < 0.95 || r < 0.90 {
		t.Errorf("precision %.3f (want >= 0.95), recall %.3f (want >= 0.90)", p, r)
	}
}

// TestBlamelessHeldOut measures the rules on the sets written without
// reference to them, in lint/blameless/testdata. They are harder than the
// shared set; the floors catch regressions.
func TestBlamelessHeldOut(t *testing.T) {
	for _, tc := range []struct {
		set               string
		precision, recall float64
	}{
		{"heldout", 0.98, 0.98},
		{"heldout2", 0.97, 0.98},
		{"heldout3", 0.98, 0.98},
		{"heldout4", 0.98, 0.98},
		{"heldout5", 0.98, 0.95},
		{"heldout6", 0.98, 0.97},  // blind: 1.000/0.667; tuned on since, no longer blind
		{"heldout7", 0.99, 0.98},  // blind: 0.985/0.673; tuned on since, no longer blind
		{"heldout8", 0.99, 0.98},  // blind: 0.976/0.777; tuned on since, no longer blind
		{"heldout9", 0.99, 0.90},  // blind: 1.000/0.830, before and after heldout7 and heldout8 were tuned in; tuned on since
		{"heldout10", 0.98, 0.87}, // blind: 0.968/0.793, the same before and after heldout9 was tuned in; tuned on since
		{"heldout11", 0.98, 0.90}, // blind: 0.989/0.793 (0.979/0.793 before the tuning on heldout9 and heldout10); tuned on since
		{"heldout13", 0.98, 0.91}, // blind: 0.988/0.708; tuned on since
		{"heldout14", 0.99, 0.90}, // blind: 1.000/0.739; tuned on since
		{"heldout15", 0.99, 0.89}, // blind: 1.000/0.721; tuned on since
		{"heldout16", 0.98, 0.82}, // blind: 0.959/0.583, 63 of 120 blameful lines subtle; tuned on since
		{"heldout17", 0.97, 0.79}, // blind: 0.972/0.600, with the sentence model 0.976/0.696; trained on since
		{"heldout18", 0.98, 0.92}, // blind: 0.990/0.793, with the sentence model 0.991/0.868; trained on since
		{"heldout19", 0.99, 0.93}, // blind, with the sentence model: 0.990/0.826; trained and tuned on since
		{"heldout20", 0.97, 0.93}, // blind, with the sentence model: 0.973/0.893; trained on since
		{"heldout21", 0.98, 0.93}, // blind, with the sentence model: 0.982/0.884; trained and tuned on since
		{"heldout22", 0.98, 0.92}, // blind, with the sentence model: 0.990/0.860; trained on since
		{"heldout23", 0.98, 0.90}, // blind, with the sentence model: 0.991/0.877; trained on since
		{"heldout24", 0.99, 0.94}, // blind, with the sentence model: 0.991/0.893; trained on since
		{"heldout25", 0.98, 0.86}, // blind, with the sentence model: 0.990/0.826; trained on since
		{"heldout27", 0.98, 0.91}, // blind, with the sentence model: 0.982/0.909; trained on since
		{"heldout28", 0.98, 0.92}, // blind, with the sentence model: 0.991/0.884; trained on since
		{"heldout29", 0.99, 0.93}, // blind, with the sentence model: 0.939/0.893; trained and tuned on since
		{"heldout30", 0.97, 0.90}, // blind, with the sentence model: 0.981/0.860; trained on since
		{"heldout31", 0.97, 0.87}, // blind: 0.980/0.793; trained and tuned on since
		{"heldout32", 0.97, 0.92}, // blind: 0.981/0.851; trained and tuned on since
		{"heldout33", 0.98, 0.90}, // blind: 0.990/0.843; trained and tuned on since
		{"heldout34", 0.97, 0.85}, // blind: 0.968/0.752; trained and tuned on since
		{"heldout35", 0.99, 0.88}, // blind: 0.980/0.802; trained and tuned on since
		{"heldout36", 0.96, 0.88}, // blind: 0.961/0.810; trained and tuned on since
		{"heldout37", 0.97, 0.88}, // blind: 0.980/0.787; trained and tuned on since
		{"heldout12", 0.98, 0.97}, // kept out, measured often: 0.989/0.847; tuned and trained on since
		{"heldout26", 0.97, 0.98}, // kept out, measured often: 0.983/0.959; tuned and trained on since
		{"heldout38", 0.98, 0.95}, // blind: 38 to 42 together 0.988/0.800; tuned and trained on since
		{"heldout39", 0.98, 0.97}, // blind: 38 to 42 together 0.988/0.800; tuned and trained on since
		{"heldout40", 0.97, 0.98}, // blind: 38 to 42 together 0.988/0.800; tuned and trained on since
		{"heldout41", 0.98, 0.96}, // blind: 38 to 42 together 0.988/0.800; tuned and trained on since
		{"heldout42", 0.98, 0.95}, // blind: 38 to 42 together 0.988/0.800; tuned and trained on since
		{"heldout52", 0.98, 0.93}, // blind: 1.000/0.843; tuned and trained on since
		{"heldout53", 0.98, 0.96}, // blind: 1.000/0.851; tuned and trained on since
		{"heldout54", 0.97, 0.92}, // blind: 0.990/0.802; tuned and trained on since
		{"heldout55", 0.96, 0.95}, // blind: 0.972/0.851; tuned and trained on since
		{"heldout56", 0.97, 0.93}, // blind: 0.990/0.843; tuned and trained on since
		{"heldout57", 0.98, 0.97}, // blind: 0.991/0.901; tuned and trained on since
		{"heldout58", 0.96, 0.96}, // blind: 0.982/0.884; tuned and trained on since
		{"heldout59", 0.97, 0.91}, // blind: 0.990/0.835; tuned and trained on since
		{"heldout60", 0.97, 0.97}, // blind: 0.973/0.909; tuned and trained on since
		{"heldout61", 0.98, 0.95}, // blind: 1.000/0.917; tuned and trained on since
		{"heldout62", 0.97, 0.98}, // blind: 0.983/0.950; tuned and trained on since
		{"heldout63", 0.96, 0.96}, // blind: 0.963/0.860; tuned and trained on since
		{"heldout64", 0.96, 0.98}, // blind: 0.957/0.909; tuned and trained on since
		{"heldout65", 0.96, 0.96}, // blind: 0.974/0.926; tuned and trained on since
		{"heldout66", 0.98, 0.98}, // blind: 0.990/0.843; tuned and trained on since
		{"heldout67", 0.98, 0.95}, // blind: 0.990/0.860; tuned and trained on since
		{"heldout68", 0.98, 0.97}, // blind: 0.982/0.917; tuned and trained on since
		{"heldout69", 0.98, 0.98}, // blind: 0.983/0.967; tuned and trained on since
		{"heldout70", 0.98, 0.92}, // blind: 0.982/0.884; tuned and trained on since
		{"heldout71", 0.98, 0.91}, // blind: 0.953/0.835; tuned and trained on since
		{"heldout72", 0.98, 0.97}, // blind: 0.956/0.901; tuned and trained on since
		{"heldout73", 0.98, 0.97}, // blind: 1.000/0.909; tuned and trained on since
		{"heldout74", 0.98, 0.96}, // blind: 0.936/0.851; tuned and trained on since
		{"heldout75", 0.98, 0.96}, // blind: 1.000/0.917; tuned and trained on since
		{"heldout76", 0.98, 0.96}, // blind: 0.982/0.909; tuned and trained on since
		{"heldout77", 0.96, 0.95}, // blind: 0.982/0.917; tuned and trained on since
		{"heldout78", 0.98, 0.98}, // blind: 1.000/0.917; tuned and trained on since
		{"heldout79", 0.97, 0.96}, // blind: 0.982/0.917; tuned and trained on since
		{"heldout80", 0.98, 0.96}, // blind: 0.975/0.967; tuned and trained on since
		{"heldout81", 0.97, 0.96}, // blind: 0.974/0.917; tuned and trained on since
		{"heldout82", 0.96, 0.94}, // blind: 0.938/0.868; tuned and trained on since
		{"heldout83", 0.98, 0.95}, // blind: 1.000/0.909; tuned and trained on since
		{"heldout84", 0.98, 0.91}, // blind: 0.991/0.884; trained on since
		{"heldout85", 0.97, 0.93}, // blind: 0.982/0.901; trained on since
		{"heldout86", 0.97, 0.95}, // blind: 0.973/0.909; trained on since
		{"heldout87", 0.97, 0.93}, // blind: 0.964/0.893; trained on since
		{"heldout88", 0.97, 0.98}, // blind: 0.955/0.868; trained on since
		{"heldout89", 0.98, 0.94}, // blind: 0.982/0.909; trained on since
		{"heldout90", 0.98, 0.98}, // blind: 0.991/0.917; trained on since
		{"heldout91", 0.98, 0.97}, // blind: 0.991/0.909; trained on since
	} {
		t.Run(tc.set, func(t *testing.T) {
			p, r := blamelessAccuracy(t, filepath.Join("blameless", "testdata", tc.set))
			if p < tc.precision || r < tc.recall {
				t.Errorf("precision %.3f (floor %.2f), recall %.3f (floor %.2f)", p, tc.precision, r, tc.recall)
			}
		})
	}
}
