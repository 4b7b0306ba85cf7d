package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// BenchmarkStateOverhead checks a 2,000-URL catalog over 100 fake hosts
// (no latency, no rate limit beyond --host-rate 1000) with and without
// --state, so that what remains is linkcheck's own work: the history's
// cost shows as the difference, also reported as state-ms/op.
func BenchmarkStateOverhead(b *testing.B) {
	const urls, hosts = 2000, 100
	web := fakeweb.New(b)
	for h := range hosts {
		web.Handle(fmt.Sprintf("h%d.example", h), fakeweb.Page("A page", "<p>fine</p>"))
	}
	dir := b.TempDir()
	var cat strings.Builder
	cat.WriteString("version: 1\nsections:\n  - id: s\n    title: S\n    resources:\n")
	for i := range urls {
		fmt.Fprintf(&cat, "      - {id: e%d, title: E%d, kind: post, url: \"https://h%d.example/page/%d\"}\n", i, i, i%hosts, i)
	}
	catPath := filepath.Join(dir, "resources.yaml")
	if err := os.WriteFile(catPath, []byte(cat.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	args := []string{"check", "--catalog", catPath, "--format", "json", "--output", filepath.Join(dir, "out.json"),
		"--host-rate", "1000", "--host-concurrency", "8"}
	// The first run pays for the fake web's certificates; neither side
	// should.
	if code, _, stderr := runLinkcheck(b, web, args...); code != exitOK {
		b.Fatalf("check exited %d: %s", code, stderr)
	}
	var without time.Duration
	for _, tc := range []struct {
		name  string
		extra []string
	}{
		{"without-state", nil},
		{"with-state", []string{"--state", filepath.Join(dir, "state.json"), "--fail-after", "2"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if code, _, stderr := runLinkcheck(b, web, append(args, tc.extra...)...); code != exitOK {
					b.Fatalf("check exited %d: %s", code, stderr)
				}
			}
			per := b.Elapsed() / time.Duration(b.N)
			if tc.extra == nil {
				without = per
				return
			}
			if fi, err := os.Stat(filepath.Join(dir, "state.json")); err == nil {
				b.ReportMetric(float64(fi.Size()), "state-bytes")
			}
			if without > 0 {
				b.ReportMetric(float64(per-without)/float64(time.Millisecond), "state-ms/op")
				b.ReportMetric(float64(per)/float64(without), "x-without")
			}
		})
	}
}
