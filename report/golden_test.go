package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// failOn makes moved a failure too, so that outputs show both kinds.
var failOn = status.NewSet(status.Broken, status.Moved)

// failOnTransient adds timeout, so that a watched failure shows.
var failOnTransient = status.NewSet(status.Broken, status.Moved, status.Timeout)

func TestGolden(t *testing.T) {
	partial := fixtureRun()
	partial.Partial, partial.Stop, partial.NotReached = true, StopTimeout, 10
	partial.Results = partial.Results[:6]

	tests := []struct {
		name string
		run  Run
		opts Options
	}{
		{"table", fixtureRun(), Options{Format: FormatTable, FailOn: failOn}},
		{"table-color", fixtureRun(), Options{Format: FormatTable, FailOn: failOn, Color: true}},
		{"table-all", fixtureRun(), Options{Format: FormatTable, FailOn: failOn, All: true}},
		{"table-narrow", fixtureRun(), Options{Format: FormatTable, FailOn: failOn, Width: 72}},
		{"table-partial", partial, Options{Format: FormatTable, FailOn: failOn}},
		{"json", fixtureRun(), Options{Format: FormatJSON, FailOn: failOn}},
		{"json-all", fixtureRun(), Options{Format: FormatJSON, FailOn: failOn, All: true}},
		{"json-partial", partial, Options{Format: FormatJSON, FailOn: failOn}},
		{"markdown", fixtureRun(), Options{Format: FormatMarkdown, FailOn: failOn}},
		{"markdown-all", fixtureRun(), Options{Format: FormatMarkdown, FailOn: failOn, All: true,
			LinkBase: "https://github.com/ai-reading-list/list/blob/0123abc/resources.yaml"}},
		{"markdown-partial", partial, Options{Format: FormatMarkdown, FailOn: failOn}},
		{"markdown-capped", fixtureRun(), Options{Format: FormatMarkdown, FailOn: failOn, MaxBytes: 2000}},
		{"github", fixtureRun(), Options{Format: FormatGitHub, FailOn: failOn}},
		{"github-partial", partial, Options{Format: FormatGitHub, FailOn: status.DefaultFailOn}},
		{"table-history", historyRun(), Options{Format: FormatTable, FailOn: failOnTransient}},
		{"json-history", historyRun(), Options{Format: FormatJSON, FailOn: failOnTransient}},
		{"markdown-history", historyRun(), Options{Format: FormatMarkdown, FailOn: failOnTransient}},
		{"markdown-history-capped", historyRun(), Options{Format: FormatMarkdown, FailOn: failOnTransient, MaxBytes: 2400}},
		{"github-history", historyRun(), Options{Format: FormatGitHub, FailOn: failOnTransient}},
		{"sarif", located(fixtureRun()), Options{Format: FormatSARIF, FailOn: failOn, ToolVersion: "v1.2.3"}},
		{"sarif-partial", partial, Options{Format: FormatSARIF, FailOn: status.DefaultFailOn, ArtifactURI: "lists/resources.yaml"}},
		{"sarif-history", located(historyRun()), Options{Format: FormatSARIF, FailOn: failOnTransient, ToolVersion: "v1.2.3"}},
		{"markdown-trend", trendRun(6), Options{Format: FormatMarkdown, FailOn: failOnTransient}},
		{"json-trend", trendRun(3), Options{Format: FormatJSON, FailOn: failOnTransient}},
		{"junit", fixtureRun(), Options{Format: FormatJUnit, FailOn: failOn}},
		{"junit-history", historyRun(), Options{Format: FormatJUnit, FailOn: failOnTransient}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := Write(&got, tt.run, tt.opts); err != nil {
				t.Fatalf("Write(%s) error: %v", tt.name, err)
			}
			matchGolden(t, tt.name, got.Bytes())
		})
	}
}

// located gives every result the position of its target's key, a few
// lines into its entry as the checker records it.
func located(run Run) Run {
	run.Results = append([]result.Result(nil), run.Results...)
	for i := range run.Results {
		r := &run.Results[i]
		r.TargetLine, r.TargetColumn = r.Line+3, 16
		if r.Target == result.TargetArxiv {
			r.TargetLine, r.TargetColumn = r.Line+4, 18
		}
	}
	return run
}

// matchGolden compares got with testdata/NAME.golden, or rewrites the file
// under -update.
func matchGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test -update if the change is intended)\ngot:\n%s\nwant:\n%s", name, path, got, want)
	}
}
