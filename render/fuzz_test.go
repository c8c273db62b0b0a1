package render

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/yuin/goldmark/ast"
)

// FuzzParse checks that Parse never panics, always returns a document, and
// that every position it reports lies inside the file.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/parse/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err == nil && len(ar.Files) > 0 {
			f.Add(unescape(ar.Files[0].Data))
		}
	}
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\r\ntitle: x\r\n...\r\n# T\r\n"))
	f.Add([]byte("## \n#\n# x\n===\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("f.md", src, Options{FieldNames: map[string]string{"tags": "categories"}})
		if doc == nil {
			t.Fatal("nil document")
		}
		var list ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("error is not an ErrorList: %v", err)
		}
		lines := bytes.Count(doc.Source, []byte("\n")) + 1
		for _, e := range list {
			if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Errorf("error %q at %v, outside a file of %d lines", e, e.Pos, lines)
			}
		}
		for _, s := range doc.Sections {
			if s.Line < 1 || s.Line > lines || s.EndLine < s.Line || s.Start > s.End || s.End > len(doc.Source) {
				t.Errorf("section %q: lines %d-%d, bytes %d-%d, in a file of %d lines and %d bytes",
					s.Title, s.Line, s.EndLine, s.Start, s.End, lines, len(doc.Source))
			}
		}
		if doc.BodyStart < 0 || doc.BodyStart > len(doc.Source) {
			t.Errorf("body starts at %d of %d bytes", doc.BodyStart, len(doc.Source))
		}
		if utf8.Valid(src) && !utf8.ValidString(doc.Meta.Title) {
			t.Errorf("title %q is not UTF-8", doc.Meta.Title)
		}
		if err := doc.HTML(io.Discard, HTMLOptions{}); err != nil {
			t.Errorf("HTML: %v", err)
		}
	})
}

// TestLargeFile parses a 10 MB postmortem.
func TestLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var b strings.Builder
	b.WriteString("---\ntitle: Large\n---\n# Large\n\n## Timeline\n\n")
	for b.Len() < 10<<20 {
		b.WriteString("- 14:02 UTC — The replica fell behind and the queue depth grew past its limit.\n")
	}
	doc, err := Parse("large.md", []byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := doc.Section("Timeline"); s == nil || s.EndLine < 100000 {
		t.Errorf("timeline section = %+v, want one ending past line 100000", s)
	}
}

// TestPositionsAfterFrontMatter checks that a node's position is that of the
// file, front matter and CRLF line endings included.
func TestPositionsAfterFrontMatter(t *testing.T) {
	src := "---\r\ntitle: x\r\n---\r\n\r\n## Summary\r\n\r\nThe cache **was** cold.\r\n"
	doc, err := Parse("p.md", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Section("summary")
	if s == nil || s.Line != 5 {
		t.Fatalf("summary section = %+v, want line 5", s)
	}
	pos, ok := doc.NodePos(s.Blocks[0])
	if !ok || pos != (Pos{Line: 7, Col: 1}) {
		t.Errorf("paragraph at %v (%v), want 7:1", pos, ok)
	}
	strong := s.Blocks[0].FirstChild().NextSibling()
	if pos, ok := doc.NodePos(strong); !ok || pos != (Pos{Line: 7, Col: 13}) {
		t.Errorf("strong text at %v (%v), want 7:13 (the text inside the markup)", pos, ok)
	}
}

// TestNoAutolinks checks that bare URLs stay text with NoAutolinks, and
// become links without it.
func TestNoAutolinks(t *testing.T) {
	src := []byte("# T\n\nSee https://example.com/x and www.example.org.\n")
	count := func(opts Options) int {
		d, err := Parse("a.md", src, opts)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		ast.Walk(d.AST, func(n2 ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n2.(*ast.AutoLink); ok && entering {
				n++
			}
			return ast.WalkContinue, nil
		})
		return n
	}
	if got := count(Options{}); got != 2 {
		t.Errorf("%d autolinks, want 2", got)
	}
	if got := count(Options{NoAutolinks: true}); got != 0 {
		t.Errorf("%d autolinks with NoAutolinks, want 0", got)
	}
}
