package main

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// flakyEntry is a post whose host does not resolve: broken, but without an
// HTTP answer, so a transient failure for --fail-after.
const flakyEntry = `      - id: flaky-post
        title: A post on a flaky host
        kind: post
        url: https://flaky.test/post
`

// reportDoc is the part of a JSON report the history tests read.
type reportDoc struct {
	Results []struct {
		ID                string `json:"id"`
		Target            string `json:"target"`
		Status            string `json:"status"`
		Message           string `json:"message"`
		Change            string `json:"change"`
		Since             string `json:"since"`
		Runs              int    `json:"runs"`
		Pending           bool   `json:"pending"`
		PreviousPageTitle string `json:"previous_page_title"`
	} `json:"results"`
	Resolved []struct {
		ID             string `json:"id"`
		Target         string `json:"target"`
		URL            string `json:"url"`
		Repo           string `json:"repo"`
		PreviousStatus string `json:"previous_status"`
		Since          string `json:"since"`
		Runs           int    `json:"runs"`
	} `json:"resolved"`
}

func decodeReport(t *testing.T, data string) reportDoc {
	t.Helper()
	var doc reportDoc
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatalf("JSON report: %v\n%s", err, data)
	}
	matchReportSchema(t, "the JSON report", []byte(data))
	return doc
}

// TestHistoryAcrossRuns checks the catalog twice a week apart while the
// web changes in between: a fixed page is resolved, a page that became
// something else says so, a moved page that is now gone is new, and a host
// that does not resolve is watched once, then still failing.
func TestHistoryAcrossRuns(t *testing.T) {
	c := newCLI(t)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+flakyEntry)
	statePath := filepath.Join(c.dir, "state.json")
	week0 := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return week0 }

	code, stdout, stderr := c.run("check", "--state", statePath, "--fail-after", "2", "--fail-on", "broken,moved", "--format", "json")
	if code != exitFailing {
		t.Fatalf("first run exited %d, want 1 (the 404 fails at once)\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "no history in "+statePath) {
		t.Errorf("stderr = %q, want it to say the history starts", stderr)
	}
	first := decodeReport(t, stdout)
	for _, r := range first.Results {
		if r.Change != "new" || r.Runs != 1 || r.Since != "2026-11-02T06:00:00Z" {
			t.Errorf("first run: %s/%s change %q, runs %d, since %q; want new, 1, the run's start", r.ID, r.Target, r.Change, r.Runs, r.Since)
		}
		if r.Pending != (r.ID == "flaky-post") {
			t.Errorf("first run: %s pending = %v, want it only for the host that does not resolve", r.ID, r.Pending)
		}
	}
	if len(first.Resolved) != 0 {
		t.Errorf("first run resolved %+v, want nothing", first.Resolved)
	}

	// A week later: the gone post is back, the fine post's domain was sold,
	// the moved post's new home is gone.
	c.web.Handle("gone.test", fakeweb.Page("A gone post", "<p>back</p>"))
	c.web.Handle("old.test", fakeweb.Status(http.StatusNotFound))
	c.web.Handle("ok.test", fakeweb.Page("Domain for sale", "<p>buy this domain</p>"))
	c.now = func() time.Time { return week0.Add(7 * 24 * time.Hour) }
	results := filepath.Join(c.dir, "results.json")
	code, _, stderr = c.run("check", "--state", statePath, "--fail-after", "2", "--fail-on", "broken,moved", "--format", "json", "--output", results)
	if code != exitFailing {
		t.Fatalf("second run exited %d, want 1\n%s", code, stderr)
	}
	data, _ := os.ReadFile(results)
	second := decodeReport(t, string(data))
	byID := map[string]int{}
	for i, r := range second.Results {
		byID[r.ID+"/"+r.Target] = i
	}
	moved := second.Results[byID["moved-post/url"]]
	if moved.Status != "broken" || moved.Change != "new" || moved.Runs != 1 || moved.Since != "2026-11-09T06:00:00Z" {
		t.Errorf("moved-post: %s, change %q, runs %d, since %q; want broken, new, 1, since this run", moved.Status, moved.Change, moved.Runs, moved.Since)
	}
	flaky := second.Results[byID["flaky-post/url"]]
	if flaky.Pending || flaky.Change != "same" || flaky.Runs != 2 || flaky.Since != "2026-11-02T06:00:00Z" {
		t.Errorf("flaky-post: pending %v, change %q, runs %d, since %q; want failing, same, 2, since the first run", flaky.Pending, flaky.Change, flaky.Runs, flaky.Since)
	}
	fine := second.Results[byID["fine-post/url"]]
	// The page check and the title change say it together.
	if fine.Status != "broken" || !strings.Contains(fine.Message, "domain parked / for sale") ||
		!strings.Contains(fine.Message, "page title changed: “A fine post” → “Domain for sale”") || fine.PreviousPageTitle != "A fine post" {
		t.Errorf("fine-post: %s, message %q, previous title %q; want broken, parked, and the title change", fine.Status, fine.Message, fine.PreviousPageTitle)
	}
	if len(second.Resolved) != 1 || second.Resolved[0].ID != "gone-post" || second.Resolved[0].PreviousStatus != "broken" ||
		second.Resolved[0].Since != "2026-11-02T06:00:00Z" || second.Resolved[0].Runs != 1 {
		t.Errorf("resolved = %+v, want gone-post, broken since the first run for 1 run", second.Resolved)
	}

	// The saved run renders its history without the network.
	code, md, stderr := c.run("report", "--from", results, "--format", "markdown", "--fail-on", "broken,moved")
	if code != exitOK {
		t.Fatalf("report --from exited %d: %s", code, stderr)
	}
	for _, want := range []string{
		"### New since last run (2) · fails the run", "| broken | moved-post |", "| broken | fine-post |",
		"### Still failing (1) · fails the run", "| broken | flaky-post |", "since 2026-11-02, 2 runs",
		"### Resolved since last run (1)", "| gone-post |", "was broken since 2026-11-02 (1 run)",
		"page title changed",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown from the saved run lacks %q:\n%s", want, md)
		}
	}
	if strings.Index(md, "New since last run") > strings.Index(md, "Still failing") ||
		strings.Index(md, "Still failing") > strings.Index(md, "Resolved since last run") {
		t.Errorf("markdown sections out of order (want new, still failing, resolved):\n%s", md)
	}
}

// The watched failure is shown to people, and does not fail the run.
func TestFailAfterWatches(t *testing.T) {
	c := newCLI(t)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+flakyEntry)
	statePath := filepath.Join(c.dir, "state.json")
	// Without the 404, only the flaky host could fail the run.
	c.web.Handle("gone.test", fakeweb.Page("A gone post", "<p>back</p>"))
	code, stdout, stderr := c.run("check", "--state", statePath, "--fail-after", "2")
	if code != exitOK {
		t.Fatalf("first run with a watched failure exited %d, want 0\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "watching (1 of 2 runs)") || !strings.Contains(stdout, "BROKEN (1) · watching, not failing yet") {
		t.Errorf("table = %s\nwant the failure shown as watched", stdout)
	}
	if code, stdout, _ = c.run("check", "--state", statePath, "--fail-after", "2"); code != exitFailing {
		t.Errorf("second run exited %d, want 1 (the failure lasted 2 runs)\n%s", code, stdout)
	}
	// Without a history, the same failure fails at once.
	if code, _, _ := c.run("check"); code != exitFailing {
		t.Errorf("check without --state exited %d, want 1", code)
	}
}
