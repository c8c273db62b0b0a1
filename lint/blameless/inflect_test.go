package blameless

import (
	"reflect"
	"testing"
)

func TestInflect(t *testing.T) {
	for _, c := range []struct {
		base string
		want verbForms
	}{
		{"ignore", verbForms{"ignore", "ignores", "ignored", "ignored", "ignoring"}},
		{"botch", verbForms{"botch", "botches", "botched", "botched", "botching"}},
		{"skip", verbForms{"skip", "skips", "skipped", "skipped", "skipping"}},
		{"sit", verbForms{"sit", "sits", "sat", "sat", "sitting"}},
		{"bury", verbForms{"bury", "buries", "buried", "buried", "burying"}},
		{"misjudge", verbForms{"misjudge", "misjudges", "misjudged", "misjudged", "misjudging"}},
		{"forget", verbForms{"forget", "forgets", "forgot", "forgotten", "forgetting"}},
		{"take", verbForms{"take", "takes", "took", "taken", "taking"}},
		{"omit", verbForms{"omit", "omits", "omitted", "omitted", "omitting"}},
		{"edit", verbForms{"edit", "edits", "edited", "edited", "editing"}},
		{"panic", verbForms{"panic", "panics", "panicked", "panicked", "panicking"}},
		{"shrug", verbForms{"shrug", "shrugs", "shrugged", "shrugged", "shrugging"}},
	} {
		if got := inflect(c.base); got != c.want {
			t.Errorf("inflect(%q) = %+v, want %+v", c.base, got, c.want)
		}
	}
}

func TestExpandVerbs(t *testing.T) {
	l, err := newVerbLexicon([]string{"botch", "wave ... through"})
	if err != nil {
		t.Fatal(err)
	}
	lex := map[string]verbLexicon{"v": l}
	got := expandVerbs("{v} it", lex)
	want := []string{
		"botch|botches|botched|botching it",
		"wave|waves|waved|waving ... through it",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("expandVerbs = %q, want %q", got, want)
	}
	if got := expandVerbs("{v.pp} by <person>", lex)[0]; got != "botched by <person>" {
		t.Errorf("participles: %q", got)
	}
	if got := expandVerbs("{other} x", lex); !reflect.DeepEqual(got, []string{"{other} x"}) {
		t.Errorf("a class that is not a lexicon: %q", got)
	}
}

func TestRemoveFromLexicon(t *testing.T) {
	text := "Ines misjudged the failover."
	if len(newDetector(t, Options{}).Check(text)) == 0 {
		t.Fatalf("default detector misses %q", text)
	}
	if ms := newDetector(t, Options{Remove: []string{"misjudge"}}).Check(text); len(ms) != 0 {
		t.Errorf("removed verb still matches: %+v", ms)
	}
}
