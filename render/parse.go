package render

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// Options control how Parse reads front matter. The zero value reads the
// fields under their own names.
type Options struct {
	// FieldNames maps a canonical field name to the key a repository uses
	// for it, for example {"started": "start_time", "tags": "categories"}.
	// The canonical name is accepted too.
	FieldNames map[string]string
	// NoAutolinks leaves bare URLs (https://..., www....) as text instead
	// of links. Parsing is a tenth faster; it is for checks that read the
	// tree but do not render it.
	NoAutolinks bool
}

// Document is a parsed postmortem.
type Document struct {
	// Path is the file's path as given to Parse; it is used in errors.
	Path string
	// Source is the file's text with CRLF line endings turned into LF and a
	// byte-order mark removed. Line numbers are those of the original file.
	Source []byte
	// FrontMatter is nil when the file has none.
	FrontMatter *FrontMatter
	// Meta is the typed metadata with fallbacks applied.
	Meta Meta
	// BodyStart is the byte offset in Source at which the Markdown starts,
	// and BodyLine its line.
	BodyStart, BodyLine int
	// AST is the goldmark tree of the Markdown body. Segments in it are byte
	// offsets into Source.
	AST ast.Node
	// Sections are the document's headings with their bodies, in order.
	Sections []*Section

	lines       lineIndex
	bodyParsed  bool
	noAutolinks bool
}

// Pos returns the position of a byte offset in Source.
func (d *Document) Pos(offset int) Pos { return d.lines.pos(offset) }

// LineOffset returns the byte offset in Source of the start of a line, or -1.
func (d *Document) LineOffset(line int) int { return d.lines.offset(line) }

// NodePos returns the position at which a goldmark node starts, and false
// when the node carries no position (some inline nodes do not).
func (d *Document) NodePos(n ast.Node) (Pos, bool) {
	if off, ok := nodeOffset(n); ok {
		return d.Pos(off), true
	}
	return Pos{}, false
}

// nodeOffset returns the byte offset at which a node starts.
func nodeOffset(n ast.Node) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Start, true
	case *ast.String:
		return 0, false
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start, true
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := nodeOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

// docParser holds the state of one Parse.
type docParser struct {
	doc  *Document
	fm   *FrontMatter
	errs ErrorList
}

func (p *docParser) errorf(pos Pos, code, format string, args ...any) {
	p.errs.Add(p.doc.Path, pos, code, format, args...)
}

// Parse parses a postmortem. It always returns a document, as complete as
// the input allows, and an ErrorList of the problems it found (nil when
// there are none). It never panics, whatever the input.
func Parse(path string, src []byte, opts Options) (*Document, error) {
	d, err := ParseFrontMatter(path, src, opts)
	d.ParseBody()
	return d, err
}

// normalizeSource returns a file's text as a Document keeps it: without a
// byte-order mark, and with CRLF line endings turned into LF.
func normalizeSource(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// ParseFrontMatter parses a postmortem's front matter only, for a quick
// pass over many files: the document has no Markdown tree and no sections
// until ParseBody is called, and its title falls back to the file name.
// The problems it returns are all that Parse would return.
func ParseFrontMatter(path string, src []byte, opts Options) (*Document, error) {
	src = normalizeSource(src)
	d := &Document{Path: path, Source: src, lines: newLineIndex(src), AST: ast.NewDocument(), noAutolinks: opts.NoAutolinks}
	p := &docParser{doc: d}
	if !utf8.Valid(src) {
		off := firstInvalidUTF8(src)
		p.errorf(d.Pos(off), CodeEncoding, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", src[off])
	}

	yamlText, bodyStart, endLine, ok := splitFrontMatter(src)
	if ok && !utf8.Valid(yamlText) {
		// Reported above, once: read the fields with each bad byte as
		// "?", which keeps every position, rather than fail the YAML too.
		yamlText = replaceInvalidUTF8(yamlText)
	}
	if ok {
		p.fm = &FrontMatter{StartLine: 1, EndLine: endLine}
		d.FrontMatter = p.fm
		if endLine == 0 {
			p.errorf(Pos{Line: 1, Col: 1}, CodeUnterminated, "front matter is not terminated: add a line --- after it")
		} else if node := p.parseYAML(yamlText, 2); node != nil {
			p.fm.Node = node
			p.readFields(node, opts)
			p.fillMeta()
		}
	}
	d.BodyStart = bodyStart
	d.BodyLine = d.Pos(bodyStart).Line
	d.fallbacks()
	p.errs.Sort()
	return d, p.errs.Err()
}

// ParseBody parses the Markdown of a document read by ParseFrontMatter:
// the tree, the sections, and the title and summary that fall back to
// them. It does nothing when the body was parsed already.
func (d *Document) ParseBody() {
	if d.bodyParsed {
		return
	}
	d.bodyParsed = true
	d.AST = parseMarkdown(maskBefore(d.Source, d.BodyStart), d.noAutolinks)
	d.Sections = sections(d)
	d.fallbacks()
}

// replaceInvalidUTF8 returns a copy of b with each byte that is not valid
// UTF-8 replaced by '?'.
func replaceInvalidUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			out = append(out, '?')
			i++
			continue
		}
		out = append(out, b[i:i+n]...)
		i += n
	}
	return out
}

