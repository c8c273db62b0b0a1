package blameless

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Sentences splits plain prose into sentences and returns their byte ranges,
// with surrounding white space trimmed. A sentence ends at ".", "!" or "?"
// followed by white space and an upper-case letter, a digit or the end of
// the text, and at a blank line. Abbreviations such as "e.g." and
// "Mr." and numbers such as "v3.18.4" do not end a sentence.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:])
			if !unicode.IsSpace(r) {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if s < e {
			out = append(out, Span{s, e})
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			// A blank line ends a paragraph.
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if j < len(text) && text[j] == '\n' {
				emit(i)
				start = j + 1
				i = j
			}
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// Closing quotes and brackets belong to the sentence.
		j := i + 1
		for j < len(text) && strings.IndexByte(`"')]`, text[j]) >= 0 {
			j++
		}
		if j < len(text) && strings.HasPrefix(text[j:], "”") {
			j += len("”")
		}
		if j < len(text) {
			r, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r) {
				continue
			}
		}
		if c == '.' && abbreviation(text[start:i]) {
			continue
		}
		k := j
		for k < len(text) {
			r, n := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		if k < len(text) {
			r, _ := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '@' && r != '"' && r != '“' && r != '(' && r != '`' {
				continue
			}
		}
		emit(j)
		start = j
	}
	emit(len(text))
	return out
}

var abbreviations = wordSet(`e.g i.e etc vs mr mrs ms dr prof inc ltd approx cf al no fig st jr sr`)

// abbreviation reports whether the text before a period ends with a known
// abbreviation or a single letter ("J. Smith").
func abbreviation(before string) bool {
	k := len(before)
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= n
	}
	w := strings.ToLower(before[k:])
	if abbreviations[w] || abbreviations[strings.TrimSuffix(w, ".")] {
		return true
	}
	return utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(before[k:])[0])
}
