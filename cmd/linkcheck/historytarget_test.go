package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

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
