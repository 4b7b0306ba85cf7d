package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
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
	var many []checker.Result
	for _, h := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7"} {
		many = append(many, checker.Result{URL: "http://" + h + "/", PrivateAddress: true})
	}
	tests := []struct {
		name    string
		results []checker.Result
		want    string
	}{
		{"one", many[:1], "linkcheck: 1 link not checked: it names a private address or an intranet host name (10.0.0.1), "},
		{"many", many, "(10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5 and 2 more)"},
		{"none", []checker.Result{{URL: "http://10.0.0.1/"}}, ""},
	}
	for _, tt := range tests {
		var b strings.Builder
		notePrivate(&b, tt.results)
		if got := b.String(); (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("notePrivate(%s) = %q, want it to hold %q", tt.name, got, tt.want)
		}
	}
}
