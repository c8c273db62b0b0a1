package blameless

// This file finds noun phrases and clause subjects in a tokenised sentence.
// The rules are deliberately shallow: when unsure, they answer "not a person",
// because a missed finding costs less trust than a false one.

// np is a noun phrase: tokens [start, end) and what it refers to.
type np struct {
	start, end int
	person     bool // a named person, a pronoun, a role or a team
	generic    bool // "anyone", "any reviewer", "nobody who ..."
}

// supportKinds name the people of a department after them: "partner
// support", "tier-2 support" (not "IPv6 support").
var supportKinds = wordSet(`partner customer tier-1 tier-2 tier-3 first-line second-line technical tech it field
	merchant seller member fleet flight yard store`)

// controlRooms make "room" the people in it: "the control room".
var controlRooms = wordSet(`control operations ops situation war news`)

// nounPhrase parses a noun phrase starting at token i. It returns ok false
// when token i cannot start one (a verb, an adverb, punctuation).
func nounPhrase(toks []token, i int) (np, bool) {
	if i >= len(toks) {
		return np{}, false
	}
	t := &toks[i]
	switch {
	case t.is(fHandle):
		return np{start: i, end: i + 1, person: true}, true
	case t.is(fPersonPron) && (t.base == "he" || t.base == "she" || t.base == "i"):
		return np{start: i, end: i + 1, person: true}, true
	case t.is(fGeneric):
		end := i + 1
		if t.base == "no" {
			end++
		}
		// "anyone on the mobile squad", "someone from the database team":
		// the phrase runs on through a group of people.
		if end+1 < len(toks) && groupPreps[toks[end].base] {
			if g, ok := headPhrase(toks, end+1, end+1); ok && g.person {
				end = g.end
			}
		}
		return np{start: i, end: end, person: true, generic: true}, true
	case t.base == "some" && i+2 < len(toks) && toks[i+1].base == "of" && (toks[i+2].base == "us" || toks[i+2].base == "you"):
		// "Some of us apparently think": people singled out among the
		// writers or the readers.
		return np{start: i, end: i + 3, person: true}, true
	case t.base == "one" && i+1 < len(toks) && plainWord(&toks[i+1]):
		// "one junior engineer's session": "one" as a determiner.
		return headPhrase(toks, i, i+1)
	case t.is(fOtherPron):
		return np{start: i, end: i + 1}, true
	case t.is(fPast) && i+2 < len(toks) && toks[i+1].is(fRole) && !toks[i+1].is(fPossessive) && toks[i+2].verbish():
		// "tired admin deleted the wrong directory": an -ed adjective on
		// a role with no article, as notes are written.
		return np{start: i, end: i + 2, person: true}, true
	case t.is(fName) && t.is(fSentenceStart) && !t.is(fPossessive) && i+1 < len(toks) && !people(t) &&
		(plainWord(&toks[i+1]) && !presentBeforeObject(toks, i+1) ||
			toks[i+1].is(fPresent) && i+2 < len(toks) && (toks[i+2].verbish() || toks[i+2].is(fNeg))):
		// "Older app versions failed": a capitalised modifier, not a name.
		if toks[i+1].is(fPresent) {
			// "Release builds should never read": the -s word is the
			// head noun, not a verb.
			return np{start: i, end: i + 2}, true
		}
		return headPhrase(toks, i, i)
	case t.is(fName):
		j := i + 1
		for j < len(toks) && !toks[j-1].is(fPossessive) && toks[j].is(fTitle) && !toks[j].is(fAux|fPrep|fCoord|fSub|fRel|fDet) {
			j++
		}
		if j < len(toks) && !toks[j-1].is(fPossessive) && plainWord(&toks[j]) && !presentBeforeObject(toks, j) && !people(t) {
			// "Initial Friday post", "Hellman logs": capitalised modifiers.
			return headPhrase(toks, i, i)
		}
		if !toks[j-1].is(fPossessive) {
			return np{start: i, end: j, person: true}, true
		}
		// "Femi's handling": the possessor is a determiner of what follows.
		return headPhrase(toks, i, j)
	case t.is(fDet) || t.is(fWord) && !t.is(fPunct|fAux|fNeg|fAdv|fPrep|fCoord|fSub|fRel|fPast|fPresent) || t.is(fNumber):
		return headPhrase(toks, i, i)
	}
	return np{}, false
}

