package history

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// benchRepo returns the repository to benchmark: $PM_BENCH_REPO, or one
// generated once with ../shared/bench/gen-corpus (1,000 documents; set
// PM_BENCH_DOCS for another size). It skips when neither is available.
func benchRepo(b *testing.B) string {
	if dir := os.Getenv("PM_BENCH_REPO"); dir != "" {
		return dir
	}
	genOnce.Do(func() {
		gen := filepath.Join(moduleRoot(b), "..", "shared", "bench", "gen-corpus")
		if _, err := os.Stat(gen); err != nil {
			genErr = err
			return
		}
		if _, err := exec.LookPath("python3"); err != nil {
			genErr = err
			return
		}
		docs := os.Getenv("PM_BENCH_DOCS")
		if docs == "" {
			docs = "1000"
		}
		dir, err := os.MkdirTemp("", "pm-history-bench-")
		if err != nil {
			genErr = err
			return
		}
		genRoot, genDir = dir, filepath.Join(dir, "repo")
		out, err := exec.Command("python3", gen, "--docs", docs, "--out", genDir).CombinedOutput()
		if err != nil {
			genErr = &exec.Error{Name: gen + ": " + string(out), Err: err}
		}
	})
	if genErr != nil {
		b.Skipf("no repository to benchmark (set PM_BENCH_REPO): %v", genErr)
	}
	return genDir
}

var (
	genOnce sync.Once
	genRoot string // removed by TestMain
	genDir  string
	genErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if genRoot != "" {
		os.RemoveAll(genRoot)
	}
	os.Exit(code)
}

// gitLogNames runs the reference measurement, `git log --no-merges
// --name-only`, reading its output as a caller would, and returns how many
// commits it listed and the CPU time git used.
func gitLogNames(b *testing.B, dir string) (int, time.Duration) {
	cmd := exec.Command("git", "-C", dir, "log", "--no-merges", "--name-only", "--format=%H")
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	n := 0
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	paths := map[string]int{}
	for sc.Scan() {
		line := sc.Bytes()
		switch {
		case len(line) == 40 && bytes.IndexFunc(line, func(r rune) bool { return !('0' <= r && r <= '9' || 'a' <= r && r <= 'f') }) < 0:
			n++
		case len(line) > 0:
			paths[string(line)]++
		}
	}
	if err := cmd.Wait(); err != nil {
		b.Fatal(err)
	}
	return n, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// BenchmarkHistory times a cold Read (no cache) and `git log --no-merges
// --name-only` on the same repository, in the same process, and reports
// both and their ratio (the target is at most 2), in wall time and, since
// the machines are shared and busy, in CPU time too.
func BenchmarkHistory(b *testing.B) {
	dir := benchRepo(b)
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is needed for the reference measurement")
	}
	var readTime, gitTime, readCPU, gitCPU time.Duration
	for b.Loop() {
		start, cpu := time.Now(), cpuTime()
		h, err := Read(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		readTime += time.Since(start)
		readCPU += cpuTime() - cpu

		start = time.Now()
		n, c := gitLogNames(b, dir)
		gitTime += time.Since(start)
		gitCPU += c
		if n != h.Commits {
			b.Fatalf("git log lists %d non-merge commits, Read counted %d", n, h.Commits)
		}
	}
	b.ReportMetric(float64(readTime.Milliseconds())/float64(b.N), "read-ms/op")
	b.ReportMetric(float64(gitTime.Milliseconds())/float64(b.N), "gitlog-ms/op")
	b.ReportMetric(float64(readTime)/float64(gitTime), "ratio")
	if readCPU > 0 && gitCPU > 0 {
		b.ReportMetric(float64(readCPU.Milliseconds())/float64(b.N), "read-cpu-ms/op")
		b.ReportMetric(float64(gitCPU.Milliseconds())/float64(b.N), "gitlog-cpu-ms/op")
	}
}

// BenchmarkHistoryRebuild times a Read whose cache was filled at HEAD's
// first parent: a rebuild after one new commit.
func BenchmarkHistoryRebuild(b *testing.B) {
	dir := benchRepo(b)
	h, err := Read(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	r, err := open(dir)
	if err != nil {
		b.Fatal(err)
	}
	head, _ := parseHash(h.Head)
	c, err := readCommit(r.obj, head)
	r.close()
	if err != nil || len(c.parents) == 0 {
		b.Skip("HEAD has no parent")
	}
	parent := c.parents[0].String()
	for b.Loop() {
		b.StopTimer()
		cacheDir := b.TempDir()
		if _, _, err := read(dir, Options{CacheDir: cacheDir}, parent); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := Read(dir, Options{CacheDir: cacheDir}); err != nil {
			b.Fatal(err)
		}
	}
}
