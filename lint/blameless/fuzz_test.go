package blameless

import "testing"

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
