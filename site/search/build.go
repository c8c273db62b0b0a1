package search

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/postmortem-dev/postmortem/render/parallel"
)

// Doc is one postmortem as the index sees it.
type Doc struct {
	// ID identifies the document; it must be unique. It is searchable.
	ID string
	// URL is the page's address relative to the site's root, for example
	// "postmortems/2025-03-12-orders.html". It must be relative and must
	// not climb above the root.
	URL string
	// Title and Summary are weighted above Body, the plain text of the
	// postmortem (render.PlainText of its Markdown).
	Title, Summary, Body string
	// Date is YYYY-MM-DD or empty; results with equal scores are listed
	// newest first, and the year is a filter.
	Date string
	// Severity and Status are filters, shown in results.
	Severity, Status string
	// Services and Tags are searchable and filters; Authors are
	// searchable.
	Services, Tags, Authors []string
	// BodySum, when not zero, stands for Body in the document's key in a
	// Cache: documents with the same BodySum have the same Body (a hash of
	// the file it comes from will do). A document whose key the Cache
	// holds needs no Body (see Cache.Has).
	BodySum [32]byte
}

// Options control Build. The zero value is ready to use.
type Options struct {
	// ShardSize is the average size in bytes of a shard of the term
	// dictionary; 0 means DefaultShardSize. Keys go to shards by a hash,
	// so shards vary around it, and one with the list of a word in most
	// documents is larger.
	ShardSize int
	// Cache, if not nil, keeps each document's words and fragment between
	// builds (see Cache).
	Cache *Cache
}

// DefaultShardSize is the average size of a shard, at most. A query
// fetches one shard per word, per pair of neighbouring words and for the
// prefix, so shards are small, yet not so small that a site has thousands
// of them to write: each is a file of the site, and a file costs more to
// create than to fill.
const DefaultShardSize = 16 << 10

// The searchable fields of a document and their BM25F parameters: the
// weight of an occurrence and how much the field's length normalises it.
const (
	fTitle = iota
	fSummary
	fBody
	fMeta // services, tags, authors and the id
	nFields
)

// A key's score in a document is the sum over fields of weight ×
// x/(sat+x), x the key's occurrences normalised by the field's length (its
// impact), times the key's idf (by search.js): one occurrence in the title
// counts about three times the most the body can give, so that the words
// of a title find it.
var (
	fieldWeight = [nFields]float64{fTitle: 3, fSummary: 1.5, fBody: 1, fMeta: 1}
	fieldSat    = [nFields]float64{fTitle: 0.2, fSummary: 0.3, fBody: 1.2, fMeta: 0.2}
	fieldB      = [nFields]float64{fTitle: 0.5, fSummary: 0.5, fBody: 0.75, fMeta: 0.5}
)

// impactScale is the score that gets the highest impact: a word in the
// title and elsewhere.
const impactScale = 3.5

// maxPrefixPostings caps the postings of a prefix at those of its best
// documents, so that two or three letters being typed cost little to
// fetch and do not flood the results.
const maxPrefixPostings = 200

// minPrefix is the shortest prefix with an entry of its own.
const minPrefix = 2

// A File is one file of the index.
type File struct {
	// Name is the file's path relative to the index's folder.
	Name string
	// Sum identifies the file's contents: their SHA-256, or for a file of
	// documents, a SHA-256 of its documents' own.
	Sum  [32]byte
	data func() (string, error)
}

// Bytes returns the file's contents, which may be read from the cache's
// data file: the cache must still be open.
func (f File) Bytes() ([]byte, error) {
	s, err := f.data()
	return []byte(s), err
}

