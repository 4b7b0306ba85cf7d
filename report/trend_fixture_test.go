package report

import (
	"time"

	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// trendRun is historyRun with a trend of weekly runs ending with it: n
// runs, the counts rising and falling.
func trendRun(n int) Run {
	run := historyRun()
	last := Summarize(run.Results)
	for i := range n {
		at := run.StartedAt.AddDate(0, 0, -7*(n-1-i))
		counts := map[status.Status]int{
			status.OK:      20 + i%3,
			status.Broken:  (i * 7) % 5,
			status.Moved:   i % 2,
			status.Timeout: (i / 3) % 3,
			status.Skipped: 1,
		}
		for st, c := range counts {
			if c == 0 {
				delete(counts, st) // as a loaded trend has them
			}
		}
		if i == n-1 {
			counts = last.Counts
		}
		run.Trend = append(run.Trend, state.RunSummary{At: at.UTC().Truncate(time.Second), Counts: counts})
	}
	return run
}
