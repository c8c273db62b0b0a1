package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
)

// FuzzLint runs every rule on arbitrary documents, with inline control
// comments among them: no rule may panic, and every finding must lie in
// the file, with its end after its start.
func FuzzLint(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*/*.md")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	f.Add("---\ntitle: x\nstatus: published\n---\n<!-- postmortem-lint disable -->\n## Timeline\n- 25:00 x\n<!-- postmortem-lint enable blameless -->")
	cfg := config.Default()
	cfg.Root = f.TempDir()
	l, err := New(cfg, Options{Now: fixtureNow, Exists: func(string) bool { return false }, Prompts: []string{"x"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := render.Parse("f.md", []byte(src), render.Options{NoAutolinks: len(src)%2 == 0})
		list, _ := err.(render.ErrorList)
		diags, err := l.Run([]*render.Document{d}, list)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(string(d.Source), "\n") + 1
		for _, g := range diags {
			if g.Line < 1 || g.Line > lines || g.Column < 1 || g.EndLine < g.Line || g.EndLine == g.Line && g.EndColumn < g.Column {
				t.Errorf("%s: span %d:%d-%d:%d in a file of %d lines", g, g.Line, g.Column, g.EndLine, g.EndColumn, lines)
			}
		}
	})
}
