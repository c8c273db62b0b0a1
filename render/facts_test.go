package render

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var factsOpts = Options{FieldNames: map[string]string{"authors": "owners", "id": "key"}}

// parsedFacts are the facts as Parse gives them.
func parsedFacts(path string, src []byte, opts Options) Facts {
	d, _ := ParseFrontMatter(path, src, opts)
	return Facts{ID: d.Meta.ID, Authors: d.Meta.Authors}
}

func TestScanFacts(t *testing.T) {
	tests := []struct {
		name, src string
		want      Facts
		simple    bool // read by the scanner, not by YAML
	}{
		{"no front matter", "# Title\n\nBody.\n", Facts{ID: "f"}, true},
		{"plain", "---\nid: PM-1\nauthors: Dana Okafor\n---\n", Facts{ID: "PM-1", Authors: []string{"Dana Okafor"}}, true},
		{"block list", "---\ntitle: \"x (y)\"\nauthors:\n  - Mei Rossi\n  # a comment\n\n  - 'Lucas Garcia'\nservices: [a, b]\n---\n",
			Facts{ID: "f", Authors: []string{"Mei Rossi", "Lucas Garcia"}}, true},
		{"list at the margin", "---\nauthors:\n- A\n- B\n---\n", Facts{ID: "f", Authors: []string{"A", "B"}}, true},
		{"flow list and comment", "---\nauthors: [ A , \"B\" ] # who wrote it\nid: x # the id\n---\n",
			Facts{ID: "x", Authors: []string{"A", "B"}}, true},
		{"empty and null", "---\nid: ~\nauthors: []\ntags:\n---\n", Facts{ID: "f"}, true},
		{"quoted null is a string", "---\nid: \"null\"\n---\n", Facts{ID: "null"}, true},
		{"configured keys", "---\nkey: K-7\nowners: [Ana]\n---\n", Facts{ID: "K-7", Authors: []string{"Ana"}}, true},
		{"apostrophe in a double-quoted title", "---\ntitle: \"Dana's outage\"\nid: a\n---\n", Facts{ID: "a"}, true},
		{"dates and times", "---\ndate: 2025-03-12\nstarted: 2025-03-12T02:43:00Z\nid: a\n---\n", Facts{ID: "a"}, true},
		{"letters beyond ASCII", "---\nauthors: [Zoë Müller, 田中]\n---\n", Facts{ID: "f", Authors: []string{"Zoë Müller", "田中"}}, true},
		{"crlf", "---\r\nid: c\r\n---\r\n# T\r\n", Facts{ID: "c"}, true},
		{"bom", "\ufeff---\nid: b\n---\n", Facts{ID: "b"}, true},
		// Left to YAML.
		{"nested value", "---\nid: n\nactions:\n  - what: fix\n    owner: A\nauthors: [A]\n---\n", Facts{ID: "n", Authors: []string{"A"}}, false},
		{"escape", "---\nid: \"a\\tb\"\n---\n", Facts{ID: "a\tb"}, false},
		{"anchor and alias", "---\nx: &n Dana\nauthors: [*n]\n---\n", Facts{ID: "f", Authors: []string{"Dana"}}, false},
		{"block scalar", "---\nid: |\n  multi\n---\n", Facts{ID: "multi"}, false},
		{"invalid YAML", "---\nid: a: b\nauthors: [A]\n---\n", Facts{ID: "f"}, false},
		{"list as id", "---\nid: [a]\n---\n", Facts{ID: "f"}, false},
		{"twice under two names", "---\nid: a\nkey: b\n---\n", Facts{ID: "a"}, false},
		{"tab", "---\nid:\ta\n---\n", Facts{ID: "a"}, false},
		{"quote doubled", "---\nid: 'it''s'\n---\n", Facts{ID: "it's"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, complete := ScanFacts("dir/f.md", []byte(tt.src), factsOpts)
			if !complete {
				t.Error("complete = false for a whole file")
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ScanFacts = %+v, want %+v", got, tt.want)
			}
			if p := parsedFacts("dir/f.md", []byte(tt.src), factsOpts); !reflect.DeepEqual(p, tt.want) {
				t.Errorf("Parse gives %+v, the test wants %+v", p, tt.want)
			}
			src := strings.ReplaceAll(strings.TrimPrefix(tt.src, "\ufeff"), "\r\n", "\n")
			if text, _, end, ok := splitFrontMatter([]byte(src)); ok && end > 0 {
				if _, simple := scanSimple(text, factsOpts); simple != tt.simple {
					t.Errorf("read by the scanner: %v, want %v", simple, tt.simple)
				}
			}
		})
	}
}

