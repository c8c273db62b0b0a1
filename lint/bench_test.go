package lint

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/render/config"
	"github.com/postmortem-dev/postmortem/render/load"
)

// grepPhrases are the 30 blame phrases of the reference: what a team
// would grep for.
var grepPhrases = []string{
	"human error", "operator error", "user error", "fat-fingered", "mistake", "careless", "negligent",
	"sloppy", "lazy", "reckless", "incompetent", "poor judgement", "should have known", "should have",
	"could have prevented", "if only", "would never have happened", "obviously", "clearly", "simply",
	"just had to", "simple typo", "culprit", "blame", "at fault", "reprimand", "disciplinary",
	"held accountable", "be more careful", "forgot",
}

// BenchmarkLintVsGrep lints a repository of generated postmortems, from
// reading the files to the diagnostics, with every rule, and in the same
// loop runs `grep -c -i -E` with 30 blame phrases over the same files. It
// reports both times and their ratio (the lint issue asks for at most 8).
// PM_BENCH_LINT names a repository made by ../shared/bench/gen-corpus (its
// postmortems/ folder is linted); without it the benchmark is skipped.
// Unless GOGC is set, it collects garbage as `postmortem lint` does
// (GOGC=400): Go's default makes the lint a third slower.
//
//	python3 ../shared/bench/gen-corpus --docs 10000 --out /tmp/pm-10k
//	PM_BENCH_LINT=/tmp/pm-10k go test ./lint -run XXX -bench LintVsGrep -benchtime 5x
func BenchmarkLintVsGrep(b *testing.B) {
	root := os.Getenv("PM_BENCH_LINT")
	if root == "" {
		b.Skip("PM_BENCH_LINT is not set")
	}
	if _, ok := os.LookupEnv("GOGC"); !ok {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	grep, err := exec.LookPath("grep")
	if err != nil {
		b.Skip("no grep")
	}
	files, err := filepath.Glob(filepath.Join(root, "postmortems", "*.md"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no postmortems in %s", root)
	}
	cfg := config.Default()
	cfg.Root = root
	var lintTime, grepTime, lintCPU, grepCPU time.Duration
	findings := 0
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		cmd := exec.Command(grep, append([]string{"-c", "-i", "-E", strings.Join(grepPhrases, "|")}, files...)...)
		cmd.Stdout = nil
		if err := cmd.Run(); err != nil {
			if _, ok := err.(*exec.ExitError); !ok {
				b.Fatal(err)
			}
		}
		grepTime += time.Since(start)
		grepCPU += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()

		cpu0 := cpuTime()
		start = time.Now()
		rel, _, err := load.Files(cfg)
		if err != nil {
			b.Fatal(err)
		}
		l, err := New(cfg, Options{Now: fixtureNow})
		if err != nil {
			b.Fatal(err)
		}
		diags, err := l.Files(rel, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		findings = len(diags)
		lintTime += time.Since(start)
		lintCPU += cpuTime() - cpu0
	}
	b.ReportMetric(float64(lintTime.Milliseconds())/float64(b.N), "lint-ms/op")
	b.ReportMetric(float64(grepTime.Milliseconds())/float64(b.N), "grep-ms/op")
	b.ReportMetric(float64(lintTime)/float64(grepTime), "lint/grep")
	// CPU time depends less on what else the machine is doing.
	b.ReportMetric(float64(lintCPU.Milliseconds())/float64(b.N), "lint-cpu-ms/op")
	b.ReportMetric(float64(grepCPU.Milliseconds())/float64(b.N), "grep-cpu-ms/op")
	b.ReportMetric(float64(findings), "findings")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
