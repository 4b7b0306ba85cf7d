package main

import (
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
