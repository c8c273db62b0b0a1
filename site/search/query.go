package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fields are the filter fields of the query syntax, in the order in which
// the page shows their controls. Each is the name used in the box
// ("severity:SEV1") and in the index's metadata.
var Fields = []string{"severity", "status", "service", "tag", "year"}

// fieldAliases maps what may be typed before a colon to a field.
var fieldAliases = map[string]string{
	"severity": "severity", "sev": "severity",
	"status":  "status",
	"service": "service", "services": "service",
	"tag": "tag", "tags": "tag",
	"year": "year",
}

// Query is a parsed search query. Its JSON encoding is what search.js's
// parse returns, so that tests can compare the two.
type Query struct {
	// Terms are the stems of the words to find, in order of first
	// appearance, without repeats. Every one must match.
	Terms []string `json:"terms"`
	// Prefix is the normalised word being typed: the last word of the query
	// when nothing follows it. It matches words that start with it.
	Prefix string `json:"prefix"`
	// Phrases are the stems of the quoted phrases of two words or more;
	// each must occur as written. A quoted single word is a Term.
	Phrases [][]string `json:"phrases"`
	// Filters maps a field of Fields to the normalised values it accepts:
	// a document matches a field when it has one of the values, and must
	// match every field.
	Filters map[string][]string `json:"filters"`
}

// Empty reports whether the query asks for nothing.
func (q Query) Empty() bool {
	return len(q.Terms) == 0 && q.Prefix == "" && len(q.Phrases) == 0 && len(q.Filters) == 0
}

// ParseQuery parses what was typed in the search box. The syntax:
//
//	kafka timeout          documents with both words (stemmed, folded), or when
//	                       none has both, those with either; the last word, when
//	                       nothing follows it, also matches as a prefix
//	"consumer lag"         the words next to each other, in this order
//	checkout-api           words joined by a hyphen, dot or slash: a phrase
//	severity:SEV1          a filter; also status:, service:, tag:, year: (and
//	service:"checkout api" the aliases sev:, services:, tags:); one field given
//	                       twice accepts either value; filters combine with words
//	foo:bar                an unknown field is text: the phrase "foo bar"
//
// An unterminated quote runs to the end. Parsing never fails.
func ParseQuery(s string) Query {
	q := Query{Terms: []string{}, Phrases: [][]string{}, Filters: map[string][]string{}}
	seen := map[string]bool{}
	addTerm := func(t string) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		q.Terms = append(q.Terms, t)
		return true
	}
	lastPlain := ""    // the text of the last part when it is plain text
	lastAdded := false // whether the last word of lastPlain added a term
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			lastPlain = ""
			continue
		}
		if r == '"' {
			j := strings.IndexByte(s[i+1:], '"')
			end, next := len(s), len(s)
			if j >= 0 {
				end, next = i+1+j, i+2+j
			}
			ws := Tokens(s[i+1 : end])
			switch len(ws) {
			case 0:
			case 1:
				addTerm(Stem(ws[0]))
			default:
				p := make([]string, len(ws))
				for k, w := range ws {
					p[k] = Stem(w)
				}
				q.Phrases = append(q.Phrases, p)
			}
			i = next
			lastPlain = ""
			continue
		}
		// A part runs to the next space or quote.
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) || r == '"' {
				break
			}
			j += n
		}
		part := s[i:j]
		if c := strings.IndexByte(part, ':'); c > 0 {
			if field, ok := fieldAliases[asciiLower(part[:c])]; ok {
				value := part[c+1:]
				next := j
				if value == "" && j < len(s) && s[j] == '"' {
					k := strings.IndexByte(s[j+1:], '"')
					end := len(s)
					next = len(s)
					if k >= 0 {
						end, next = j+1+k, j+2+k
					}
					value = s[j+1 : end]
				}
				if v := normalize(strings.TrimSpace(value)); v != "" {
					q.Filters[field] = append(q.Filters[field], v)
				}
				i = next
				lastPlain = ""
				continue
			}
		}
		if ws := Tokens(part); len(ws) > 1 {
			// Words joined by a hyphen, a dot or a slash ("checkout-api")
			// are a phrase.
			p := make([]string, len(ws))
			for k, w := range ws {
				p[k] = Stem(w)
			}
			q.Phrases = append(q.Phrases, p)
			lastPlain = ""
		} else {
			for _, w := range ws {
				lastAdded = addTerm(Stem(w))
			}
			lastPlain = part
		}
		i = j
	}
	// The last word is a prefix when the query ends right after it.
	if lastPlain != "" {
		if ws := words(lastPlain); len(ws) > 0 && ws[len(ws)-1].end == len(lastPlain) {
			q.Prefix = ws[len(ws)-1].word
			if lastAdded {
				q.Terms = q.Terms[:len(q.Terms)-1]
			}
		}
	}
	for f, vs := range q.Filters {
		sort.Strings(vs)
		q.Filters[f] = compact(vs)
	}
	return q
}

// compact removes repeats from a sorted slice.
func compact(vs []string) []string {
	out := vs[:0]
	for i, v := range vs {
		if i == 0 || v != vs[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// asciiLower lowers ASCII letters only, so that "SEVERİTY:" is no field
// here as in search.js (Unicode would lower İ to i).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
