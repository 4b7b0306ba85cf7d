package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
	"github.com/ai-reading-list/linkcheck/status"
)

// A resolved row names the target that was fixed: for a repository, the
// repository, not the entry's website (which was never the problem).
func TestResolvedRowNamesTheTarget(t *testing.T) {
	since := time.Date(2026, 11, 16, 6, 0, 0, 0, time.UTC)
	run := Run{
		Catalog:   "resources.yaml",
		StartedAt: since.AddDate(0, 0, 14),
		Results: []result.Result{
			{ID: "tool", Line: 9, Target: result.TargetURL, URL: "https://tool.test/", Status: status.OK},
			{ID: "tool", Line: 9, Target: result.TargetGitHub, URL: "https://tool.test/", Repo: "owner/tool", Status: status.OK},
			{ID: "board", Line: 14, Target: result.TargetHuggingFace, URL: "https://huggingface.co/spaces/o/b", Repo: "spaces/o/b", Status: status.OK},
		},
		Resolved: []state.Resolved{
			{ID: "tool", Line: 9, Target: result.TargetGitHub, URL: "https://tool.test/", Repo: "owner/tool",
				Previous: status.Stale, Since: since, Runs: 2},
			{ID: "board", Line: 14, Target: result.TargetHuggingFace, URL: "https://huggingface.co/spaces/o/b", Repo: "spaces/o/b",
				Previous: status.Broken, Since: since, Runs: 1},
		},
	}
	tests := []struct {
		format Format
		want   []string
		not    string
	}{
		{FormatMarkdown, []string{
			"| tool | resources.yaml:9 | [github:owner/tool](https://github.com/owner/tool) | was stale since 2026-11-16 (2 runs) |",
			"| board | resources.yaml:14 | [huggingface:spaces/o/b](https://huggingface.co/spaces/o/b) | was broken since 2026-11-16 (1 run) |",
		}, "https://tool.test/"},
		{FormatTable, []string{"github:owner/tool", "huggingface:spaces/o/b"}, "https://tool.test/"},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			// Straight from the run, and from its saved JSON.
			saved := readBack(t, run)
			for _, r := range []Run{run, saved} {
				var buf bytes.Buffer
				if err := Write(&buf, r, Options{Format: tt.format, Width: 200}); err != nil {
					t.Fatal(err)
				}
				for _, w := range tt.want {
					if !strings.Contains(buf.String(), w) {
						t.Errorf("%s report lacks %q:\n%s", tt.format, w, buf.String())
					}
				}
				if strings.Contains(buf.String(), tt.not) {
					t.Errorf("%s report names the website %s in a resolved row:\n%s", tt.format, tt.not, buf.String())
				}
			}
		})
	}
}

// readBack writes run as JSON and reads it again, as report --from does.
func readBack(t *testing.T, run Run) Run {
	t.Helper()
	var buf bytes.Buffer
	// Without --all the ok results are left out: only the resolved list
	// names the repository.
	if err := Write(&buf, run, Options{Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"repo": "owner/tool"`) {
		t.Errorf("the JSON's resolved list does not name the repository:\n%s", buf.String())
	}
	back, err := ReadJSON(&buf)
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	return back
}
