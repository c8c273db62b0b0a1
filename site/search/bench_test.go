package search

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/postmortem-dev/postmortem/render"
)

// benchCorpus parses the postmortems in $PM_SEARCH_BENCH (a folder of
// Markdown files, such as gen-corpus writes) as the site does, at most
// $PM_SEARCH_BENCH_N of them.
func benchCorpus(b *testing.B) []Doc {
	dir := os.Getenv("PM_SEARCH_BENCH")
	if dir == "" {
		b.Skip("PM_SEARCH_BENCH is not set")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if n, err := strconv.Atoi(os.Getenv("PM_SEARCH_BENCH_N")); err == nil && n < len(paths) {
		paths = paths[:n]
	}
	docs := make([]Doc, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src, err := os.ReadFile(p)
			if err != nil {
				b.Error(err)
				return
			}
			d, _ := render.Parse(p, src, render.Options{})
			m := d.Meta
			date := ""
			if !m.Date.IsZero() {
				date = m.Date.Format("2006-01-02")
			}
			docs[i] = Doc{
				ID: m.ID, URL: "postmortems/" + strings.TrimSuffix(filepath.Base(p), ".md") + ".html",
				Title: m.Title, Summary: m.Summary, Body: render.PlainText(d.Source, d.AST),
				Date: date, Severity: m.Severity, Status: m.Status,
				Services: m.Services, Tags: m.Tags, Authors: m.Authors,
			}
		}()
	}
	wg.Wait()
	return docs
}

func BenchmarkBuild(b *testing.B) {
	docs := benchCorpus(b)
	benchBuild(b, docs, func() Options { return Options{} })
}

// BenchmarkRebuild builds with a cache, saved in a folder, of the same
// documents but one, which changed.
func BenchmarkRebuild(b *testing.B) {
	docs := benchCorpus(b)
	dir := b.TempDir()
	c := OpenCache(dir, testTag)
	if _, err := Build(docs, Options{Cache: c}); err != nil {
		b.Fatal(err)
	}
	if err := c.Save(dir, testTag); err != nil {
		b.Fatal(err)
	}
	c.Close()
	docs[0].Body += " one more line"
	benchBuild(b, docs, func() Options {
		c.Close()
		c = OpenCache(dir, testTag) // the cache as saved, every time
		return Options{Cache: c}
	})
}

func benchBuild(b *testing.B, docs []Doc, opts func() Options) {
	b.ReportAllocs()
	runtime.GC()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(docs, opts()); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWords splits the bodies of the corpus into words.
func BenchmarkWords(b *testing.B) {
	docs := benchCorpus(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			words(d.Body)
		}
	}
}
