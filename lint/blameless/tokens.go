package blameless

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// tokFlag describes a token's word class; a token may have several.
type tokFlag uint32

const (
	fWord tokFlag = 1 << iota
	fPunct
	fStrong // ; : — – ( ) [ ] " and sentence ends: a boundary no subject crosses
	fComma
	fDet
	fPersonPron
	fOtherPron
	fGeneric
	fPrep
	fCoord
	fSub
	fRel
	fAux
	fNeg
	fAdv
	fPast
	fPresent
	fTitle // capitalised like a name
	fName  // a person's name
	fHandle
	fRole
	fPossessive
	fNumber
	fSentenceStart
	fKnown // a name from Options.People
	fUpper // all capitals, two letters or more: an acronym ("HR", "DBA")
	// fQuoteClose closes a short quotation inside a clause, a label or a
	// button ('clicked "Send now" and ignored'), which a subject search
	// steps over.
	fQuoteClose
)

type token struct {
	start, end int
	low        string // lowercase, curly apostrophes straightened, possessive kept
	base       string // low without a possessive 's
	flags      tokFlag
}

func (t *token) is(f tokFlag) bool { return t.flags&f != 0 }

// notNameFlags are the word classes no name belongs to. The tokenizer
// tests a capitalised token's flags against them, and the model's
// nameLike a word's entry in the lexicon (which holds no fAdv; it tests
// sentenceAdverbs instead).
const notNameFlags = fDet | fPersonPron | fOtherPron | fGeneric | fPrep | fCoord | fSub | fRel | fAux | fNeg | fAdv | fRole

// verbish reports whether the token can head a predicate.
func (t *token) verbish() bool { return t.is(fAux | fPast | fPresent) }

// tokenizeInto splits text into word and punctuation tokens, classifies
// them, and appends them to toks.
func tokenizeInto(toks []token, text string, people map[string]bool) []token {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r == '@' && i+1 < len(text) && isHandleByte(text[i+1]):
			j := i + 1
			for j < len(text) && isHandleByte(text[j]) {
				j++
			}
			toks = append(toks, token{start: i, end: j, low: strings.ToLower(text[i:j]), flags: fWord | fHandle})
			toks[len(toks)-1].base = toks[len(toks)-1].low
			i = j
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '_' {
					j += s2
					continue
				}
				if r2 == ',' && thousands(text, i, j) {
					// "50,000,000": one number, not three and two commas
					// that would split the clause.
					j += 4
					continue
				}
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == ':' {
					// Inside a word only when a letter or digit follows
					// (a period only between letters and digits: "v3.18.4";
					// a colon only between digits: "07:00").
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if r2 == '.' && letterAbbreviation(text[i:j]) {
						// "a.m.", "e.g.": single letters joined by
						// periods are one word, the last period too.
						if j+s2 < len(text) && unicode.IsLetter(r3) {
							j += s2
							continue
						}
						if strings.IndexByte(text[i:j], '.') >= 0 {
							j += s2
						}
						break
					}
					if j+s2 < len(text) && (unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
						if r2 == ':' && !unicode.IsDigit(r3) {
							break
						}
						if r2 == '.' || r2 == ':' {
							rp, _ := utf8.DecodeLastRuneInString(text[:j])
							if !unicode.IsDigit(rp) || !unicode.IsDigit(r3) {
								break
							}
						}
						j += s2
						continue
					}
					if r2 == '\'' || r2 == '’' {
						// "Jonas'" possessive: keep the apostrophe.
						prev, _ := utf8.DecodeLastRuneInString(text[:j])
						if prev == 's' {
							j += s2
						}
					}
				}
				break
			}
			toks = append(toks, wordToken(text, i, j))
			i = j
		default:
			t := token{start: i, end: i + size, low: text[i : i+size], flags: fPunct}
			switch r {
			case ',':
				t.flags |= fComma
			case ';', ':', '—', '–', '(', ')', '[', ']', '"', '“', '”', '.', '!', '?', '|':
				t.flags |= fStrong
			case '-':
				// A spaced hyphen is a dash; a list marker is skipped.
				if i > 0 && text[i-1] == ' ' && i+1 < len(text) && text[i+1] == ' ' {
					t.flags |= fStrong
				}
			}
			t.base = t.low
			toks = append(toks, t)
			i += size
		}
	}
	classify(toks, text, people)
	markShortQuotes(toks)
	return toks
}

