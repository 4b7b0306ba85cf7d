package report

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
)

// bigRun repeats the fixture's results to a catalog of n entries, the size
// of a large reading list.
func bigRun(n int) Run {
	run := fixtureRun()
	base := run.Results
	run.Results = make([]result.Result, 0, n)
	for i := 0; len(run.Results) < n; i++ {
		r := base[i%len(base)]
		r.ID = fmt.Sprintf("%s-%d", r.ID, i)
		r.Line = i * 6
		run.Results = append(run.Results, r)
	}
	return run
}

func BenchmarkWrite(b *testing.B) {
	run := bigRun(2000)
	type variant struct {
		name string
		opts Options
	}
	var variants []variant
	for _, format := range Formats() {
		variants = append(variants, variant{string(format), Options{Format: format, All: true, FailOn: failOn}})
	}
	// The weekly issue's body: the same report cut to GitHub's limit.
	variants = append(variants, variant{"markdown-65536", Options{Format: FormatMarkdown, All: true, FailOn: failOn, MaxBytes: 65536}})
	for _, v := range variants {
		b.Run(v.name, func(b *testing.B) {
			opts := v.opts
			var buf bytes.Buffer
			if err := Write(&buf, run, opts); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, run, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(run.Results))*float64(b.N)/b.Elapsed().Seconds(), "results/s")
		})
	}
}

func BenchmarkReadJSON(b *testing.B) {
	run := bigRun(2000)
	var buf bytes.Buffer
	if err := Write(&buf, run, Options{Format: FormatJSON, All: true}); err != nil {
		b.Fatal(err)
	}
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadJSON(bytes.NewReader(doc)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(run.Results))*float64(b.N)/b.Elapsed().Seconds(), "results/s")
}
