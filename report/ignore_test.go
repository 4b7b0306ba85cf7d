package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestExpiredIgnoreListed: a result whose ignore expired is listed in every
// format even when its link works again, says the date, and survives a
// round trip through JSON.
func TestExpiredIgnoreListed(t *testing.T) {
	until := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	run := Run{Catalog: "resources.yaml", Results: []result.Result{
		{ID: "back-again", Line: 12, Target: result.TargetURL, URL: "https://example.com/post", Status: status.OK, Code: 200,
			IgnoreExpired: until, Message: "HTTP 200; ignore expired on 2026-03-01 (site migration)"},
		{ID: "fine", Line: 20, Target: result.TargetURL, URL: "https://example.com/fine", Status: status.OK, Code: 200},
	}}
	for _, f := range []Format{FormatTable, FormatJSON, FormatMarkdown, FormatGitHub} {
		var buf bytes.Buffer
		if err := Write(&buf, run, Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.Contains(out, "back-again") || !strings.Contains(out, "2026-03-01") || strings.Contains(out, "example.com/fine") {
			t.Errorf("%s output lists the expired ignore = %v, the fine entry = %v:\n%s", f,
				strings.Contains(out, "back-again"), strings.Contains(out, "example.com/fine"), out)
		}
		if f == FormatJSON {
			back, err := ReadJSON(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Results) != 1 || !back.Results[0].IgnoreExpired.Equal(until) {
				t.Errorf("ReadJSON: %+v, want back-again with IgnoreExpired %v", back.Results, until)
			}
		}
		if f == FormatMarkdown && !strings.Contains(out, "remove the expired ignore") {
			t.Errorf("markdown lacks the suggested fix:\n%s", out)
		}
	}
}