// thousands reports whether the comma at j, in the word that starts at i,
// separates thousands: the word is digits and commas so far, and three
// digits and no more follow.
func thousands(text string, i, j int) bool {
	for k := i; k < j; k++ {
		if (text[k] < '0' || text[k] > '9') && text[k] != ',' {
			return false
		}
	}
	if j+4 > len(text) {
		return false
	}
	for k := j + 1; k < j+4; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return j+4 == len(text) || text[j+4] < '0' || text[j+4] > '9'
}

// maxQuoted is the most words a short quotation holds.
const maxQuoted = 3

// markShortQuotes flags the closing mark of each quotation of one to
// maxQuoted words that follows a word of the clause: 'announced "promotion
// done" in the channel'.
func markShortQuotes(toks []token) {
	for k := 1; k < len(toks); k++ {
		if !quoteMarks[toks[k].base] || !toks[k-1].is(fWord) {
			continue
		}
		j := k + 1
		for j < len(toks) && j <= k+maxQuoted && toks[j].is(fWord) {
			j++
		}
		if j > k+1 && j < len(toks) && quoteMarks[toks[j].base] && toks[j].base != "'" {
			toks[j].flags |= fQuoteClose
			k = j
		}
	}
}

// quoteOpen returns the index of the mark that opens the short quotation
// closed at c.
func quoteOpen(toks []token, c int) int {
	for k := c - 1; k >= 0 && k >= c-maxQuoted-1; k-- {
		if quoteMarks[toks[k].base] {
			return k
		}
	}
	return c
}

