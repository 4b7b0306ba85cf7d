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

// "Watching (1 of 2 runs)" says the result will fail the run once it has
// lasted: it is shown only where its status is in --fail-on.
func TestWatchingOnlyWhereItCouldFail(t *testing.T) {
	broken, _ := status.ParseSet("broken")
	brokenTimeout, _ := status.ParseSet("broken,timeout")
	tests := []struct {
		name     string
		result   result.Result
		failOn   status.Set
		watching bool
	}{
		{"an unresolvable host under --fail-on broken",
			result.Result{Status: status.Broken, Message: "no such host flaky.test", NetworkFailure: true}, broken, true},
		{"a timeout under --fail-on broken",
			result.Result{Status: status.Timeout, Message: "no answer within 15s"}, broken, false},
		{"a 503 under --fail-on broken",
			result.Result{Status: status.Error, Code: 503, Message: "HTTP 503"}, broken, false},
		{"a timeout under --fail-on broken,timeout",
			result.Result{Status: status.Timeout, Message: "no answer within 15s"}, brokenTimeout, true},
	}
	start := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.result
			r.ID, r.Target, r.URL, r.Line = "flaky", result.TargetURL, "https://flaky.test/", 3
			m := state.Merge(nil, []result.Result{r}, start, state.Options{FailAfter: 2})
			run := Run{Catalog: "resources.yaml", StartedAt: start, Results: m.Results}
			for _, f := range []Format{FormatTable, FormatMarkdown, FormatGitHub} {
				var buf bytes.Buffer
				if err := Write(&buf, run, Options{Format: f, FailOn: tt.failOn}); err != nil {
					t.Fatal(err)
				}
				if got := strings.Contains(buf.String(), "watching (1 of 2 runs)"); got != tt.watching {
					t.Errorf("%s shows watching = %v, want %v:\n%s", f, got, tt.watching, buf.String())
				}
			}
		})
	}
}