// Build indexes docs and returns the files of the index by their paths
// relative to the index's folder (the package documentation describes
// them). The same documents give the same bytes, in whatever order they
// come. It fails on a document without ID or with an unusable URL or date,
// and on two documents with the same ID.
func Build(docs []Doc, opts Options) (map[string][]byte, error) {
	files, err := BuildFiles(docs, opts)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(files))
	for _, f := range files {
		if out[f.Name], err = f.Bytes(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// BuildFiles is Build, returning the files with their hashes: those it
// takes from the cache unchanged are read only when asked for their bytes.
// It fails too when the cache cannot be read; a build without it then
// needs every document's Body.
func BuildFiles(docs []Doc, opts Options) ([]File, error) {
	shardSize := opts.ShardSize
	if shardSize <= 0 {
		shardSize = DefaultShardSize
	}
	order, err := sortDocs(docs)
	if err != nil {
		return nil, err
	}
	var (
		before map[[32]byte]*CachedDoc // the cache's documents, before prepare keeps only these
		st     *indexState
	)
	if c := opts.Cache; c != nil {
		before, st = c.Docs, c.index
	}
	prep, keys := prepare(order, opts.Cache)
	facets := facetsOf(order)
	var next *indexState
	if st != nil && st.shardSize == shardSize {
		next = st.update(order, prep, keys, before, facets)
	}
	if opts.Cache != nil {
		opts.Cache.updated = next != nil
	}
	if next == nil {
		if next, err = fullIndex(order, prep, keys, facets, shardSize); err != nil {
			return nil, err
		}
	}
	if c := opts.Cache; c != nil && keys != nil {
		c.index = next
		c.changed = st == nil || len(before) != len(c.Docs) || st.shardSize != shardSize || !slices.Equal(st.docs, next.docs)
	}
	return files(next, order, prep, facets), nil
}

// fullIndex indexes every document.
func fullIndex(order []*Doc, prep []*CachedDoc, keys [][32]byte, facets map[string]*facet, shardSize int) (*indexState, error) {
	words := make([][nFields]string, len(prep))
	if err := parallel.ForErr(len(prep), func(n int) (err error) {
		words[n], err = prep[n].fieldWords()
		return err
	}); err != nil {
		return nil, err
	}
	ix := newIndexer(len(order))
	for n := range order {
		ix.add(n, &words[n])
	}
	words = nil
	ix.setAvgLen()
	st := &indexState{
		docs:      keys,
		grid:      ix.grid,
		shardSize: shardSize,
		full:      map[string]*blob{},
		words:     make(map[string]wordStat, len(ix.words)),
	}
	entries := append(ix.entries(st), facetEntries(facets)...)
	texts := make([]string, len(entries))
	parallel.For(len(entries), func(i int) {
		texts[i] = entries[i].text()
	})
	for _, t := range texts {
		st.total += len(t) + 1
	}
	for id, w := range ix.words {
		st.words[w] = wordStat{stem: ix.stems[ix.stemOf[id]], df: ix.wordDF[id]}
	}
	st.stems = ix.stemList()
	st.facets = make(map[string]string)
	for _, e := range entries[len(entries)-facetCount(facets):] {
		st.facets[e.key] = e.exact
	}

	// A key's shard is a hash of the key (shardOf), so that meta.js needs
	// only the number of shards, however many there are.
	nShards := shardCount(st.total, shardSize)
	shardOfEntry := make([]int32, len(entries))
	parallel.For(len(entries), func(i int) {
		shardOfEntry[i] = int32(shardOf(entries[i].key, nShards))
	})
	members := make([][]int32, nShards)
	for i, n := range shardOfEntry {
		members[n] = append(members[n], int32(i))
	}
	st.shards = make([]shard, nShards)
	parallel.For(nShards, func(n int) {
		m := members[n]
		slices.SortFunc(m, func(a, b int32) int { return cmp16(entries[a].key, entries[b].key) })
		parts := make([]string, len(m))
		for j, i := range m {
			parts[j] = texts[i]
		}
		st.shards[n] = newShard(n, "{"+strings.Join(parts, ",")+"}")
	})
	return st, nil
}

// A shard is a data file of the dictionary, with its hash.
type shard struct {
	file blob
	sum  [32]byte
}

func newShard(n int, entries string) shard {
	file := register(shardName(n), entries)
	return shard{file: memBlob(file), sum: sha256.Sum256([]byte(file))}
}

func shardName(n int) string { return "t/" + strconv.Itoa(n) }

// entries returns the entries of a shard's file: the object that
// register wraps.
func (s *shard) entries(n int) (string, error) {
	file, err := s.file.get()
	if err != nil {
		return "", err
	}
	entries, ok := unregister(shardName(n), file)
	if !ok {
		return "", errCache
	}
	return entries, nil
}

// shardCount returns how many shards hold entries of total bytes: about
// one per shardSize bytes, on a grid of steps of a fifth of a doubling,
// so that a small change to the index seldom changes it (and with it
// every key's shard).
func shardCount(total, shardSize int) int {
	x := float64(total) / float64(shardSize)
	if x <= 1 {
		return 1
	}
	return int(math.Ceil(math.Exp2(math.Ceil(5*math.Log2(x)) / 5)))
}

// files returns the index's files: the shards, the words, a file per
// document and meta.js.
func files(st *indexState, order []*Doc, prep []*CachedDoc, facets map[string]*facet) []File {
	// Data files are named by number; the folder they go in is named by a
	// hash of their contents, so a browser never mixes two builds.
	out := make([]File, 0, len(st.shards)+len(order)/docsPerFile+3)
	for n := range st.shards {
		s := &st.shards[n]
		out = append(out, File{Name: shardName(n), Sum: s.sum, data: s.file.get})
	}
	// The words a page suggests for a query that finds nothing.
	words := register("words", jsStrings(st.suggest(suggestWords)))
	out = append(out, File{Name: "words", Sum: sha256.Sum256([]byte(words)), data: func() (string, error) { return words, nil }})
	for p := 0; p*docsPerFile < len(prep); p++ {
		out = append(out, docFile(p, prep[p*docsPerFile:min(len(prep), (p+1)*docsPerFile)]))
	}
	h := sha256.New()
	for i := range out {
		h.Write([]byte(out[i].Name + "\x00"))
		h.Write(out[i].Sum[:])
	}
	dir := hex.EncodeToString(h.Sum(nil))[:12] + "/"
	for i := range out {
		out[i].Name = dir + out[i].Name + ".js"
	}

	var m strings.Builder
	fmt.Fprintf(&m, `{"version":4,"dir":%s,"root":"../","docs":%d,"pack":%d,"shards":%d,"facets":{`,
		jsString(dir), len(order), docsPerFile, len(st.shards))
	for i, field := range Fields {
		if i > 0 {
			m.WriteByte(',')
		}
		m.WriteString(jsString(field) + ":[")
		for j, v := range facets[field].sorted(field) {
			if j > 0 {
				m.WriteByte(',')
			}
			fmt.Fprintf(&m, "[%s,%s,%d]", jsString(v.key), jsString(v.label), v.count)
		}
		m.WriteByte(']')
	}
	m.WriteString("}}")
	meta := register("meta", m.String())
	return append(out, File{Name: "meta.js", Sum: sha256.Sum256([]byte(meta)), data: func() (string, error) { return meta, nil }})
}

// docsPerFile is how many documents a file of documents holds: fewer
// files to write (a file costs more to create than to fill) for a few
// kilobytes more to fetch for each result shown.
const docsPerFile = 4

// docFile returns file p of documents: the fragments of docs, the
// documents numbered from p × docsPerFile, in an array. The file does not
// name itself, so that its bytes depend on its documents only (search.js
// knows a file by the script element that loads it).
func docFile(p int, docs []*CachedDoc) File {
	h := sha256.New()
	for _, d := range docs {
		h.Write(d.sum[:])
	}
	f := File{Name: "d/" + strconv.Itoa(p)}
	h.Sum(f.Sum[:0])
	f.data = func() (string, error) {
		parts := make([]string, len(docs))
		for i, d := range docs {
			var err error
			if parts[i], err = d.file.get(); err != nil {
				return "", err
			}
		}
		return register("d", "["+strings.Join(parts, ",")+"]"), nil
	}
	return f
}

// suggestWords is how many words words.js holds: the most frequent, which
// a misspelt query is likely to mean. About 40 KB, fetched only when a
// query finds nothing.
const suggestWords = 4000

// suggest returns up to n words of the documents, those whose stems are
// in the most documents first (then alphabetically), leaving out words of
// fewer than three letters and numbers.
func (st *indexState) suggest(n int) []string {
	type word struct {
		w  string
		df int32
	}
	dfOf := make(map[string]int32, len(st.stems.keys))
	for i, s := range st.stems.keys {
		dfOf[s] = st.stems.dfs[i]
	}
	ws := make([]word, 0, len(st.words))
	count := map[int32]int{} // words by the document frequency of their stems
	for w, s := range st.words {
		if utf8.RuneCountInString(w) < 3 || strings.Trim(w, "0123456789") == "" {
			continue
		}
		df := dfOf[s.stem]
		ws = append(ws, word{w, df})
		count[df]++
	}
	// Sort only the words of the n most frequent stems' frequencies: the
	// lowest such frequency is the cut.
	dfs := make([]int32, 0, len(count))
	for df := range count {
		dfs = append(dfs, df)
	}
	slices.Sort(dfs)
	cut, taken := int32(0), 0
	for i := len(dfs) - 1; i >= 0 && taken < n; i-- {
		cut, taken = dfs[i], taken+count[dfs[i]]
	}
	ws = slices.DeleteFunc(ws, func(w word) bool { return w.df < cut })
	slices.SortFunc(ws, func(a, b word) int {
		if a.df != b.df {
			return int(b.df - a.df)
		}
		return strings.Compare(a.w, b.w)
	})
	out := make([]string, 0, min(n, len(ws)))
	for _, w := range ws[:min(n, len(ws))] {
		out = append(out, w.w)
	}
	return out
}

// register wraps a data file's value in the call that hands it to
// search.js: a script, so that it loads from file:// as well as http.
func register(name, value string) string {
	head, tail := registerCall(name)
	return head + value + tail
}

// unregister returns the value that register wrapped in file under name,
// and false when file is no such call.
func unregister(name, file string) (string, bool) {
	head, tail := registerCall(name)
	if len(file) < len(head)+len(tail) || !strings.HasPrefix(file, head) || !strings.HasSuffix(file, tail) {
		return "", false
	}
	return file[len(head) : len(file)-len(tail)], true
}

// registerCall returns what register writes before and after a value.
func registerCall(name string) (head, tail string) {
	return "__pmsearch(" + jsString(name) + ",", ");\n"
}

// fragment returns what the result list shows of a document, and the text
// in which snippets are found and phrases checked.
func fragment(d *Doc) string {
	var b strings.Builder
	fmt.Fprintf(&b, `{"id":%s,"url":%s,"title":%s,"date":%s,"severity":%s,"status":%s,`,
		jsString(d.ID), jsString(d.URL), jsString(d.Title), jsString(d.Date),
		jsString(d.Severity), jsString(d.Status))
	fmt.Fprintf(&b, `"services":%s,"tags":%s,"authors":%s,"summary":%s,"body":%s}`,
		jsStrings(nonNil(d.Services)), jsStrings(nonNil(d.Tags)), jsStrings(nonNil(d.Authors)),
		jsString(d.Summary), jsString(d.Body))
	return b.String()
}

// deflate compresses a fragment (raw DEFLATE, which the browser's
// DecompressionStream reads) and encodes it in base64: a fragment is mostly
// prose, which this makes two to three times smaller even when the server
// does not compress.
func deflate(s string) string {
	b := new(bytes.Buffer)
	w, _ := flaters.Get().(*flate.Writer)
	if w == nil {
		w, _ = flate.NewWriter(b, deflateLevel) // fails only for a bad level
	} else {
		w.Reset(b)
	}
	w.Write([]byte(s))
	w.Close()
	flaters.Put(w)
	return base64.StdEncoding.EncodeToString(b.Bytes())
}

// deflateLevel trades the size of document files for the time to build
// them. Measured on 1,000 generated postmortems: BestCompression took
// several times as long as this level for files a few percent smaller.
const deflateLevel = flate.BestSpeed

// flaters keeps compressors between documents: making one allocates
// hundreds of kilobytes.
var flaters sync.Pool

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// sortDocs checks the documents and orders them oldest first, then by ID
// backwards, the order in which search.js lists equal results from the
// end: a document's number in the index is its place in this order, so
// that adding a postmortem of a new incident numbers the others as before.
func sortDocs(docs []Doc) ([]*Doc, error) {
	order := make([]*Doc, len(docs))
	ids := make(map[string]bool, len(docs))
	for i := range docs {
		d := &docs[i]
		if d.ID == "" {
			return nil, fmt.Errorf("document %d (%q): no id", i, d.Title)
		}
		if ids[d.ID] {
			return nil, fmt.Errorf("document %s: duplicate id", d.ID)
		}
		ids[d.ID] = true
		if err := checkURL(d.URL); err != nil {
			return nil, fmt.Errorf("document %s: %w", d.ID, err)
		}
		if d.Date != "" {
			if _, err := time.Parse("2006-01-02", d.Date); err != nil {
				return nil, fmt.Errorf("document %s: date: %w", d.ID, err)
			}
		}
		order[i] = d
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].Date != order[j].Date {
			return order[i].Date < order[j].Date
		}
		return order[i].ID > order[j].ID
	})
	return order, nil
}

