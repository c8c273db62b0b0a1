package search

import (
	"encoding/json"
	"maps"
	"slices"
	"sort"
	"strings"
)

// indexState is what a Cache keeps of the index of the last build, so that
// the next one updates the lists of the keys of the documents that changed
// instead of indexing every document again. A document's postings depend
// on nothing but its words and the fields' average lengths (on a grid,
// lenGrid), and its number on its place by date, so a change to a few
// documents changes a few lists; update makes the same index as a full
// build would, byte for byte, or gives up.
type indexState struct {
	docs      [][32]byte     // the key of document n (docKey)
	grid      [nFields]int32 // the fields' average lengths (lenGrid)
	shardSize int
	total     int              // bytes of the entries, which set the number of shards
	shards    []shard          // shard n's file: {"key":["exact","prefix"],...}
	full      map[string]*blob // the whole list of each prefix whose entry holds its best postings
	stems     stemList
	words     map[string]wordStat
	facets    map[string]string // the list of each filter value, by key ("!year:2025")
}

// wordStat is a word's stem and the number of documents it is in.
type wordStat struct {
	stem string
	df   int32
}

// stemList is the stems of an index, sorted, with the number of documents
// each is in.
type stemList struct {
	keys []string
	dfs  []int32
}

// set sets the number of documents of a stem; 0 removes it.
func (l *stemList) set(s string, df int32) {
	i, ok := slices.BinarySearch(l.keys, s)
	switch {
	case ok && df == 0:
		l.keys = slices.Delete(l.keys, i, i+1)
		l.dfs = slices.Delete(l.dfs, i, i+1)
	case ok:
		l.dfs[i] = df
	case df > 0:
		l.keys = slices.Insert(l.keys, i, s)
		l.dfs = slices.Insert(l.dfs, i, df)
	}
}

func (l stemList) clone() stemList {
	return stemList{keys: slices.Clone(l.keys), dfs: slices.Clone(l.dfs)}
}

// alias returns the stem whose list a prefix's list enc is, so that the
// prefix's entry refers to it ("~stem") instead of repeating it: the
// smallest stem that starts with the prefix (itself included) and has the
// same list, or "".
func alias(p, enc string, stems stemList, exact func(stem string) string) string {
	count := int32(postingCount(enc))
	best := ""
	for i := sort.SearchStrings(stems.keys, p); i < len(stems.keys) && strings.HasPrefix(stems.keys[i], p); i++ {
		if s := stems.keys[i]; stems.dfs[i] == count && (best == "" || cmp16(s, best) < 0) && exact(s) == enc {
			best = s
		}
	}
	return best
}

// docIndex is one document's part of the index: the impacts of its stems
// and pairs (exact) and of the prefixes of its words, and its words.
type docIndex struct {
	exact, prefix map[string]uint8
	words         []string
}

// analyze returns a document's part of the index, as entries computes it
// for every document at once.
func analyze(words [nFields]string, avgLen *[nFields]float64) docIndex {
	var lens [nFields]int
	stemTF := map[string]*[nFields]uint16{}
	pairTF := map[string]*[nFields]uint16{}
	seen := map[string]bool{}
	count := func(m map[string]*[nFields]uint16, k string, f int) {
		tf := m[k]
		if tf == nil {
			tf = new([nFields]uint16)
			m[k] = tf
		}
		tf[f] = sat16(tf[f] + 1)
	}
	for f, ws := range words {
		prev := ""
		eachWord(ws, func(w string) {
			if w == valueBreak {
				prev = "" // no pair across two values
				return
			}
			lens[f]++
			seen[w] = true
			s := Stem(w)
			count(stemTF, s, f)
			if prev != "" {
				count(pairTF, prev+" "+s, f)
			}
			prev = s
		})
	}
	d := docIndex{exact: make(map[string]uint8, len(stemTF)+len(pairTF)), prefix: map[string]uint8{}}
	for _, m := range []map[string]*[nFields]uint16{stemTF, pairTF} {
		for k, tf := range m {
			d.exact[k] = impact(*tf, lens, avgLen)
		}
	}
	for w := range seen {
		d.words = append(d.words, w)
		q := d.exact[Stem(w)]
		eachPrefix(w, func(p string) { d.prefix[p] = max(d.prefix[p], q) })
	}
	return d
}

// fieldLens returns the number of words in each field of a document.
func fieldLens(words *[nFields]string) [nFields]int {
	var lens [nFields]int
	for f, ws := range words {
		if ws != "" {
			lens[f] = strings.Count(ws, "\x00") + 1 - strings.Count(ws, valueBreak)
		}
	}
	return lens
}

// A change is a document's new posting in a list, or its removal.
type change struct {
	doc  int
	imp  uint8
	gone bool
}

// changes adds to out the changes from a document's old impacts to its new
// ones.
func changes(out map[string][]change, doc int, old, cur map[string]uint8) {
	for k, q := range cur {
		if was, ok := old[k]; !ok || was != q {
			out[k] = append(out[k], change{doc: doc, imp: q})
		}
	}
	for k := range old {
		if _, ok := cur[k]; !ok {
			out[k] = append(out[k], change{doc: doc, gone: true})
		}
	}
}

