package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// minTrendRuns is how many runs make a trend worth drawing: one run is a
// point, which the headline already says.
const minTrendRuns = 2

// trendChart is a Mermaid xychart (GitHub renders it in issues and job
// summaries) of what needed attention in each run of the trend: bars for
// every status that needs attention, a line for those in FailOn. The
// series are derived from the statuses, so a new status is counted
// without a change here. "" for fewer than minTrendRuns runs.
func trendChart(trend []state.RunSummary, failOn status.Set) string {
	if len(trend) < minTrendRuns {
		return ""
	}
	labels := make([]string, len(trend))
	attention := make([]string, len(trend))
	failing := make([]string, len(trend))
	top := 1
	for i, s := range trend {
		labels[i] = strconv.Quote(s.At.UTC().Format("01-02"))
		n, f := s.Attention(), 0
		for st, c := range s.Counts {
			if failOn.Has(st) {
				f += c
			}
		}
		attention[i], failing[i] = strconv.Itoa(n), strconv.Itoa(f)
		top = max(top, n, f)
	}
	var b strings.Builder
	b.WriteString("```mermaid\nxychart-beta\n")
	fmt.Fprintf(&b, "  title \"Needing attention, last %d runs\"\n", len(trend))
	fmt.Fprintf(&b, "  x-axis [%s]\n", strings.Join(labels, ", "))
	fmt.Fprintf(&b, "  y-axis \"targets\" 0 --> %d\n", top)
	fmt.Fprintf(&b, "  bar [%s]\n", strings.Join(attention, ", "))
	if failOn != 0 {
		fmt.Fprintf(&b, "  line [%s]\n", strings.Join(failing, ", "))
	}
	b.WriteString("```\n\n")
	first, last := trend[0].At.UTC().Format(dateLayout), trend[len(trend)-1].At.UTC().Format(dateLayout)
	fmt.Fprintf(&b, "_Bars: targets that needed attention in each run from %s to %s", first, last)
	if failOn != 0 {
		fmt.Fprintf(&b, "; line: those whose status fails the run (%s)", strings.ReplaceAll(failOn.String(), ",", ", "))
	}
	b.WriteString("._\n")
	return b.String()
}
