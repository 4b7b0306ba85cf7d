package main

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// --badge writes the shields.io endpoint document for the run that check
// or report made, or that report re-rendered.
func TestBadge(t *testing.T) {
	c := newCLI(t)
	results := filepath.Join(c.dir, "results.json")
	if code, _, stderr := c.run("check", "--format", "json", "-o", results); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		message  string
		color    string
	}{
		{"check", []string{"check"}, exitFailing, "1 broken", "red"},
		{"check failing on moved too", []string{"check", "--fail-on", "broken,moved"}, exitFailing, "1 broken, 1 moved", "red"},
		{"check failing on nothing", []string{"check", "--fail-on", ""}, exitOK, "2/4 ok", "yellow"},
		{"report", []string{"report"}, exitOK, "1 broken", "red"},
		{"report --from", []string{"report", "--from", results, "--format", "json"}, exitOK, "1 broken", "red"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(c.dir, "badges", "links.json")
			if i == 0 {
				if err := os.Mkdir(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			args := append(tt.args, "--badge", path)
			if code, _, stderr := c.run(args...); code != tt.wantCode {
				t.Fatalf("linkcheck %v exited %d, want %d: %s", args, code, tt.wantCode, stderr)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no badge written: %v", err)
			}
			var b struct {
				SchemaVersion int    `json:"schemaVersion"`
				Label         string `json:"label"`
				Message       string `json:"message"`
				Color         string `json:"color"`
			}
			if err := json.Unmarshal(data, &b); err != nil {
				t.Fatalf("badge is not JSON: %v\n%s", err, data)
			}
			if b.SchemaVersion != 1 || b.Label != "links" || b.Message != tt.message || b.Color != tt.color {
				t.Errorf("badge = %+v, want message %q and color %q", b, tt.message, tt.color)
			}
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// An interrupted run did not check everything the badge counts: the badge
// is left as the last complete run wrote it.
func TestBadgeKeptOnPartialRun(t *testing.T) {
	for _, command := range []string{"check", "report"} {
		t.Run(command, func(t *testing.T) {
			c := newCLI(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			c.ctx = ctx
			hang := fakeweb.Hang()
			c.web.Handle("hang.test", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				cancel()
				hang.ServeHTTP(w, r)
			}))
			writeFile(t, filepath.Join(c.dir, "resources.yaml"), testCatalog+`      - id: hanging-post
        title: A post whose server never answers
        kind: post
        url: https://hang.test/post
`)
			path := filepath.Join(c.dir, "badge.json")
			const last = `{"schemaVersion": 1, "label": "links", "message": "4/4 ok", "color": "brightgreen"}`
			writeFile(t, path, last)
			if code, _, stderr := c.run(command, "--request-timeout", "1m", "--badge", path); code != exitCannotCheck {
				t.Fatalf("%s exited %d, want %d: %s", command, code, exitCannotCheck, stderr)
			}
			if data, _ := os.ReadFile(path); string(data) != last {
				t.Errorf("a partial %s rewrote the badge:\n%s", command, data)
			}
		})
	}
}
