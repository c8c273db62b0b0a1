package blameless

import (
	"fmt"
	"strings"
)

// This file turns the verb lexicons of phrases.yaml into the word classes
// and patterns the matcher uses. A lexicon lists verbs by their base form,
// phrasal verbs with their particles ("sit on", "wave ... through"); every
// inflection is generated here, so one entry covers "sits on", "sat on"
// and "sitting on", and a lexicon can hold hundreds of entries without a
// hand-written form missing.

// verbForms are the inflections of one verb.
type verbForms struct {
	base, third, past, participle, gerund string
}

// all returns the distinct forms.
func (v verbForms) all() []string {
	var out []string
	for _, f := range []string{v.base, v.third, v.past, v.participle, v.gerund} {
		if f != "" && !contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// irregularVerbs gives the past tense and past participle of the verbs the
// lexicons use whose forms do not end in -ed.
var irregularVerbs = map[string][2]string{
	"be": {"was", "been"}, "blow": {"blew", "blown"}, "break": {"broke", "broken"},
	"bring": {"brought", "brought"}, "catch": {"caught", "caught"}, "choose": {"chose", "chosen"},
	"cut": {"cut", "cut"}, "fly": {"flew", "flown"}, "forget": {"forgot", "forgotten"},
	"get": {"got", "gotten"}, "give": {"gave", "given"}, "go": {"went", "gone"},
	"hang": {"hung", "hung"}, "have": {"had", "had"}, "hit": {"hit", "hit"}, "hold": {"held", "held"},
	"keep": {"kept", "kept"}, "lay": {"laid", "laid"}, "leave": {"left", "left"},
	"let": {"let", "let"}, "lose": {"lost", "lost"}, "make": {"made", "made"},
	"misread": {"misread", "misread"}, "mistake": {"mistook", "mistaken"},
	"override": {"overrode", "overridden"}, "overrun": {"overran", "overrun"}, "put": {"put", "put"},
	"read": {"read", "read"}, "ride": {"rode", "ridden"}, "run": {"ran", "run"},
	"say": {"said", "said"}, "see": {"saw", "seen"}, "send": {"sent", "sent"}, "set": {"set", "set"}, "shut": {"shut", "shut"},
	"sink": {"sank", "sunk"}, "sit": {"sat", "sat"}, "sleep": {"slept", "slept"},
	"spend": {"spent", "spent"}, "stand": {"stood", "stood"}, "steal": {"stole", "stolen"},
	"sweep": {"swept", "swept"}, "take": {"took", "taken"}, "tear": {"tore", "torn"},
	"tell": {"told", "told"}, "think": {"thought", "thought"}, "throw": {"threw", "thrown"},
	"upset": {"upset", "upset"}, "win": {"won", "won"}, "write": {"wrote", "written"},
}

// inflect returns the forms of a regular or listed irregular verb.
func inflect(base string) verbForms {
	v := verbForms{base: base, third: thirdPerson(base), gerund: gerund(base)}
	if f, ok := irregularVerbs[base]; ok {
		v.past, v.participle = f[0], f[1]
		if base == "be" {
			v.third, v.gerund = "is", "being"
		}
		return v
	}
	switch {
	case strings.HasSuffix(base, "e"):
		v.past = base + "d"
	case consonantY(base):
		v.past = base[:len(base)-1] + "ied"
	case strings.HasSuffix(base, "ic"):
		v.past = base + "ked"
	case doublesFinal(base):
		v.past = base + base[len(base)-1:] + "ed"
	default:
		v.past = base + "ed"
	}
	v.participle = v.past
	return v
}

func thirdPerson(base string) string {
	switch {
	case consonantY(base):
		return base[:len(base)-1] + "ies"
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") ||
		strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z") || strings.HasSuffix(base, "o"):
		return base + "es"
	}
	return base + "s"
}

func gerund(base string) string {
	switch {
	case base == "be" || base == "see" || strings.HasSuffix(base, "ee") || strings.HasSuffix(base, "ye"):
		return base + "ing"
	case strings.HasSuffix(base, "ie"):
		return base[:len(base)-2] + "ying"
	case strings.HasSuffix(base, "e") && len(base) > 2:
		return base[:len(base)-1] + "ing"
	case strings.HasSuffix(base, "ic"):
		// "panicking"
		return base + "king"
	}
	if doublesFinal(base) {
		return base + base[len(base)-1:] + "ing"
	}
	return base + "ing"
}

// doublesFinal reports whether a verb doubles its final consonant before
// -ed and -ing: a short one that ends consonant, vowel, consonant ("skip",
// "shrug"), or a longer one stressed on its last syllable ("forget").
func doublesFinal(base string) bool {
	n := len(base)
	if n < 3 || strings.ContainsRune("aeiouwxy", rune(base[n-1])) || !strings.ContainsRune("aeiou", rune(base[n-2])) ||
		strings.ContainsRune("aeiou", rune(base[n-3])) {
		return false
	}
	return vowelGroups(base) == 1 || stressedLast[base]
}

// vowelGroups counts the runs of vowels in w, roughly its syllables.
func vowelGroups(w string) int {
	n, in := 0, false
	for i := 0; i < len(w); i++ {
		v := strings.IndexByte("aeiou", w[i]) >= 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

var stressedLast = wordSet(`forget omit commit submit admit permit regret upset forbid begin patrol control
	refer prefer occur compel rebut`)

func consonantY(w string) bool {
	return len(w) > 2 && w[len(w)-1] == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2]))
}

// adjectiveGerunds are -ing forms used mostly as adjectives ("the missing
// rows"); a lexicon leaves them out.
var adjectiveGerunds = wordSet(`missing`)

// verbLexicon is one named list of verbs from phrases.yaml.
type verbLexicon struct {
	verbs   []verbForms // the one-word verbs
	phrasal [][]string  // each phrasal verb: its first word's forms, then the rest as written
}

// forms returns every form of the one-word verbs, or only their past
// participles.
func (l verbLexicon) forms(participles bool) []string {
	var out []string
	for _, v := range l.verbs {
		if participles {
			out = append(out, v.participle)
		} else {
			out = append(out, v.all()...)
		}
	}
	return out
}

// without returns the lexicon less the one-word verbs any of whose forms
// is in drop.
func (l verbLexicon) without(drop map[string]bool) verbLexicon {
	out := verbLexicon{phrasal: l.phrasal}
	for _, v := range l.verbs {
		keep := true
		for _, f := range v.all() {
			keep = keep && !drop[f]
		}
		if keep {
			out.verbs = append(out.verbs, v)
		}
	}
	return out
}

func newVerbLexicon(entries []string) (verbLexicon, error) {
	var l verbLexicon
	for _, e := range entries {
		ws := strings.Fields(strings.ToLower(e))
		if len(ws) == 0 {
			return l, fmt.Errorf("empty verb entry")
		}
		v := inflect(ws[0])
		if adjectiveGerunds[v.gerund] {
			v.gerund = ""
		}
		if len(ws) == 1 {
			l.verbs = append(l.verbs, v)
			continue
		}
		l.phrasal = append(l.phrasal, append([]string{strings.Join(v.all(), "|")}, ws[1:]...))
	}
	return l, nil
}

// expandVerbs rewrites a pattern that uses a verb lexicon, written {name}
// (any form) or {name.pp} (past participles), into patterns over plain word
// alternatives: one for the lexicon's one-word verbs and one for each of its
// phrasal verbs. Patterns without a lexicon come back as they are.
func expandVerbs(pattern string, lexicons map[string]verbLexicon) []string {
	fs := strings.Fields(pattern)
	for i, f := range fs {
		if !strings.HasPrefix(f, "{") || !strings.HasSuffix(f, "}") {
			continue
		}
		name, pp := strings.CutSuffix(f[1:len(f)-1], ".pp")
		l, ok := lexicons[name]
		if !ok {
			continue
		}
		var out []string
		join := func(mid ...string) {
			p := strings.Join(append(append(append([]string(nil), fs[:i]...), mid...), fs[i+1:]...), " ")
			out = append(out, expandVerbs(p, lexicons)...)
		}
		if words := l.forms(pp); len(words) > 0 {
			join(strings.Join(words, "|"))
		}
		// A phrasal verb's participle is among its first word's forms.
		for _, ph := range l.phrasal {
			join(ph...)
		}
		return out
	}
	return []string{pattern}
}
