package site

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// BenchmarkBuild builds a repository made by ../shared/bench/gen-corpus
// (1,000 postmortems, 3 commits each; PM_BENCH_DOCS sets another number):
// cold, with neither cache nor previous site, and again after one new
// commit, with both. When hugo is installed it also renders the same
// repository with Hugo once (enableGitInfo) and reports Hugo's time over
// the cold build's, and the cold build's over the rebuild's. It skips
// without the generator, python3 or git. Peak memory is not measured here:
// run the command under /usr/bin/time -v for it.
func BenchmarkBuild(b *testing.B) {
	gen := filepath.Join(moduleRoot(b), "..", "shared", "bench", "gen-corpus")
	if _, err := os.Stat(gen); err != nil {
		b.Skip("no corpus generator:", err)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		b.Skip("no python3 to run the generator")
	}
	gitBin, err := exec.LookPath("git")
	if err != nil {
		b.Skip("no git to commit to the generated repository")
	}
	docs := 1000
	if n, err := strconv.Atoi(os.Getenv("PM_BENCH_DOCS")); err == nil && n > 0 {
		docs = n
	}
	repo := filepath.Join(b.TempDir(), "repo")
	if out, err := exec.Command(python, gen, "--docs", strconv.Itoa(docs), "--hugo", "--out", repo).CombinedOutput(); err != nil {
		b.Fatalf("gen-corpus: %v\n%s", err, out)
	}
	cfg := loadConfig(b, repo)
	build := func(b *testing.B, out, cache string) {
		err := Publish(out, func(w Writer) error {
			_, err := Build(cfg, w, Options{CacheDir: cache})
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}

	var cold, rebuild time.Duration
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			tmp := b.TempDir()
			b.StartTimer()
			start := time.Now()
			build(b, filepath.Join(tmp, "public"), filepath.Join(tmp, "cache"))
			cold = time.Since(start)
		}
	})
	b.Run("rebuild", func(b *testing.B) {
		tmp := b.TempDir()
		out, cache := filepath.Join(tmp, "public"), filepath.Join(tmp, "cache")
		build(b, out, cache)
		files, err := filepath.Glob(filepath.Join(repo, "postmortems", "*.md"))
		if err != nil || len(files) == 0 {
			b.Fatalf("no postmortems: %v", err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			f, err := os.OpenFile(files[i%len(files)], os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(f, "\nA note added by the benchmark, %d.\n", i)
			f.Close()
			cmd := exec.Command(gitBin, "-C", repo, "commit", "-q", "-a", "-m", "Add a note")
			cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Bench", "GIT_AUTHOR_EMAIL=bench@example.com", "GIT_COMMITTER_NAME=Bench", "GIT_COMMITTER_EMAIL=bench@example.com")
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("git commit: %v\n%s", err, out)
			}
			b.StartTimer()
			start := time.Now()
			build(b, out, cache)
			rebuild = time.Since(start)
		}
	})
	if cold > 0 && rebuild > 0 {
		b.Logf("%d documents: cold %.2fs, rebuild after one commit %.3fs (%.3f of cold)", docs, cold.Seconds(), rebuild.Seconds(), rebuild.Seconds()/cold.Seconds())
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil || cold == 0 {
		return
	}
	start := time.Now()
	if out, err := exec.Command(hugo, "--quiet", "-s", repo, "-d", filepath.Join(b.TempDir(), "hugo")).CombinedOutput(); err != nil {
		b.Logf("hugo: %v\n%s", err, out)
		return
	}
	h := time.Since(start)
	b.Logf("hugo %.2fs; cold build / hugo = %.2f", h.Seconds(), cold.Seconds()/h.Seconds())
}
