// Package blameless detects blameful language in postmortem prose: sentences
// that name human error as a cause, judge people, make a person the subject
// of a failure, second-guess them in hindsight, or call for punishment.
//
// The detector takes plain prose (code spans, code blocks, block quotes, URLs
// and front matter already removed) and returns the exact spans it objects
// to, each with a category, a one-sentence reason and a suggested rewrite.
//
// Phrase lists are embedded data (phrases.yaml) that a repository can extend
// or trim through Options. A multi-pattern prefilter (Aho-Corasick over the
// trigger words) lets a sentence without any trigger word through with one
// pass over its bytes and no allocation; only candidate sentences are
// tokenised and analysed for who the subject is: a person (a name, an
// @handle, a pronoun, a role such as "the on-call engineer", a team) or a
// system ("the health check", "the deploy").
//
// What the phrases leave alone, a sentence model scores (model.go): blame
// by implication, such as sarcasm and pointed comparisons, in a sentence
// that names a person. Its findings have their own category, Implied.
package blameless

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// Category is the kind of blameful language a match belongs to. The lint
// rule for a category is "blameless/" followed by the category.
type Category string

// The categories of blameful language.
const (
	HumanError     Category = "human-error"
	Judgement      Category = "judgement"
	PersonCause    Category = "person-cause"
	Counterfactual Category = "counterfactual"
	Hindsight      Category = "hindsight"
	Punitive       Category = "punitive"
)

// Categories lists every category in a stable order.
func Categories() []Category {
	return []Category{HumanError, Judgement, PersonCause, Counterfactual, Hindsight, Punitive, Implied}
}

// Match is one finding: a span of the checked text and why it reads as blame.
type Match struct {
	Start, End int      // byte offsets of the span in the text passed to Check
	Category   Category // which kind of blame
	Message    string   // one sentence: why this reads as blame
	Suggestion string   // a blameless way to say it
}

// Condition says when a phrase is a finding.
type Condition string

// The conditions a phrase can carry; see phrases.yaml for examples.
const (
	Always  Condition = "always"  // wherever the phrase appears
	Subject Condition = "subject" // when the clause's subject is a person
	// Specific: when the clause's subject is a particular person, not
	// "anyone" ("Dana could have rolled back", not "anyone could have").
	Specific Condition = "specific"
	Person   Condition = "person"  // when the sentence refers to a person
	Generic  Condition = "generic" // when the subject is "anyone", "any reviewer", ...
	Cause    Condition = "cause"   // a label such as "human error" used as a cause
)

// Phrase is one pattern of a phrase list, as a repository's configuration
// can add it.
type Phrase struct {
	Category   Category
	Pattern    string    // words, alternatives a|b, <person>, <pp>, <verb>, {class}, ...
	When       Condition // empty means Always
	Negatable  bool      // a negation earlier in the clause cancels the finding
	Aside      bool      // colours a sentence ("once again"): a finding only when nothing else in it is
	Message    string    // empty means the category's default message
	Suggestion string    // empty means the category's default suggestion
}

// Options configure a Detector.
type Options struct {
	// People are names known to the repository (front matter authors, the
	// configured people list, git authors). Each name and each of its words
	// counts as a person even where the capitalisation rules would not say so.
	People []string
	// Add extends the embedded phrase lists.
	Add []Phrase
	// Remove drops embedded patterns, written exactly as in the list
	// ("lazy", "should have <pp>"). A single word also leaves the word
	// classes and verb lexicons ("careless", "botch").
	Remove []string
	// NoModel leaves out the sentence model and its category, Implied.
	NoModel bool
	// ImpliedThreshold is how sure the sentence model must be to report a
	// sentence, from 0.5 to below 1; 0 means DefaultImpliedThreshold.
	ImpliedThreshold float64
}

//go:embed phrases.yaml
var phrasesYAML []byte

type fileData struct {
	Classes    map[string][]string `yaml:"classes"`
	Verbs      map[string][]string `yaml:"verbs"`
	Exceptions []string            `yaml:"exceptions"`
	Groups     []struct {
		Category   Category  `yaml:"category"`
		When       Condition `yaml:"when"`
		Negatable  bool      `yaml:"negatable"`
		Aside      bool      `yaml:"aside"`
		Message    string    `yaml:"message"`
		Suggestion string    `yaml:"suggestion"`
		Patterns   []string  `yaml:"patterns"`
	} `yaml:"groups"`
}

var (
	defaultOnce    sync.Once
	defaultPhrases []Phrase
	defaultClasses map[string][]string
	defaultVerbs   map[string]verbLexicon
	defaultExcept  []string
	defaultErr     error
)

