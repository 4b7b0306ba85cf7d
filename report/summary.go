package report

import (
	"fmt"
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// Summary counts a run's results by status.
type Summary struct {
	Total  int
	Counts map[status.Status]int
}

// Summarize counts results by status. Reports summarize every result of a
// run, including those a filter leaves out of the listing, so the headline
// numbers never depend on --all.
func Summarize(results []result.Result) Summary {
	s := Summary{Total: len(results), Counts: make(map[status.Status]int)}
	for _, r := range results {
		s.Counts[r.Status]++
	}
	return s
}

// String is a one-line summary in severity order, zero counts left out:
// "63 checked: 2 broken, 1 moved, 60 ok (5 skipped)". A skipped target
// (ignored, excluded, private) was not checked, so it is never counted as
// checked: a run that skipped everything says "nothing checked (5 skipped)".
func (s Summary) String() string {
	skipped := s.Counts[status.Skipped]
	parts := s.parts(func(st status.Status) bool { return st != status.Skipped })
	line := "nothing checked"
	if len(parts) > 0 {
		line = fmt.Sprintf("%d checked: %s", s.Total-skipped, strings.Join(parts, ", "))
	}
	if skipped > 0 {
		line += fmt.Sprintf(" (%d skipped)", skipped)
	}
	return line
}

// Attention is the number of results that need a maintainer's attention.
func (s Summary) Attention() int {
	n := 0
	for st, c := range s.Counts {
		if st.Attention() {
			n += c
		}
	}
	return n
}

// parts returns "N name" for each status with a non-zero count that keep
// accepts, in severity order.
func (s Summary) parts(keep func(status.Status) bool) []string {
	var out []string
	for _, st := range status.All() {
		if n := s.Counts[st]; n > 0 && keep(st) {
			out = append(out, fmt.Sprintf("%d %s", n, st))
		}
	}
	return out
}