// checkURL accepts a path relative to the site's root.
func checkURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Errorf("url: %w", err)
	case s == "":
		return fmt.Errorf("url: empty")
	case u.Scheme != "" || u.Host != "" || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "\\"):
		return fmt.Errorf("url %q: not relative to the site's root", s)
	case u.Path == ".." || strings.HasPrefix(u.Path, "../"):
		return fmt.Errorf("url %q: outside the site", s)
	}
	return nil
}

// An entry is one key of the term dictionary. Keys are stems ("timeout"),
// pairs of neighbouring stems ("consum lag", for phrases), prefixes of words
// ("timeo") and filter values ("!severity:sev1"). Exact holds the postings
// of the stem, pair or value; Prefix those of the words that start with the
// key and are longer, or "~" and the key of an entry whose Exact list is the
// same.
type entry struct {
	key, exact, prefix string
}

func (e entry) text() string {
	if e.prefix == "" {
		return jsString(e.key) + ":[" + jsString(e.exact) + "]"
	}
	return jsString(e.key) + ":[" + jsString(e.exact) + "," + jsString(e.prefix) + "]"
}

// indexer accumulates the postings of documents added in order.
type indexer struct {
	n int // documents

	wordID  map[string]int32
	words   []string
	wordDF  []int32
	stemOf  []int32 // word -> stem
	stemID  map[string]int32
	stems   []string
	stemDF  []int32
	stemTF  [][nFields]uint16 // per document, reset after each
	stemHit []int32           // last document that counted a stem

	pairID  map[uint64]int32
	pairs   []uint64
	pairDF  []int32
	pairTF  [][nFields]uint16
	pairHit []int32

	docs   [][nFields][]int32 // word ids per field
	dpairs [][nFields][]int32 // pair ids per field, from the second word on

	prefID    map[string]int32
	prefKeys  []string
	wordPrefs [][]int32 // word -> its prefixes
	lenSum    [nFields]int
	grid      [nFields]int32
	avgLen    [nFields]float64

	stemPost [][]posting
	pairPost [][]posting
	prefPost [][]posting
}

