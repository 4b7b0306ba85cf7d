package report

import (
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestFoundNamesArchivedCopy(t *testing.T) {
	const copyURL = "https://web.archive.org/web/20230512083000/https://e.com/a"
	at := time.Date(2023, 5, 12, 8, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	tests := []struct {
		name       string
		r          result.Result
		found      string
		suggestion string
		listed     bool
	}{
		{"gone with a copy", result.Result{Target: result.TargetURL, Status: status.Broken, Code: 404, ArchiveURL: copyURL, ArchivedAt: at},
			"HTTP 404; archived copy from 2023-05-12: " + copyURL,
			"point readers at the archived copy (fix --only archived adds archive:), or find the new address", true},
		{"gone without a copy", result.Result{Target: result.TargetURL, Status: status.Broken, Code: 410, ArchiveNote: "no archived copy of the live page"},
			"HTTP 410; no archived copy of the live page", "remove the entry or find its new address", true},
		{"lookup failed", result.Result{Target: result.TargetURL, Status: status.Broken, Code: 404, ArchiveNote: "archive lookup failed: HTTP 429"},
			"HTTP 404; archive lookup failed: HTTP 429", "remove the entry or find its new address", true},
		{"served by its copy", result.Result{Target: result.TargetURL, Status: status.Archived, Code: 404, ArchiveURL: copyURL, ArchivedAt: at},
			"HTTP 404; archived copy from 2023-05-12: " + copyURL, "", false},
		{"the original is back", result.Result{Target: result.TargetURL, Status: status.OK, Code: 200, ArchiveURL: copyURL, ArchivedAt: at, ArchiveNote: "the original is back: `archive` can go"},
			"HTTP 200; archived copy from 2023-05-12: " + copyURL + "; the original is back: `archive` can go",
			"remove the archive key: the original is back", true},
		{"no lookup", result.Result{Target: result.TargetURL, Status: status.Broken, Code: 404},
			"HTTP 404", "remove the entry or find its new address", true},
		{"ok without archive", result.Result{Target: result.TargetURL, Status: status.OK, Code: 200}, "HTTP 200", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(tt.r).String(); got != tt.found {
				t.Errorf("found(%s) = %q, want %q", tt.name, got, tt.found)
			}
			if got := suggestion(tt.r); got != tt.suggestion {
				t.Errorf("suggestion(%s) = %q, want %q", tt.name, got, tt.suggestion)
			}
			if got := needsListing(tt.r); got != tt.listed {
				t.Errorf("needsListing(%s) = %v, want %v", tt.name, got, tt.listed)
			}
		})
	}
}