func loadDefaults() ([]Phrase, map[string][]string, error) {
	defaultOnce.Do(func() {
		var f fileData
		if err := yaml.Unmarshal(phrasesYAML, &f); err != nil {
			defaultErr = fmt.Errorf("parse phrases.yaml: %w", err)
			return
		}
		defaultClasses = f.Classes
		defaultExcept = f.Exceptions
		defaultVerbs = map[string]verbLexicon{}
		for name, entries := range f.Verbs {
			l, err := newVerbLexicon(entries)
			if err != nil {
				defaultErr = fmt.Errorf("phrases.yaml: verbs %s: %w", name, err)
				return
			}
			defaultVerbs[name] = l
		}
		for _, g := range f.Groups {
			for _, p := range g.Patterns {
				defaultPhrases = append(defaultPhrases, Phrase{Category: g.Category, Pattern: p, When: g.When,
					Negatable: g.Negatable, Aside: g.Aside, Message: g.Message, Suggestion: g.Suggestion})
			}
		}
	})
	return defaultPhrases, defaultClasses, defaultErr
}

// DefaultPhrases returns a copy of the embedded phrase list.
func DefaultPhrases() []Phrase {
	p, _, err := loadDefaults()
	if err != nil {
		panic(err) // the embedded file is tested
	}
	return append([]Phrase(nil), p...)
}

// Detector finds blameful language. It is compiled once by New and is safe
// for concurrent use.
type Detector struct {
	prefilter *acMatcher
	anchors   map[string][]*pattern // anchor word -> patterns
	except    map[string][]*pattern // anchor word -> exception patterns
	people    map[string]bool
	defaults  map[Category][2]string
	// leads are common words that anchor patterns only at the start of a
	// clause ("Had Dana checked ..."); rather than make every sentence
	// with "had" a candidate, the prefilter looks for them only as the
	// sentence's first word.
	leads []string
	// model scores the sentences that match no phrase and name a person
	// (model.go); nil with Options.NoModel.
	model *sentenceModel
	// threshold is the probability from which the model reports.
	threshold float64
}

// New compiles the embedded phrase lists with the repository's options.
func New(opts Options) (*Detector, error) {
	phrases, classes, err := loadDefaults()
	if err != nil {
		return nil, err
	}
	remove := map[string]bool{}
	for _, r := range opts.Remove {
		remove[strings.ToLower(strings.Join(strings.Fields(r), " "))] = true
	}
	classes, lexicons := trimLists(classes, defaultVerbs, remove)
	d := &Detector{anchors: map[string][]*pattern{}, except: map[string][]*pattern{}, people: map[string]bool{}, defaults: map[Category][2]string{}}
	for _, p := range phrases {
		if _, ok := d.defaults[p.Category]; !ok {
			d.defaults[p.Category] = [2]string{p.Message, p.Suggestion}
		}
	}
	all := make([]Phrase, 0, len(phrases)+len(opts.Add))
	for _, p := range phrases {
		if !remove[strings.ToLower(p.Pattern)] {
			all = append(all, p)
		}
	}
	for _, p := range opts.Add {
		if !validCategory(p.Category) {
			return nil, fmt.Errorf("phrase %q: unknown category %q", p.Pattern, p.Category)
		}
		if p.Message == "" {
			p.Message = d.defaults[p.Category][0]
		}
		if p.Suggestion == "" {
			p.Suggestion = d.defaults[p.Category][1]
		}
		all = append(all, p)
	}
	var keywords []string
	seen := map[string]bool{}
	var pats []*pattern
	for i := range all {
		for _, e := range expandVerbs(all[i].Pattern, lexicons) {
			p := all[i]
			p.Pattern = e
			pt, err := compilePattern(p, classes)
			if err != nil {
				return nil, err
			}
			pt.order = i
			pats = append(pats, pt)
		}
	}
	for _, pt := range pats {
		lead := pt.anchor == 1 && pt.elems[0].kind == eStart
		for _, w := range pt.elems[pt.anchor].words {
			d.anchors[w] = append(d.anchors[w], pt)
			if lead && anchorScore(w) == 0 {
				d.leads = append(d.leads, w)
				continue
			}
			for _, v := range []string{w, strings.ReplaceAll(w, "'", "’")} {
				if !seen[v] {
					seen[v] = true
					keywords = append(keywords, v)
				}
			}
		}
	}
	for _, x := range defaultExcept {
		for _, e := range expandVerbs(x, lexicons) {
			pt, err := compilePattern(Phrase{Pattern: e, When: Always}, classes)
			if err != nil {
				return nil, fmt.Errorf("exception: %w", err)
			}
			for _, w := range pt.elems[pt.anchor].words {
				d.except[w] = append(d.except[w], pt)
			}
		}
	}
	sort.Strings(keywords)
	d.prefilter = newACMatcher(keywords)
	if !opts.NoModel {
		if d.model, err = defaultModel(); err != nil {
			return nil, err
		}
	}
	d.threshold = DefaultImpliedThreshold
	if t := opts.ImpliedThreshold; t != 0 {
		if !(t >= 0.5 && t < 1) {
			return nil, fmt.Errorf("implied threshold %v: want a probability from 0.5 to below 1", t)
		}
		d.threshold = t
	}
	for _, name := range opts.People {
		for _, w := range strings.Fields(strings.ToLower(name)) {
			w = strings.Trim(w, ".,()\"")
			if strings.HasPrefix(w, "@") {
				continue
			}
			if len(w) > 1 && !determiners[w] && !prepositions[w] && !auxiliaries[w] {
				d.people[w] = true
			}
		}
	}
	return d, nil
}

