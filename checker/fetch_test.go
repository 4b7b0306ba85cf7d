package checker

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestRedirectChains: every hop is recorded with its code, exactly
// MaxRedirects hops are still followed, and a chain that ends in a failure
// is judged by that failure with the chain kept.
func TestRedirectChains(t *testing.T) {
	w := fakeweb.New(t)
	mux := http.NewServeMux()
	for i := range MaxRedirects {
		mux.Handle(fmt.Sprintf("/ten/%d", i), fakeweb.Redirect(302, fmt.Sprintf("/ten/%d", i+1)))
	}
	mux.Handle(fmt.Sprintf("/ten/%d", MaxRedirects), fakeweb.Page("End", ""))
	mux.Handle("/a", fakeweb.Redirect(301, "/b"))
	mux.Handle("/b", fakeweb.Redirect(302, "https://example.com/c"))
	mux.Handle("/c", fakeweb.Page("C", ""))
	mux.Handle("/to-nowhere", fakeweb.Redirect(301, "https://nowhere.example/x"))
	mux.Handle("/to-hang", fakeweb.Redirect(302, "/hang"))
	mux.Handle("/hang", fakeweb.Hang())
	mux.Handle("/to-ftp", fakeweb.Redirect(301, "ftp://example.com/file"))
	mux.Handle("/cred", fakeweb.Redirect(302, "/missing"))
	mux.Handle("/missing", fakeweb.Status(404))
	w.Handle("example.com", mux)
	c := newChecker(t, testOptions(w))

	tests := []struct {
		url   string
		want  status.Status
		msg   string
		hops  string // the recorded chain
		final string
	}{
		{url: "https://example.com/ten/0", want: status.Redirected, msg: "redirected (302)",
			hops: "https://example.com/ten/0 302 https://example.com/ten/1 302 https://example.com/ten/2 302 " +
				"https://example.com/ten/3 302 https://example.com/ten/4 302 https://example.com/ten/5 302 " +
				"https://example.com/ten/6 302 https://example.com/ten/7 302 https://example.com/ten/8 302 " +
				"https://example.com/ten/9 302",
			final: "https://example.com/ten/10"},
		{url: "https://example.com/a", want: status.Moved, msg: "moved permanently (301) to https://example.com/c",
			hops: "https://example.com/a 301 https://example.com/b 302", final: "https://example.com/c"},
		{url: "https://example.com/to-nowhere", want: status.Broken, msg: "no such host nowhere.example",
			hops: "https://example.com/to-nowhere 301", final: "https://nowhere.example/x"},
		{url: "https://example.com/to-hang", want: status.Timeout, msg: "no answer within",
			hops: "https://example.com/to-hang 302", final: "https://example.com/hang"},
		{url: "https://example.com/to-ftp", want: status.Error, msg: `redirect to a URL that cannot be checked: "ftp://example.com/file"`},
		{url: "https://user:s3cret@example.com/cred", want: status.Broken, msg: "HTTP 404 (after 1 redirect to https://xxxxx@example.com/missing)",
			hops: "https://xxxxx@example.com/cred 302", final: "https://xxxxx@example.com/missing"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := checkOne(t, c, tt.url)
			if r.Status != tt.want || !strings.Contains(r.Message, tt.msg) {
				t.Errorf("check(%s) = %v (%s), want %v (%s)", tt.url, r.Status, r.Message, tt.want, tt.msg)
			}
			var hops []string
			for _, h := range r.Redirects {
				hops = append(hops, fmt.Sprint(h.URL, " ", h.Code))
			}
			if got := strings.Join(hops, " "); got != tt.hops {
				t.Errorf("check(%s).Redirects = %s, want %s", tt.url, got, tt.hops)
			}
			if r.FinalURL != tt.final {
				t.Errorf("check(%s).FinalURL = %q, want %q", tt.url, r.FinalURL, tt.final)
			}
			if s := fmt.Sprintf("%+v", r); strings.Contains(s, "s3cret") {
				t.Errorf("check(%s) = %s, want the password redacted everywhere", tt.url, s)
			}
		})
	}
}

