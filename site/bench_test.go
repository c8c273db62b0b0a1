package site

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkBuild builds a repository made by ../shared/bench/gen-corpus
// (1,000 postmortems, 3 commits each; PM_BENCH_DOCS sets another number):
// cold, with neither cache nor previous site, and again after one new
// commit, with both, and reports the rebuild's time as a fraction of the
// cold build's (of-cold). When hugo is installed it also renders the same
// repository with Hugo and reports the cold build's time and peak memory
// as fractions of Hugo's (cold/hugo, cold/hugo-rss; the build's peak is
// this process's, so run it alone: -bench 'Build$' -benchtime 1x). It
// skips without the generator, python3 or git. The command's own numbers
// (process start included) are for /usr/bin/time.
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

	// Times are medians of the runs (on this machine one run in ten takes
	// half as long again as the others), peaks of memory the highest.
	var cold, rebuild time.Duration
	var coldRSS int64
	b.Run("cold", func(b *testing.B) {
		var times []time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			tmp := b.TempDir()
			b.StartTimer()
			start := time.Now()
			build(b, filepath.Join(tmp, "public"), filepath.Join(tmp, "cache"))
			times = append(times, time.Since(start))
		}
		cold = median(times)
		// The process's peak so far: mostly the cold build, as the
		// generator and git ran in other processes.
		coldRSS = maxRSS(nil)
		if coldRSS > 0 {
			b.ReportMetric(float64(coldRSS>>10), "maxrss-MB")
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
		var times []time.Duration
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
			times = append(times, time.Since(start))
		}
		rebuild = median(times)
		if cold > 0 {
			b.ReportMetric(rebuild.Seconds()/cold.Seconds(), "of-cold") // the target is at most 0.1
		}
	})
	if cold > 0 && rebuild > 0 {
		b.Logf("%d documents: cold %.2fs, rebuild after one commit %.3fs (%.3f of cold)", docs, cold.Seconds(), rebuild.Seconds(), rebuild.Seconds()/cold.Seconds())
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil || cold == 0 {
		return
	}
	b.Run("hugo", func(b *testing.B) {
		var times []time.Duration
		var rss int64
		for i := 0; i < b.N; i++ {
			cmd := exec.Command(hugo, "--quiet", "-s", repo, "-d", filepath.Join(b.TempDir(), "hugo"))
			start := time.Now()
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Skipf("hugo: %v\n%s", err, out)
			}
			times = append(times, time.Since(start))
			rss = max(rss, maxRSS(cmd.ProcessState))
		}
		h := median(times)
		// The targets: a cold build in at most half of Hugo's time and
		// memory.
		b.ReportMetric(cold.Seconds()/h.Seconds(), "cold/hugo")
		if rss > 0 && coldRSS > 0 {
			b.ReportMetric(float64(rss>>10), "hugo-maxrss-MB")
			b.ReportMetric(float64(coldRSS)/float64(rss), "cold/hugo-rss")
		}
		b.Logf("hugo %.2fs; cold build / hugo = %.2f", h.Seconds(), cold.Seconds()/h.Seconds())
	})
}

// median returns the median of times, which is not empty.
func median(times []time.Duration) time.Duration {
	sorted := slices.Clone(times)
	slices.Sort(sorted)
	return sorted[len(sorted)/2]
}

// maxRSS returns the peak resident memory, in KB, of a finished process,
// or of this one when ps is nil; 0 where the system does not tell (the
// child's from its resource usage, this process's from /proc).
func maxRSS(ps *os.ProcessState) int64 {
	if ps != nil {
		v := reflect.ValueOf(ps.SysUsage())
		if v.Kind() == reflect.Pointer && !v.IsNil() {
			if f := v.Elem().FieldByName("Maxrss"); f.IsValid() && f.CanInt() {
				return f.Int()
			}
		}
		return 0
	}
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
