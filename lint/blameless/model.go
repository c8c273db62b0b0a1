package blameless

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Blame by implication (sarcasm, faint praise, an insinuation, a pointed
// comparison) has no keyword to find: "It took a customer on Twitter to
// notice what Lars's dashboards had missed for an hour." The phrase lists
// miss most of it. A second stage scores the sentences
// the phrases leave alone that name a person, with a logistic regression
// over their words and pairs of words (capitalised words, handles and
// numbers as placeholders), trained on the labelled sets in testdata and on
// sentences of published postmortems, which are blameless almost
// throughout (TestTrainModel). It reports a sentence only when the model
// is sure: its precision on published text matters more than its recall.

// Implied is the category of the model's findings.
const Implied Category = "implied"

// DefaultImpliedThreshold is the probability from which the model reports
// a sentence, unless Options.ImpliedThreshold says otherwise. At 0.7
// rather than 0.9 the model (trained on 83 sets) found 0.908 of the
// blameful lines of nine labelled sets it did not train on, with the
// phrases, rather than 0.871, at precision 0.979 rather than 0.984; and 63
// rather than 21 of 24,900 sentences of published postmortems (each half
// scored by a model trained on the other half), a dozen of them from one
// parody poem and several blameful: one warning in about thirteen
// postmortems that a reviewer would drop.
const DefaultImpliedThreshold = 0.7

// minImplied is the length in bytes below which a sentence is too short
// for the model: "Dana restarted the pod." tells nothing by implication.
const minImplied = 40

//go:embed model.txt
var modelText string

// sentenceModel is a logistic regression over a sentence's features,
// kept by the hash of each (featureHash).
type sentenceModel struct {
	bias    float64
	weights weightTable
}

// weightTable is a hash table of the weights by feature hash, open
// addressing with linear probing: a lookup, most often of a feature that
// is not there, is a load or two, about a third of a Go map's time.
type weightTable struct {
	keys []uint64 // 0 is an empty slot
	vals []float64
	mask uint64
}

func newWeightTable(n int) weightTable {
	size := 16
	for size < 3*n {
		size *= 2
	}
	return weightTable{keys: make([]uint64, size), vals: make([]float64, size), mask: uint64(size - 1)}
}

// slot returns the slot of key h, or of the empty slot where it would go.
func (t *weightTable) slot(h uint64) uint64 {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	i := (h ^ h>>32) & t.mask
	for t.keys[i] != 0 && t.keys[i] != h {
		i = (i + 1) & t.mask
	}
	return i
}

func (t *weightTable) get(h uint64) float64 {
	return t.vals[t.slot(h)]
}

func (t *weightTable) set(h uint64, v float64) {
	i := t.slot(h)
	if h == 0 {
		h = 1
	}
	t.keys[i], t.vals[i] = h, v
}

var defaultModel = sync.OnceValues(func() (*sentenceModel, error) { return parseModel(modelText) })

// maxWeight bounds a weight, so that no sum of them overflows: the model's
// are below 10.
const maxWeight = 1e6

// parseModel reads the model's text: a line "bias WEIGHT", then one line
// "WEIGHT<TAB>FEATURE" a feature, a feature being a word or two words
// apart by a space. Lines starting with "#" are comments.
func parseModel(text string) (*sentenceModel, error) {
	lines := strings.Split(text, "\n")
	m := &sentenceModel{weights: newWeightTable(len(lines))}
	bias := false
	for n, line := range lines {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if w, ok := strings.CutPrefix(line, "bias "); ok && !bias {
			v, err := strconv.ParseFloat(w, 64)
			if err != nil {
				return nil, fmt.Errorf("model.txt:%d: %v", n+1, err)
			}
			m.bias, bias = v, true
			continue
		}
		w, f, ok := strings.Cut(line, "\t")
		if !ok || f == "" {
			return nil, fmt.Errorf("model.txt:%d: want WEIGHT<TAB>FEATURE", n+1)
		}
		v, err := strconv.ParseFloat(w, 64)
		if err != nil || !(math.Abs(v) <= maxWeight) {
			return nil, fmt.Errorf("model.txt:%d: bad weight %q", n+1, w)
		}
		m.weights.set(featureHash(f), v)
	}
	if !bias {
		return nil, fmt.Errorf("model.txt: no bias line")
	}
	return m, nil
}

// probability returns the model's probability that a sentence is
// blameful. It allocates nothing for a sentence of up to 64 words.
func (m *sentenceModel) probability(sentence string) float64 {
	var buf [128]uint64
	z := m.bias
	for _, h := range sentenceFeatures(sentence, buf[:0]) {
		z += m.weights.get(h)
	}
	return 1 / (1 + math.Exp(-z))
}

// The features of a sentence are its words, lower-cased, and each pair of
// adjacent words. A capitalised word that reads as a person's name
// (nameLike), wherever it stands but after "the", "a" or "an", is
// "<name>" ("<name's>" possessive); another capitalised word that does not
// start the sentence (a product, most often) is "<cap>" ("<cap's>"); an
// @handle is "<handle>" and a word that starts with a digit "<num>". None
// of the first three is a feature alone, as a name says nothing of blame
// by itself. Telling names from products, and training for 30 epochs
// rather than 12, let the model find more of the blameful lines of seven
// labelled sets it did not train on (0.867 against 0.848, with the
// phrases) for as many findings in published text (19 against 18 of
// 24,900 sentences, each half scored by a model trained on the other).
// Punctuation is left out; a sentence starts again after ".", ":", ";",
// "|" or a dash.
//
// sentenceFeatures appends the hashes of a sentence's features (a feature
// as many times as it occurs) to dst; featureWords returns the features
// themselves, for training and for model.txt. The two must agree
// (FuzzFeatureHashes).

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// featureHash is the hash of a feature as model.txt writes it.
func featureHash(f string) uint64 {
	if a, b, ok := strings.Cut(f, " "); ok {
		return pairHash(wordHash(a), wordHash(b))
	}
	return wordHash(f)
}

func wordHash(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * fnvPrime
	}
	return h
}

