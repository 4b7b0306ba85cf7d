package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestPartialSaysWhyAndHowMuch: a partial report says whether the run was
// interrupted or ran out of time, and how many targets it never reached,
// in every format meant for people.
func TestPartialSaysWhyAndHowMuch(t *testing.T) {
	run := func(stop Stop, notReached int) Run {
		r := fixtureRun()
		r.Results = r.Results[:6]
		r.Partial, r.Stop, r.NotReached = true, stop, notReached
		return r
	}
	tests := []struct {
		name   string
		run    Run
		format Format
		want   string
	}{
		{"timeout, table", run(StopTimeout, 10), FormatTable, "timed out: partial results, 10 of 16 targets not reached\n"},
		{"timeout, markdown", run(StopTimeout, 10), FormatMarkdown, "> **Timed out:** partial results; 10 of 16 targets not reached.\n"},
		{"timeout, github", run(StopTimeout, 10), FormatGitHub, "::warning title=timed out::partial results: 10 of 16 targets not reached\n"},
		{"signal, table", run(StopInterrupted, 1), FormatTable, "interrupted: partial results, 1 of 7 targets not reached\n"},
		{"signal, markdown", run(StopInterrupted, 1), FormatMarkdown, "> **Interrupted:** partial results; 1 of 7 targets not reached.\n"},
		{"saved by an older linkcheck", run("", 0), FormatTable, "interrupted: partial results, not every target was checked\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.run, Options{Format: tt.format}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), tt.want) {
				t.Errorf("Write(%s) lacks %q:\n%s", tt.name, tt.want, buf.String())
			}
		})
	}
	if got, want := run(StopTimeout, 10).Stopped(), "timed out with 10 of 16 targets not reached"; got != want {
		t.Errorf("Stopped() = %q, want %q", got, want)
	}
}