// apply returns a list with the changes made.
func apply(list []posting, cs []change) []posting {
	changed := make(map[int]bool, len(cs))
	for _, c := range cs {
		changed[c.doc] = true
	}
	out := make([]posting, 0, len(list)+len(cs))
	for _, p := range list {
		if !changed[p.doc()] {
			out = append(out, p)
		}
	}
	for _, c := range cs {
		if !c.gone {
			out = append(out, mkPosting(c.doc, c.imp))
		}
	}
	slices.Sort(out) // by document: the document is in the high bits
	return out
}

// maxChanged is the share of documents above which update gives up: a full
// build is then as fast.
const maxChanged = 8

// update returns the index of the documents in order, made from st by
// redoing the documents whose keys changed, or nil when it cannot (the
// average lengths or the number of shards changed, too many documents
// did, or the cache lacks an old document's words).
func (st *indexState) update(order []*Doc, prep []*CachedDoc, keys [][32]byte, before map[[32]byte]*CachedDoc, facets map[string]*facet) *indexState {
	if keys == nil {
		return nil
	}
	var sums [nFields]int
	for _, d := range prep {
		for f, l := range d.lens {
			sums[f] += int(l)
		}
	}
	grid := lenGrid(sums, len(order))
	if grid != st.grid {
		return nil
	}
	avgLen := gridLens(grid)
	var redo []int
	for n := 0; n < max(len(order), len(st.docs)); n++ {
		if n >= len(order) || n >= len(st.docs) || keys[n] != st.docs[n] {
			redo = append(redo, n)
		}
	}
	if len(redo) > max(8, len(order)/maxChanged) {
		return nil
	}

	next := &indexState{
		docs:      slices.Clone(keys),
		grid:      grid,
		shardSize: st.shardSize,
		total:     st.total,
		shards:    slices.Clone(st.shards),
		full:      maps.Clone(st.full),
		stems:     st.stems.clone(),
		words:     st.words,
		facets:    make(map[string]string),
	}
	exactCh, prefixCh := map[string][]change{}, map[string][]change{}
	if len(redo) > 0 {
		next.words = maps.Clone(st.words)
	}
	for _, n := range redo {
		var old, cur docIndex
		if n < len(st.docs) {
			c := before[st.docs[n]]
			if c == nil {
				return nil
			}
			words, err := c.fieldWords()
			if err != nil {
				return nil
			}
			old = analyze(words, &avgLen)
		}
		if n < len(order) {
			words, err := prep[n].fieldWords()
			if err != nil {
				return nil
			}
			cur = analyze(words, &avgLen)
		}
		changes(exactCh, n, old.exact, cur.exact)
		changes(prefixCh, n, old.prefix, cur.prefix)
		for _, w := range old.words {
			ws := next.words[w]
			if ws.df--; ws.df <= 0 {
				delete(next.words, w)
			} else {
				next.words[w] = ws
			}
		}
		for _, w := range cur.words {
			ws, ok := next.words[w]
			if !ok {
				ws.stem = Stem(w)
			}
			ws.df++
			next.words[w] = ws
		}
	}
	for _, e := range facetEntries(facets) {
		next.facets[e.key] = e.exact
	}

	sh := &shardEdit{st: next, parsed: map[int]map[string][2]string{}}
	// The exact lists first: the stems', pairs' and filter values'.
	oldExact := map[string]string{} // their lists before, by key
	setExact := func(k, enc string) bool {
		e, ok := sh.get(k)
		if !ok {
			return false
		}
		oldExact[k] = e[0]
		e[0] = enc
		sh.put(k, e)
		return true
	}
	for k, cs := range exactCh {
		// A shard that cannot be read fails setExact, as it failed here.
		list := apply(decodePostings(sh.exact(k)), cs)
		if !setExact(k, encodePostings(list)) {
			return nil
		}
		if isStem(k) {
			next.stems.set(k, int32(len(list)))
		}
	}
	for k, enc := range next.facets {
		if st.facets[k] != enc && !setExact(k, enc) {
			return nil
		}
	}
	for k := range st.facets {
		if _, ok := next.facets[k]; !ok && !setExact(k, "") {
			return nil
		}
	}

	// Then the prefixes': those of the documents changed, and those that
	// may now refer to a changed stem's list, or no longer can.
	redoPrefix := map[string]bool{}
	for k := range prefixCh {
		redoPrefix[k] = true
	}
	for k, was := range oldExact {
		if isStem(k) && was != sh.exact(k) {
			eachPrefix(k, func(p string) { redoPrefix[p] = true })
			redoPrefix[k] = true
		}
	}
	// before returns the list a prefix's entry had.
	before1 := func(p string, e [2]string) string {
		if a, ok := strings.CutPrefix(e[1], "~"); ok {
			if enc, ok := oldExact[a]; ok {
				return enc
			}
			return sh.exact(a)
		}
		return e[1]
	}
	for p := range redoPrefix {
		e, ok := sh.get(p)
		if !ok {
			return nil
		}
		capped := before1(p, e)
		if cs, ok := prefixCh[p]; ok {
			old := capped
			if full, ok := st.full[p]; ok {
				var err error
				if old, err = full.get(); err != nil {
					return nil
				}
			}
			list := apply(decodePostings(old), cs)
			delete(next.full, p)
			if len(list) > maxPrefixPostings {
				b := memBlob(encodePostings(list))
				next.full[p] = &b
			}
			capped = encodePostings(capPostings(list, maxPrefixPostings))
		}
		if a := alias(p, capped, next.stems, sh.exact); a != "" {
			capped = "~" + a
		}
		e[1] = capped
		sh.put(p, e)
	}
	if !sh.flush() || shardCount(next.total, next.shardSize) != len(next.shards) {
		return nil
	}
	return next
}

