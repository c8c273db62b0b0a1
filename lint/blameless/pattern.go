package blameless

import (
	"fmt"
	"strings"
)

type elemKind uint8

const (
	eWords    elemKind = iota // one of a set of words
	ePerson                   // a person noun phrase
	eName                     // a named person or an @handle, not a role or pronoun
	eNamePoss                 // a possessive name: "Bogdan's"
	ePP                       // a past participle other than "been"
	eVerb                     // a verb, an auxiliary or a negation
	eIng                      // a word ending in -ing
	eGap                      // up to maxGap tokens
	eStart                    // the start of a clause (takes no token)
	eBegin                    // the start of a sentence (takes no token)
)

const (
	maxGap     = 4
	maxAdverbs = 2
)

type elem struct {
	kind  elemKind
	words []string
	set   map[string]bool
}

// pattern is one compiled phrase: a sequence of elements, one of which (the
// anchor) is a literal word set that the prefilter looks for.
type pattern struct {
	phrase Phrase
	elems  []elem
	anchor int
	order  int // position in the phrase list: the earlier wins a tie
	// trait: the pattern evaluates with a word of {conduct}, which judges
	// an action ("Choosing zero surge was amateurish") as it judges a person.
	trait bool
}

func compilePattern(p Phrase, classes map[string][]string) (*pattern, error) {
	if p.When == "" {
		p.When = Always
	}
	switch p.When {
	case Always, Subject, Specific, Person, Generic, Cause:
	default:
		return nil, fmt.Errorf("phrase %q: unknown condition %q", p.Pattern, p.When)
	}
	pt := &pattern{phrase: p, anchor: -1}
	best := -1
	for _, f := range strings.Fields(strings.ToLower(p.Pattern)) {
		var e elem
		switch {
		case f == "<person>":
			e.kind = ePerson
		case f == "<name>":
			e.kind = eName
		case f == "<name's>":
			e.kind = eNamePoss
		case f == "<pp>":
			e.kind = ePP
		case f == "<verb>":
			e.kind = eVerb
		case f == "<ing>":
			e.kind = eIng
		case f == "<start>":
			e.kind = eStart
		case f == "<begin>":
			e.kind = eBegin
		case f == "..." || f == "…":
			e.kind = eGap
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}"):
			pt.trait = pt.trait || f == "{conduct}"
			words, ok := classes[f[1:len(f)-1]]
			if !ok {
				return nil, fmt.Errorf("phrase %q: unknown word class %s", p.Pattern, f)
			}
			e.words = words
		case strings.HasPrefix(f, "<"):
			return nil, fmt.Errorf("phrase %q: unknown slot %s", p.Pattern, f)
		default:
			e.words = strings.Split(f, "|")
		}
		if e.kind == eWords {
			e.set = map[string]bool{}
			score := 1 << 30
			for _, w := range e.words {
				w = strings.ReplaceAll(w, "’", "'")
				if w == "" {
					return nil, fmt.Errorf("phrase %q: empty alternative", p.Pattern)
				}
				e.set[w] = true
				score = min(score, anchorScore(w))
			}
			// On a tie the element with fewer alternatives is the
			// rarer: "ball" rather than every form of "drop".
			if score > best || score == best && len(e.words) < len(pt.elems[pt.anchor].words) {
				best, pt.anchor = score, len(pt.elems)
			}
		}
		pt.elems = append(pt.elems, e)
	}
	if pt.anchor < 0 {
		return nil, fmt.Errorf("phrase %q: needs at least one literal word", p.Pattern)
	}
	if pt.elems[0].kind == eGap || pt.elems[len(pt.elems)-1].kind == eGap {
		return nil, fmt.Errorf("phrase %q: cannot start or end with ...", p.Pattern)
	}
	return pt, nil
}

// veryCommon words occur in nearly every sentence; a pattern is anchored on
// them only when it has nothing else.
var veryCommon = wordSet(`the a an of to in on and or is was it for at by with as this that be are were
	has have had not`)

