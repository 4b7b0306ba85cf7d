package arxiv

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
)

func TestJudgeAPI(t *testing.T) {
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		x       exchange
		retry   string // substring of the retry reason; empty = final
		refused string
		badID   string
		entries int
	}{
		{name: "feed", x: exchange{code: 200, body: fixture("current_batch.xml")}, entries: 5},
		{name: "empty feed is final", x: exchange{code: 200, body: fixture("empty.xml")}},
		{name: "legacy stubs only is final", x: exchange{code: 200, body: fixture("legacy_empty_stub.xml")}},
		{name: "phantom results", x: exchange{code: 200, body: fixture("phantom.xml")}, retry: "reports 1 results but holds no entries"},
		{name: "empty body", x: exchange{code: 200}, retry: "empty body"},
		{name: "html", x: exchange{code: 200, body: fixture("throttled.html")}, retry: "not an Atom feed"},
		{name: "429", x: exchange{code: 429}, retry: "HTTP 429"},
		{name: "406", x: exchange{code: 406}, retry: "HTTP 406"},
		{name: "503", x: exchange{code: 503}, retry: "HTTP 503"},
		{name: "502", x: exchange{code: 502}, retry: "HTTP 502"},
		{name: "connection", x: exchange{err: errors.New("connection reset by peer")}, retry: "connection reset"},
		{name: "bad ID", x: exchange{code: 400, body: fixture("error_badid.xml")}, refused: "incorrect id format for 2005.14165", badID: "2005.14165"},
		{name: "legacy bad ID", x: exchange{code: 400, body: fixture("legacy_error.xml")}, refused: "incorrect id format for 1234.12345", badID: "1234.12345"},
		{name: "error feed with 200", x: exchange{code: 200, body: fixture("error_badid.xml")}, refused: "incorrect id format", badID: "2005.14165"},
		{name: "400 without a feed", x: exchange{code: 400, body: []byte("bad")}, refused: "HTTP 400"},
		{name: "404", x: exchange{code: 404}, refused: "HTTP 404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := judgeAPI(tt.x)
			switch {
			case tt.retry == "" && err != nil:
				t.Fatalf("judgeAPI() retries: %v, want a final answer", err)
			case tt.retry != "" && (err == nil || !strings.Contains(err.Error(), tt.retry)):
				t.Fatalf("judgeAPI() retry reason = %v, want one containing %q", err, tt.retry)
			}
			if !strings.Contains(r.refused, tt.refused) || (tt.refused == "") != (r.refused == "") {
				t.Errorf("judgeAPI() refused = %q, want %q", r.refused, tt.refused)
			}
			if r.badID != tt.badID {
				t.Errorf("judgeAPI() badID = %q, want %q", r.badID, tt.badID)
			}
			if len(r.feed.entries) != tt.entries {
				t.Errorf("judgeAPI() entries = %d, want %d", len(r.feed.entries), tt.entries)
			}
		})
	}
}

// TestRetriedStatusesAreThePools: arXiv's answers are retried by the
// pool's one list of statuses, plus the 406 of arXiv's edge; every other
// status is an answer to read.
func TestRetriedStatusesAreThePools(t *testing.T) {
	for code := 100; code < 600; code++ {
		want := hostpool.RetryableStatus(code) || code == http.StatusNotAcceptable
		if got := transportProblem(exchange{code: code}) != nil; got != want {
			t.Errorf("transportProblem(HTTP %d) retries = %v, want %v", code, got, want)
		}
	}
}
