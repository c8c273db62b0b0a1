package render

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata files")

// TestParse runs the cases in testdata/parse. Each is a txtar archive with an
// input file (its name is the path given to Parse), and the sections "want"
// (a dump of the document) and "html" (the rendered body). The comment of
// the archive may set field names, one "canonical=key" a line.
func TestParse(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opts := Options{FieldNames: map[string]string{}}
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
					opts.FieldNames[k] = v
				}
			}
			input := ar.Files[0]
			doc, err := Parse(input.Name, unescape(input.Data), opts)
			got := map[string][]byte{"want": []byte(dump(doc, err))}
			var html bytes.Buffer
			if err := doc.HTML(&html, HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			got["html"] = html.Bytes()
			changed := false
			for i := 1; i < len(ar.Files); i++ {
				f := &ar.Files[i]
				g, ok := got[f.Name]
				if !ok {
					t.Fatalf("unknown section %q", f.Name)
				}
				delete(got, f.Name)
				if !bytes.Equal(f.Data, g) {
					if *update {
						f.Data, changed = g, true
						continue
					}
					t.Errorf("%s differs:\n--- got\n%s--- want\n%s", f.Name, g, f.Data)
				}
			}
			for name, g := range got {
				if !*update {
					t.Errorf("missing section %q; run go test -update", name)
					continue
				}
				ar.Files, changed = append(ar.Files, txtar.File{Name: name, Data: g}), true
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// unescape lets test inputs spell bytes that txtar cannot hold literally:
// "\r" for a carriage return, "\ufeff" for a byte-order mark, "\xff" for an
// invalid byte.
func unescape(b []byte) []byte {
	r := strings.NewReplacer(`\r`, "\r", `\ufeff`, "\ufeff", `\xff`, "\xff")
	return []byte(r.Replace(string(b)))
}

// dump describes a document in a stable, readable form.
func dump(d *Document, err error) string {
	var b strings.Builder
	m := d.Meta
	date := func(t time.Time, layout string) string {
		if t.IsZero() {
			return "-"
		}
		return t.Format(layout)
	}
	fmt.Fprintf(&b, "id: %s\n", m.ID)
	fmt.Fprintf(&b, "title: %q (%s)\n", m.Title, m.TitleFrom)
	fmt.Fprintf(&b, "date: %s (%s)\n", date(m.Date, DateLayout), m.DateFrom)
	fmt.Fprintf(&b, "status: %q severity: %q\n", m.Status, m.Severity)
	fmt.Fprintf(&b, "authors: %q services: %q tags: %q\n", m.Authors, m.Services, m.Tags)
	for _, name := range Timestamps {
		if ts := m.Timestamp(name); !ts.IsZero() {
			fmt.Fprintf(&b, "%s: %s\n", name, ts.Format(time.RFC3339))
		}
	}
	fmt.Fprintf(&b, "summary: %q\n", m.Summary)
	if len(m.Extra) > 0 {
		keys := make([]string, 0, len(m.Extra))
		for k := range m.Extra {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "extra %s: %v\n", k, m.Extra[k])
		}
	}
	if fm := d.FrontMatter; fm != nil {
		fmt.Fprintf(&b, "front matter: lines %d-%d\n", fm.StartLine, fm.EndLine)
		for _, f := range fm.Fields {
			fmt.Fprintf(&b, "  field %s (key %s, known %v) key %s value %s\n", f.Name, f.Key, f.Known, f.KeyPos, f.ValuePos)
		}
	}
	fmt.Fprintf(&b, "body: line %d\n", d.BodyLine)
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "section h%d %q #%s lines %d-%d blocks %d empty %v\n", s.Level, s.Title, s.ID, s.Line, s.EndLine, len(s.Blocks), s.Empty())
	}
	var list ErrorList
	if err != nil && !errors.As(err, &list) {
		fmt.Fprintf(&b, "error (not an ErrorList): %v\n", err)
	}
	for _, e := range list {
		fmt.Fprintf(&b, "error %s %s\n", e.Code, e)
	}
	return b.String()
}

// TestInvalidUTF8FrontMatter: a byte that is not UTF-8 in the front matter
// is one problem, its encoding; the fields are read all the same.
func TestInvalidUTF8FrontMatter(t *testing.T) {
	src := []byte("---\ntitle: Caf\xe9 outage\nseverity: SEV2\n---\n# T\n")
	d, err := Parse("f.md", src, Options{})
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].Code != CodeEncoding || list[0].Pos != (Pos{Line: 2, Col: 11}) {
		t.Fatalf("errors: %v, want one invalid UTF-8 at 2:11", err)
	}
	if d.Meta.Title != "Caf? outage" || d.Meta.Severity != "SEV2" {
		t.Errorf("title %q, severity %q", d.Meta.Title, d.Meta.Severity)
	}
}