func newIndexer(n int) *indexer {
	return &indexer{
		n:      n,
		wordID: map[string]int32{},
		stemID: map[string]int32{},
		pairID: map[uint64]int32{},
		docs:   make([][nFields][]int32, n),
		dpairs: make([][nFields][]int32, n),
		prefID: map[string]int32{},
	}
}

// add reads document n, its words per field, and counts their document
// frequencies. Postings are computed by entries, once every document is
// added.
func (ix *indexer) add(n int, words *[nFields]string) {
	for f, ws := range words {
		var ids []int32
		if ws != "" {
			ids = make([]int32, 0, strings.Count(ws, "\x00")+1)
		}
		var breaks []int // where a metadata value starts, after the first
		eachWord(ws, func(w string) {
			if w == valueBreak {
				breaks = append(breaks, len(ids))
				return
			}
			ids = append(ids, ix.word(w))
		})
		ix.docs[n][f] = ids
		ix.lenSum[f] += len(ids)
		var pairs []int32
		if len(ids) > 1 {
			pairs = make([]int32, 0, len(ids)-1)
		}
		for i, id := range ids {
			s := ix.stemOf[id]
			if ix.stemHit[s] != int32(n) {
				ix.stemHit[s] = int32(n)
				ix.stemDF[s]++
			}
			newValue := false
			for len(breaks) > 0 && breaks[0] <= i {
				newValue = newValue || breaks[0] == i
				breaks = breaks[1:]
			}
			if i == 0 || newValue {
				continue
			}
			p := ix.pair(ix.stemOf[ids[i-1]], s)
			pairs = append(pairs, p)
			if ix.pairHit[p] != int32(n) {
				ix.pairHit[p] = int32(n)
				ix.pairDF[p]++
			}
		}
		ix.dpairs[n][f] = pairs
	}
}

