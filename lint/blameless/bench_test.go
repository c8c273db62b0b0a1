package blameless

import (
	"fmt"
	"math/rand"
	"testing"
)

// benchSentences builds prose like the generated benchmark corpus
// (../shared/bench/gen-corpus): system sentences with services, technical
// nouns and verbs, with one blameful sentence in fifty.
func benchSentences() []string {
	services := []string{"checkout-api", "payments", "search", "auth", "ledger", "notifications", "postgres-main", "redis-cache", "kafka"}
	tech := []string{"replica", "primary", "connection pool", "load balancer", "health check", "rollout", "canary", "feature flag", "error rate", "retry storm", "circuit breaker", "autoscaler", "write-ahead log", "cron job", "runbook", "dashboard", "pager"}
	verbs := []string{"increased", "dropped", "stalled", "recovered", "spiked", "degraded", "timed out", "returned errors", "fell behind", "saturated", "restarted", "drained", "resumed"}
	blame := []string{"Dana ignored the disk alert for an hour.", "This was human error, plain and simple.", "Kenji should have tested the restore first.", "The intern was careless with the cleanup."}
	r := rand.New(rand.NewSource(1))
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	out := make([]string, 0, 1000)
	for i := 0; i < 1000; i++ {
		var s string
		switch r.Intn(7) {
		case 0:
			s = fmt.Sprintf("The %s on %s %s after the %s change.", pick(tech), pick(services), pick(verbs), pick(tech))
		case 1:
			s = fmt.Sprintf("Requests to %s %s for %d minutes while the %s was rebuilt.", pick(services), pick(verbs), 2+r.Intn(88), pick(tech))
		case 2:
			s = fmt.Sprintf("The on-call engineer checked the %s dashboard and paged the %s team.", pick(tech), pick(services))
		case 3:
			s = fmt.Sprintf("About %d%% of %s traffic %s during the rollout.", 1+r.Intn(40), pick(services), pick(verbs))
		case 4:
			s = fmt.Sprintf("The %s had not been exercised since the migration in %d.", pick(tech), 2015+r.Intn(10))
		case 5:
			s = fmt.Sprintf("Alerts on %s fired %d minutes after the %s %s.", pick(services), 1+r.Intn(30), pick(tech), pick(verbs))
		default:
			s = fmt.Sprintf("We saw the %s %s and the worker %s.", pick(tech), pick(verbs), pick(verbs))
		}
		if i%50 == 0 {
			s = blame[(i/50)%len(blame)]
		}
		out = append(out, s)
	}
	return out
}

func benchmarkSentences(b *testing.B, sentences []string) {
	d := newDetector(b, Options{})
	var n int64
	for _, s := range sentences {
		n += int64(len(s))
	}
	b.SetBytes(n / int64(len(sentences)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Check(sentences[i%len(sentences)])
	}
}

// BenchmarkCheck measures Check per sentence over realistic prose.
func BenchmarkCheck(b *testing.B) { benchmarkSentences(b, benchSentences()) }

// BenchmarkCheckNoCandidate measures the prefilter alone.
func BenchmarkCheckNoCandidate(b *testing.B) {
	benchmarkSentences(b, []string{"The connection pool on checkout-api saturated after the schema change."})
}

// BenchmarkCheckCandidate measures the full analysis of a blameful sentence.
func BenchmarkCheckCandidate(b *testing.B) {
	benchmarkSentences(b, []string{"- 14:21 UTC — Dana ignored the migration notice in the deploy channel and chased a CDN theory instead."})
}

// BenchmarkCheckParallel measures Check from several goroutines.
func BenchmarkCheckParallel(b *testing.B) {
	d := newDetector(b, Options{})
	sentences := benchSentences()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			d.Check(sentences[i%len(sentences)])
			i++
		}
	})
}

// BenchmarkNew measures compiling the phrase lists.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