// headPhrase parses the rest of a noun phrase that starts at i, with its
// modifiers beginning at j, and classifies it by its head noun.
func headPhrase(toks []token, i, j int) (np, bool) {
	if j == i && toks[j].is(fDet) {
		j++
	}
	first := j
	for j < len(toks) {
		t := &toks[j]
		if !t.is(fWord) || t.is(fAux|fNeg|fPrep|fCoord|fSub|fRel|fDet|fPersonPron|fOtherPron) && j > first {
			break
		}
		if t.is(fAdv) && !t.is(fTitle) {
			break
		}
		if j > first && (t.is(fPresent) || t.is(fPast) && (verbAfter(toks, j) || toks[j-1].is(fRole) ||
			// "the outage affected people": between a thing and people,
			// an -ed word is the verb, not a modifier of the people.
			j+1 < len(toks) && toks[j+1].is(fRole|fName) && plainWord(&toks[j-1]) && !comparatives[toks[j-1].base] && !expertAdjectives[t.base]) ||
			// "the grid affecting 50 people": an -ing word after a noun,
			// before its own object, starts a clause of its own.
			isGerund(t) && plainWord(&toks[j-1]) && j+1 < len(toks) && toks[j+1].is(fNumber|fDet|fName|fGeneric) ||
			pluralRole(&toks[j-1]) && (j+1 < len(toks) && toks[j+1].is(fDet|fPersonPron|fOtherPron) || verbBases[t.base])) &&
			!toks[j-1].is(fPossessive) {
			// "the reviewer showed poor judgement": after a noun that
			// names a person, an -ed word is the verb.
			break
		}
		j++
		if t.is(fPossessive) && j < len(toks) && toks[j].is(fWord) {
			first = j
		}
	}
	if j == first {
		return np{}, false
	}
	head := &toks[j-1]
	p := np{start: i, end: j}
	p.person = head.is(fRole|fName|fHandle) || head.is(fPersonPron) && head.base != "his" && head.base != "her" ||
		j-i == 1 && departments[head.base] ||
		// "Partner support", "tier-2 support": the people who answer.
		departments[head.base] && j-2 >= first && j-2 >= i && supportKinds[toks[j-2].base] ||
		// "the night shift", "the on-call rotation"
		shiftNouns[head.base] && j-2 >= first && (shiftTimes[toks[j-2].base] || toks[j-2].is(fRole)) ||
		// "Networking", "Identity": a capitalised team name in mid-sentence
		j-i == 1 && head.is(fTitle) && !head.is(fSentenceStart) && teamNames[head.base] ||
		// "Platform engineering", "marketing operations": a function
		// named by what it does.
		groupHeads[head.base] && j-2 >= first && j-2 >= i && (teamNames[toks[j-2].base] || departments[toks[j-2].base]) ||
		// "the release engineering group", "the payments rotation", "the
		// support desk": a collective noun after what the group does.
		// "the ski school office": the people who staff it.
		head.base == "office" && j-2 >= i && (plainWord(&toks[j-2]) || toks[j-2].is(fPossessive) && personToken(&toks[j-2])) ||
		// "the control room", "the night controller": the people on duty.
		head.base == "room" && j-2 >= i && controlRooms[toks[j-2].base] ||
		(head.base == "controller" || head.base == "controllers") && j-2 >= i && shiftTimes[toks[j-2].base] ||
		teamNouns[head.base] && j-2 >= first && j-2 >= i && (teamNames[toks[j-2].base] ||
			departments[toks[j-2].base] || groupHeads[toks[j-2].base] || toks[j-2].is(fRole)) ||
		// "the person responsible", "the engineers involved"
		postAdjectives[head.base] && j-2 >= first && toks[j-2].is(fRole|fName) ||
		humanOperator(toks, first, j)
	// "any reviewer", "a competent engineer", "every engineer"
	if p.person && (toks[i].base == "any" || toks[i].base == "every") {
		p.generic = true
	}
	if p.person && toks[i].base == "a" && j-i >= 3 {
		p.generic = expertAdjectives[toks[j-2].base] || toks[i+1].base == "more"
	}
	return p, true
}