// setAvgLen sets the fields' average lengths, once every document is added.
func (ix *indexer) setAvgLen() {
	ix.grid = lenGrid(ix.lenSum, ix.n)
	ix.avgLen = gridLens(ix.grid)
}

// lenGrid returns the average lengths of fields as steps of a grid: an
// eighth of a doubling. A field's length counts in its keys' scores
// against the average (BM25's length normalisation); on a grid, the
// average of a few thousand documents rarely changes with one of them, and
// neither do the scores of the others.
func lenGrid(sums [nFields]int, docs int) [nFields]int32 {
	var g [nFields]int32
	for f, sum := range sums {
		if sum == 0 || docs == 0 {
			g[f] = math.MinInt32
			continue
		}
		g[f] = int32(math.Round(8 * math.Log2(float64(sum)/float64(docs))))
	}
	return g
}

func gridLens(g [nFields]int32) [nFields]float64 {
	var avg [nFields]float64
	for f, step := range g {
		if step != math.MinInt32 {
			avg[f] = math.Exp2(float64(step) / 8)
		}
	}
	return avg
}

func (ix *indexer) word(w string) int32 {
	id, ok := ix.wordID[w]
	if ok {
		return id
	}
	id = int32(len(ix.words))
	ix.wordID[w] = id
	ix.words = append(ix.words, w)
	ix.wordDF = append(ix.wordDF, 0)
	st := Stem(w)
	s, ok := ix.stemID[st]
	if !ok {
		s = int32(len(ix.stems))
		ix.stemID[st] = s
		ix.stems = append(ix.stems, st)
		ix.stemDF = append(ix.stemDF, 0)
		ix.stemTF = append(ix.stemTF, [nFields]uint16{})
		ix.stemHit = append(ix.stemHit, -1)
	}
	ix.stemOf = append(ix.stemOf, s)
	var prefs []int32
	eachPrefix(w, func(p string) {
		id, ok := ix.prefID[p]
		if !ok {
			id = int32(len(ix.prefKeys))
			ix.prefID[p] = id
			ix.prefKeys = append(ix.prefKeys, p)
		}
		prefs = append(prefs, id)
	})
	ix.wordPrefs = append(ix.wordPrefs, prefs)
	return id
}

