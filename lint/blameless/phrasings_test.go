package blameless

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// phrasingsFloor is the precision and recall each file of sentences in
// testdata/phrasings must keep.
// sentences.tsv measured 0.990/0.764 before the verb lexicons and the
// structural groups of phrases.yaml, and second.tsv, written after their
// first version, 0.964/0.540 on its first run, and third.tsv, written after
// the second, 1.000/0.800 on its first run. written1.tsv to written8.tsv,
// 300 blameful sentences each, two thirds of them subtle, train the
// sentence model; it does not learn them all (0.76 to 0.83 of their
// blameful sentences, at precision 0.97 to 1.00), and their floors catch
// a model that learns them less.
var phrasingsFloor = map[string][2]float64{
	"sentences.tsv": {0.97, 0.94},
	"second.tsv":    {0.95, 0.94},
	"third.tsv":     {0.97, 0.95},
	"written1.tsv":  {0.98, 0.78},
	"written2.tsv":  {0.99, 0.81},
	"written3.tsv":  {0.98, 0.75},
	"written4.tsv":  {0.98, 0.81},
	"written5.tsv":  {0.98, 0.77},
	"written6.tsv":  {0.99, 0.74},
	"written7.tsv":  {0.97, 0.77},
	"written8.tsv":  {0.97, 0.76},
}

// TestPhrasings measures the detector on single sentences written to test
// generalisation: blameful ones in phrasings the labelled sets do not use,
// and blameless ones with the same words about systems, neutral actions,
// requirements and technical terms. Each file is "label TAB category TAB
// sentence" per line, label 1 for blameful.
func TestPhrasings(t *testing.T) {
	d := newDetector(t, Options{})
	for name, floor := range phrasingsFloor {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "phrasings", name))
			if err != nil {
				t.Fatal(err)
			}
			var tp, fp, fn int
			for n, line := range strings.Split(string(src), "\n") {
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				fs := strings.SplitN(line, "\t", 3)
				if len(fs) != 3 {
					t.Fatalf("%s:%d: want three tab-separated fields", name, n+1)
				}
				want := fs[0] == "1"
				ms := d.Check(fs[2])
				switch {
				case want && len(ms) > 0:
					tp++
				case want:
					fn++
					t.Logf("missed (%s) %s", fs[1], fs[2])
				case len(ms) > 0:
					fp++
					t.Logf("false positive [%s %q] %s", ms[0].Category, fs[2][ms[0].Start:ms[0].End], fs[2])
				}
			}
			p := float64(tp) / float64(max(tp+fp, 1))
			r := float64(tp) / float64(max(tp+fn, 1))
			t.Logf("precision %.3f (%d/%d)  recall %.3f (%d/%d)", p, tp, tp+fp, r, tp, tp+fn)
			if p < floor[0] || r < floor[1] {
				t.Errorf("precision %.3f, recall %.3f: below %.2f, %.2f", p, r, floor[0], floor[1])
			}
		})
	}
}