// humanOperator reports whether the noun phrase whose words run from first
// to the head at j-1 is a person who operates something: "the payroll
// operator", "the operator on duty". A bare "operator" is as often software
// ("the Redis operator promoted a replica"), so it needs one of these.
func humanOperator(toks []token, first, j int) bool {
	if !operatorNouns[toks[j-1].base] {
		return false
	}
	if j-2 >= first && operatorDomains[toks[j-2].base] {
		return true
	}
	return j+1 < len(toks) && toks[j].base == "on" && dutyWords[toks[j+1].base]
}

var (
	operatorNouns   = wordSet(`operator operators`)
	operatorDomains = wordSet(`human payroll console night day duty shift desk machine plant control-room`)
	dutyWords       = wordSet(`duty shift call`)
)

var (
	shiftNouns = wordSet(`shift shifts rota rotation`)
	shiftTimes = wordSet(`night day morning evening afternoon weekend overnight late early graveyard
		holiday`)
	postAdjectives = wordSet(`responsible involved concerned`)
	groupHeads     = wordSet(`engineering operations ops support`)
	teamNouns      = wordSet(`group groups rotation rota crew crews desk department function unit squad
		squads pod guild office`)
	// teamNames are functions that name a team when capitalised mid-sentence.
	teamNames = wordSet(`networking infrastructure infra platform identity operations database databases
		storage payments billing frontend backend mobile data reliability release compliance`)
)

// pluralRole reports whether t is a plural noun naming people ("engineers",
// "reviewers"), after which a word followed by an object is a verb: "the
// vendor's engineers treat our tickets as spam".
func pluralRole(t *token) bool {
	return t.is(fRole) && len(t.base) > 3 && t.base[len(t.base)-1] == 's'
}

// groupPreps join a generic person to the group it belongs to.
var groupPreps = wordSet(`on in from at of`)

// presentBeforeObject reports whether the -s word at j, not in the verb
// lexicon, acts as a verb because an object follows it: "Yusuf approaches
// an incident", not "Hellman logs are stored".
func presentBeforeObject(toks []token, j int) bool {
	w := toks[j].base
	if len(w) < 4 || w[len(w)-1] != 's' || w[len(w)-2] == 's' || w[len(w)-2] == 'u' || w[len(w)-2] == 'i' {
		return false
	}
	if j+1 >= len(toks) {
		return false
	}
	n := &toks[j+1]
	return n.is(fDet) && n.base != "that" || n.is(fPersonPron|fHandle) || n.base == "it"
}

// plainWord reports whether t is a lower-case content word that is not a
// verb: the kind of word that continues a noun phrase.
func plainWord(t *token) bool {
	return t.is(fWord) && !t.is(fTitle|fName|fHandle|fNumber|fPunct|fAux|fNeg|fAdv|fPrep|fCoord|fSub|fRel|fDet|
		fPersonPron|fOtherPron|fGeneric|fPresent|fPast)
}

// people reports whether t is a name the repository configured.
func people(t *token) bool { return t.is(fKnown) }

var expertAdjectives = wordSet(`experienced competent careful good decent reasonable capable seasoned senior
	qualified diligent professional attentive responsible`)

// verbAfter reports whether the -ed word at j acts as a verb: it is followed
// by a determiner, a pronoun, a preposition, an adverb, punctuation or the
// end, rather than by the noun it modifies ("the affected column").
func verbAfter(toks []token, j int) bool {
	if blameVerbs[toks[j].base] {
		return true
	}
	if j+1 >= len(toks) {
		return true
	}
	n := &toks[j+1]
	return !n.is(fWord) || n.is(fDet|fPersonPron|fOtherPron|fPrep|fAdv|fCoord|fSub|fRel|fNeg|fNumber|fName|fHandle|fGeneric)
}