// frequentInPostmortems are content words common in blameless prose too
// ("error rate", "health check", "the on-call engineer").
var frequentInPostmortems = wordSet(`error errors engineer engineers check checks test tests run page job team teams
	change dropped failed more good had made saw on-call oncall pager backup backups deploy deploys ticket
	tickets plan review push pushed returned own`)

// anchorScore ranks a word as the anchor the prefilter looks for: rarer
// (longer, not a function word) is better.
func anchorScore(w string) int {
	switch {
	case veryCommon[w] || !isWordRune(rune(w[0])):
		// Punctuation ("?", a quotation mark) is in nearly every text.
		return 0
	case frequentInPostmortems[w]:
		return 1
	case determiners[w] || prepositions[w] || auxiliaries[w] || relatives[w] || coordinators[w] ||
		subordinators[w] || otherPronouns[w] || personPronouns[w]:
		return 1
	}
	return 1 + len(w)
}

// match tries the pattern with its anchor on token k and returns the matched
// token range [start, end).
func (pt *pattern) match(toks []token, k int) (start, end int, ok bool) {
	if !pt.elems[pt.anchor].set[toks[k].base] && !pt.elems[pt.anchor].set[toks[k].low] {
		return 0, 0, false
	}
	end, ok = pt.forward(toks, pt.anchor+1, k+1)
	if !ok {
		return 0, 0, false
	}
	start, ok = pt.backward(toks, pt.anchor-1, k-1)
	return start, end, ok
}

// forward matches elems[ei:] starting at token pos and returns the end.
func (pt *pattern) forward(toks []token, ei, pos int) (int, bool) {
	if ei == len(pt.elems) {
		return pos, true
	}
	e := &pt.elems[ei]
	if e.kind == eStart || e.kind == eBegin {
		if pos > 0 && !e.boundary(toks, pos-1) {
			return 0, false
		}
		return pt.forward(toks, ei+1, pos)
	}
	if e.kind == eGap {
		for n := 0; n <= maxGap && pos+n <= len(toks); n++ {
			if n > 0 && toks[pos+n-1].is(fStrong) {
				break
			}
			if end, ok := pt.forward(toks, ei+1, pos+n); ok {
				return end, true
			}
		}
		return 0, false
	}
	for skipped := 0; pos < len(toks) && skipped <= maxAdverbs; skipped++ {
		if n, ok := e.matchAt(toks, pos); ok {
			return pt.forward(toks, ei+1, pos+n)
		}
		if ei == 0 || !skippable(&toks[pos]) {
			break
		}
		pos++
	}
	return 0, false
}

// backward matches elems[:ei+1] ending at token pos and returns the start.
func (pt *pattern) backward(toks []token, ei, pos int) (int, bool) {
	if ei < 0 {
		return pos + 1, true
	}
	e := &pt.elems[ei]
	if e.kind == eStart || e.kind == eBegin {
		if pos >= 0 && !e.boundary(toks, pos) {
			return 0, false
		}
		return pt.backward(toks, ei-1, pos)
	}
	if e.kind == eGap {
		for n := 0; n <= maxGap && pos-n >= -1; n++ {
			if n > 0 && toks[pos-n+1].is(fStrong) {
				break
			}
			if start, ok := pt.backward(toks, ei-1, pos-n); ok {
				return start, true
			}
		}
		return 0, false
	}
	if e.kind == ePerson && pos >= 0 {
		// A person's noun phrase that ends here: "it is the person who",
		// "left the night shift holding".
		for s := pos - 1; s >= 0 && s >= pos-3; s-- {
			if p, ok := nounPhrase(toks, s); ok && p.end == pos+1 && p.person && !negativeGeneric(toks, p) {
				if start, ok := pt.backward(toks, ei-1, s-1); ok {
					return start, true
				}
			}
		}
	}
	for skipped := 0; pos >= 0 && skipped <= maxAdverbs; skipped++ {
		if e.matchBack(toks, pos) {
			return pt.backward(toks, ei-1, pos-1)
		}
		if !skippable(&toks[pos]) {
			break
		}
		pos--
	}
	return 0, false
}

