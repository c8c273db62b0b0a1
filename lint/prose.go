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
// neither checked nor joined to the words around them.
func prose(d *render.Document) []proseBlock {
	var blocks []proseBlock
	var cur *proseBlock
	var b strings.Builder
	flush := func() {
		if cur != nil && strings.TrimSpace(b.String()) != "" {
			cur.text = b.String()
			blocks = append(blocks, *cur)
		}
		cur = nil
		b.Reset()
	}
	blank := func(src int) {
		cur.runs = append(cur.runs, run{at: b.Len(), src: src, n: 1})
		b.WriteByte(' ')
	}
	ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Blockquote, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.Heading:
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *east.TableCell:
			if entering {
				flush()
				cur = &proseBlock{}
			} else {
				flush()
			}
			return ast.WalkContinue, nil
		case *ast.Text:
			if !entering || cur == nil {
				return ast.WalkContinue, nil
			}
			seg := n.Segment
			cur.runs = append(cur.runs, run{at: b.Len(), src: seg.Start, n: seg.Len()})
			b.Write(seg.Value(d.Source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				blank(seg.Stop)
			}
		case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.Image, *east.TaskCheckBox:
			if entering && cur != nil {
				if off, ok := firstByte(n); ok {
					blank(off)
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	flush()
	return blocks
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