// trimLists returns the word classes and verb lexicons without the single
// words in remove; it returns them as they are when there are none.
func trimLists(classes map[string][]string, lexicons map[string]verbLexicon, remove map[string]bool) (map[string][]string, map[string]verbLexicon) {
	words := map[string]bool{}
	for r := range remove {
		if !strings.Contains(r, " ") {
			words[r] = true
		}
	}
	if len(words) == 0 {
		return classes, lexicons
	}
	cs := make(map[string][]string, len(classes))
	for name, ws := range classes {
		for _, w := range ws {
			if !words[w] {
				cs[name] = append(cs[name], w)
			}
		}
	}
	ls := make(map[string]verbLexicon, len(lexicons))
	for name, l := range lexicons {
		ls[name] = l.without(words)
	}
	return cs, ls
}

func validCategory(c Category) bool {
	if c == Implied {
		return false // the model's alone
	}
	for _, k := range Categories() {
		if k == c {
			return true
		}
	}
	return false
}

// Check returns the blameful spans in one sentence (or a short run of text),
// sorted by Start. A sentence without any trigger word costs one scan of its
// bytes and no allocation.
func (d *Detector) Check(sentence string) []Match { return d.CheckIn(sentence, nil) }

// CheckIn is Check for a sentence of a document that writes the words of
// programs (lower-cased) in code: a capitalised word among them, and not a
// person the detector knows, names a program, not a person.
func (d *Detector) CheckIn(sentence string, programs map[string]bool) []Match {
	if !d.prefilter.any(sentence) && !d.leadWord(sentence) {
		if m, ok := d.implied(sentence, nil, programs); ok {
			return []Match{m}
		}
		return nil
	}
	tp := tokenPool.Get().(*[]token)
	defer putTokens(tp)
	toks := d.tokensInto(tp, sentence, programs)
	var out []found
	mentions := -1 // lazily computed
	for k := range toks {
		pats := d.anchors[toks[k].base]
		if toks[k].base != toks[k].low {
			pats = append(pats[:len(pats):len(pats)], d.anchors[toks[k].low]...)
		}
		for _, pt := range pats {
			start, end, ok := pt.match(toks, k)
			if !ok {
				continue
			}
			if !d.holds(pt, toks, start, end, &mentions) {
				continue
			}
			out = append(out, found{Match{Start: toks[start].start, End: toks[end-1].end, Category: pt.phrase.Category,
				Message: pt.phrase.Message, Suggestion: pt.phrase.Suggestion}, pt.order, pt.phrase.Aside})
		}
	}
	if len(out) == 0 {
		if m, ok := d.implied(sentence, toks, programs); ok {
			return []Match{m}
		}
		return nil
	}
	return dedupe(dropAsides(d.dropExceptions(toks, out)))
}

// tokenPool holds token slices for reuse: Check makes the matches it
// returns from the tokens' offsets, and keeps no token. Allocating them
// anew was a sixth of the memory lint allocated.
var tokenPool = sync.Pool{New: func() any { s := make([]token, 0, 32); return &s }}

// putTokens returns a slice of tokens to tokenPool, without the strings
// it holds.
func putTokens(tp *[]token) {
	clear(*tp)
	*tp = (*tp)[:0]
	tokenPool.Put(tp)
}

// tokensInto tokenises a sentence into *tp, which it leaves holding the
// tokens; a capitalised word among programs, and not a person the detector
// knows, names a program, not a person.
func (d *Detector) tokensInto(tp *[]token, sentence string, programs map[string]bool) []token {
	toks := tokenizeInto((*tp)[:0], sentence, d.people)
	*tp = toks
	if len(programs) > 0 {
		for k := range toks {
			if t := &toks[k]; t.is(fName) && !t.is(fKnown) && programs[t.base] {
				t.flags &^= fName
			}
		}
	}
	return toks
}

