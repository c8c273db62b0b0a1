package render

import (
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
)

// Section is a heading and the blocks under it, up to the next heading of
// the same or a higher level. A section of level 2 includes its level-3
// subsections.
type Section struct {
	Title   string // the heading's plain text
	Level   int    // 1 to 6
	ID      string // the heading's anchor
	Heading *ast.Heading
	Blocks  []ast.Node // the top-level blocks after the heading, in order
	// Line is the heading's line; EndLine the last line of the section's
	// body (Line when it is empty).
	Line, EndLine int
	// Start and End are the byte offsets in Source of the section's body.
	Start, End int

	key string // Slug(Title), for comparisons
}

// Empty reports whether the section has no content but subsection headings
// and HTML comments (such as a template's prompts).
func (s *Section) Empty() bool {
	for _, b := range s.Blocks {
		switch b := b.(type) {
		case *ast.Heading:
			continue
		case *ast.HTMLBlock:
			if b.HTMLBlockType == ast.HTMLBlockType2 {
				continue
			}
		}
		return false
	}
	return true
}

// Section returns the first section whose title is one of names, compared
// without regard to case, accents and surrounding punctuation, or nil.
func (d *Document) Section(names ...string) *Section {
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = Slug(n)
	}
	for _, s := range d.Sections {
		for _, k := range keys {
			if k == s.key {
				return s
			}
		}
	}
	return nil
}

// sections splits the document at its headings.
func sections(d *Document) []*Section {
	var out []*Section
	var open []*Section // sections still collecting blocks, outermost first
	bodyEnd := len(d.Source)
	for n := d.AST.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if ok {
			start := blockStart(d, n)
			// Close the sections this heading ends.
			for len(open) > 0 && open[len(open)-1].Level >= h.Level {
				closeSection(d, open[len(open)-1], start)
				open = open[:len(open)-1]
			}
			s := &Section{Title: PlainText(d.Source, h), Level: h.Level, Heading: h}
			s.key = Slug(s.Title)
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					s.ID = string(b)
				}
			}
			s.Line = d.Pos(start).Line
			s.Start = blockEnd(d, n)
			for _, o := range open {
				o.Blocks = append(o.Blocks, n)
			}
			open = append(open, s)
			out = append(out, s)
			continue
		}
		for _, o := range open {
			o.Blocks = append(o.Blocks, n)
		}
	}
	for _, s := range open {
		closeSection(d, s, bodyEnd)
	}
	return out
}

// closeSection ends a section's body at byte offset end.
func closeSection(d *Document, s *Section, end int) {
	if end < s.Start {
		end = s.Start
	}
	s.End = end
	s.EndLine = s.Line
	// The last line with content before end.
	body := strings.TrimRight(string(d.Source[s.Start:end]), " \t\n")
	if body != "" {
		s.EndLine = d.Pos(s.Start + len(body) - 1).Line
	}
}

// blockStart returns the offset of the start of the line on which a block
// begins.
func blockStart(d *Document, n ast.Node) int {
	off, ok := nodeOffset(n)
	if !ok {
		return 0
	}
	return d.LineOffset(d.Pos(off).Line)
}

// blockEnd returns the offset just past the line on which a heading ends.
func blockEnd(d *Document, n ast.Node) int {
	off := 0
	if l := n.Lines(); l != nil && l.Len() > 0 {
		off = l.At(l.Len() - 1).Stop
	} else if o, ok := nodeOffset(n); ok {
		off = o
	}
	next := d.LineOffset(d.Pos(off).Line + 1)
	if next < 0 || next < off {
		return len(d.Source)
	}
	return next
}

func timeParseDate(s string) (time.Time, error) { return time.Parse(DateLayout, s) }