// eachPrefix calls f with each prefix of w that has an entry: those of
// minPrefix characters or more, shorter than w.
func eachPrefix(w string, f func(p string)) {
	runes := 0
	for i := range w {
		if runes >= minPrefix {
			f(w[:i])
		}
		runes++
	}
}

func (ix *indexer) pair(a, b int32) int32 {
	k := uint64(a)<<32 | uint64(b)
	id, ok := ix.pairID[k]
	if !ok {
		id = int32(len(ix.pairs))
		ix.pairID[k] = id
		ix.pairs = append(ix.pairs, k)
		ix.pairDF = append(ix.pairDF, 0)
		ix.pairTF = append(ix.pairTF, [nFields]uint16{})
		ix.pairHit = append(ix.pairHit, -1)
	}
	return id
}

// impact is a key's BM25F term-frequency score in a document (fieldWeight),
// quantised to 1..maxImpact against impactScale, and at least 3 for a key
// in the title, 2 in the summary or metadata. The key's rarity (BM25's
// inverse document frequency) is not in it: search.js weighs it by the
// length of the key's list, so that a document's postings do not depend
// on the others and a rebuild rewrites only the lists of the keys of the
// documents that changed.
func impact(tf [nFields]uint16, lens [nFields]int, avgLen *[nFields]float64) uint8 {
	var t float64
	for f := 0; f < nFields; f++ {
		if tf[f] == 0 || avgLen[f] == 0 {
			continue
		}
		norm := 1 - fieldB[f] + fieldB[f]*float64(lens[f])/avgLen[f]
		x := float64(tf[f]) / norm
		t += fieldWeight[f] * x / (fieldSat[f] + x)
	}
	q := math.Round(maxImpact * t / impactScale)
	// A word in the title, however common, counts above one in the body
	// only: quantised, common words would all be worth 1.
	low := 1.0
	switch {
	case tf[fTitle] > 0:
		low = 3
	case tf[fSummary] > 0 || tf[fMeta] > 0:
		low = 2
	}
	return uint8(max(low, min(maxImpact, q)))
}

// entries computes the postings of every stem, pair and prefix and returns
// the dictionary's entries, unsorted. It keeps in st the full lists of the
// prefixes whose entries hold only their best postings.
func (ix *indexer) entries(st *indexState) []entry {
	// A stem or pair has a posting per document it is in: their lists
	// are carved out of one array each.
	ix.stemPost = carve(ix.stemDF)
	ix.pairPost = carve(ix.pairDF)
	ix.prefPost = make([][]posting, len(ix.prefKeys))
	// Pairs on one core, stems and prefixes on another: they share
	// nothing but the documents' words, which neither changes.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ix.pairPostings()
	}()
	ix.stemPostings()
	wg.Wait()
	for n := range ix.docs {
		ix.docs[n] = [nFields][]int32{} // no longer needed
		ix.dpairs[n] = [nFields][]int32{}
	}

	stemEnc := make([]string, len(ix.stems))
	pairEnc := make([]string, len(ix.pairs))
	prefEnc := make([]string, len(ix.prefKeys))
	prefFull := make([]string, len(ix.prefKeys))
	pairKey := make([]string, len(ix.pairs))
	parallel.For(len(stemEnc)+len(pairEnc)+len(prefEnc), func(i int) {
		switch {
		case i < len(stemEnc):
			stemEnc[i] = encodePostings(ix.stemPost[i])
		case i < len(stemEnc)+len(pairEnc):
			i -= len(stemEnc)
			k := ix.pairs[i]
			pairKey[i] = ix.stems[k>>32] + " " + ix.stems[uint32(k)]
			pairEnc[i] = encodePostings(ix.pairPost[i])
		default:
			i -= len(stemEnc) + len(pairEnc)
			ps := ix.prefPost[i]
			prefEnc[i] = encodePostings(capPostings(ps, maxPrefixPostings))
			if len(ps) > maxPrefixPostings {
				prefFull[i] = encodePostings(ps)
			}
		}
	})
	// Stems first, so that out[s] is stem s; pairs hold a space, which
	// no stem or prefix does.
	out := make([]entry, 0, len(stemEnc)+len(pairEnc)+len(prefEnc))
	for s, st := range ix.stems {
		out = append(out, entry{key: st, exact: stemEnc[s]})
	}
	for p, key := range pairKey {
		out = append(out, entry{key: key, exact: pairEnc[p]})
	}
	stems := ix.stemList()
	exact := func(s string) string { return stemEnc[ix.stemID[s]] }
	for i, enc := range prefEnc {
		p := ix.prefKeys[i]
		if prefFull[i] != "" {
			b := memBlob(prefFull[i])
			st.full[p] = &b
		}
		if a := alias(p, enc, stems, exact); a != "" {
			enc = "~" + a
		}
		if s, ok := ix.stemID[p]; ok {
			out[s].prefix = enc
		} else {
			out = append(out, entry{key: p, prefix: enc})
		}
	}
	return out
}