// isStem reports whether an entry's key is a stem's (or a prefix's), not a
// pair's or a filter value's.
func isStem(k string) bool {
	return !strings.HasPrefix(k, "!") && !strings.Contains(k, " ")
}

// shardEdit changes entries of an indexState's shards: it parses a shard
// when one of its entries is first read, and writes the shards changed
// back with flush.
type shardEdit struct {
	st     *indexState
	parsed map[int]map[string][2]string
	bad    bool
}

// get returns a key's entry (empty when there is none), and false when its
// shard cannot be read.
func (sh *shardEdit) get(k string) ([2]string, bool) {
	n := shardOf(k, len(sh.st.shards))
	m, ok := sh.parsed[n]
	if !ok {
		text, err := sh.st.shards[n].entries(n)
		if err == nil {
			m, ok = parseEntries(text)
		}
		if err != nil || !ok {
			sh.bad = true
			return [2]string{}, false
		}
		sh.parsed[n] = m
	}
	return m[k], true
}

// parseEntries parses a shard's entries, {"key":["exact","prefix"],...},
// as entry.text writes them, and reports whether it could. A string of
// printable ASCII is taken as it is, without a copy, and any other as
// encoding/json reads it: encoding/json took 5 ms of a rebuild's 40 ms in
// the index to parse the shards a changed postmortem touches.
func parseEntries(text string) (map[string][2]string, bool) {
	i := 0
	str := func() (string, bool) {
		if i >= len(text) || text[i] != '"' {
			return "", false
		}
		j := i + 1
		plain := true // printable ASCII, no escape
		for j < len(text) && text[j] != '"' {
			if c := text[j]; c == '\\' {
				plain = false
				j++
			} else if c < 0x20 || c > 0x7e {
				plain = false
			}
			j++
		}
		if j >= len(text) {
			return "", false
		}
		raw := text[i : j+1]
		i = j + 1
		if plain {
			return raw[1 : len(raw)-1], true
		}
		var s string
		if json.Unmarshal([]byte(raw), &s) != nil {
			return "", false
		}
		return s, true
	}
	next := func(c byte) bool {
		if i < len(text) && text[i] == c {
			i++
			return true
		}
		return false
	}
	if !next('{') {
		return nil, false
	}
	m := make(map[string][2]string, strings.Count(text, ":["))
	if next('}') {
		return m, i == len(text)
	}
	for {
		k, ok := str()
		if !ok || !next(':') || !next('[') {
			return nil, false
		}
		var e [2]string
		if e[0], ok = str(); !ok {
			return nil, false
		}
		if next(',') {
			if e[1], ok = str(); !ok {
				return nil, false
			}
		}
		if !next(']') {
			return nil, false
		}
		if _, dup := m[k]; dup {
			return nil, false
		}
		m[k] = e
		if next('}') {
			return m, i == len(text)
		}
		if !next(',') {
			return nil, false
		}
	}
}

// exact returns a key's exact list.
func (sh *shardEdit) exact(k string) string {
	e, _ := sh.get(k)
	return e[0]
}

func (sh *shardEdit) put(k string, e [2]string) {
	m := sh.parsed[shardOf(k, len(sh.st.shards))]
	if e == ([2]string{}) {
		delete(m, k)
	} else {
		m[k] = e
	}
}

// flush writes the shards changed into the state, and counts their bytes
// in its total; it reports whether every shard could be read.
func (sh *shardEdit) flush() bool {
	for n, m := range sh.parsed {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, cmp16)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = entry{key: k, exact: m[k][0], prefix: m[k][1]}.text()
		}
		text := "{" + strings.Join(parts, ",") + "}"
		old, err := sh.st.shards[n].entries(n)
		if err != nil {
			return false
		}
		sh.st.total += entriesSize(text) - entriesSize(old)
		sh.st.shards[n] = newShard(n, text)
	}
	return !sh.bad
}

// entriesSize returns what a shard's entries count in indexState.total:
// each entry's text and a separator.
func entriesSize(shard string) int {
	if len(shard) <= 2 {
		return 0
	}
	return len(shard) - 1
}
