package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/load"
	"github.com/postmortem-dev/postmortem/templates"
)

// TestExamplesClean lints the bundled examples with their configuration and
// every rule: they are the demo and the fixtures of the site, so they must
// be clean.
func TestExamplesClean(t *testing.T) {
	cfg, err := config.Load("../examples")
	if err != nil {
		t.Fatal(err)
	}
	files, errs, err := load.Files(cfg)
	if err != nil {
		t.Fatal(err)
	}
	docs, perrs := load.Documents(cfg, files)
	list, err := templates.List(cfg.Root)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, tpl := range list {
		texts = append(texts, tpl.Text)
	}
	l, err := New(cfg, Options{
		Now:     fixtureNow,
		Prompts: Prompts(texts...),
		Exists: func(p string) bool {
			_, err := os.Stat(filepath.Join(cfg.Root, filepath.FromSlash(p)))
			return err == nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	diags, err := l.Run(docs, append(errs, perrs...))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("%s", d)
	}
	if len(docs) < 12 {
		t.Errorf("%d examples", len(docs))
	}
}
