package blameless

import (
	"unicode"
	"unicode/utf8"
)

// acMatcher is an Aho-Corasick automaton over ASCII case-folded bytes that
// answers one question fast: does the text contain any keyword as a whole
// word? It is the prefilter that keeps Check cheap on the great majority of
// sentences, which contain no trigger word at all.
//
// Bytes are mapped to a few classes (one per byte that occurs in a keyword,
// one for everything else) and transitions are a dense table, so scanning is
// one table load per byte and allocates nothing.
type acMatcher struct {
	class  [256]uint8
	nclass int
	next   []int32 // state*nclass + class -> next state*nclass (premultiplied)
	term   []bool  // indexed by state*nclass: a keyword ends in the state or its suffixes
	outLen []int32 // length of the longest keyword ending in the state, 0 if none
	outNxt []int32 // next state on the dictionary suffix chain, -1 if none
}

func newACMatcher(keywords []string) *acMatcher {
	m := &acMatcher{}
	// Class 0 is "no keyword byte". Letters fold to lowercase.
	for _, k := range keywords {
		for i := 0; i < len(k); i++ {
			b := k[i]
			if m.class[b] == 0 {
				m.nclass++
				m.class[b] = uint8(m.nclass)
			}
		}
	}
	m.nclass++
	for b := 'A'; b <= 'Z'; b++ {
		m.class[b] = m.class[b+'a'-'A']
	}

	// Trie.
	type node struct {
		child map[uint8]int32
		depth int32
		final bool
	}
	nodes := []node{{child: map[uint8]int32{}}}
	for _, k := range keywords {
		s := int32(0)
		for i := 0; i < len(k); i++ {
			c := m.class[k[i]]
			n, ok := nodes[s].child[c]
			if !ok {
				nodes = append(nodes, node{child: map[uint8]int32{}, depth: nodes[s].depth + 1})
				n = int32(len(nodes) - 1)
				nodes[s].child[c] = n
			}
			s = n
		}
		nodes[s].final = true
	}

	n := len(nodes)
	m.next = make([]int32, n*m.nclass)
	m.outLen = make([]int32, n)
	m.outNxt = make([]int32, n)
	fail := make([]int32, n)
	for i := range m.outNxt {
		m.outNxt[i] = -1
	}
	// Breadth-first: fail links and full transitions.
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := 0; c < m.nclass; c++ {
			child, ok := nodes[s].child[uint8(c)]
			if c == 0 {
				ok = false
			}
			if ok {
				m.next[int(s)*m.nclass+c] = child
				if s == 0 {
					fail[child] = 0
				} else {
					fail[child] = m.next[int(fail[s])*m.nclass+c]
				}
				queue = append(queue, child)
			} else if s == 0 {
				m.next[c] = 0
			} else {
				m.next[int(s)*m.nclass+c] = m.next[int(fail[s])*m.nclass+c]
			}
		}
		if s != 0 {
			f := fail[s]
			if nodes[f].final {
				m.outNxt[s] = f
			} else {
				m.outNxt[s] = m.outNxt[f]
			}
		}
		if nodes[s].final {
			m.outLen[s] = nodes[s].depth
		}
	}
	// Premultiply the transition targets so scanning needs no multiply.
	m.term = make([]bool, n*m.nclass)
	for s := 0; s < n; s++ {
		m.term[s*m.nclass] = m.outLen[s] > 0 || m.outNxt[s] >= 0
	}
	for i := range m.next {
		m.next[i] *= int32(m.nclass)
	}
	return m
}

// any reports whether text contains a keyword bounded by non-word characters
// on both sides.
func (m *acMatcher) any(text string) bool {
	s := int32(0)
	nc := int32(m.nclass)
	next, term, class := m.next, m.term, &m.class
	for i := 0; i < len(text); i++ {
		s = next[s+int32(class[text[i]])]
		if !term[s] {
			continue
		}
		for o := s / nc; o >= 0; o = m.outNxt[o] {
			l := int(m.outLen[o])
			if l == 0 {
				continue
			}
			if boundaryBefore(text, i+1-l) && boundaryAfter(text, i+1) {
				return true
			}
		}
	}
	return false
}

// isWordRune reports whether r belongs inside a word token.
func isWordRune(r rune) bool {
	return r == '\'' || r == '’' || r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func boundaryBefore(text string, i int) bool {
	if i <= 0 {
		return true
	}
	b := text[i-1]
	if b < utf8.RuneSelf {
		return !isWordRune(rune(b))
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWordRune(r)
}

func boundaryAfter(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	b := text[i]
	if b < utf8.RuneSelf {
		// A sentence-final apostrophe or hyphen does not join words.
		if (b == '\'' || b == '-') && (i+1 >= len(text) || !isWordRune(rune(text[i+1]))) {
			return true
		}
		return !isWordRune(rune(b))
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return !isWordRune(r)
}
