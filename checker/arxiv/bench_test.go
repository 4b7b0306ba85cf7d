package arxiv

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkVerify1000 verifies 1,000 papers against the fake API. Besides
// CPU time it reports the requests made and the seconds the run would take
// against arXiv at its rate policy (measured on the fake clock).
func BenchmarkVerify1000(b *testing.B) {
	f := newFakeArxiv(b)
	papers := f.addPapers(1000)
	cfg := f.config(b, Config{})
	for b.Loop() {
		// A fresh client each round, so no round waits out the
		// previous round's interval.
		c := New(cfg)
		start := f.clock.Now()
		if err := c.Verify(context.Background(), papers, func(Paper, Verdict) {}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(f.clock.Now().Sub(start).Seconds(), "paced-s/op")
	}
	b.ReportMetric(float64(len(f.requests()))/float64(b.N), "requests/op")
}

func BenchmarkParseFeed(b *testing.B) {
	body, err := os.ReadFile(filepath.Join("testdata", "current_batch.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if _, err := parseFeed(body); err != nil {
			b.Fatal(err)
		}
	}
}
