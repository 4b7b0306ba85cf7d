package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
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

// errorPage answers code with an HTML error page of its own title, as a
// server's or a CDN's error template does.
func errorPage(code int, title string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintf(w, "<!DOCTYPE html><html><head><title>%s</title></head><body><h1>%s</h1></body></html>", title, title)
	})
}

// TestPageTitleOnlyFromAPage: an error page is not the page. A bad night
// (a 503 with its own title) neither changes the remembered title nor
// says "page title changed" on the way down or back up, so the weekly
// issue, which opens on previous_page_title, is not opened by one night.
func TestPageTitleOnlyFromAPage(t *testing.T) {
	jq, err := exec.LookPath("jq")
	if err != nil {
		t.Skip("jq is not installed")
	}
	filter := attentionFilter(t)
	c := newCLI(t)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - id: weekly
        title: Agents Weekly
        kind: post
        url: https://weekly.test/
`)
	statePath := filepath.Join(c.dir, "state.json")
	week0 := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	nights := []struct {
		name string
		page http.Handler
	}{
		{"good", fakeweb.Page("Agents Weekly", "<p>issue 40</p>")},
		{"503", errorPage(http.StatusServiceUnavailable, "Error")},
		{"good again", fakeweb.Page("Agents Weekly", "<p>issue 42</p>")},
		{"502 from a CDN", errorPage(http.StatusBadGateway, "Bad gateway | Cloudflare")},
		{"good at last", fakeweb.Page("Agents Weekly", "<p>issue 45</p>")},
	}
	for i, n := range nights {
		c.web.Handle("weekly.test", n.page)
		c.now = func() time.Time { return week0.Add(time.Duration(i) * 7 * 24 * time.Hour) }
		out := filepath.Join(c.dir, fmt.Sprintf("night%d.json", i))
		code, _, stderr := c.run("check", "--state", statePath, "--fail-after", "2", "--retries", "0", "--format", "json", "--output", out)
		if code != exitOK {
			t.Fatalf("%s night exited %d, want 0: %s", n.name, code, stderr)
		}
		data, _ := os.ReadFile(out)
		r := decodeReport(t, string(data)).Results[0]
		if strings.Contains(r.Message, "page title changed") || r.PreviousPageTitle != "" {
			t.Errorf("%s night: message %q, previous title %q; want no title change", n.name, r.Message, r.PreviousPageTitle)
		}
		got, err := exec.Command(jq, filter, out).Output()
		if err != nil {
			t.Fatalf("jq: %v", err)
		}
		if strings.TrimSpace(string(got)) != "0" {
			t.Errorf("%s night: %s results need attention, want 0", n.name, got)
		}
		st, err := os.ReadFile(statePath)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(st), `"page_title": "Agents Weekly"`) {
			t.Errorf("%s night: state file\n%s\nwant the page's own title kept", n.name, st)
		}
	}
}

// A maintainer replaces a URL whose host does not resolve with another
// that does not either: the new URL's history starts with it, so with
// --fail-after 2 its first run is watched, not failed on the old URL's
// streak.
func TestChangedURLStartsNewHistory(t *testing.T) {
	c := newCLI(t)
	entry := func(url string) string {
		return "version: 1\nsections:\n  - id: posts\n    title: Posts\n    resources:\n" +
			"      - id: post\n        title: A post\n        kind: post\n        url: " + url + "\n"
	}
	catalog := filepath.Join(c.dir, "resources.yaml")
	statePath := filepath.Join(c.dir, "state.json")
	week0 := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	runs := []struct {
		url      string
		code     int
		change   string
		runs     int
		pending  bool
		resolved int
	}{
		{"https://a.test/post", exitOK, "new", 1, true, 0},
		{"https://b.test/post", exitOK, "new", 1, true, 0},
		{"https://b.test/post", exitFailing, "same", 2, false, 0},
		{"https://ok.test/post", exitOK, "new", 1, false, 1},
	}
	for i, want := range runs {
		writeFile(t, catalog, entry(want.url))
		c.now = func() time.Time { return week0.Add(time.Duration(i) * 7 * 24 * time.Hour) }
		code, stdout, stderr := c.run("check", "--state", statePath, "--fail-after", "2", "--format", "json")
		if code != want.code {
			t.Fatalf("run %d on %s exited %d, want %d\n%s\n%s", i+1, want.url, code, want.code, stdout, stderr)
		}
		doc := decodeReport(t, stdout)
		r := doc.Results[0]
		if r.Change != want.change || r.Runs != want.runs || r.Pending != want.pending {
			t.Errorf("run %d on %s: change %q, runs %d, pending %v; want %q, %d, %v", i+1, want.url, r.Change, r.Runs, r.Pending, want.change, want.runs, want.pending)
		}
		if len(doc.Resolved) != want.resolved {
			t.Errorf("run %d on %s: resolved %+v, want %d", i+1, want.url, doc.Resolved, want.resolved)
		}
	}
	data, _ := os.ReadFile(statePath)
	if strings.Contains(string(data), "b.test") {
		t.Errorf("the state still holds the replaced URL:\n%s", data)
	}
}

// An entry whose github: field names one repository and whose github.com
// url names another: each repository has its own history, so the healthy
// one is not "new" every run and the dead one is not resolved and still
// failing at once.
func TestTwoRepositoriesOfOneEntry(t *testing.T) {
	c := newCLI(t)
	api := fakeweb.NewGitHubAPI()
	api.Add(fakeweb.GitHubRepo{FullName: "acme/tool", PushedAt: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	c.web.Handle("api.github.com", api)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), `version: 1
sections:
  - id: tools
    title: Tools
    resources:
      - id: tool
        title: A tool
        kind: repo
        url: https://github.com/acme/old-tool
        github: acme/tool
`)
	statePath := filepath.Join(c.dir, "state.json")
	week0 := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	for i := range 3 {
		c.now = func() time.Time { return week0.Add(time.Duration(i) * 7 * 24 * time.Hour) }
		code, stdout, stderr := c.run("check", "--state", statePath, "--format", "json")
		if code != exitFailing {
			t.Fatalf("run %d exited %d, want 1 (acme/old-tool is gone)\n%s", i+1, code, stderr)
		}
		doc := decodeReport(t, stdout)
		if len(doc.Results) != 2 {
			t.Fatalf("run %d: %d results, want one per repository:\n%s", i+1, len(doc.Results), stdout)
		}
		for _, r := range doc.Results {
			if r.Runs != i+1 || (i > 0) != (r.Change == "same") {
				t.Errorf("run %d: %s %s, change %q, runs %d; want %d runs of the same status", i+1, r.Target, r.Status, r.Change, r.Runs, i+1)
			}
		}
		if len(doc.Resolved) != 0 {
			t.Errorf("run %d: resolved %+v, want nothing: neither repository changed", i+1, doc.Resolved)
		}
	}

	// The old repository comes back: it alone is resolved, by its name.
	api = fakeweb.NewGitHubAPI()
	api.Add(fakeweb.GitHubRepo{FullName: "acme/tool", PushedAt: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	api.Add(fakeweb.GitHubRepo{FullName: "acme/old-tool", PushedAt: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)})
	c.web.Handle("api.github.com", api)
	c.now = func() time.Time { return week0.Add(3 * 7 * 24 * time.Hour) }
	results := filepath.Join(c.dir, "results.json")
	code, _, stderr := c.run("check", "--state", statePath, "--format", "json", "--output", results)
	if code != exitOK {
		t.Fatalf("last run exited %d, want 0\n%s", code, stderr)
	}
	data, _ := os.ReadFile(results)
	if doc := decodeReport(t, string(data)); len(doc.Resolved) != 1 || doc.Resolved[0].Repo != "acme/old-tool" {
		t.Errorf("resolved = %+v, want acme/old-tool alone, by its name", doc.Resolved)
	}
	code, md, stderr := c.run("report", "--from", results, "--format", "markdown")
	if code != exitOK {
		t.Fatalf("report --from exited %d: %s", code, stderr)
	}
	if !strings.Contains(md, "### Resolved since last run (1)") || !strings.Contains(md, "[github:acme/old-tool](https://github.com/acme/old-tool)") {
		t.Errorf("markdown = %s\nwant acme/old-tool resolved, named as the repository", md)
	}
	if _, table, _ := c.run("report", "--from", results, "--format", "table"); !strings.Contains(table, "github:acme/old-tool") {
		t.Errorf("table = %s\nwant acme/old-tool resolved, named as the repository", table)
	}
}

// "Watching (1 of 2 runs)" promises that the failure will fail the run if
// it lasts: under the default --fail-on broken a server error never does,
// so it is not watched; an unresolvable host is.
func TestWatchingOnlyWhatCouldFail(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		watching []string // entries shown as watched
	}{
		{"default --fail-on broken", nil, []string{"flaky-post"}},
		{"--fail-on broken,error", []string{"--fail-on", "broken,error"}, []string{"flaky-post", "down-post"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			c.web.Handle("down.test", fakeweb.Status(http.StatusServiceUnavailable))
			writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+flakyEntry+`      - id: down-post
        title: A post on a server that is down tonight
        kind: post
        url: https://down.test/post
`)
			args := append([]string{"check", "--include", "^(flaky|down)-post$", "--state", filepath.Join(c.dir, "state.json"),
				"--fail-after", "2", "--retries", "0", "--format", "markdown"}, tt.args...)
			code, stdout, stderr := c.run(args...)
			if code != exitOK {
				t.Fatalf("check exited %d, want 0\n%s\n%s", code, stdout, stderr)
			}
			var watched []string
			for _, line := range strings.Split(stdout, "\n") {
				if strings.Contains(line, "watching (1 of 2 runs)") {
					for _, id := range []string{"flaky-post", "down-post"} {
						if strings.Contains(line, id) {
							watched = append(watched, id)
						}
					}
				}
			}
			if strings.Join(watched, " ") != strings.Join(tt.watching, " ") {
				t.Errorf("watched %v, want %v:\n%s", watched, tt.watching, stdout)
			}
		})
	}
}

// The rule as README and links.yml state it: --fail-after delays what
// --fail-on fails and never adds to it. Under the default --fail-on broken
// a host that does not resolve fails from its second run, a server error
// never; under --fail-on broken,error the server error waits too.
func TestFailAfterDelaysOnlyFailOn(t *testing.T) {
	tests := []struct {
		name  string
		entry string
		args  []string
		codes []int // exit code of each weekly run
	}{
		{"an unresolvable host, default --fail-on", "flaky-post", nil, []int{exitOK, exitFailing, exitFailing}},
		{"a server error, default --fail-on", "down-post", nil, []int{exitOK, exitOK, exitOK}},
		{"a server error, --fail-on broken,error", "down-post", []string{"--fail-on", "broken,error"}, []int{exitOK, exitFailing, exitFailing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			c.web.Handle("down.test", fakeweb.Status(http.StatusServiceUnavailable))
			writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+flakyEntry+`      - id: down-post
        title: A post on a server that is down
        kind: post
        url: https://down.test/post
`)
			statePath := filepath.Join(c.dir, "state.json")
			for i, want := range tt.codes {
				args := append([]string{"check", "--include", "^" + tt.entry + "$", "--state", statePath, "--fail-after", "2", "--retries", "0"}, tt.args...)
				if code, stdout, _ := c.run(args...); code != want {
					t.Errorf("run %d exited %d, want %d\n%s", i+1, code, want, stdout)
				}
			}
		})
	}
}