// comparatives are the words that grade the adjective after them ("a more
// seasoned engineer").
var comparatives = wordSet(`more most less least`)

// blameVerbs are -ed forms that are verbs whenever they follow a noun.
var blameVerbs = wordSet(`ignored neglected missed skipped caused forgot overlooked disregarded dismissed
	botched messed screwed wrecked failed rushed decided pushed flipped changed scheduled approved merged
	deployed ran cut left told`)

// isBoundary reports whether token k separates clauses.
func isBoundary(toks []token, k int) bool {
	t := &toks[k]
	if t.is(fStrong | fComma) {
		return true
	}
	if t.base == "that" && k > 0 && toks[k-1].verbish() && k+1 < len(toks) && plainWord(&toks[k+1]) &&
		(k+2 >= len(toks) || !toks[k+2].verbish() && !(toks[k+2].is(fNeg|fAdv) && !toks[k+2].is(fPrep))) {
		// "switched that check off": a determiner, not a relative.
		return false
	}
	if t.base == "that" && k > 0 && toks[k-1].is(fPrep) && !toks[k-1].is(fSub) && toks[k-1].base != "except" {
		// "in that very channel": after a preposition, a determiner
		// or a pronoun.
		return false
	}
	if t.base == "that" && k+1 < len(toks) && timeNouns[toks[k+1].base] {
		// "was on call that weekend": a determiner of a time.
		return false
	}
	if t.is(fSub) && prepositionalSub[t.base] && k+1 < len(toks) && toks[k+1].is(fAux) {
		// "Anyone who had done one before would have": an adverb
		// closing the clause, since no subject follows.
		return false
	}
	if t.is(fCoord) || t.is(fRel) || t.is(fSub) && !prepositionalSub[t.base] {
		return true
	}
	if !t.is(fSub) {
		return false
	}
	// "as", "since", "after" and the like join clauses ("as the checklist
	// allows", "since the alert was muted"), but as prepositions ("as a
	// hotfix", "since last spring", "as if") they stay inside the clause.
	return k+1 < len(toks) && !toks[k+1].is(fAdv) && finiteVerbAhead(toks, k+1)
}

// timeNouns follow "that" as a determiner: "that weekend", "that night".
var timeNouns = wordSet(`day night week weekend morning evening afternoon month year time shift sprint
	quarter release`)

// prepositionalSub are subordinators that are also prepositions.
var prepositionalSub = wordSet(`as since until after before`)

// finiteVerbAhead reports whether a verb follows token i within a few words
// and before the next clause boundary: "as the checklist allows" starts a
// clause, "as a hotfix" and "as human error" do not.
func finiteVerbAhead(toks []token, i int) bool {
	for j := i; j < len(toks) && j < i+6; j++ {
		t := &toks[j]
		if t.is(fStrong|fComma|fCoord|fSub|fRel) && j > i {
			return false
		}
		if t.is(fAux|fPresent) || t.is(fPast) && j > i {
			return true
		}
	}
	return false
}

