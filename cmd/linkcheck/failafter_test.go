package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

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

// The rule as docs/history.md and links.yml state it: --fail-after delays what
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