// TestHeadFallback: a URL whose body is not needed gets a HEAD; a GET
// follows only when the HEAD answer cannot be trusted or the page must be
// read, never after a host asked to slow down.
func TestHeadFallback(t *testing.T) {
	w := fakeweb.New(t)
	hosts := map[string]http.Handler{
		"h405.example":  fakeweb.HeadRefused(405),
		"h501.example":  fakeweb.HeadRefused(501),
		"h400.example":  fakeweb.HeadRefused(400),
		"h403.example":  fakeweb.HeadRefused(403),
		"h404.example":  fakeweb.HeadRefused(404),
		"page.example":  fakeweb.Page("A landing page", ""),
		"file.example":  fakeweb.WithHeader("Content-Type", "application/pdf", fakeweb.Status(200)),
		"busy.example":  fakeweb.Status(429),
		"gone.example":  fakeweb.Status(410),
		"flaky.example": fakeweb.Status(503),
	}
	for host, h := range hosts {
		w.Handle(host, h)
	}
	c := newChecker(t, testOptions(w)) // 2 retries
	tests := []struct {
		host string
		want status.Status
		get  bool // whether a GET followed the HEAD
	}{
		{"h405.example", status.OK, true},
		{"h501.example", status.OK, true},
		{"h400.example", status.OK, true},
		{"h403.example", status.OK, true},
		{"h404.example", status.OK, true},
		{"page.example", status.OK, true}, // HTML: read it for title and soft 404
		{"file.example", status.OK, false},
		{"gone.example", status.Broken, true},
		{"busy.example", status.Blocked, false},
		{"flaky.example", status.Error, false},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			u := "https://" + tt.host + "/paper.pdf"
			r := checkOne(t, c, u)
			if r.Status != tt.want {
				t.Errorf("check(%s) = %v (%s), want %v", u, r.Status, r.Message, tt.want)
			}
			var methods []string
			for _, req := range w.Log() {
				if req.Host == tt.host {
					methods = append(methods, req.Method)
				}
			}
			sentGET := slices.Contains(methods, http.MethodGet)
			if len(methods) == 0 || methods[0] != http.MethodHead || sentGET != tt.get {
				t.Errorf("check(%s) sent %v, want a HEAD first and a GET after it: %v", u, methods, tt.get)
			}
		})
	}
}

// TestBodyCap: a page is read up to MaxBodyBytes (1 MiB by default) and no
// further, so a "not found" heading past the cap goes unseen.
func TestBodyCap(t *testing.T) {
	w := fakeweb.New(t)
	lateHeading := func(filler int) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(rw, "<!DOCTYPE html><html><head><title>Docs</title></head><body>")
			io.WriteString(rw, strings.Repeat("<p>filler</p>\n", filler/14))
			io.WriteString(rw, "<h1>Page not found</h1></body></html>")
		})
	}
	w.Handle("near.example", lateHeading(512<<10))
	w.Handle("far.example", lateHeading(2<<20))
	tests := []struct {
		url      string
		maxBytes int64
		want     status.Status
	}{
		{"https://near.example/", 0, status.Broken}, // 512 KiB in: read
		{"https://far.example/", 0, status.OK},      // 2 MiB in: past the default cap
		{"https://near.example/", 64 << 10, status.OK},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.url, tt.maxBytes), func(t *testing.T) {
			o := testOptions(w)
			o.MaxBodyBytes = tt.maxBytes
			o.RequestTimeout = 5e9
			r := checkOne(t, newChecker(t, o), tt.url)
			if r.Status != tt.want || r.PageTitle != "Docs" {
				t.Errorf("check(%s) with MaxBodyBytes %d = %v (%s), title %q; want %v, title Docs",
					tt.url, tt.maxBytes, r.Status, r.Message, r.PageTitle, tt.want)
			}
		})
	}
}