// dropAsides removes the asides from ms when it holds any other finding.
func dropAsides(ms []found) []found {
	other := false
	for _, m := range ms {
		other = other || !m.aside
	}
	if !other {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if !m.aside {
			out = append(out, m)
		}
	}
	return out
}

// Candidate reports whether text, any run of prose of one or more
// sentences, may hold a match: when it returns false, Check finds nothing
// in any sentence of text. It is cheap and does not allocate, for callers
// that would otherwise build the sentences of every paragraph.
func (d *Detector) Candidate(text string) bool {
	// The byte test first: it is the cheaper, and most paragraphs pass it.
	if d.model != nil && len(text) >= minImplied && mayNamePerson(text) || d.prefilter.any(text) {
		return true
	}
	start := true // at the start of a sentence
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n':
			start = true
		case c == ' ' || c == '\t' || c == '-' || c == '*' || c == '"' || c == '(':
		default:
			if start && d.leadWord(text[i:]) {
				return true
			}
			start = false
		}
	}
	return false
}

// leadWord reports whether the sentence starts with one of d.leads.
func (d *Detector) leadWord(sentence string) bool {
	for _, w := range d.leads {
		if len(sentence) > len(w) && strings.EqualFold(sentence[:len(w)], w) && boundaryAfter(sentence, len(w)) {
			return true
		}
	}
	return false
}

// found is a match with the list position of the pattern that made it and
// whether that pattern is an aside.
type found struct {
	Match
	order int
	aside bool
}