func pairHash(a, b uint64) uint64 {
	h := a ^ (b + 0x9e3779b97f4a7c15 + a<<6 + a>>2)
	return h*fnvPrime ^ h>>29
}

// wordScanner yields the words of a sentence, as features see them.
type wordScanner struct {
	s     string
	i     int
	start bool // at the start of a sentence
	// article: the last word was "the", "a" or "an", after which a
	// capitalised word is a product ("the Kafka consumer"), not a name.
	article bool
	keep    bool   // keep each plain word, lower-cased, in word
	word    []byte // with keep, the last plain word
}

// next returns the next word's hash, of the word lower-cased, or its
// placeholder; ok is false at the end.
func (sc *wordScanner) next() (h uint64, placeholder string, ok bool) {
	s := sc.s
	for sc.i < len(s) {
		i := sc.i
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '@' && i+1 < len(s) && isHandleByte(s[i+1]) {
			j := i + 1
			for j < len(s) && isHandleByte(s[j]) {
				j++
			}
			sc.i, sc.start = j, false
			return wordHash("<handle>"), "<handle>", true
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			switch r {
			case '.', ':', ';', '|', '—', '–', '!', '?':
				sc.start = true
			}
			sc.i += size
			continue
		}
		// The word runs to its last letter or digit: "teams'" is "teams".
		j, end, lower, first := i, i, false, r
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if 'a' <= c && c <= 'z' {
					lower = true
					j++
					end = j
					continue
				}
				if 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' {
					j++
					end = j
					continue
				}
				if c == '\'' || c == '-' {
					j++
					continue
				}
				break
			}
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '_' {
				lower = lower || unicode.IsLower(r2)
				j += s2
				end = j
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				j += s2
				continue
			}
			break
		}
		start, article := sc.start, sc.article
		sc.i, sc.start, sc.article = j, false, false
		switch {
		case unicode.IsDigit(first):
			return wordHash("<num>"), "<num>", true
		case unicode.IsUpper(first) && lower:
			raw := s[i:end]
			base, possessive := strings.CutSuffix(raw, "'s")
			if !possessive {
				base, possessive = strings.CutSuffix(raw, "’s")
			}
			if !article && nameLike(base, start && !possessive) {
				if possessive {
					return hashNamePoss, "<name's>", true
				}
				return hashName, "<name>", true
			}
			if !start {
				if possessive {
					return hashCapPoss, "<cap's>", true
				}
				return hashCap, "<cap>", true
			}
		}
		h = fnvOffset
		if sc.keep {
			sc.word = sc.word[:0]
		}
		var enc [utf8.UTFMax]byte
		for k := i; k < end; k++ {
			if c := s[k]; c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				h = (h ^ uint64(c)) * fnvPrime
				if sc.keep {
					sc.word = append(sc.word, c)
				}
				continue
			}
			r2, n := utf8.DecodeRuneInString(s[k:])
			k += n - 1
			if r2 == '’' {
				r2 = '\''
			}
			n = utf8.EncodeRune(enc[:], unicode.ToLower(r2))
			for _, c := range enc[:n] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			if sc.keep {
				sc.word = append(sc.word, enc[:n]...)
			}
		}
		sc.article = h == hashThe || h == hashA || h == hashAn
		return h, "", true
	}
	return 0, "", false
}

var (
	hashName, hashNamePoss = wordHash("<name>"), wordHash("<name's>")
	hashCap, hashCapPoss   = wordHash("<cap>"), wordHash("<cap's>")
	hashThe, hashA         = wordHash("the"), wordHash("a")
	hashAn                 = wordHash("an")
)

