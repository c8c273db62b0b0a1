package history

import (
	"cmp"
	"hash/fnv"
	"slices"

	"github.com/go-git/go-git/v5/plumbing"
)

// Rename detection, after git's: an exact rename is a deleted and an added
// path with the same blob; otherwise a pair is a rename when its content is
// at least minScore percent similar. Similarity is what git's diffcore-delta
// measures: both files are cut into lines (and pieces of at most 64 bytes),
// and the score is the bytes of pieces they have in common over the size of
// the larger file.
const (
	minScore = 50
	// maxPairs bounds the similarity comparisons of one commit (git's
	// diff.renameLimit plays the same role).
	maxPairs = 100 * 100
)

// emptyBlob is the hash of the empty file, which git never pairs as a rename.
var emptyBlob = plumbing.NewHash("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")

// renamer finds renames and remembers similarity scores by blob pair, so
// that the cache can keep them: scores of content never change.
type renamer struct {
	obj    *objects
	scores map[[2]plumbing.Hash]uint8
	added  bool // scores has entries that are not in the cache yet
	prints map[plumbing.Hash]*fingerprint
}

func newRenamer(obj *objects, scores map[[2]plumbing.Hash]uint8) *renamer {
	if scores == nil {
		scores = map[[2]plumbing.Hash]uint8{}
	}
	return &renamer{obj: obj, scores: scores, prints: map[plumbing.Hash]*fingerprint{}}
}

// find pairs added paths of c (indexes into c.changes) with deleted ones:
// exact renames from any path first, then similar content from tracked
// paths. It returns add index -> delete index.
func (r *renamer) find(c *commit, adds, dels []int, track func(string) bool) (map[int]int, error) {
	out := map[int]int{}
	used := map[int]bool{}
	byBlob := map[plumbing.Hash][]int{}
	for _, d := range dels {
		if b := c.changes[d].blob; b != emptyBlob {
			byBlob[b] = append(byBlob[b], d)
		}
	}
	var rest []int
	for _, a := range adds {
		found := false
		for _, d := range byBlob[c.changes[a].blob] {
			if !used[d] {
				out[a], used[d], found = d, true, true
				break
			}
		}
		if !found {
			rest = append(rest, a)
		}
	}
	var cands []int
	for _, d := range dels {
		if !used[d] && track(c.changes[d].path) {
			cands = append(cands, d)
		}
	}
	if len(rest) == 0 || len(cands) == 0 || len(rest)*len(cands) > maxPairs {
		return out, nil
	}
	type pair struct {
		a, d  int
		score uint8
	}
	var pairs []pair
	for _, a := range rest {
		for _, d := range cands {
			s, err := r.score(c.changes[d].blob, c.changes[a].blob)
			if err != nil {
				return nil, err
			}
			if s >= minScore {
				pairs = append(pairs, pair{a, d, s})
			}
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int {
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		if x.a != y.a {
			return cmp.Compare(x.a, y.a)
		}
		return cmp.Compare(x.d, y.d)
	})
	for _, p := range pairs {
		if _, ok := out[p.a]; !ok && !used[p.d] {
			out[p.a], used[p.d] = p.d, true
		}
	}
	return out, nil
}

// score returns the similarity of two blobs in percent.
func (r *renamer) score(from, to plumbing.Hash) (uint8, error) {
	k := [2]plumbing.Hash{from, to}
	if s, ok := r.scores[k]; ok {
		return s, nil
	}
	a, err := r.print(from)
	if err != nil {
		return 0, err
	}
	b, err := r.print(to)
	if err != nil {
		return 0, err
	}
	s := similarity(a, b)
	r.scores[k] = s
	r.added = true
	return s, nil
}

func (r *renamer) print(h plumbing.Hash) (*fingerprint, error) {
	if f, ok := r.prints[h]; ok {
		return f, nil
	}
	b, err := r.obj.read(plumbing.BlobObject, h)
	if err != nil {
		return nil, opError("read blob", h.String(), err)
	}
	f := newFingerprint(b)
	r.prints[h] = f
	return f, nil
}

// fingerprint is a file cut into pieces: bytes per piece hash.
type fingerprint struct {
	size   int
	pieces map[uint64]int
}

func newFingerprint(b []byte) *fingerprint {
	f := &fingerprint{size: len(b), pieces: map[uint64]int{}}
	for len(b) > 0 {
		n := 0
		for n < len(b) && n < 64 {
			n++
			if b[n-1] == '\n' {
				break
			}
		}
		h := fnv.New64a()
		h.Write(b[:n])
		f.pieces[h.Sum64()] += n
		b = b[n:]
	}
	return f
}

// similarity returns how much of b's content is in a, in percent of the
// larger of the two.
func similarity(a, b *fingerprint) uint8 {
	larger := max(a.size, b.size)
	if larger == 0 {
		return 100
	}
	common := 0
	for h, n := range b.pieces {
		common += min(n, a.pieces[h])
	}
	return uint8(common * 100 / larger)
}
