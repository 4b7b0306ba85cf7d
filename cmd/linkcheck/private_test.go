package main

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
)

const privateCatalog = `version: 1
sections:
  - id: intranet
    title: Intranet
    resources:
      - id: dev-server
        title: Dev server
        kind: tool
        url: http://127.0.0.1:8080/
      - id: wiki
        title: Wiki
        kind: post
        url: http://10.0.0.5/wiki
      - id: wiki-page
        title: Wiki page
        kind: post
        url: http://10.0.0.5/wiki/page
      - id: metadata
        title: Metadata
        kind: post
        url: http://metadata.google.internal/computeMetadata/v1/
`

// TestPrivateLinksNoted: links that name private addresses are skipped
// without a request, and stderr says why and how to check them; with
// --allow-private nothing is noted.
func TestPrivateLinksNoted(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		allow bool
		want  []string // on stderr
	}{
		{"without --allow-private", nil, false, []string{
			"linkcheck: 4 links not checked: they name a private address or an intranet host name",
			"(127.0.0.1:8080, 10.0.0.5, metadata.google.internal)",
			"use --allow-private to check intranet hosts",
		}},
		{"with --allow-private", []string{"--allow-private"}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			hosts := []string{"127.0.0.1", "10.0.0.5", "metadata.google.internal"}
			for _, h := range hosts {
				c.web.Handle(h, fakeweb.Page("Intranet", ""))
			}
			c.hook = func(o *checker.Options) { o.AllowPrivate = tt.allow }
			path := filepath.Join(c.dir, "private.yaml")
			writeFile(t, path, privateCatalog)
			code, _, stderr := c.run(append([]string{"check", "--catalog", path}, tt.args...)...)
			if code != 0 && code != 1 {
				t.Fatalf("check exited %d: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr = %q, want it to say %q", stderr, w)
				}
			}
			if tt.want == nil && strings.Contains(stderr, "--allow-private") {
				t.Errorf("stderr = %q, want no private-address note", stderr)
			}
			for _, h := range hosts {
				if n := c.web.Requests(h); (n > 0) != tt.allow {
					t.Errorf("%s got %d requests, want some: %v", h, n, tt.allow)
				}
			}
		})
	}
}

// TestNotePrivateNamesFewHosts: a long list of hosts is cut, and one link
// is spoken of in the singular.
func TestNotePrivateNamesFewHosts(t *testing.T) {
	var many []result.Result
	for _, h := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"} {
		many = append(many, result.Result{URL: "http://" + h + "/", PrivateAddress: true})
	}
	tests := []struct {
		name    string
		results []result.Result
		want    string
	}{
		{"one", many[:1], "linkcheck: 1 link not checked: it names a private address or an intranet host name (10.0.0.1), "},
		{"many", many, "(10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5 and 2 more)"},
		{"none", []result.Result{{URL: "http://10.0.0.1/"}}, ""},
	}
	for _, tt := range tests {
		var b strings.Builder
		notePrivate(&b, tt.results)
		if got := b.String(); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("notePrivate(%s) = %q, want it to hold %q", tt.name, got, tt.want)
		}
	}
}

const proxiedCatalog = `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - id: metadata
        title: Metadata
        kind: post
        url: http://169.254.169.254/latest/meta-data/
      - id: admin
        title: Admin
        kind: post
        url: https://moved.example/admin
      - id: lapsed
        title: Lapsed
        kind: post
        url: https://lapsed.example/post
      - id: fine
        title: Fine
        kind: post
        url: https://fine.example/post
`

// TestProxyDoesNotBypassGuard: with a proxy in the environment, as on
// many CI runners, links to private addresses are judged before the proxy
// sees them, so no intranet page's title reaches the report.
func TestProxyDoesNotBypassGuard(t *testing.T) {
	c := newCLI(t)
	c.web.Handle("169.254.169.254", fakeweb.Page("instance metadata: ami-id", ""))
	c.web.Handle("10.1.2.3", fakeweb.Page("Router admin", ""))
	c.web.Handle("lapsed.example", fakeweb.Page("Parked intranet page", ""))
	c.web.Handle("moved.example", fakeweb.Redirect(http.StatusMovedPermanently, "http://10.1.2.3/admin"))
	c.web.Handle("fine.example", fakeweb.Page("A fine post", ""))
	proxyURL, stop := c.web.StartProxy()
	t.Cleanup(stop)
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
		t.Setenv(k, "")
	}
	t.Setenv("HTTP_PROXY", proxyURL)
	t.Setenv("HTTPS_PROXY", proxyURL)
	c.hook = func(o *checker.Options) {
		o.DialContext = nil // the real dialer, which reaches the web only through the proxy
		o.AllowPrivate = false
		o.Resolver = fakeweb.Resolver(map[string][]string{
			"lapsed.example": {"10.0.0.7"},
			"moved.example":  {"93.184.215.14"},
			"fine.example":   {"93.184.215.14"},
		})
	}
	path := filepath.Join(c.dir, "proxied.yaml")
	writeFile(t, path, proxiedCatalog)
	code, stdout, stderr := c.run("check", "--catalog", path, "--format", "json")
	if code != 1 {
		t.Fatalf("check exited %d, want 1 (broken links): %s", code, stderr)
	}
	var got struct {
		Results []struct {
			ID        string `json:"id"`
			Status    string `json:"status"`
			PageTitle string `json:"page_title"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	want := map[string]string{"metadata": "skipped", "admin": "broken", "lapsed": "broken", "fine": "ok"}
	for _, r := range got.Results {
		if r.Status != want[r.ID] {
			t.Errorf("%s: %s, want %s", r.ID, r.Status, want[r.ID])
		}
	}
	for _, leak := range []string{"instance metadata", "Router admin", "Parked intranet page"} {
		if strings.Contains(stdout, leak) {
			t.Errorf("the report holds %q, a page behind the guard", leak)
		}
	}
	if got := c.web.Proxied(); !slices.Equal(got, []string{"moved.example:443", "fine.example:443"}) && !slices.Equal(got, []string{"fine.example:443", "moved.example:443"}) {
		t.Errorf("the proxy received %q, want only moved.example and fine.example", got)
	}
}