// TestScanFactsPrefix checks that the first lines of a file are enough once
// they hold the front matter, and that complete says when they are not.
func TestScanFactsPrefix(t *testing.T) {
	src := "---\nid: p\nauthors:\n  - A\n  - B\n---\n# Title\n\nBody.\n"
	end := strings.Index(src, "---\n# Title") + len("---\n")
	for n := 0; n <= len(src); n++ {
		if n > 0 && src[n-1] != '\n' {
			continue
		}
		got, complete := ScanFacts("f.md", []byte(src[:n]), Options{})
		if complete != (n == 0 || n >= end) {
			t.Errorf("%d bytes: complete = %v", n, complete)
		}
		if n >= end && !reflect.DeepEqual(got, Facts{ID: "p", Authors: []string{"A", "B"}}) {
			t.Errorf("%d bytes: %+v", n, got)
		}
	}
}

// TestScanFactsTakesTheScanner checks that the postmortems and templates of
// this repository are read by the scanner, not by YAML: the point of it.
func TestScanFactsTakesTheScanner(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../examples/postmortems/*.md", "../templates/*/*.md", "../templates/*/*/*.md"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no postmortems or templates found")
	}
	read := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, _, end, ok := splitFrontMatter(src)
		if !ok || end == 0 {
			continue
		}
		read++
		if _, simple := scanSimple(text, Options{}); !simple {
			t.Errorf("%s: front matter left to YAML", f)
		}
	}
	if read < 10 {
		t.Errorf("only %d files with front matter among %d", read, len(files))
	}
}

// FuzzScanFacts checks that ScanFacts gives what Parse gives, for any file
// and for any first lines of it that hold its front matter.
func FuzzScanFacts(f *testing.F) {
	f.Add([]byte("---\nid: a\nauthors:\n  - A\n---\nx"), 8)
	f.Add([]byte("---\nkey: K\nowners: [A, 'B', \"C\"] # c\ntitle: x: y\n---\n"), 0)
	f.Add([]byte("---\nauthors:\n- ~\n- 'a''b'\nid: \"\\u00e9\"\n...\n"), 3)
	f.Add([]byte("---\r\nid: c\r\nauthors: [a,b,]\r\n---\r\n"), 100)
	f.Add([]byte("---\ntitle: \"inventory timed out (torzu)\"\ndate: 2015-01-01\nstatus: published\nauthors:\n  - Mei Rossi\n  - Lucas Garcia\nservices: [inventory]\nstarted: 2015-01-01T02:43:00Z\n---\n\n## Summary\n"), 60)
	f.Add([]byte("---\nid:\n  - x\nowners: 'a' # b\nkey: \"\"\nauthors:\n---\n"), 20)
	f.Fuzz(func(t *testing.T, src []byte, cut int) {
		want := parsedFacts("d/f.md", src, factsOpts)
		// complete is false for a whole file only when its front matter
		// does not end; the facts are the file's all the same.
		got, _ := ScanFacts("d/f.md", src, factsOpts)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("ScanFacts = %#v, Parse gives %#v", got, want)
		}
		// The first lines of the file, as a reader passes them.
		if cut < 0 || cut > len(src) {
			return
		}
		cut = strings.LastIndexByte(string(src[:cut]), '\n') + 1
		if cut == 0 {
			return
		}
		got, complete := ScanFacts("d/f.md", src[:cut], factsOpts)
		if complete && !reflect.DeepEqual(got, want) {
			t.Fatalf("first %d bytes: ScanFacts = %#v, complete, but the file gives %#v", cut, got, want)
		}
	})
}