// boundary reports whether token k ends what comes before a start
// element: any clause boundary for <start>, strong punctuation (a sentence
// end, a colon, a dash) for <begin>.
func (e *elem) boundary(toks []token, k int) bool {
	if e.kind == eBegin {
		return toks[k].is(fStrong)
	}
	return isBoundary(toks, k)
}

// matchAt matches one element at token pos going forward and returns how
// many tokens it took.
func (e *elem) matchAt(toks []token, pos int) (int, bool) {
	t := &toks[pos]
	switch e.kind {
	case eWords:
		return 1, e.set[t.base] || e.set[t.low]
	case ePP:
		return 1, t.is(fPast) && t.base != "been"
	case eVerb:
		return 1, t.verbish() || t.is(fNeg|fPast)
	case eIng:
		return 1, isGerund(t)
	case eNamePoss:
		return 1, t.is(fName) && t.is(fPossessive)
	case eName:
		if !t.is(fName|fHandle) || t.is(fPossessive) {
			return 0, false
		}
		p, ok := nounPhrase(toks, pos)
		if !ok || !p.person {
			return 0, false
		}
		return p.end - p.start, true
	case ePerson:
		p, ok := nounPhrase(toks, pos)
		if !ok || negativeGeneric(toks, p) {
			// "nobody's fault", "no one's mistake" clear people.
			return 0, false
		}
		if p.person {
			return p.end - p.start, true
		}
		for k := p.start; k < p.end; k++ {
			if toks[k].is(fPossessive) && (toks[k].is(fName|fRole|fHandle) || toks[k].base == "his" || toks[k].base == "her") {
				return p.end - p.start, true
			}
		}
		if (t.base == "his" || t.base == "her") && p.end > pos+1 {
			return p.end - p.start, true
		}
	}
	return 0, false
}

// matchBack matches one element that ends at token pos going backward.
func (e *elem) matchBack(toks []token, pos int) bool {
	t := &toks[pos]
	switch e.kind {
	case eWords:
		return e.set[t.base] || e.set[t.low]
	case ePP:
		return t.is(fPast) && t.base != "been"
	case eVerb:
		return t.verbish() || t.is(fNeg|fPast)
	case eIng:
		return isGerund(t)
	case ePerson:
		return personToken(t) && !negativeGeneric(toks, np{start: pos, end: pos + 1})
	case eNamePoss:
		return t.is(fName) && t.is(fPossessive)
	case eName:
		// Before the anchor a name modifies it ("Paulo's performance
		// review") or is the subject of the verb that follows it ("every
		// change Siddharth makes").
		return t.is(fName|fHandle) && (t.is(fPossessive) || pos+1 < len(toks) && toks[pos+1].verbish())
	}
	return false
}

// skippable reports whether a token may stand between two elements without
// being written: an adverb ("never even checked"), a floating quantifier
// ("will both answer for") or a quotation mark, so that scare quotes do
// not hide a phrase (to "save time").
func skippable(t *token) bool {
	return t.is(fAdv) || t.base == "both" || t.base == "each" || t.is(fPunct) && quoteMarks[t.base]
}

func isGerund(t *token) bool {
	return t.is(fWord) && len(t.base) > 4 && t.base[len(t.base)-3:] == "ing"
}

// personToken reports whether a single token refers to a person.
func personToken(t *token) bool {
	if t.is(fName | fHandle | fRole | fGeneric) {
		return true
	}
	switch t.base {
	case "he", "she", "him", "his", "her", "i", "me", "my":
		return t.is(fPersonPron) || t.base == "my"
	}
	return false
}