// firstInvalidUTF8 returns the offset of the first byte that is not valid UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// maskBefore returns a copy of src in which every byte before off, but for
// line feeds, is a space: goldmark then sees blank lines where the front
// matter was, and its offsets stay those of the file.
func maskBefore(src []byte, off int) []byte {
	if off == 0 {
		return src
	}
	masked := make([]byte, len(src))
	copy(masked, src)
	for i := 0; i < off; i++ {
		if masked[i] != '\n' {
			masked[i] = ' '
		}
	}
	return masked
}

// readFields records the front matter's entries, mapping keys to fields.
func (p *docParser) readFields(node *yaml.Node, opts Options) {
	names := map[string]string{} // key as written -> canonical name
	for _, f := range Fields {
		names[f] = f
	}
	for canonical, key := range opts.FieldNames {
		if key != "" && IsField(canonical) {
			names[key] = canonical
		}
	}
	seen := map[string]*Field{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i], node.Content[i+1]
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			p.errorf(nodePos(k), CodeType, "front matter keys must be strings, not a %s", kindName(k))
			continue
		}
		f := &Field{Name: key, Key: key, KeyPos: nodePos(k), ValuePos: nodePos(v), Value: v}
		if c, ok := names[key]; ok {
			f.Name, f.Known = c, true
		}
		if prev := seen[f.Name]; prev != nil {
			also := ""
			if prev.Key != f.Key {
				also = " as " + prev.Key
			}
			p.errorf(f.KeyPos, CodeDuplicateKey, "%s is given twice (first%s on line %d)", f.Key, also, prev.KeyPos.Line)
			continue
		}
		seen[f.Name] = f
		p.fm.Fields = append(p.fm.Fields, f)
	}
}

// fallbacks fills what the front matter did not give from the document and
// its file name.
func (d *Document) fallbacks() {
	m := &d.Meta
	stem := fileStem(d.Path)
	if m.ID == "" {
		m.ID = stem
	}
	if m.Title == "" || m.TitleFrom == "file name" {
		for _, s := range d.Sections {
			if s.Level == 1 && s.Title != "" {
				m.Title, m.TitleFrom = s.Title, "heading"
				break
			}
		}
	}
	if m.Title == "" && stem != "" {
		// Provisional until the body is parsed, when it has a heading.
		m.Title, m.TitleFrom = stem, "file name"
	}
	if m.Date.IsZero() && m.DateFrom == "" {
		if mm := fileDateRE.FindStringSubmatch(stem); mm != nil {
			if t, err := timeParseDate(mm[2]); err == nil {
				m.Date, m.DateFrom = t, "file name"
			}
		}
	}
	if m.Summary == "" {
		if s := d.Section("Summary"); s != nil {
			for _, n := range s.Blocks {
				if para, ok := n.(*ast.Paragraph); ok {
					m.Summary = PlainText(d.Source, para)
					break
				}
			}
		}
	}
}

// PlainText returns the text of a node and its descendants, with Markdown
// markup removed and soft line breaks as spaces.
func PlainText(src []byte, n ast.Node) string {
	var b strings.Builder
	writePlain(&b, src, n)
	return strings.TrimSpace(b.String())
}

func writePlain(b *strings.Builder, src []byte, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Segment.Value(src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
		return
	case *ast.String:
		b.Write(n.Value)
		return
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				b.Write(t.Segment.Value(src))
			}
		}
		return
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *east.Strikethrough:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		writePlain(b, src, c)
		if c.Type() == ast.TypeBlock && c.NextSibling() != nil {
			b.WriteByte(' ')
		}
	}
}

// parseMarkdown parses Markdown with the package's goldmark configuration.
func parseMarkdown(src []byte, noAutolinks bool) ast.Node {
	ctx := parser.NewContext(parser.WithIDs(newIDs()))
	p := markdown.Parser()
	if noAutolinks {
		p = plainParser
	}
	return p.Parse(text.NewReader(src), parser.WithContext(ctx))
}