// stemList returns the stems, sorted, with their document frequencies.
func (ix *indexer) stemList() stemList {
	l := stemList{keys: slices.Clone(ix.stems), dfs: make([]int32, len(ix.stems))}
	sort.Strings(l.keys)
	for i, s := range l.keys {
		l.dfs[i] = ix.stemDF[ix.stemID[s]]
	}
	return l
}

// stemPostings appends each document's posting to the lists of its stems
// and of the prefixes of its words.
func (ix *indexer) stemPostings() {
	var stemsSeen, wordsSeen, prefsSeen []int32
	wordHit := make([]int32, len(ix.words))
	prefHit := make([]int32, len(ix.prefKeys))
	for i := range wordHit {
		wordHit[i] = -1
	}
	for i := range prefHit {
		prefHit[i] = -1
	}
	prefBest := make([]uint8, len(ix.prefKeys))
	stemImpact := make([]uint8, len(ix.stems))
	for n := 0; n < ix.n; n++ {
		var lens [nFields]int
		stemsSeen, wordsSeen, prefsSeen = stemsSeen[:0], wordsSeen[:0], prefsSeen[:0]
		for f, ids := range ix.docs[n] {
			lens[f] = len(ids)
			for _, id := range ids {
				if wordHit[id] != int32(n) {
					wordHit[id] = int32(n)
					wordsSeen = append(wordsSeen, id)
					ix.wordDF[id]++
				}
				s := ix.stemOf[id]
				if ix.stemTF[s] == ([nFields]uint16{}) {
					stemsSeen = append(stemsSeen, s)
				}
				ix.stemTF[s][f] = sat16(ix.stemTF[s][f] + 1)
			}
		}
		for _, s := range stemsSeen {
			q := impact(ix.stemTF[s], lens, &ix.avgLen)
			stemImpact[s] = q
			ix.stemPost[s] = append(ix.stemPost[s], mkPosting(n, q))
			ix.stemTF[s] = [nFields]uint16{}
		}
		// A prefix scores in a document as its best word there.
		for _, id := range wordsSeen {
			q := stemImpact[ix.stemOf[id]]
			for _, p := range ix.wordPrefs[id] {
				if prefHit[p] != int32(n) {
					prefHit[p] = int32(n)
					prefBest[p] = 0
					prefsSeen = append(prefsSeen, p)
				}
				prefBest[p] = max(prefBest[p], q)
			}
		}
		for _, p := range prefsSeen {
			ix.prefPost[p] = append(ix.prefPost[p], mkPosting(n, prefBest[p]))
		}
	}
}

// pairPostings appends each document's posting to the lists of its pairs.
func (ix *indexer) pairPostings() {
	var pairsSeen []int32
	for n := 0; n < ix.n; n++ {
		var lens [nFields]int
		pairsSeen = pairsSeen[:0]
		for f, ids := range ix.docs[n] {
			lens[f] = len(ids)
			for _, p := range ix.dpairs[n][f] {
				if ix.pairTF[p] == ([nFields]uint16{}) {
					pairsSeen = append(pairsSeen, p)
				}
				ix.pairTF[p][f] = sat16(ix.pairTF[p][f] + 1)
			}
		}
		for _, p := range pairsSeen {
			ix.pairPost[p] = append(ix.pairPost[p], mkPosting(n, impact(ix.pairTF[p], lens, &ix.avgLen)))
			ix.pairTF[p] = [nFields]uint16{}
		}
	}
}

// carve returns empty lists with the capacities of df, in one array.
func carve(df []int32) [][]posting {
	total := 0
	for _, n := range df {
		total += int(n)
	}
	all := make([]posting, total)
	out := make([][]posting, len(df))
	for i, n := range df {
		out[i] = all[:0:n]
		all = all[n:]
	}
	return out
}

func sat16(v uint16) uint16 {
	if v == 0 {
		return math.MaxUint16
	}
	return v
}

// facetsOf returns the values of the filter fields, with their documents.
func facetsOf(order []*Doc) map[string]*facet {
	facets := make(map[string]*facet, len(Fields))
	for _, f := range Fields {
		facets[f] = &facet{values: map[string]*facetValue{}}
	}
	for n, d := range order {
		facets["severity"].add(d.Severity, n)
		facets["status"].add(d.Status, n)
		for _, s := range d.Services {
			facets["service"].add(s, n)
		}
		for _, t := range d.Tags {
			facets["tag"].add(t, n)
		}
		if len(d.Date) >= 4 {
			facets["year"].add(d.Date[:4], n)
		}
	}
	return facets
}

// facetEntries returns an entry per filter value, keyed "!field:value".
func facetEntries(facets map[string]*facet) []entry {
	var out []entry
	for _, f := range Fields {
		for k, v := range facets[f].values {
			out = append(out, entry{key: "!" + f + ":" + k, exact: encodePostings(v.docs)})
		}
	}
	return out
}

func facetCount(facets map[string]*facet) int {
	n := 0
	for _, f := range facets {
		n += len(f.values)
	}
	return n
}

// A facet is the values one filter field takes.
type facet struct {
	values map[string]*facetValue
}

type facetValue struct {
	key    string
	label  string // the commonest spelling
	count  int
	docs   []posting
	labels map[string]int
}

func (f *facet) add(value string, doc int) {
	value = strings.TrimSpace(value)
	k := normalize(value)
	if k == "" {
		return
	}
	v := f.values[k]
	if v == nil {
		v = &facetValue{key: k, labels: map[string]int{}}
		f.values[k] = v
	}
	v.labels[value]++
	if n := len(v.docs); n == 0 || v.docs[n-1].doc() != doc {
		v.docs = append(v.docs, mkPosting(doc, 0))
		v.count++
	}
}

// sorted returns the values in the order the page lists them: years newest
// first, services and tags by number of documents, the rest by name.
func (f *facet) sorted(field string) []*facetValue {
	vs := make([]*facetValue, 0, len(f.values))
	for _, v := range f.values {
		best := 0
		for l, c := range v.labels {
			if c > best || c == best && l < v.label {
				v.label, best = l, c
			}
		}
		vs = append(vs, v)
	}
	sort.Slice(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		switch field {
		case "year":
			return a.key > b.key
		case "service", "tag":
			if a.count != b.count {
				return a.count > b.count
			}
		}
		return less16(a.key, b.key)
	})
	return vs
}

// capPostings keeps the n postings of highest impact (the earlier
// document of two equal ones), in document order.
func capPostings(ps []posting, n int) []posting {
	if len(ps) <= n {
		return ps
	}
	// The postings a stable sort by impact would put first: all those
	// above some impact t, and the earliest of those at t.
	var count [maxImpact + 1]int
	for _, p := range ps {
		count[p.impact()]++
	}
	t, above := maxImpact, 0
	for above+count[t] < n {
		above += count[t]
		t--
	}
	atT := n - above
	top := make([]posting, 0, n)
	for _, p := range ps {
		switch q := int(p.impact()); {
		case q > t:
			top = append(top, p)
		case q == t && atT > 0:
			top = append(top, p)
			atT--
		}
	}
	return top
}

// shardOf returns the shard of a key: FNV-1a of its UTF-16 code units,
// as search.js computes it, modulo the number of shards.
func shardOf(key string, shards int) int {
	h := uint32(2166136261)
	for _, r := range key { // invalid bytes are U+FFFD, as in JavaScript's strings
		if r >= 0x10000 {
			r -= 0x10000
			h ^= uint32(0xD800 + r>>10)
			h *= 16777619
			r = 0xDC00 + r&0x3FF
		}
		h ^= uint32(r)
		h *= 16777619
	}
	return int(h % uint32(shards))
}
