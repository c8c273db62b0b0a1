package render

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Facts are what a quick pass over all of a repository's postmortems needs
// of each: its id (after fallbacks) and its authors.
type Facts struct {
	ID      string
	Authors []string
}

// ScanFacts returns a postmortem's id and authors, exactly as Parse gives
// them in Meta, from its front matter alone. src may be the file's first
// whole lines: when they end inside the front matter, the facts are those
// of a file that ends there and complete is false (pass the whole file
// then). Front matter written as plain "key: value" lines, flow lists and
// block lists of strings (as templates and most postmortems write it) is
// read by a small scanner in a fraction of the time of a YAML parse;
// anything else (nested values, anchors, escapes, block scalars) is parsed
// as Parse does.
func ScanFacts(path string, src []byte, opts Options) (f Facts, complete bool) {
	src = normalizeSource(src)
	yamlText, bodyStart, endLine, hasFM := splitFrontMatter(src)
	complete = !hasFM || endLine > 0
	simple := true
	switch {
	case !hasFM || endLine == 0:
		// No front matter, or one that does not end: no fields.
	case bytes.IndexByte(yamlText, '\r') >= 0:
		simple = false // a lone carriage return, a line break to YAML
	default:
		f, simple = scanSimple(yamlText, opts)
	}
	if !simple {
		d, _ := ParseFrontMatter(path, src[:bodyStart], opts)
		return Facts{ID: d.Meta.ID, Authors: d.Meta.Authors}, complete
	}
	if f.ID == "" {
		f.ID = fileStem(path)
	}
	return f, complete
}

// scanSimple reads the id and authors from front matter in a subset of
// YAML: at the left margin, "key: value" lines and keys followed by a block
// list ("  - value" lines); values are plain, single- or double-quoted
// strings without escapes, or one-line flow lists of them; comments and
// blank lines anywhere. It reports false for anything outside the subset,
// which the caller then parses as YAML: within it, it gives what the YAML
// parse gives.
func scanSimple(text []byte, opts Options) (Facts, bool) {
	idKeys, authorKeys := fieldKeys("id", opts), fieldKeys("authors", opts)
	var f Facts
	seen := map[string]bool{}           // keys
	idSeen, authorsSeen := false, false // the two fields, under any of their keys
	var list *[]string                  // the block list being read, or nil
	inList := false                     // a key without a value was seen: block list items may follow
	itemIndent := -1
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		if !plainBytes(line) {
			return Facts{}, false
		}
		trimmed := bytes.TrimLeft(line, " ")
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		indent := len(line) - len(trimmed)
		if trimmed[0] == '-' && (len(trimmed) == 1 || trimmed[1] == ' ') {
			// A block list item: only after a key without a value, all
			// at one indentation.
			if !inList || itemIndent >= 0 && indent != itemIndent {
				return Facts{}, false
			}
			itemIndent = indent
			v, ok := scalar(string(trimmed[1:]), false)
			if !ok || v.null {
				return Facts{}, false
			}
			if list != nil && v.text != "" {
				*list = append(*list, v.text)
			}
			continue
		}
		if indent > 0 {
			return Facts{}, false // nested mappings and continued scalars
		}
		key, rest, ok := strings.Cut(string(line), ":")
		if !ok || len(key) > 1000 || !plainKey(key) || rest != "" && rest[0] != ' ' || seen[key] {
			return Facts{}, false
		}
		seen[key] = true
		list, inList, itemIndent = nil, false, -1
		isID, isAuthors := idKeys[key], authorKeys[key]
		if isID && idSeen || isAuthors && authorsSeen {
			return Facts{}, false // the field twice, under two names
		}
		idSeen, authorsSeen = idSeen || isID, authorsSeen || isAuthors
		rest = strings.TrimLeft(rest, " ")
		if rest == "" || rest[0] == '#' {
			inList = true
			if isAuthors {
				list = &f.Authors // a null id stays ""
			}
			continue
		}
		if rest[0] == '[' {
			items, ok := flowList(rest)
			if !ok {
				return Facts{}, false
			}
			if isID {
				return Facts{}, false // a type error, which Parse reports
			}
			if isAuthors {
				f.Authors = items
			}
			continue
		}
		v, ok := scalar(rest, false)
		if !ok {
			return Facts{}, false
		}
		if isID && !v.null {
			f.ID = v.text
		}
		if isAuthors && !v.null && v.text != "" {
			f.Authors = []string{v.text}
		}
	}
	return f, true
}

// fieldKeys returns the keys that name a field: its canonical name and the
// key the configuration gives it.
func fieldKeys(name string, opts Options) map[string]bool {
	keys := map[string]bool{name: true}
	if k := opts.FieldNames[name]; k != "" {
		keys[k] = true
	}
	return keys
}

// plainBytes reports whether a line has only bytes the scanner knows YAML
// reads as they are: printable ASCII but for a few indicators handled
// elsewhere, and letters, marks and digits beyond ASCII.
func plainBytes(line []byte) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)) {
			return false
		}
		i += n
	}
	return true
}

// plainKey reports whether a key is a plain word: letters, digits, "_",
// "-" and ".", starting with a letter or digit.
func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case (c == '_' || c == '-' || c == '.') && i > 0:
		default:
			return false
		}
	}
	return true
}

type scalarValue struct {
	text string // trimmed, as Parse keeps it
	null bool
}

// scalar reads one value that fills the rest of a line (in a flow list
// when flow): a plain or quoted string, then an optional comment. It
// reports false for what the scanner leaves to YAML.
func scalar(s string, flow bool) (scalarValue, bool) {
	s = strings.Trim(s, " ")
	if s == "" {
		return scalarValue{null: true}, !flow
	}
	switch s[0] {
	case '"', '\'':
		end := strings.IndexByte(s[1:], s[0])
		if end < 0 {
			return scalarValue{}, false
		}
		body, after := s[1:1+end], strings.TrimLeft(s[2+end:], " ")
		if s[0] == '"' && strings.IndexByte(body, '\\') >= 0 || after != "" && (flow || after[0] != '#') {
			return scalarValue{}, false
		}
		return scalarValue{text: strings.TrimSpace(body)}, true
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`':
		return scalarValue{}, false
	}
	// A plain scalar ends at a comment; it may not hold ": " or, in a
	// flow list, the flow indicators.
	if i := strings.Index(s, " #"); i >= 0 {
		if flow {
			return scalarValue{}, false
		}
		s = strings.TrimRight(s[:i], " ")
	}
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || flow && strings.ContainsAny(s, ",[]{}") {
		return scalarValue{}, false
	}
	switch s {
	case "~", "null", "Null", "NULL":
		return scalarValue{null: true}, true
	}
	return scalarValue{text: s}, true
}

// flowList reads "[a, b, c]", a one-line flow list of strings, and what
// follows it (a comment or nothing). An empty list is nil, as Parse gives.
func flowList(s string) ([]string, bool) {
	end := strings.IndexByte(s, ']')
	if end < 0 {
		return nil, false
	}
	body, after := s[1:end], strings.TrimLeft(s[end+1:], " ")
	if after != "" && after[0] != '#' || strings.ContainsAny(body, "[{}") {
		return nil, false
	}
	if strings.Trim(body, " ") == "" {
		return nil, true
	}
	var out []string
	for _, item := range strings.Split(body, ",") {
		v, ok := scalar(item, true)
		if !ok || v.null {
			return nil, false
		}
		if v.text != "" {
			out = append(out, v.text)
		}
	}
	return out, true
}
