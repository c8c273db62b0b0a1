package blameless

import (
	"strings"
	"testing"
)

func FuzzCheck(f *testing.F) {
	for _, c := range sentenceCases {
		f.Add(c.text)
	}
	f.Add("If only ’Dana’s had... — @x_y, it was obvious that")
	f.Add("should have\xff\xfe been")
	d, err := New(Options{People: []string{"Dana Okafor"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := d.Check(text)
		for i, m := range ms {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("match %d span [%d,%d) outside text of %d bytes", i, m.Start, m.End, len(text))
			}
			if i > 0 && ms[i-1].Start > m.Start {
				t.Fatalf("matches not sorted: %+v", ms)
			}
		}
		// Candidate never turns away text in which Check finds something.
		prefix := "Context first. " + text
		for _, s := range Sentences(text) {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("sentence span [%d,%d) outside text of %d bytes", s.Start, s.End, len(text))
			}
			if len(d.Check(text[s.Start:s.End])) > 0 && (!d.Candidate(text) || !d.Candidate(prefix)) {
				t.Fatalf("Candidate(%q) is false, but Check finds a match in its sentence %q", text, text[s.Start:s.End])
			}
		}
	})
}

// FuzzParseModel: model text never panics the parser, and a model it
// accepts scores any sentence with a probability.
func FuzzParseModel(f *testing.F) {
	f.Add("# c\nbias -1.5\n0.5\thello\n-0.25\thello world\n")
	f.Add(modelText[:min(len(modelText), 2000)])
	f.Add("bias 1\n1e308\tx\n1e308\tx y\n")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := parseModel(text)
		if err != nil {
			return
		}
		if p := m.probability("Dana had the page open, @ana said, all afternoon."); !(p >= 0 && p <= 1) {
			t.Fatalf("probability %v", p)
		}
	})
}

// FuzzFeatureHashes: the hashes the model scores are those of the
// features featureWords names, for any text.
func FuzzFeatureHashes(f *testing.F) {
	for _, c := range sentenceCases {
		f.Add(c.text)
	}
	f.Add("Émile’s CHANGE — don't-  'quoted' _x_ 3.5x \xff @a-b")
	f.Fuzz(func(t *testing.T, text string) {
		words := featureWords(text)
		hashes := sentenceFeatures(text, nil)
		if len(words) != len(hashes) {
			t.Fatalf("%d features, %d hashes: %q", len(words), len(hashes), words)
		}
		for i, w := range words {
			if featureHash(w) != hashes[i] {
				t.Fatalf("feature %q hashes to %x, the scan to %x", w, featureHash(w), hashes[i])
			}
		}
	})
}

// FuzzProgramWords: ProgramWords never panics, and every word it returns is
// lower-case and is a word of the text.
func FuzzProgramWords(f *testing.F) {
	for _, s := range []string{"The Prow bot stopped. Prow did not respond.", "those Vals failed", "a Mezo testnet", "Dana's job", "the É", "our \xff Kafka cluster"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lower := strings.ToLower(text)
		for w := range ProgramWords(text, nil) {
			if w != strings.ToLower(w) || !strings.Contains(lower, w) {
				t.Errorf("ProgramWords(%q) returned %q", text, w)
			}
		}
	})
}