// dropExceptions removes matches that overlap an exception phrase.
func (d *Detector) dropExceptions(toks []token, ms []found) []found {
	var spans []Span
	for k := range toks {
		for _, pt := range d.except[toks[k].base] {
			if s, e, ok := pt.match(toks, k); ok {
				spans = append(spans, Span{toks[s].start, toks[e-1].end})
			}
		}
	}
	if len(spans) == 0 {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		keep := true
		for _, s := range spans {
			if m.Start < s.End && s.Start < m.End {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

// holds checks a pattern's condition on the tokens it matched, [start, end).
func (d *Detector) holds(pt *pattern, toks []token, start, end int, mentions *int) bool {
	if pt.phrase.Negatable && clauseNegated(toks, start) || negatedLabel(toks, start) {
		return false
	}
	if (pt.phrase.Category == HumanError || pt.phrase.When == Always &&
		(pt.phrase.Category == PersonCause || pt.phrase.Category == Judgement || pt.phrase.Category == Punitive)) &&
		metaMention(toks, start) {
		// "Calling this a blunder by one person would ignore ...",
		// "Labelling this a human slip would hide ...".
		return false
	}
	switch pt.phrase.When {
	case Subject:
		if start > 0 && toks[start].is(fPast) && (articles[toks[start-1].base] || toks[start-1].is(fNumber)) {
			// "explained the missed restocks", "133 missed viewings": a
			// participle after an article or a number qualifies a noun; it
			// is not the verb.
			return false
		}
		if start >= 2 && toks[start-1].base == "to" && plainWord(&toks[start-2]) && !personToken(&toks[start-2]) {
			// "changed the parser to ignore trailing fields": the thing
			// before "to" does what follows.
			return false
		}
		p, ok := subject(toks, start)
		if (!ok || !p.person) && (pt.phrase.Category == Judgement || pt.phrase.Category == PersonCause && causalVerbs[toks[start].base]) &&
			workAtClauseStart(toks, start) {
			return !sameAsSubstitution(toks, start)
		}
		// "Nobody is to blame" says no person did it.
		if !ok || !(p.person || blameNounSubject(toks, p) || teamSubject(toks, p) && blamePredicate(toks, start, end) ||
			pt.phrase.Category == Judgement && (personsWork(toks, p) || pt.trait && (actionSubject(toks, p) || workNouns[toks[p.end-1].base]))) ||
			negativeGeneric(toks, p) || sameAsSubstitution(toks, start) {
			return false
		}
		return pt.phrase.Category != PersonCause || !purposeClause(toks, end) && !passiveAt(toks, start)
	case Specific:
		p, ok := subject(toks, start)
		return ok && p.person && !p.generic && !negativeGeneric(toks, p) && !sameAsSubstitution(toks, start)
	case Generic:
		p, ok := subject(toks, start)
		// "Nobody would have noticed" says the failure was invisible.
		// "No one on the team knows how": a gap in what was known.
		bare := negativeGeneric(toks, p) && p.end < len(toks) && toks[p.end].is(fAux|fPresent)
		return ok && p.generic && !bare && !sameAsSubstitution(toks, end)
	case Person:
		// "the HR portal": an acronym modifying the noun after it.
		if end-start == 1 && toks[start].is(fUpper) && compoundModifier(toks, end) {
			return false
		}
		if *mentions < 0 {
			*mentions = 0
			if mentionsPerson(toks) {
				*mentions = 1
			}
		}
		return *mentions == 1
	case Cause:
		if clauseNegated(toks, start) || metaMention(toks, start) || namedAsLabel(toks, start) || systemLabel(toks, start) {
			return false
		}
		// "only a user error when the user can fix it": a definition.
		n := end
		for n < len(toks) && (toks[n].base == "only" || toks[n].base == "just") {
			n++
		}
		if n < len(toks) && definitional[toks[n].base] {
			return false
		}
		// "user error rate", "operator error logs": a compound noun.
		// "user errors" is a technical term; the pattern words are singular.
		return !compoundModifier(toks, end)
	}
	return true
}

// passiveAt reports whether the match at token m is a passive participle
// ("Flowdock was taken down at 21:30"): its subject is what the action was
// done to, not who did it.
func passiveAt(toks []token, m int) bool {
	if !toks[m].is(fPast) {
		return false
	}
	k := m - 1
	for k >= 0 && toks[k].is(fAdv) {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].low {
	case "was", "were", "is", "are", "be", "been", "being", "get", "gets", "got", "gotten", "getting":
		return true
	}
	return false
}

// systemLabel reports whether "user error" at token m is a category a
// system assigned: "Spark classified the footer as a user error", where
// the term means a rejected input (HTTP 4xx), not a person's slip.
func systemLabel(toks []token, m int) bool {
	if toks[m].base != "user" {
		return false
	}
	// A class of HTTP response: "a rejected card is a user error (HTTP
	// 403)"; not a count that happens to start with 4 ("deleted 412
	// rows").
	for k := range toks {
		if t := &toks[k]; t.base == "http" || t.base == "4xx" {
			return true
		}
	}
	for k := m - 1; k >= 0 && k >= m-8 && !toks[k].is(fStrong|fComma); k-- {
		if toks[k].base == "as" && k > 0 {
			for j := k - 1; j >= 0 && j >= k-6 && !toks[j].is(fStrong|fComma); j-- {
				if labelVerbs[toks[j].base] {
					return true
				}
			}
		}
	}
	return false
}

var labelVerbs = wordSet(`classified classifies classify categorised categorized categorises categorizes
	tagged tags marked marks flagged flags reported reports logged logs returned returns counted counts
	surfaced surfaces treated treats showed shows displayed displays answered answers raised raises`)

// namedAsLabel reports whether the label at token m is named as a term
// rather than used: 'The label "user error" does not fit', "the term human
// error".
func namedAsLabel(toks []token, m int) bool {
	k := m - 1
	for k >= 0 && toks[k].is(fPunct) && quoteMarks[toks[k].base] {
		k--
	}
	return k >= 0 && labelNouns[toks[k].base]
}

var (
	quoteMarks = wordSet(`" “ ” ' ‘ ’`)
	labelNouns = wordSet(`label labels term terms phrase phrases word words tag tags category heading name
		buzzword euphemism catch-all`)
)

// definitional words after a label say when it would apply ("a user error
// when the user can fix it"), which discusses the label rather than using it.
var definitional = wordSet(`when if unless whenever`)

// teamSubject reports whether a subject is a bare team name: "Identity and
// mobile are equally at fault", "Payments is to blame".
func teamSubject(toks []token, p np) bool {
	if p.end-p.start != 1 {
		return false
	}
	t := &toks[p.start]
	return teamNames[t.base] || departments[t.base]
}

// blamePredicate reports whether the matched tokens assign blame outright
// ("at fault", "to blame", "responsible for the outage"), which only people
// and teams can carry.
func blamePredicate(toks []token, start, end int) bool {
	for k := start; k < end; k++ {
		switch toks[k].base {
		case "blame", "fault", "responsible":
			return true
		}
	}
	return false
}

// compoundModifier reports whether the token at end continues a compound
// noun whose modifier ends just before it: "error" in "user error rate",
// "HR" in "the HR portal". A verb after it ("human error caused") does not.
func compoundModifier(toks []token, end int) bool {
	if end >= len(toks) {
		return false
	}
	n := &toks[end]
	if postNominal[n.base] || storyNouns[n.base] {
		// "human error back in 2022", "operator error again", "a human
		// error story".
		return false
	}
	if n.is(fWord) && !n.is(fPrep|fCoord|fSub|fRel|fAux|fDet|fAdv|fNeg|fPersonPron|fOtherPron|fPresent|fNumber) {
		return !n.is(fPast) || !verbAfter(toks, end)
	}
	return false
}

// postNominal are words that follow a noun without modifying it: adverbs
// of time and place the lexicon does not list.
var postNominal = wordSet(`back again too today yesterday tonight twice once alone here there`)

// storyNouns name what a label is used to tell: "a human error story".
var storyNouns = wordSet(`story stories tale tales case narrative explanation`)

// purposeClause reports whether the sentence after token end gives the
// action a protective purpose ("skipped the retries so that no card was
// charged twice", "took the node down to stop the corruption"): a
// deliberate mitigation described neutrally, not an omission.
func purposeClause(toks []token, end int) bool {
	for k := end; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.is(fStrong) && t.base != "(" && t.base != ")" {
			return false
		}
		switch t.base {
		case "though", "although", "despite":
			// "even though the runbook allows it": the process allowed
			// what the person did not do.
			return false
		case "so":
			if toks[k+1].base == "that" || toks[k+1].base == "as" {
				return true
			}
		case "order":
			if k > 0 && toks[k-1].base == "in" && toks[k+1].base == "to" {
				return true
			}
		case "to":
			if protectVerbs[toks[k+1].base] {
				return true
			}
		case "as":
			// "as planned", "as the runbook says": the action followed
			// the plan or the procedure.
			if plannedWords[toks[k+1].base] {
				return true
			}
			for j := k + 1; j < len(toks) && j < k+5 && !toks[j].is(fStrong|fComma); j++ {
				if prescribeVerbs[toks[j].base] {
					return true
				}
			}
		case "per":
			return true
		case "request", "advice", "instruction", "instructions", "direction":
			// "at the vendor's request", "on the advice of the DBA".
			for j := k - 1; j >= 0 && j >= k-3; j-- {
				if toks[j].base == "at" || toks[j].base == "on" || toks[j].base == "by" {
					return true
				}
			}
		case "according":
			if toks[k+1].base == "to" {
				return true
			}
		case "because", "since":
			// "did not share the link, because Slack was down": a
			// system kept the person from acting.
			if p, ok := nounPhrase(toks, k+1); ok && !p.person && blockedBy(toks, p.end) {
				return true
			}
		}
		// "which the upgrade plan marks as optional", "that the runbook
		// permits": the process allowed the action.
		if allowWords[toks[k+1].base] {
			for j := k; j > end && j >= k-3; j-- {
				if processNouns[toks[j].base] {
					return true
				}
			}
		}
	}
	return false
}

// blockedBy reports whether the words from i say that something was out of
// reach: "was down", "were not available", "is undocumented".
func blockedBy(toks []token, i int) bool {
	if i >= len(toks) || !toks[i].is(fAux) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		if unavailable[toks[j].base] {
			return true
		}
		if !toks[j].is(fNeg | fAdv) {
			return false
		}
	}
	return false
}

var unavailable = wordSet(`down unavailable offline unreachable broken missing disabled hidden undocumented
	inaccessible locked expired empty stale outdated wrong misconfigured`)

var (
	allowWords   = wordSet(`optional allows allowed permits permitted sanctions tolerates`)
	processNouns = wordSet(`plan runbook checklist process policy procedure playbook guide guidelines standard
		standards rules handbook template`)
)

var (
	plannedWords   = wordSet(`planned agreed intended designed documented scheduled required rehearsed instructed`)
	prescribeVerbs = wordSet(`says said requires required allows allowed prescribes describes asks instructs specifies`)
)

// protectVerbs after "to" state a protective purpose.
var protectVerbs = wordSet(`avoid prevent protect stop limit contain spare preserve shield halt minimise
	minimize reduce isolate`)

// actionSubject reports whether a subject is an action named by a gerund
// at the start of its clause, which an evaluation judges as much as the
// person who took it: "Running the promotion alone at 2 a.m. was reckless".
// (A word of {conduct} judges a person's work without a possessive, too:
// "the rollout plan was careless".)
func actionSubject(toks []token, p np) bool {
	return isGerund(&toks[p.start]) && (p.start == 0 || isBoundary(toks, p.start-1))
}

// causalVerbs make a person's work the cause: "Kitto's Friday-night merge
// caused two fridges to be padlocked".
var causalVerbs = wordSet(`caused causes broke breaks triggered triggers`)

// workAtClauseStart reports whether the clause of token m starts with a
// person's work, which the subject search may have missed behind a
// modifier: "Kato's handover after the load test was slipshod".
func workAtClauseStart(toks []token, m int) bool {
	s := m
	for s > 0 && !toks[s-1].is(fStrong|fComma) {
		s--
	}
	for s < m && toks[s].is(fTitle) && toks[s].is(fName) && !toks[s].is(fPossessive) {
		s++ // "Zhou Qian's"
	}
	if !toks[s].is(fPossessive) || !personToken(&toks[s]) {
		return false
	}
	for k := s + 1; k < m && k <= s+3; k++ {
		if workNouns[toks[k].base] {
			return true
		}
	}
	return false
}

// blameNounSubject reports whether a subject is a person's decision or
// failing: "Keiko's decision to skip staging caused the outage".
func blameNounSubject(toks []token, p np) bool {
	if p.end-p.start < 2 || !toks[p.start].is(fPossessive) || !personToken(&toks[p.start]) {
		return false
	}
	return blameNouns[toks[p.end-1].base]
}

// personsWork reports whether a subject is a person's work or conduct,
// which an evaluation judges as much as the person: "Dagny's response to
// the page was slow and disorganised", "the platform team's attitude".
func personsWork(toks []token, p np) bool {
	if !workNouns[toks[p.end-1].base] {
		return false
	}
	for k := p.start; k < p.end-1; k++ {
		t := &toks[k]
		if t.is(fPossessive) && personToken(t) || t.base == "his" || t.base == "her" {
			return true
		}
	}
	return false
}

var workNouns = wordSet(`work review reviews reviewing checking handling response communication communications
	edit edits insistence deploy deployment release upgrade merge approval sign-off restart restarts merges
	hygiene practice practices discipline spreadsheet
	attitude approach conduct behaviour behavior judgement judgment testing code change changes fix commit
	commits pr plan planning preparation effort efforts follow-up documentation decision decisions call
	choice analysis investigation diagnosis reaction performance explanation update updates notes write-up
	hand-off handover handoff rollout migration script config configuration attempt answer reply triage
	oversight leadership ownership`)

var blameNouns = wordSet(`decision choice mistake error oversight carelessness negligence haste failure
	inaction laziness sloppiness slip blunder typo call judgement judgment inattention impatience`)

// negativeGeneric reports whether a noun phrase is "nobody", "no one" or
// "none of ...".
func negativeGeneric(toks []token, p np) bool {
	switch toks[p.start].base {
	case "nobody", "no", "no-one", "none", "neither":
		return true
	}
	return false
}

// sameAsSubstitution reports whether the clause says anyone would have done
// the same ("anyone in her position would have made the same call"), which
// is the blameless substitution test, not a judgement.
func sameAsSubstitution(toks []token, from int) bool {
	for k := from; k < len(toks) && !toks[k].is(fStrong); k++ {
		if k > from && (toks[k].is(fSub) && !toks[k].is(fPrep) || toks[k].is(fRel) || toks[k].base == "that") {
			// "even though Hana had noted the same numbers": another
			// clause's words.
			return false
		}
		switch toks[k].base {
		case "same":
			// "would have done the same", "the same call": the same
			// choice; not "the same morning", "the same numbers".
			if k+1 == len(toks) || !plainWord(&toks[k+1]) || substitutionNouns[toks[k+1].base] {
				return true
			}
		case "position", "shoes", "situation", "place":
			// "in her position", "in the same shoes"; not "the slot
			// position", nor "a failover alert in place".
			for j := k - 2; j >= from && j >= k-3; j-- {
				if toks[j].base == "in" {
					return true
				}
			}
		}
	}
	return false
}

// substitutionNouns follow "the same" in a substitution test: "anyone
// would have made the same call".
var substitutionNouns = wordSet(`call calls choice choices decision decisions mistake mistakes thing things move
	moves position shoes situation place assumption assumptions conclusion judgement judgment trap traps pitfall
	error errors path`)

// metaMention reports whether a label is being discussed rather than used:
// "Labelling this operator error would tell us nothing".
func metaMention(toks []token, m int) bool {
	if quotedAt(toks, m) {
		// A label quoted from a form or a report: 'asks whether it was
		// caused by a "compromised key or user error"'.
		return true
	}
	// "Calling this anything other than human error would be dishonest"
	// asserts the label.
	if m >= 2 && (toks[m-2].base == "other" && toks[m-1].base == "than" || toks[m-2].base == "anything" && toks[m-1].base == "but") {
		return false
	}
	// A comma ends the search: "Calling it what it is, this was human
	// error" uses the label in a clause of its own. Quotation marks do
	// not: 'Writing "operator error" in the summary'.
	for k := m - 1; k >= 0 && (!toks[k].is(fStrong|fComma) || quoteMarks[toks[k].base]); k-- {
		switch toks[k].base {
		case "whether":
			// A question about the label: "Whether this counts as
			// someone's mistake matters less than ...".
			return true
		case "keeping", "keep", "kept", "leaving", "leave":
			// "keeping operator error out of the conclusions".
			for j := m + 1; j < len(toks) && j <= m+4; j++ {
				if toks[j].base == "out" {
					return true
				}
			}
		case "assumed", "assuming", "suspected", "suspecting", "ruled", "ruling", "hypothesis", "theory":
			// A hypothesis during the incident: "Assumed user error at the time".
			return true
		case "labelling", "labeling", "calling", "attributing", "blaming", "classifying", "filing", "putting", "chalking",
			"treating", "framing", "describing", "writing", "dismissing", "recording", "logging", "counting", "marking",
			"tagging", "listing", "reporting":
			// As the subject of the clause, or the object of another verb
			// ("We considered describing this as user error"); not after
			// "be": "We are classifying this as human error" uses the
			// label.
			if k == 0 || isBoundary(toks, k-1) || !toks[k-1].is(fAux) && toks[k-1].verbish() {
				return true
			}
		case "logged", "tagged", "coded", "bucketed", "categorised", "categorized":
			// A category a system records, in the present: "a dropped
			// session is logged as an operator error in the audit trail"
			// (not "the incident was logged as human error").
			if k+1 < m && toks[k+1].base == "as" && k > 0 && presentBe[toks[k-1].base] {
				return true
			}
		case "treat", "treats":
			// A rule, in the present: "We treat a 403 as a user error".
			if asBetween(toks, k, m) {
				return true
			}
		}
	}
	return false
}

// quotedAt reports whether token m stands inside a quotation of more than
// the words from m on, with no other boundary in it: a form or a report
// quoted, not a label used.
func quotedAt(toks []token, m int) bool {
	before := m - 1
	for before >= 0 && !toks[before].is(fStrong) {
		before--
	}
	after := m + 1
	for after < len(toks) && after <= m+8 && !toks[after].is(fStrong) {
		after++
	}
	if before < 0 || after >= len(toks) || !quoteMarks[toks[before].base] || !quoteMarks[toks[after].base] {
		return false
	}
	// The quotation holds more than the label: "the root cause was
	// "human error"" uses it, in scare quotes; but 'the ticket says
	// "operator error"' and '"Pilot error" is how the ticket put it'
	// report another's words.
	return before < m-1 || before > 0 && reportVerbs[toks[before-1].base] ||
		after+2 < len(toks) && (toks[after+1].base == "is" || toks[after+1].base == "was") && toks[after+2].base == "how"
}

// reportVerbs introduce another's words: 'the ticket says "operator error"'.
var reportVerbs = wordSet(`says said reads read calls called titled labelled labeled`)

// presentBe are the present forms of "be" and "get".
var presentBe = wordSet(`is are gets get`)

// dedupe sorts matches by position and drops a match that overlaps an
// earlier one, keeping the first (on a tie the longest, then the one listed
// first).
func dedupe(fs []found) []Match {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		if fs[i].End != fs[j].End {
			return fs[i].End > fs[j].End
		}
		return fs[i].order < fs[j].order
	})
	out := make([]Match, 0, len(fs))
	for _, f := range fs {
		if n := len(out); n > 0 && f.Start < out[n-1].End {
			continue
		}
		out = append(out, f.Match)
	}
	return out
}

