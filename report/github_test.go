package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// An annotation sits at the value its finding is about (line and column
// of the url, arxiv or github value, or of a Markdown list's link), and
// at the entry's line for a run saved before targets were located.
func TestGitHubAnnotationPlace(t *testing.T) {
	tests := []struct {
		name string
		r    result.Result
		want string
	}{
		{"located", result.Result{ID: "a", Line: 6, TargetLine: 9, TargetColumn: 14}, "::error file=resources.yaml,line=9,col=14,title=broken link::"},
		{"line only", result.Result{ID: "a", Line: 6, TargetLine: 9}, "::error file=resources.yaml,line=9,title=broken link::"},
		{"saved before", result.Result{ID: "a", Line: 6}, "::error file=resources.yaml,line=6,title=broken link::"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			r.Target, r.URL, r.Status, r.Message = result.TargetURL, "https://gone.example/a", status.Broken, "HTTP 404"
			var buf bytes.Buffer
			run := Run{Catalog: "resources.yaml", Results: []result.Result{r}}
			if err := Write(&buf, run, Options{Format: FormatGitHub, FailOn: status.DefaultFailOn}); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(buf.String(), tt.want) {
				t.Errorf("annotation = %q, want it to start %q", buf.String(), tt.want)
			}
		})
	}
}
