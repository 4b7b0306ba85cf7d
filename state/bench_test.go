package state

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// BenchmarkHistory2000 is what --state adds to a 2,000-URL run: read the
// last run's state, merge this run into it, write it back.
func BenchmarkHistory2000(b *testing.B) {
	results := make([]result.Result, 2000)
	for i := range results {
		results[i] = link(fmt.Sprint("e", i), status.OK, titled(fmt.Sprintf("Page %d of a reading list", i)))
		results[i].URL = fmt.Sprintf("https://h%d.example/page/%d", i%100, i)
	}
	path := filepath.Join(b.TempDir(), "state.json")
	if err := Save(path, Merge(nil, results, runAt(0), Options{}).State); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		prev, err := Load(path)
		if err != nil {
			b.Fatal(err)
		}
		m := Merge(prev, results, runAt(1), Options{FailAfter: 2})
		if err := Save(path, m.State); err != nil {
			b.Fatal(err)
		}
	}
	data, _ := Marshal(Merge(nil, results, runAt(0), Options{}).State)
	b.ReportMetric(float64(len(data)), "state-bytes")
}
