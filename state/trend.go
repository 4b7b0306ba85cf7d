package state

import (
	"fmt"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// MaxTrend is how many runs the trend keeps: a year of weekly runs.
const MaxTrend = 52

// RunSummary is one run of the trend: when it started and how many of its
// results had each status. It is all a chart of the catalog's health over
// time needs, and it stays small whatever the catalog's size.
type RunSummary struct {
	At     time.Time
	Counts map[status.Status]int
}

// Summarize counts the results of a run started at at.
func Summarize(results []result.Result, at time.Time) RunSummary {
	s := RunSummary{At: at.UTC().Truncate(time.Second), Counts: map[status.Status]int{}}
	for _, r := range results {
		s.Counts[r.Status]++
	}
	return s
}

// Attention is how many of the run's results needed attention.
func (s RunSummary) Attention() int {
	n := 0
	for st, c := range s.Counts {
		if st.Attention() {
			n += c
		}
	}
	return n
}

// appendTrend is trend with s added, the oldest runs dropped past
// MaxTrend. It never modifies trend.
func appendTrend(trend []RunSummary, s RunSummary) []RunSummary {
	out := append(trend[:len(trend):len(trend)], s)
	if len(out) > MaxTrend {
		out = out[len(out)-MaxTrend:]
	}
	return out
}

// fileRun is a RunSummary as the state file writes it: the counts by
// status name (sorted by encoding/json), zero counts left out.
type fileRun struct {
	At     string         `json:"at"`
	Counts map[string]int `json:"counts"`
}

func trendToFile(trend []RunSummary) []fileRun {
	out := make([]fileRun, 0, len(trend))
	for _, s := range trend {
		f := fileRun{At: stamp(s.At), Counts: map[string]int{}}
		for st, n := range s.Counts {
			if n > 0 {
				f.Counts[st.String()] = n
			}
		}
		out = append(out, f)
	}
	return out
}

func trendFromFile(runs []fileRun) ([]RunSummary, error) {
	if len(runs) > MaxTrend {
		runs = runs[len(runs)-MaxTrend:]
	}
	out := make([]RunSummary, 0, len(runs))
	for i, f := range runs {
		at, err := time.Parse(time.RFC3339, f.At)
		if err != nil {
			return nil, fmt.Errorf("trend[%d]: at: want an RFC 3339 time, got %q", i, f.At)
		}
		s := RunSummary{At: at, Counts: make(map[status.Status]int, len(f.Counts))}
		for name, n := range f.Counts {
			st, err := status.Parse(name)
			if err != nil || name != st.String() {
				return nil, fmt.Errorf("trend[%d]: counts: unknown status %q", i, name)
			}
			if n < 0 {
				return nil, fmt.Errorf("trend[%d]: counts: %s is %d, want ≥ 0", i, name, n)
			}
			s.Counts[st] = n
		}
		out = append(out, s)
	}
	return out, nil
}