// subject finds the subject of the clause that contains token m, looking
// only at tokens before m. ok is false when there is none to be found.
func subject(toks []token, m int) (np, bool) {
	// "due to JupyterHub being too busy": the subject of "being" is the
	// word just before it, whatever starts the clause.
	if b := m - 1; b > 0 {
		for b > 0 && toks[b].is(fAdv) {
			b--
		}
		if b > 0 && toks[b].low == "being" && !isBoundary(toks, b-1) {
			return np{start: b - 1, end: b, person: personToken(&toks[b-1])}, true
		}
	}
	// "assume we could have started it faster": a pronoun right before the
	// verb group is its subject, whatever starts the clause.
	for k := m - 1; m < len(toks) && toks[m].is(fAux|fPast|fPresent) && !toks[m].is(fPrep) && k >= 0 && !isBoundary(toks, k); k-- {
		if toks[k].is(fAux | fNeg | fAdv) {
			continue
		}
		if nominativeOther[toks[k].base] {
			return np{start: k, end: k + 1}, true
		}
		break
	}
	end := m
	shared := false // the clause shares its subject across a coordinator
	for guard := 0; guard < 12; guard++ {
		// Start of the clause: just after the nearest boundary before
		// end, stepping over short quotations.
		s := end
		for s > 0 {
			if toks[s-1].is(fQuoteClose) {
				s = quoteOpen(toks, s-1)
				continue
			}
			if isBoundary(toks, s-1) {
				break
			}
			s--
		}
		// "Nobody on the loyalty or data teams is at fault": a
		// coordinator inside a prepositional phrase joins nouns, not
		// clauses, so the clause starts before it.
		for s > 1 && nounCoordination(toks, s-1) {
			s--
			for s > 0 && !isBoundary(toks, s-1) {
				s--
			}
		}
		// Skip adverbs, numbers and times at the start ("14:21 UTC", "Then").
		k := s
		for k < end && (toks[k].is(fAdv|fNumber) || toks[k].base == "utc") {
			k++
		}
		if shared && s > 0 && toks[s-1].is(fSub) && !toks[s-1].is(fPrep) {
			// "Nasrin switched it off because it was noisy and never
			// switched it back on": the coordinated verb belongs to the
			// main clause, not to the subordinate one before it.
			end = s - 1
			continue
		}
		if shared && k < end && isGerund(&toks[k]) && s > 0 && toks[s-1].is(fComma) {
			// "The grid failure, affecting 50 people, caused ...": a
			// participle set off by commas describes the subject; it
			// is not one.
			end = s - 1
			continue
		}
		if shared && k < end && toks[k].is(fPrep) && !toks[k].is(fSub) && s > 0 && toks[s-1].is(fComma) && !finiteVerbAhead(toks, k+1) {
			// "Running destroys by hand, with no second pair of eyes,
			// was irresponsible": a phrase set off by commas between
			// the subject and its verb.
			end = s - 1
			continue
		}
		if k < end {
			if shared && toks[k].base == "as" {
				// "Kwame, as the reviewer, overlooked it": a role set
				// off by commas describes the person before it.
				if q, ok := appositiveHost(toks, s); ok {
					return q, true
				}
			}
			if p, ok := nounPhrase(toks, k); ok && p.end <= end {
				// "Anyone paying attention would have": the phrase's own
				// modifiers may run up to the verb.
				if end == m {
					p = complementSubject(toks, p, m)
				}
				if !p.person && shared {
					if q, ok := appositiveHost(toks, s); ok {
						// "Callum Fraser, the head of engineering,
						// waved it through": the person the
						// appositive describes.
						return q, true
					}
				}
				return p, true
			}
			if toks[k].is(fPrep) && !toks[k].is(fSub) {
				// "For the next ten minutes Jarrah was ...": past a
				// leading phrase, the word before the verb group.
				if p, ok := subjectBeforeVerb(toks, k, end); ok {
					return p, true
				}
			}
			gerund := toks[k].is(fPrep|fSub) && k+1 < len(toks) && isGerund(&toks[k+1])
			// "..., after failing to make progress": a gerund clause
			// shares the subject of the clause before it.
			if !gerund && !toks[k].is(fRel) && !toks[k].verbish() && !toks[k].is(fNeg|fAdv) {
				return np{}, false
			}
		}
		if s == 0 {
			return np{}, false
		}
		b := &toks[s-1]
		switch {
		case b.is(fStrong):
			return np{}, false
		case b.is(fRel):
			// "the owners, who let it through": the antecedent.
			a := s - 2
			for a >= 0 && toks[a].is(fComma) {
				a--
			}
			if a < 0 {
				return np{}, false
			}
			if b.base == "who" || b.base == "whom" {
				if toks[a].verbish() {
					// "6,240 applicants were declined who should
					// have gone to review": the clause is set off from
					// the noun it describes, which is not found here.
					return np{}, false
				}
				if outsiders[toks[a].base] {
					// "customers who had forgotten their passwords":
					// the people a system serves, not its responders.
					return np{start: a, end: a + 1}, true
				}
				return np{start: a, end: a + 1, person: true, generic: toks[a].is(fGeneric) || phraseStartGeneric(toks, a)}, true
			}
			ap := antecedent(toks, a)
			if shared && !ap.person && mindVerbs[toks[m].base] && verbBefore(toks, ap.start) {
				// "Arjun set up the rule that moved the backups and
				// then forgot about it": a verb only a person does,
				// coordinated after a relative clause on the object,
				// belongs to the main clause.
				end = ap.start
				continue
			}
			return ap, true
		case b.is(fSub):
			// "because forgot": no subject to share across a subordinator.
			return np{}, false
		}
		// A coordinator or a comma: the subject is shared with the previous
		// clause ("Kenji removed the permission and never tried").
		end = s - 1
		shared = true
	}
	return np{}, false
}