// letterAbbreviation reports whether w is one lower-case letter or single
// lower-case letters joined by periods ("a", "a.m", "e.g"), so that a period
// and a letter after it continue an abbreviation.
func letterAbbreviation(w string) bool {
	for k := 0; k < len(w); k++ {
		if k%2 == 0 && (w[k] < 'a' || w[k] > 'z') || k%2 == 1 && w[k] != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

func isHandleByte(b byte) bool {
	return b == '_' || b == '-' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
}

func wordToken(text string, i, j int) token {
	raw := text[i:j]
	low := strings.ToLower(raw)
	if strings.ContainsRune(low, '’') {
		low = strings.ReplaceAll(low, "’", "'")
	}
	t := token{start: i, end: j, low: low, base: low, flags: fWord}
	if strings.HasSuffix(low, "'s") && len(low) > 2 && !contractionS[low] {
		t.base = low[:len(low)-2]
		t.flags |= fPossessive
	} else if strings.HasSuffix(low, "s'") {
		t.base = low[:len(low)-1]
		t.flags |= fPossessive
	}
	if r, _ := utf8.DecodeRuneInString(raw); unicode.IsDigit(r) {
		t.flags |= fNumber
	}
	if looksLikeName(raw) {
		t.flags |= fTitle
	} else if allUpper(raw) {
		t.flags |= fUpper
	}
	return t
}

var articles = wordSet(`the a an`)

// allUpper reports whether raw has at least two letters and no lower-case
// letter.
func allUpper(raw string) bool {
	n := 0
	for _, r := range raw {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// contractionS are words ending in 's that are not possessives.
var contractionS = wordSet(`it's that's there's here's what's who's he's she's let's`)

// looksLikeName reports whether a word is capitalised the way names are:
// an upper-case first letter, lower-case letters after it, except after a
// hyphen or an apostrophe ("Hyun-woo", "O'Donnell").
func looksLikeName(raw string) bool {
	first := true
	sawLower := false
	prev := rune(0)
	for _, r := range raw {
		if first {
			if !unicode.IsUpper(r) {
				return false
			}
			first = false
			prev = r
			continue
		}
		switch {
		case unicode.IsLower(r):
			sawLower = true
		case unicode.IsUpper(r):
			if prev != '-' && prev != '\'' && prev != '’' && prev != 'c' {
				return false
			}
		case unicode.IsDigit(r), r == '_', r == '.':
			return false
		}
		prev = r
	}
	return sawLower
}

func classify(toks []token, text string, people map[string]bool) {
	lex := lexicon()
	start := true
	for k := range toks {
		t := &toks[k]
		if t.is(fPunct) {
			if t.is(fStrong) {
				start = true
			}
			continue
		}
		if start {
			t.flags |= fSentenceStart
			start = false
		}
		if t.is(fHandle) {
			continue
		}
		w := t.base
		info := lex[w]
		t.flags |= info.flags
		if info.pronounI && text[t.start] == 'I' {
			t.flags |= fPersonPron
		}
		if w == "her" || w == "his" {
			t.flags |= fPersonPron
		}
		if w == "no" && k+1 < len(toks) && toks[k+1].low == "one" {
			t.flags |= fGeneric
		}
		if !t.is(fTitle) && info.adverb(w) || t.is(fTitle) && info.sentenceAdverbs {
			t.flags |= fAdv
		}
		// "Once more", "once again": an adverb, not "once" starting a clause.
		if w == "once" && k+1 < len(toks) && (toks[k+1].low == "more" || toks[k+1].low == "again") {
			t.flags = t.flags&^fSub | fAdv
		}
		// "at once": an adverb, not a clause.
		if w == "once" && k > 0 && toks[k-1].low == "at" {
			t.flags = t.flags&^fSub | fAdv
		}
		if w == "more" && k > 0 && toks[k-1].base == "once" {
			t.flags |= fAdv
		}
		// A possessive is a noun: "Ahmed's" is not a past tense.
		if info.past(w) && !t.is(fAux|fPossessive) {
			t.flags |= fPast
		}
		if isPresentVerb(w) && !t.is(fPossessive) {
			t.flags |= fPresent
		}
		if people[w] {
			t.flags |= fName | fKnown
		} else if t.is(fTitle) && isNameWord(w, t.is(fSentenceStart) && !t.is(fPossessive)) &&
			t.flags&notNameFlags == 0 {
			t.flags |= fName
		}
	}
	// A role noun that names a program after what it manages is not a
	// person: "the fleet manager", "the package manager", "the Kubernetes
	// operator", "the ingest workers".
	for k := 1; k < len(toks); k++ {
		if toks[k].is(fRole) && machineRoles[toks[k].base] && (componentNouns[toks[k-1].base] || techNames[toks[k-1].base] ||
			toks[k-1].is(fTitle) && !toks[k-1].is(fSentenceStart)) {
			// (And after a product's name: "the Strimzi operator".)
			toks[k].flags &^= fRole
		}
		// "The support agent ignored the phrase": a person, where "the
		// monitoring agent" is a program.
		if (toks[k].base == "agent" || toks[k].base == "agents") && humanAgents[toks[k-1].base] {
			toks[k].flags |= fRole
		}
		// "Customer care failed to escalate": the people who do the
		// work.
		if toks[k].base == "care" && toks[k-1].base == "customer" {
			toks[k].flags |= fRole
		}
		// "Two retail partners missed their reports": businesses the
		// incident reached, not people who responded to it.
		if (toks[k].base == "partner" || toks[k].base == "partners") && businessKinds[toks[k-1].base] {
			toks[k].flags &^= fRole
		}
	}
	// A capitalised word after an article is a product or a proper noun,
	// not a person ("the Kafka consumer"). One that starts a sentence and is
	// followed by an article is an imperative verb ("Raise an incident").
	for k := range toks {
		t := &toks[k]
		if !t.is(fName) || people[t.base] {
			continue
		}
		if k > 0 && articles[toks[k-1].base] ||
			t.is(fSentenceStart) && k+1 < len(toks) && articles[toks[k+1].base] {
			t.flags &^= fName
		}
		// One followed by a number names a place or a thing: "Berth 3",
		// "Gate 12".
		if k+1 < len(toks) && toks[k+1].is(fNumber) && !t.is(fPossessive) {
			t.flags &^= fName
		}
		// One that starts a sentence and is followed by "of" is a common
		// noun ("Lack of backoff caused ...", "Influx of requests").
		if t.is(fSentenceStart) && k+1 < len(toks) && toks[k+1].low == "of" {
			t.flags &^= fName
		}
		// Next to an acronym that is not a role, a capitalised word is a
		// product or a term ("API Gateway", "Transaction ID Wraparound",
		// "New US pods"), not a name; "SRE Ana" is a name.
		if k > 0 && toks[k-1].is(fUpper) && !toks[k-1].is(fRole) ||
			t.is(fSentenceStart) && k+1 < len(toks) && toks[k+1].is(fUpper) && !toks[k+1].is(fRole) &&
				!(t.is(fPossessive) && authoredItems[toks[k+1].base]) {
			// ("Kofi's PR": a person's pull request.)
			t.flags &^= fName
		}
	}
}

// humanAgents make "agent" a person: "the support agent".
var humanAgents = wordSet(`support customer service sales booking travel call-centre call-center contact-centre
	contact-center helpdesk desk field gate check-in border ticketing reservations leasing letting estate`)

// businessKinds make "partner" a business: "retail partners".
var businessKinds = wordSet(`retail business channel external trading delivery commercial reseller
	resale media advertising ad logistics shipping payment payments banking carrier airline hotel
	distribution wholesale`)

// authoredItems are acronyms for what one person writes: "Kofi's PR".
var authoredItems = wordSet(`pr prs mr mrs cl cls`)

// nameWords remembers isNameWord's answers, lock-free, in slots chosen by
// the hash of the word and where it stands: an entry holds that hash
// without its two low bits, a bit that marks it filled and the answer.
// Most capitalised words are names and products a document repeats, and
// the answer took a tenth of the time of the tokenizer.
var nameWords [1 << 12]atomic.Uint64

// isNameWord decides whether a capitalised lowercase word w can be a given
// name or surname.
func isNameWord(w string, sentenceStart bool) bool {
	h := wordHash(w)
	if sentenceStart {
		h = ^h
	}
	slot := &nameWords[h>>52]
	if e := slot.Load(); e&^3 == h&^3 && e&2 != 0 {
		return e&1 != 0
	}
	yes := nameWord(w, sentenceStart)
	e := h&^3 | 2
	if yes {
		e |= 1
	}
	slot.Store(e)
	return yes
}

// nameWord is isNameWord, worked out.
func nameWord(w string, sentenceStart bool) bool {
	if techNames[w] || bareSubjects[w] || irregularPast[w] {
		return false
	}
	for _, s := range nominalSuffixes {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return false
		}
	}
	if techWord(w) {
		return false
	}
	if sentenceStart {
		if verbBases[w] || isPresentVerb(w) || isPastForm(w) {
			return false
		}
		// An adverb ("Especially", "Unfortunately"), not a name that ends
		// in -ly ("Emily", "Beverly").
		if len(w) >= 8 {
			for _, s := range adverbSuffixes {
				if strings.HasSuffix(w, s) {
					return false
				}
			}
		}
		// A plural common noun: "Customers", "Scanners", "Retries",
		// "Backfills".
		if strings.HasSuffix(w, "ies") && len(w) > 4 || strings.HasSuffix(w, "lls") && len(w) > 5 {
			return false
		}
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			stem := w[:len(w)-1]
			if bareSubjects[stem] || techNames[stem] || roleNouns[w] || verbBases[stem] {
				return false
			}
			if len(stem) > 3 && stem[len(stem)-1] == 'e' && (strings.IndexByte("cgkptvz", stem[len(stem)-2]) >= 0 ||
				stem[len(stem)-2] == 'd' && stem[len(stem)-3] != 'n') {
				// "Upgrades", "Pages", "Nodes": a plural of a noun in -e
				// after a consonant few names end in ("Fernandes" does).
				return false
			}
			if c, _ := utf8.DecodeLastRuneInString(stem); !strings.ContainsRune("aeiouáàâäéèêëíìîïóòôöúùûüåøæ", c) &&
				!consonantY(stem) &&
				!strings.HasSuffix(w, "ns") &&
				!strings.HasSuffix(w, "rs") && !strings.HasSuffix(w, "ls") {
				// Names rarely end in a consonant followed by s ("Jonas",
				// "Mateus", "Lukas" end in a vowel and s; "Rhys" and
				// "Gladys" in a y that plurals write -ies).
				return false
			}
		}
	}
	return true
}

// techWord reports whether a capitalised word is a system or a tool rather
// than a name: it contains a technical morpheme ("Autovacuum", "Memcache",
// "Pgbouncer") or is the agent noun of a common verb ("Scheduler",
// "Checker").
func techWord(w string) bool {
	for _, p := range techPrefixes {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return true
		}
	}
	for _, m := range techMorphemes {
		if strings.Contains(w, m) {
			return true
		}
	}
	if len(w) > 5 && strings.HasSuffix(w, "er") {
		return verbBases[w[:len(w)-1]] || verbBases[w[:len(w)-2]] && !surnameAgents[w]
	}
	return false
}

var (
	techPrefixes  = []string{"auto", "micro", "multi", "hyper", "kube", "cyber", "pg", "mongo"}
	techMorphemes = []string{"vacuum", "cache", "proxy", "sync", "queue", "daemon", "server", "sql", "shard",
		"replica", "cluster", "balancer", "config", "script", "webhook", "bouncer", "crontab", "cronjob"}
	// surnameAgents are agent nouns that are common surnames.
	surnameAgents = wordSet(`turner singer keeper`)
)
