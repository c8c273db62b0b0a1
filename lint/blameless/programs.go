package blameless

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ProgramWords adds to words, lower-cased, the capitalised words that text
// (a document's prose) uses as the names of programs rather than of
// people: after an article, a demonstrative or a possessive determiner
// ("the Hermes relayer", "those Vals", "our Prow instance"), or before a
// noun that names a component ("a Prow job", "the Mezo testnet"). Elsewhere
// in the same document the word is then not a name either: "Prow did not
// respond to any events" blames no one. A word that starts a sentence is
// not taken: it is capitalised as any word there. It returns words, made
// when nil and needed; pass it to CheckIn.
func ProgramWords(text string, words map[string]bool) map[string]bool {
	prev, start := "", true
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isLetter(r) {
			switch r {
			case '.', '!', '?', ':', ';', '\n':
				start = true
			}
			if r != ' ' && r != '\t' && r != '-' && r != '\'' {
				prev = "" // punctuation ends a run of words
			}
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf {
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
					break
				}
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += s2
		}
		w := text[i:j]
		wordStart := start
		start = false
		if rest := text[j:]; unicode.IsUpper(r) && !wordStart && !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
			if programDeterminers[strings.ToLower(prev)] {
				words = addProgram(words, w)
			} else if next := nextWord(text[j:]); componentAfter[next] {
				words = addProgram(words, w)
			}
		}
		prev, i = w, j
	}
	return words
}

// isLetter is unicode.IsLetter with a shortcut for ASCII, which most of
// the text is.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// nextWord returns the next word of s, lower-cased, when only a space
// separates it from what came before.
func nextWord(s string) string {
	if len(s) < 2 || s[0] != ' ' {
		return ""
	}
	s = s[1:]
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= '0' && s[n] <= '9' || s[n] == '-') {
		n++
	}
	return s[:n]
}

func addProgram(words map[string]bool, w string) map[string]bool {
	if words == nil {
		words = map[string]bool{}
	}
	words[strings.ToLower(w)] = true
	return words
}

// programDeterminers come before a program's name, not a person's: "the
// Hermes relayer", "those Vals". ("That" is left out: "we saw that Dana
// had restarted it".)
var programDeterminers = wordSet(`the a an these those our their its your every each`)

// componentAfter are nouns that make the capitalised word before them a
// program's name: "a Prow job", "the Mezo testnet". (Lower-case only:
// "Dana Job" is a name.)
var componentAfter = wordSet(`bot bots job jobs testnet mainnet devnet relayer relayers scraper scrapers
	cluster clusters service services server servers app apps api apis instance instances node nodes pod
	pods queue queues database databases db worker workers daemon daemons plugin plugins client clients
	sdk cli controller controllers proxy proxies gateway gateways dashboard dashboards pipeline pipelines
	repo repository repositories bucket buckets chart charts image images container containers binary
	binaries config configuration deployment deployments integration integrations webhook webhooks
	endpoint endpoints library package packages module modules extension extensions agent agents runner
	runners build builds cron indexer indexers validator validators contract contracts chain network
	bridge bridges wallet wallets exporter exporters collector collectors scheduler schedulers`)
