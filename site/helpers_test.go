package site

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/postmortem-dev/postmortem/render/config"
)

// testRepo is a git repository made in a test, with commits at fixed
// times, so that hashes and dates are the same on every run.
type testRepo struct {
	t    *testing.T
	dir  string
	repo *git.Repository
	now  time.Time
}

func newRepo(t *testing.T, dir string) *testRepo {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &testRepo{t: t, dir: dir, repo: repo, now: time.Date(2024, 2, 1, 9, 0, 0, 0, time.FixedZone("", 3600))}
}

// commit writes files (path -> content) and commits everything as the
// author, a day after the previous commit.
func (r *testRepo) commit(author, msg string, files map[string]string) string {
	r.t.Helper()
	writeFiles(r.t, r.dir, files)
	wt, err := r.repo.Worktree()
	if err != nil {
		r.t.Fatal(err)
	}
	if err := wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		r.t.Fatal(err)
	}
	r.now = r.now.Add(24 * time.Hour)
	sig := &object.Signature{Name: author, Email: strings.ToLower(strings.Fields(author)[0]) + "@example.com", When: r.now}
	h, err := wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		r.t.Fatal(err)
	}
	return h.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, content := range files {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// examples returns the files of the example repository, by path.
func examples(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	data, err := os.ReadFile("../examples/.postmortem.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files[".postmortem.yaml"] = string(data)
	mds, err := filepath.Glob("../examples/postmortems/*.md")
	if err != nil || len(mds) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, m := range mds {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		files["postmortems/"+filepath.Base(m)] = string(data)
	}
	return files
}

// kafka is the example postmortem the golden tests look at closely.
const kafka = "postmortems/2024-01-22-checkout-errors-during-kafka-broker-restart.md"

// examplesRepo makes a git repository of the examples: one commit with
// every file, then an edit of one of them with a co-author.
func examplesRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	r := newRepo(t, dir)
	files := examples(t)
	r.commit("Esther Mensah", "Add the postmortems\n", files)
	r.commit("Nomvula Dlamini", "Add the payments follow-up\n\nCo-authored-by: Leilani Kahale <leilani@example.com>\n",
		map[string]string{kafka: files[kafka] + "\nPayments confirmed every authorization was voided.\n"})
	return dir
}

// loadConfig returns the configuration of the repository at dir.
func loadConfig(t testing.TB, dir string) *config.Config {
	t.Helper()
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// build builds the site of dir in memory.
func build(t *testing.T, cfg *config.Config, opts Options) (*Result, map[string][]byte) {
	t.Helper()
	var w MemWriter
	res, err := Build(cfg, &w, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res, w.Files()
}

func sortedKeys(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// moduleRoot returns the folder of go.mod above the package.
func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the package")
		}
		dir = parent
	}
}

func gitOpen(dir string) (*git.Repository, error) { return git.PlainOpen(dir) }

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
