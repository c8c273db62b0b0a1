package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/postmortem-dev/postmortem/render"
)

// maxWordBytes is the length above which a folded word is not indexed:
// such words are hashes, tokens and encoded blobs, not something one types.
const maxWordBytes = 64

// A span is one word of a text: its byte offsets in the text and its
// normalised form (folded, lower case, apostrophes removed).
type span struct {
	start, end int
	word       string
}

// asciiWord tells which ASCII characters are letters and numbers: the
// characters of most words, checked without decoding runes.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordStart(rune(c))
	}
	return t
}()

// isWordStart reports whether r can start a word: a letter or a number.
func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// isWordPart reports whether r can continue a word: a letter, a number or a
// combining mark.
func isWordPart(r rune) bool { return isWordStart(r) || unicode.IsMark(r) }

// isApostrophe reports whether r joins the two halves of "don't".
func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// words splits s into words. A word is a letter or number followed by
// letters, numbers and combining marks; an apostrophe between two such runs
// joins them ("kafka's" is one word, "kafkas"). The JavaScript in search.js
// uses the same definition as a regular expression:
//
//	/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu
func words(s string) []span {
	var out []span
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordStart(r) {
			i += n
			continue
		}
		start := i
		i = scanRun(s, i+n)
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isApostrophe(r) || i+n >= len(s) {
				break
			}
			r2, _ := utf8.DecodeRuneInString(s[i+n:])
			if !isWordStart(r2) {
				break
			}
			i = scanRun(s, i+n)
		}
		out = append(out, span{start, i, normalize(s[start:i])})
	}
	return out
}

// scanRun returns the offset after the letters, numbers and marks of s that
// start at i.
func scanRun(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordPart(r) {
			break
		}
		i += n
	}
	return i
}

// normalize folds a word for the index: accents removed (render.Fold), lower
// case, apostrophes dropped, a final sigma written as a sigma (as JavaScript's
// toLowerCase would write it at the end of a word).
func normalize(w string) string {
	plain := true // ASCII letters and digits only, in lower case
	for i := 0; i < len(w) && plain; i++ {
		c := w[i]
		plain = c < utf8.RuneSelf && asciiWord[c] && !('A' <= c && c <= 'Z')
	}
	if plain {
		return w
	}
	w = strings.ToLower(render.Fold(w))
	if strings.ContainsAny(w, "'’ς") {
		w = strings.NewReplacer("'", "", "’", "", "ς", "σ").Replace(w)
	}
	return w
}

// Tokens returns the normalised words of s, in order: what the index holds
// before stemming. It is exported for tests of the page script, which must
// agree with it.
func Tokens(s string) []string {
	ws := words(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.word
	}
	return out
}

// Stem returns the stem of a normalised word with a light English suffix
// stripper: plurals, -ed, -ing and a final e. Only words of four or more
// ASCII letters change. It is deliberately small, so that search.js carries
// the same rules (function stem) and both give the same stems; the table in
// testdata/stems.txt is checked against both.
//
//	timeouts -> timeout    queries, queried -> query    caches, caching, cached, cache -> cach
//	stopped -> stop        status, analysis, address -> unchanged
func Stem(w string) string {
	if len(w) < 4 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "zzes"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed") && len(w) >= 5:
		w = w[:len(w)-1]
	case strings.HasSuffix(w, "ing") && len(w) >= 6 && hasVowel(w[:len(w)-3]):
		w = undouble(w[:len(w)-3])
	case strings.HasSuffix(w, "ed") && len(w) >= 5 && hasVowel(w[:len(w)-2]):
		w = undouble(w[:len(w)-2])
	}
	if len(w) >= 4 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

// hasVowel reports whether w has one of a, e, i, o, u, y.
func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

// undouble removes the second of two equal final consonants ("stopp" ->
// "stop"), except l, s and z ("call", "miss", "buzz").
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}
