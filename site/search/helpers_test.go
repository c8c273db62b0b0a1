package search

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/postmortem-dev/postmortem/render"
)

// corpusEnv names a folder of postmortems (Markdown files) that the
// measuring tests index, for example the 10,000 documents made by
// ../shared/bench/gen-corpus. Without it they are skipped.
const corpusEnv = "PM_SEARCH_CORPUS"

// loadCorpus parses the Markdown files of dir into documents as the site
// would give them to Build.
func loadCorpus(tb testing.TB, dir string, limit int) []Doc {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(paths)
	if limit > 0 && len(paths) > limit {
		paths = paths[:limit]
	}
	docs := make([]Doc, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		d, _ := render.Parse(p, src, render.Options{})
		docs = append(docs, fromRender(d, "postmortems/"+strings.TrimSuffix(filepath.Base(p), ".md")+".html"))
	}
	return docs
}

// fromRender turns a parsed postmortem into a search document.
func fromRender(d *render.Document, url string) Doc {
	m := d.Meta
	date := ""
	if !m.Date.IsZero() {
		date = m.Date.Format(render.DateLayout)
	}
	return Doc{
		ID: m.ID, URL: url, Title: m.Title, Summary: m.Summary,
		Body: render.PlainText(d.Source, d.AST), Date: date,
		Severity: m.Severity, Status: m.Status,
		Services: m.Services, Tags: m.Tags, Authors: m.Authors,
	}
}

// generate makes n documents from a seeded generator: sentences about
// services and failures, in the manner of incident reports, with made-up
// words so that the vocabulary grows with the corpus as real text does.
func generate(n int, seed int64) []Doc {
	r := rand.New(rand.NewSource(seed))
	services := []string{"kafka", "postgres", "checkout-api", "search", "auth", "billing", "cdn", "dns", "ledger", "inventory", "payments", "scheduler", "notifications", "object-storage", "reporting"}
	tags := []string{"config", "dependency", "capacity", "deploy", "network", "database", "queue", "certificate", "human-process", "monitoring"}
	people := []string{"Mei Rossi", "Lucas García", "Hiroshi Lindqvist", "Amara Okafor", "Søren Dahl", "Priya Nair", "Jonas Weiß"}
	things := []string{"connection pool", "consumer lag", "disk usage", "replica", "health check", "rate limiter", "cache hit ratio", "load balancer", "certificate", "node pool", "queue depth", "p99 latency", "write-ahead log", "autoscaler", "feature flag"}
	verbs := []string{"saturated", "timed out", "degraded", "restarted", "spiked", "drained", "fell behind", "returned errors", "recovered", "stalled"}
	sevs := []string{"SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3"}
	statuses := []string{"published", "published", "published", "in-review", "draft"}
	syl := []string{"tor", "zu", "hy", "vel", "lo", "ter", "gal", "pri", "fi", "en", "ren", "mar", "nex", "qu", "wy"}
	pick := func(s []string) string { return s[r.Intn(len(s))] }
	made := func() string {
		var b strings.Builder
		for k := 2 + r.Intn(3); k > 0; k-- {
			b.WriteString(pick(syl))
		}
		return b.String()
	}
	sentence := func() string {
		switch r.Intn(5) {
		case 0:
			return fmt.Sprintf("The %s on %s %s after the %s change.", pick(things), pick(services), pick(verbs), pick(things))
		case 1:
			return fmt.Sprintf("Requests to %s %s for %d minutes while the %s was rebuilt.", pick(services), pick(verbs), 1+r.Intn(90), pick(things))
		case 2:
			return fmt.Sprintf("Alerts on %s fired %d minutes after the %s %s.", pick(services), 1+r.Intn(30), pick(things), pick(verbs))
		case 3:
			return fmt.Sprintf("We saw the %s %s and the %s worker %s.", pick(things), pick(verbs), made(), pick(verbs))
		default:
			return fmt.Sprintf("The %s had not been exercised since the %s migration in %d.", pick(things), made(), 2015+r.Intn(10))
		}
	}
	docs := make([]Doc, n)
	for i := range docs {
		svc := []string{pick(services)}
		if r.Intn(2) == 0 {
			svc = append(svc, pick(services))
		}
		date := fmt.Sprintf("%04d-%02d-%02d", 2016+r.Intn(10), 1+r.Intn(12), 1+r.Intn(28))
		title := fmt.Sprintf("%s %s after %s change (%s)", svc[0], pick(verbs), pick(things), made())
		var body strings.Builder
		for p := 3 + r.Intn(6); p > 0; p-- {
			for s := 2 + r.Intn(5); s > 0; s-- {
				body.WriteString(sentence())
				body.WriteByte(' ')
			}
		}
		id := fmt.Sprintf("%s-%s-%d", date, render.Slug(title), i)
		docs[i] = Doc{
			ID: id, URL: "postmortems/" + id + ".html", Title: title,
			Summary:  sentence() + " " + sentence(),
			Body:     strings.TrimSpace(body.String()),
			Date:     date,
			Severity: pick(sevs), Status: pick(statuses),
			Services: svc, Tags: []string{pick(tags), pick(tags)}, Authors: []string{pick(people)},
		}
	}
	return docs
}

// sizes sums the files of an index by kind.
type sizes struct {
	total, meta, shards, fragments int
	nShards, maxShard              int
}

func measure(files map[string][]byte) sizes {
	var s sizes
	for p, b := range files {
		s.total += len(b)
		switch {
		case p == "meta.js":
			s.meta = len(b)
		case strings.Contains(p, "/t/"):
			s.shards += len(b)
			s.nShards++
			s.maxShard = max(s.maxShard, len(b))
		default:
			s.fragments += len(b)
		}
	}
	return s
}