// appositiveHost returns the person named just before a comma at s-1 when
// the phrase from s is set off as an appositive: "Callum Fraser, the head
// of engineering, ...". The person must be the whole of its clause.
func appositiveHost(toks []token, s int) (np, bool) {
	if s < 2 || !toks[s-1].is(fComma) {
		return np{}, false
	}
	e := s - 1
	b := e
	for b > 0 && !isBoundary(toks, b-1) {
		b--
	}
	if b == e {
		return np{}, false
	}
	q, ok := nounPhrase(toks, b)
	if !ok || !q.person || q.end != e {
		return np{}, false
	}
	return q, true
}

// subjectBeforeVerb finds a person named just before the verb group that
// ends the clause [k, end): "At 14:02 the DBA ignored", "For an hour Jarrah
// was". It answers only for a person; anything else is left unknown.
func subjectBeforeVerb(toks []token, k, end int) (np, bool) {
	e := end - 1
	for e > k && toks[e].is(fAux|fAdv|fNeg) {
		e--
	}
	if e <= k || e == end-1 && !toks[end-1].is(fAux|fAdv|fNeg) && !(end < len(toks) && toks[end].verbish()) {
		return np{}, false
	}
	t := &toks[e]
	if t.is(fPossessive) || !(t.is(fName|fHandle|fRole|fGeneric) || t.base == "he" || t.base == "she") {
		return np{}, false
	}
	s := e
	for s > k+1 && toks[s-1].is(fTitle) && toks[s-1].is(fName) && !toks[s-1].is(fPossessive) {
		s--
	}
	if t.is(fRole) && s > k+1 && toks[s-1].is(fDet) {
		s--
	}
	return np{start: s, end: e + 1, person: true, generic: t.is(fGeneric)}, true
}

// complementSubject returns the subject of the verb group at m when it
// sits in a complement clause without "that" after the main clause's
// subject p and verb: in "She noticed the retries made it worse" the
// subject of "made" is "the retries"; in "Lea said Dana ignored it", Dana.
func complementSubject(toks []token, p np, m int) np {
	// "Whoever approved this change caused the outage": a free relative
	// is the whole subject.
	if !toks[m].verbish() || toks[m].is(fPrep) || toks[p.start].base == "whoever" {
		return p
	}
	q := m - 1
	for q >= p.end && toks[q].is(fAux|fNeg|fAdv) {
		q--
	}
	if q <= p.end || !toks[q].is(fWord) || toks[q].verbish() || toks[q].is(fPrep|fCoord|fSub|fRel|fDet) {
		return p
	}
	c := antecedent(toks, q)
	if c.start <= p.end || c.end != q+1 {
		return p
	}
	v := &toks[c.start-1]
	if !v.is(fPast|fPresent) || v.is(fAux|fPrep) {
		return p
	}
	return c
}

// outsiders are the people a system serves; their slips are not the
// responders' actions a postmortem could blame.
var outsiders = wordSet(`customer customers user users client clients shopper shoppers visitor visitors
	subscriber subscribers buyer buyers player players patient patients passenger passengers consumer consumers tenant tenants merchant merchants account-holders
	fan fans reader readers viewer viewers listener listeners applicant applicants student students guest guests
	attendee attendees traveller travellers traveler travelers rider riders donor donors citizen citizens resident residents
	member members cardholder cardholders policyholder policyholders`)