// nameLike reports whether a capitalised word (possessive 's removed) is
// a person's name as the tokenizer would decide it from the word alone:
// not a function word, a role or an adverb, and a word isNameWord
// accepts. The tokenizer also looks at the words around it; the model
// sees those as features.
func nameLike(raw string, sentenceStart bool) bool {
	var buf [32]byte
	w := buf[:0]
	for _, r := range raw {
		if r == '’' {
			r = '\''
		}
		w = utf8.AppendRune(w, unicode.ToLower(r))
		if len(w) > len(buf) {
			return false // longer than any name
		}
	}
	in := lexicon()[string(w)]
	if in.flags&notNameFlags != 0 || in.sentenceAdverbs {
		return false
	}
	return isNameWord(string(w), sentenceStart)
}

// sentenceFeatures appends the hashes of a sentence's features to dst.
func sentenceFeatures(s string, dst []uint64) []uint64 {
	sc := wordScanner{s: s, start: true}
	prev := uint64(0)
	for {
		h, placeholder, ok := sc.next()
		if !ok {
			return dst
		}
		if placeholder == "" || placeholder == "<num>" {
			dst = append(dst, h)
		}
		if prev != 0 {
			dst = append(dst, pairHash(prev, h))
		}
		prev = h
	}
}

// featureWords returns a sentence's features as strings.
func featureWords(s string) []string {
	var out []string
	sc := wordScanner{s: s, start: true, keep: true}
	prev := ""
	for {
		_, placeholder, ok := sc.next()
		if !ok {
			return out
		}
		word := placeholder
		if word == "" {
			word = string(sc.word)
		}
		if placeholder == "" || placeholder == "<num>" {
			out = append(out, word)
		}
		if prev != "" {
			out = append(out, prev+" "+word)
		}
		prev = word
	}
}

// namesPerson reports whether a sentence names a particular person: a
// name, an @handle, a role or a personal pronoun, not "anyone".
func namesPerson(toks []token) bool {
	for k := range toks {
		if toks[k].is(fName|fHandle|fRole|fPersonPron) && !toks[k].is(fGeneric) {
			return true
		}
	}
	return false
}

// mayNamePerson is a cheap test, of the bytes alone, that a sentence may
// name a person (namesPerson decides, on its tokens): an @, a capital
// letter starting a word after the first, or a capitalised first word
// that is not a function word ("The", "After", "We"). It lets through a
// third of the sentences of postmortems. (Sentences that name a person
// only by a role or a pronoun are left out: looking for those words too
// took a twentieth of the time of lint, and found one more blameful line
// in the five newest labelled sets.)
func mayNamePerson(s string) bool {
	first := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '@' {
			return true
		}
		if first < 0 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf) {
			first = i
			continue
		}
		if first >= 0 && i > first && (c >= 'A' && c <= 'Z' || c >= 0xC0) && !isWordByte(s[i-1]) {
			return true
		}
	}
	if first < 0 {
		return false
	}
	if c := s[first]; c < 'A' || c > 'Z' {
		return c >= utf8.RuneSelf
	}
	var buf [16]byte
	w := buf[:0]
	for i := first; i < len(s) && isWordByte(s[i]) && len(w) < len(buf); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		w = append(w, c)
	}
	in := lexicon()[string(w)]
	return in.flags&(fDet|fPrep|fAux|fOtherPron|fCoord|fSub|fRel) == 0 && !in.adverbs && !in.sentenceAdverbs
}

// isWordByte reports whether a byte is part of a word: one isWordRune
// takes, or a byte of a character beyond ASCII.
func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || isWordRune(rune(c))
}

// implied returns the model's finding for a sentence the phrases found
// nothing in, when the model is sure and the sentence names a person.
// toks are its tokens, or nil when it was not tokenised: the model is
// cheap, and most sentences are not tokenised at all.
func (d *Detector) implied(sentence string, toks []token, programs map[string]bool) (Match, bool) {
	// Of a tokenised sentence, whether it names a person is the cheaper
	// test; of another, the model is cheaper than tokenising it.
	if d.model == nil || len(sentence) < minImplied || toks == nil && !mayNamePerson(sentence) ||
		toks != nil && (len(toks) == 0 || !namesPerson(toks)) || d.model.probability(sentence) < d.threshold {
		return Match{}, false
	}
	if toks == nil {
		tp := tokenPool.Get().(*[]token)
		defer putTokens(tp)
		toks = d.tokensInto(tp, sentence, programs)
	}
	if len(toks) == 0 || !namesPerson(toks) {
		return Match{}, false
	}
	return Match{Start: toks[0].start, End: toks[len(toks)-1].end, Category: Implied, Message: impliedMessage, Suggestion: impliedSuggestion}, true
}

const (
	impliedMessage    = "This sentence reads as blame by implication (sarcasm, an insinuation or a pointed comparison about a person), though it names no fault outright."
	impliedSuggestion = `State what happened and what made it possible, without the aside, e.g. "a customer reported the errors at 10:40; the dashboards showed them, but no alert watched the error rate".`
)
