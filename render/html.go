package render

import (
	"io"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// newMarkdown returns the goldmark configuration of the package: GitHub
// Flavored Markdown (tables, task lists, strikethrough, autolinks),
// footnotes, and heading anchors.
func newMarkdown(unsafe bool) goldmark.Markdown {
	rendererOptions := []goldmark.Option{}
	if unsafe {
		rendererOptions = append(rendererOptions, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	return goldmark.New(append(rendererOptions,
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)...)
}

var (
	markdown       = newMarkdown(false)
	markdownUnsafe = newMarkdown(true)
	// plainParser is the parser without autolinks, for Options.NoAutolinks.
	plainParser = goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	).Parser()
)

// HTMLOptions control HTML rendering. The zero value is safe: raw HTML in
// the Markdown is left out and dangerous link targets (javascript:, and data:
// other than images) are dropped.
type HTMLOptions struct {
	// AllowHTML passes raw HTML in the Markdown through. Only for
	// repositories whose every writer is trusted.
	AllowHTML bool
}

// HTML writes the document's body as HTML.
func (d *Document) HTML(w io.Writer, opts HTMLOptions) error {
	return d.NodeHTML(w, d.AST, opts)
}

// NodeHTML writes one node of the document's tree, and its descendants, as
// HTML.
func (d *Document) NodeHTML(w io.Writer, n ast.Node, opts HTMLOptions) error {
	md := markdown
	if opts.AllowHTML {
		md = markdownUnsafe
	}
	return md.Renderer().Render(w, d.Source, n)
}

// ids generates heading anchors from Slug, made unique with a numeric suffix.
type ids map[string]bool

func newIDs() ids { return ids{} }

// Generate returns a unique anchor for a heading's text.
func (s ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s[id] = true
	return []byte(id)
}

// Put records an anchor given explicitly.
func (s ids) Put(value []byte) { s[string(value)] = true }