// mindVerbs are omission verbs whose subject can only be a person.
var mindVerbs = wordSet(`forgot forgets forget forgotten neglected neglects overlooked disregarded`)

// verbBefore reports whether a verb precedes token i within its clause, so
// that the noun phrase at i is an object.
func verbBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && !isBoundary(toks, k); k-- {
		if toks[k].verbish() {
			return true
		}
	}
	return false
}

// nominativeOther are subject pronouns that do not point at one person.
var nominativeOther = wordSet(`we it you they`)

// antecedent classifies the noun phrase that ends at token a.
func antecedent(toks []token, a int) np {
	s := a
	for s > 0 && toks[s-1].is(fWord) && !toks[s-1].is(fAux|fPrep|fCoord|fSub|fRel|fNeg|fAdv|fPast|fPresent) {
		s--
	}
	p, ok := nounPhrase(toks, s)
	if !ok {
		return np{start: s, end: a + 1}
	}
	return p
}

// phraseStartGeneric reports whether the noun phrase ending at a starts with
// a generic person ("nobody", "anyone").
func phraseStartGeneric(toks []token, a int) bool {
	s := a
	for s > 0 && toks[s-1].is(fWord) && !toks[s-1].is(fAux|fPrep|fCoord|fSub|fRel|fPast|fPresent) {
		s--
	}
	return toks[s].is(fGeneric) || toks[s].base == "any" || toks[s].base == "every"
}

// mentionsPerson reports whether any token refers to a person.
func mentionsPerson(toks []token) bool {
	for k := range toks {
		t := &toks[k]
		if t.is(fName | fHandle | fGeneric | fRole) {
			return true
		}
		if t.is(fPersonPron) {
			return true
		}
		// "the night shift"
		if shiftNouns[t.base] && k > 0 && shiftTimes[toks[k-1].base] {
			return true
		}
	}
	return false
}

// clauseNegated reports whether a negation precedes token m in its clause.
func clauseNegated(toks []token, m int) bool {
	verb := false // a verb between token k and m
	noun := false // a word other than an adverb or an auxiliary between them
	for k := m - 1; k >= 0; k-- {
		t := &toks[k]
		if t.is(fStrong) {
			return false
		}
		if t.is(fNeg) {
			// "people who ship without a load test will face
			// consequences", "running it without a second person was
			// reckless": "without" negates its own phrase, not the
			// verb after it.
			if (verb || noun) && t.base == "without" || verb && t.base == "no" && !t.is(fGeneric) {
				continue
			}
			return true
		}
		if t.verbish() {
			verb = true
		} else if !t.is(fAdv) {
			noun = true
		}
		switch t.base {
		case "rather", "instead", "avoid", "avoiding", "against", "beyond":
			return true
		}
		if isBoundary(toks, k) {
			return false
		}
	}
	return false
}

// nounCoordination reports whether the coordinator at c joins two nouns
// inside a prepositional phrase of a subject ("nobody on the mobile or web
// teams", "someone from billing and payments"): the words before it, back
// to the previous boundary, hold a preposition after a noun phrase start
// and no verb.
func nounCoordination(toks []token, c int) bool {
	t := &toks[c]
	if !t.is(fCoord) || t.base != "and" && t.base != "or" || c+1 >= len(toks) {
		return false
	}
	if n := &toks[c+1]; !n.is(fWord) || n.verbish() || n.is(fAdv|fNeg|fPrep|fSub|fRel|fPersonPron|fOtherPron) {
		return false
	}
	if p := &toks[c-1]; !p.is(fWord) || p.verbish() || p.is(fPrep|fAdv|fNeg|fDet|fNumber) {
		return false
	}
	prep := false
	b := c - 1
	for ; b >= 0 && !isBoundary(toks, b); b-- {
		if toks[b].verbish() {
			return false
		}
		if toks[b].is(fPrep) && !toks[b].is(fSub) && b > 0 && !isBoundary(toks, b-1) {
			prep = true
		}
	}
	return prep
}