// negatedLabel reports whether the phrase at m is a label the clause
// declines to apply: "We are not treating this as anyone's carelessness",
// "nobody is calling it negligence".
func negatedLabel(toks []token, m int) bool {
	label := false
	for k := m - 1; k >= 0 && !toks[k].is(fStrong|fComma); k-- {
		t := &toks[k]
		if (labelVerbs[t.base] || declineVerbs[t.base]) && !(k > 0 && toks[k-1].is(fDet)) &&
			(!asVerbs[t.base] || asBetween(toks, k, m)) {
			// (After a determiner a noun: "on the call". "Reading" labels
			// only as "reading it as": "people who merge without reading
			// it will be held accountable" declines nothing.)
			label = true
			continue
		}
		if label && (t.is(fNeg) || t.base == "nobody" || t.base == "no-one") {
			return true
		}
		if isBoundary(toks, k) {
			return false
		}
	}
	return false
}

// asVerbs apply a label only with "as": "seeing this as carelessness".
var asVerbs = wordSet(`see seeing read reading view viewing regard regarding`)

// asBetween reports whether "as" stands between tokens k and m.
func asBetween(toks []token, k, m int) bool {
	for j := k + 1; j < m; j++ {
		if toks[j].base == "as" {
			return true
		}
	}
	return false
}

// declineVerbs apply or withhold a label: "treating this as", "calling it".
var declineVerbs = wordSet(`treat treats treating treated call calls calling called consider considers
	considering considered describe describes describing described frame frames framing framed view viewing
	regard regarding put putting chalk chalking attribute attributing see seeing read reading`)
