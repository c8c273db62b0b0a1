package render

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// FrontMatter is the YAML block at the top of a postmortem, between a line
// "---" and a line "---" (or "...").
type FrontMatter struct {
	// StartLine and EndLine are the lines of the opening and closing
	// delimiters. EndLine is 0 when the front matter is unterminated.
	StartLine, EndLine int
	// Node is the YAML mapping, with line numbers relative to the file. It is
	// nil when the YAML did not parse or was empty.
	Node *yaml.Node
	// Fields are the mapping's entries in file order.
	Fields []*Field
}

// Field is one key: value entry of the front matter.
type Field struct {
	// Name is the canonical field name ("started") when the key is a known
	// field under its own or its mapped name, and the key itself otherwise.
	Name string
	// Key is the key as written in the file ("start_time").
	Key string
	// Known reports whether Name is one of the fields of version 1 of the
	// front matter (see Fields).
	Known    bool
	KeyPos   Pos
	ValuePos Pos
	Value    *yaml.Node
}

// Field returns the entry for a canonical field name, or nil.
func (fm *FrontMatter) Field(name string) *Field {
	if fm == nil {
		return nil
	}
	for _, f := range fm.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// splitFrontMatter finds the front matter block of src (LF line endings, no
// byte-order mark). It returns the YAML text (which starts on line 2), the
// byte offset at which the Markdown body starts and the line of the closing
// delimiter. ok is false when src has no front matter; endLine is 0 when it
// is not terminated, in which case the YAML text is empty and the whole file
// is taken as Markdown, so that its text is still checked and shown.
func splitFrontMatter(src []byte) (yamlText []byte, bodyStart, endLine int, ok bool) {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	if !isDelimiter(first, false) {
		return nil, 0, 0, false
	}
	off := len(first) + 1
	if off > len(src) {
		off = len(src)
	}
	line := 2
	for off < len(src) {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		lineText := src[off:]
		if end >= 0 {
			lineText = src[off : off+end]
			next = off + end + 1
		}
		if isDelimiter(lineText, true) {
			return src[len(first)+1 : off], next, line, true
		}
		off = next
		line++
	}
	return nil, 0, 0, true
}

// isDelimiter reports whether line is "---" (or "..." when closing), with
// trailing blanks allowed.
func isDelimiter(line []byte, closing bool) bool {
	line = bytes.TrimRight(line, " \t")
	return string(line) == "---" || closing && string(line) == "..."
}

// yamlLineRE finds the line number in yaml.v3's error messages.
var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses the front matter text, which starts on line first of the
// file. It returns the mapping node (nil when empty or invalid).
func (p *docParser) parseYAML(text []byte, first int) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		msg := err.Error()
		pos := Pos{Line: p.fm.StartLine, Col: 1}
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			if strings.HasPrefix(m[2], "did not find expected") {
				n++ // yaml.v3 gives these parser errors the line before the problem
			}
			pos = Pos{Line: min(first+n-1, first+bytes.Count(text, []byte("\n"))-1), Col: 1}
			msg = m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		p.errorf(pos, CodeYAML, "invalid YAML in front matter: %s", msg)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil // empty front matter
	}
	shiftLines(&doc, first-1, map[*yaml.Node]bool{})
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(Pos{Line: root.Line, Col: root.Column}, CodeNotMapping,
			"front matter must be key: value pairs, not a %s", kindName(root))
		return nil
	}
	return root
}

// shiftLines makes the node's line numbers relative to the file.
func shiftLines(n *yaml.Node, by int, seen map[*yaml.Node]bool) {
	if seen[n] {
		return
	}
	seen[n] = true
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by, seen)
	}
}

// kindName names a YAML node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.AliasNode:
		return "alias"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "number"
		case "!!bool":
			return "boolean"
		case "!!null":
			return "null"
		case "!!timestamp":
			return "timestamp"
		}
		return "string"
	}
	return "document"
}

// nodePos returns the position of a YAML node.
func nodePos(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }
