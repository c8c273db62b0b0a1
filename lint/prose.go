package lint

import (
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/postmortem-dev/postmortem/render"
)

// proseBlock is the plain text of one block of prose (a paragraph, a list
// item's text, a table cell), with the map from its bytes back to the file.
type proseBlock struct {
	text string
	runs []run // sorted by text offset
}

// run maps text[at:at+n] to source[src:src+n].
type run struct{ at, src, n int }

// source returns the file offset of a byte offset in the block's text.
func (b *proseBlock) source(off int) int {
	i := sort.Search(len(b.runs), func(i int) bool { return b.runs[i].at+b.runs[i].n > off }) // first run ending after off
	if i == len(b.runs) {
		if len(b.runs) == 0 {
			return 0
		}
		last := b.runs[len(b.runs)-1]
		return last.src + last.n
	}
	r := b.runs[i]
	if off < r.at {
		return r.src
	}
	return r.src + off - r.at
}

// prose returns the blocks of prose of a document that blameless rules
// check: paragraphs, list items and table cells, outside block quotes
// (verbatim chat), code and HTML. Headings are titles, not prose. In the
// text, code spans, URLs and raw HTML are blanked out, so that they are
// neither checked nor joined to the words around them. Only the blocks
// whose source passes keep (a cheap test that they may hold a finding)
// have their text built.
func prose(d *render.Document, keep func(string) bool) []proseBlock {
	var blocks []proseBlock
	src := string(d.Source)
	// pieces of the current block: a piece with n < 0 is a blank.
	type piece struct{ src, n int }
	var pieces []piece
	open := false
	flush := func() {
		defer func() { pieces, open = pieces[:0], false }()
		if len(pieces) == 0 {
			return
		}
		first, last := pieces[0], pieces[len(pieces)-1]
		end := last.src + max(last.n, 0)
		if end > len(src) || first.src >= end || !keep(src[first.src:end]) {
			return
		}
		var b strings.Builder
		blk := proseBlock{runs: make([]run, 0, len(pieces))}
		for _, p := range pieces {
			if p.n < 0 {
				blk.runs = append(blk.runs, run{at: b.Len(), src: p.src, n: 1})
				b.WriteByte(' ')
				continue
			}
			blk.runs = append(blk.runs, run{at: b.Len(), src: p.src, n: p.n})
			b.WriteString(blankURLs(src[p.src : p.src+p.n]))
		}
		if blk.text = b.String(); strings.TrimSpace(blk.text) != "" {
			blocks = append(blocks, blk)
		}
	}
	ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Blockquote, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.Heading:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			flush()
			open = entering
			return ast.WalkContinue, nil
		case *ast.Text:
			if !entering || !open {
				return ast.WalkContinue, nil
			}
			seg := n.Segment
			pieces = append(pieces, piece{seg.Start, seg.Len()})
			if n.SoftLineBreak() || n.HardLineBreak() {
				pieces = append(pieces, piece{seg.Stop, -1})
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.Image, *east.TaskCheckBox:
			if entering && open {
				if off, ok := firstByte(n); ok {
					pieces = append(pieces, piece{off, -1})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	flush()
	return blocks
}

// blankURLs returns text with bare URLs (http://, https://, www.) turned
// into spaces of the same length, for documents parsed without autolinks.
func blankURLs(text string) string {
	i := urlStart(text, 0)
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i >= 0; i = urlStart(text, i) {
		for i < len(b) && b[i] != ' ' && b[i] != '\t' && b[i] != '\n' {
			b[i] = ' '
			i++
		}
	}
	return string(b)
}

// urlStart returns the offset of the next bare URL in text at or after
// from, or -1.
func urlStart(text string, from int) int {
	for i := from; i < len(text); i++ {
		if text[i] != 'h' && text[i] != 'w' && text[i] != 'H' && text[i] != 'W' {
			continue
		}
		if i > 0 && (isAlnum(text[i-1]) || text[i-1] == '/' || text[i-1] == '.') {
			continue
		}
		// Most words that start so are "when", "was", "had": the second
		// letter rules them out before any comparison.
		if i+4 > len(text) || text[i+1]|0x20 != 't' && text[i+1]|0x20 != 'w' {
			continue
		}
		rest := text[i:min(len(text), i+8)]
		if prefixFold(rest, "http://") || prefixFold(rest, "https://") || prefixFold(rest, "www.") {
			return i
		}
	}
	return -1
}

// prefixFold reports whether s starts with prefix, ignoring case.
func prefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// firstByte returns the source offset of the first text inside a node.
func firstByte(n ast.Node) (int, bool) {
	var off int
	found := false
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off, found = t.Segment.Start, true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off, found
}

// codeWords returns the words that the document writes alone in a code
// span (`binder`, `hub`), lower-cased: the names of programs, pods and
// accounts. A capitalised word among them names a program, not a person
// ("Binder was failing to direct users"). Nil when there are none.
func codeWords(d *render.Document) map[string]bool {
	var words map[string]bool
	ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		span, ok := n.(*ast.CodeSpan)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		var text []byte
		for c := span.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				text = append(text, t.Segment.Value(d.Source)...)
			}
		}
		if w := string(text); identifier(w) {
			if words == nil {
				words = map[string]bool{}
			}
			words[strings.ToLower(w)] = true
		}
		return ast.WalkSkipChildren, nil
	})
	return words
}

// identifier reports whether w is one word of letters, digits, '-' and
// '_' that starts with a letter.
func identifier(w string) bool {
	if w == "" || !isLetter(w[0]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isAlnum(w[i]) && w[i] != '-' && w[i] != '_' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
