package report

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestTrendChart(t *testing.T) {
	at := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	// Every status once: the bars count each one that needs attention,
	// whatever the vocabulary holds.
	every := map[status.Status]int{}
	attention := 0
	for _, s := range status.All() {
		every[s] = 1
		if s.Attention() {
			attention++
		}
	}
	quiet := map[status.Status]int{status.OK: 9, status.Skipped: 2}
	tests := []struct {
		name    string
		trend   []state.RunSummary
		failOn  status.Set
		want    []string
		notWant []string
	}{
		{"one run draws nothing", []state.RunSummary{{At: at, Counts: every}}, status.DefaultFailOn, nil, []string{"mermaid"}},
		{"two runs", []state.RunSummary{{At: at, Counts: quiet}, {At: at.AddDate(0, 0, 7), Counts: every}}, status.DefaultFailOn,
			[]string{"```mermaid\nxychart-beta\n", `x-axis ["11-02", "11-09"]`, "bar [0, " + strconv.Itoa(attention) + "]", "line [0, 1]", "(broken)"}, nil},
		{"no fail-on, no line", []state.RunSummary{{At: at, Counts: quiet}, {At: at.AddDate(0, 0, 7), Counts: every}}, 0,
			[]string{"bar [0, " + strconv.Itoa(attention) + "]"}, []string{"line ["}},
	}
	for _, tt := range tests {
		got := trendChart(tt.trend, tt.failOn)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("trendChart(%s) lacks %q:\n%s", tt.name, w, got)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(got, w) {
				t.Errorf("trendChart(%s) has %q:\n%s", tt.name, w, got)
			}
		}
	}
}

// The chart is part of what --max-report-bytes counts: kept while the
// headings and it fit, dropped before the report is refused.
func TestTrendChartUnderMaxBytes(t *testing.T) {
	run := trendRun(52)
	opts := Options{Format: FormatMarkdown, FailOn: failOnTransient}
	var full bytes.Buffer
	if err := Write(&full, run, opts); err != nil {
		t.Fatal(err)
	}
	chart := trendChart(run.Trend, opts.FailOn)
	if !strings.Contains(full.String(), chart) {
		t.Fatalf("the full report has no chart:\n%s", full.String())
	}
	// The smallest limit that gives a report has no room for the chart.
	limit := 0
	for l := full.Len(); l > 0; l-- {
		opts.MaxBytes = l
		var got bytes.Buffer
		var se *SizeError
		if err := Write(&got, run, opts); errors.As(err, &se) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if got.Len() > l {
			t.Fatalf("MaxBytes %d: report is %d bytes", l, got.Len())
		}
		limit = l
		if hasChart := strings.Contains(got.String(), "xychart-beta"); l >= full.Len()/2 && !hasChart {
			t.Errorf("MaxBytes %d (half the report): the chart was dropped", l)
		}
	}
	opts.MaxBytes = limit
	var smallest bytes.Buffer
	if err := Write(&smallest, run, opts); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(smallest.String(), "xychart-beta") || limit+len(chart) > full.Len() {
		t.Errorf("MaxBytes %d: the chart (%d bytes) was kept in the smallest report:\n%s", limit, len(chart), smallest.String())
	}
}
