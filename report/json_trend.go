package report

import (
	"fmt"
	"time"

	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// jsonTrendRun is one run of the trend: when it started and its counts by
// status name, zero counts left out.
type jsonTrendRun struct {
	At     string         `json:"at"`
	Counts map[string]int `json:"counts"`
}

func trendToJSON(trend []state.RunSummary) []jsonTrendRun {
	var out []jsonTrendRun
	for _, s := range trend {
		j := jsonTrendRun{At: s.At.UTC().Format(historyLayout), Counts: map[string]int{}}
		for st, n := range s.Counts {
			if n > 0 {
				j.Counts[st.String()] = n
			}
		}
		out = append(out, j)
	}
	return out
}

func trendFromJSON(js []jsonTrendRun) ([]state.RunSummary, error) {
	var out []state.RunSummary
	for i, j := range js {
		at, err := time.Parse(time.RFC3339, j.At)
		if err != nil {
			return nil, fmt.Errorf("trend[%d]: at: want an RFC 3339 time, got %q", i, j.At)
		}
		s := state.RunSummary{At: at, Counts: make(map[status.Status]int, len(j.Counts))}
		for name, n := range j.Counts {
			st, err := status.Parse(name)
			if err != nil || name != st.String() || n < 0 {
				return nil, fmt.Errorf("trend[%d]: counts: %q: %d is not a status and a count", i, name, n)
			}
			s.Counts[st] = n
		}
		out = append(out, s)
	}
	return out, nil
}
