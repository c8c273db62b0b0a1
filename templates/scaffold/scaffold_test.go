package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/render"
	"github.com/postmortem-dev/postmortem/render/config"
)

func testConfig(t *testing.T) *config.Config {
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	cfg := config.Default()
	cfg.Root = t.TempDir()
	return cfg
}

var day = time.Date(2025, 3, 12, 0, 0, 0, 0, time.UTC)

func TestNew(t *testing.T) {
	cfg := testConfig(t)
	p, err := New(cfg, Options{Title: "  Café outage:   DNS ", Date: day, Severity: "SEV2", Services: []string{"dns"}, Authors: []string{"Ana"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(cfg.Root, "postmortems", "2025-03-12-cafe-outage-dns.md"); p != want {
		t.Errorf("path %s, want %s", p, want)
	}
	data, _ := os.ReadFile(p)
	doc, err := render.Parse(p, data, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m := doc.Meta; m.Title != "Café outage: DNS" || m.Status != "draft" || m.Severity != "SEV2" || m.Authors[0] != "Ana" || m.Services[0] != "dns" {
		t.Errorf("meta %+v", m)
	}
	p2, err := New(cfg, Options{Title: "Café outage: DNS", Date: day})
	if err != nil || !strings.HasSuffix(p2, "2025-03-12-cafe-outage-dns-2.md") {
		t.Errorf("second: %s %v", p2, err)
	}
	if again, _ := os.ReadFile(p); string(again) != string(data) {
		t.Error("the first file was changed")
	}
}

func TestNewConcurrent(t *testing.T) {
	cfg := testConfig(t)
	var wg sync.WaitGroup
	paths := make([]string, 8)
	for i := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := New(cfg, Options{Title: "Same title", Date: day})
			if err != nil {
				t.Error(err)
			}
			paths[i] = p
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, p := range paths {
		if seen[p] {
			t.Errorf("%s written twice", p)
		}
		seen[p] = true
	}
}

func TestNewErrors(t *testing.T) {
	cfg := testConfig(t)
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Title: "  "}, "the title is empty"},
		{Options{Title: "x", Severity: "SEV 1"}, `unknown severity "SEV 1" (did you mean "SEV1"?); the scale is SEV1, SEV2, SEV3, SEV4, SEV5`},
		{Options{Title: "x", Template: "nope"}, `unknown template "nope"`},
	} {
		if _, err := New(cfg, tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v): %v, want %q", tc.opts, err, tc.want)
		}
	}
}

func TestGitUser(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	os.WriteFile(filepath.Join(home, ".gitconfig"), []byte("[user]\n\tname = Dana Okafor\n\temail = dana@example.com\n"), 0o644)
	if got := GitUser(t.TempDir()); got != "Dana Okafor" {
		t.Errorf("GitUser outside a repository = %q", got)
	}
}

func TestFileName(t *testing.T) {
	if got := FileName("{year}/{month}/{slug}.md", day, "日本"); got != "2025/03/postmortem.md" {
		t.Errorf("FileName = %q", got)
	}
}
