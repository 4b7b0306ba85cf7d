package webpage

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/status"
)

// TestRecorded: a recorded answer is judged by the page rules that need
// no other request; only a live page is OK.
func TestRecorded(t *testing.T) {
	orig, _ := url.Parse("https://notes.example/posts/tidy-logs")
	html := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	page := func(title, h1 string) string {
		return "<html><head><title>" + title + "</title></head><body><h1>" + h1 + "</h1><p>text</p></body></html>"
	}
	tests := []struct {
		name   string
		code   int
		header http.Header
		body   string
		want   status.Status
		msg    string // a part of the message
	}{
		{"live page", 200, html, page("Notes on tidy logs", "Notes on tidy logs"), status.OK, "HTTP 200"},
		{"not-found title", 200, html, page("404 Not Found", ""), status.Broken, `soft 404: the page says "404 Not Found"`},
		{"not-found heading", 200, html, page("Quiet Notes", "Oops! That page can’t be found."), status.Broken, "soft 404"},
		{"heading opening the title", 200, html, page("Error 404: A Short History of the Web", "Error 404"), status.OK, "HTTP 200"},
		{"parked", 200, html, page("This domain is for sale!", ""), status.Broken, parkedMessage},
		{"parked by its host", 200, html, page("notes.example is for sale | HugeDomains", ""), status.Broken, parkedMessage},
		{"bot challenge", 200, html, page("Just a moment...", ""), status.Blocked, "bot challenge"},
		{"recorded 404", 404, html, page("Not Found", ""), status.Broken, "HTTP 404"},
		{"recorded 500", 500, html, page("Error", ""), status.Error, "HTTP 500"},
		{"a file", 200, http.Header{"Content-Type": {"application/pdf"}}, "%PDF-1.7", status.OK, "HTTP 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, msg := Recorded(orig, tt.code, tt.header, strings.NewReader(tt.body))
			if st != tt.want || !strings.Contains(msg, tt.msg) {
				t.Errorf("Recorded(%d, %q) = %v %q, want %v with %q", tt.code, tt.body, st, msg, tt.want, tt.msg)
			}
		})
	}
}

// TestGone: only a broken check whose answer says the page is no more is
// gone.
func TestGone(t *testing.T) {
	tests := []struct {
		name   string
		st     status.Status
		a      answer
		parked string
		want   bool
	}{
		{"404", status.Broken, answer{code: 404}, "", true},
		{"410", status.Broken, answer{code: 410}, "", true},
		{"soft 404 or catch-all page", status.Broken, answer{code: 200}, "", true},
		{"sale service refusing robots", status.Broken, answer{code: 403}, parkedMessage, true},
		{"no such host", status.Broken, answer{err: &net.DNSError{Err: "no such host", Name: "gone.example", IsNotFound: true}}, "", true},
		{"another 4xx", status.Broken, answer{code: 400}, "", false},
		{"redirect loop", status.Broken, answer{err: errRedirectLoop}, "", false},
		{"private address", status.Broken, answer{err: errors.New("private address")}, "", false},
		{"DNS failure", status.Error, answer{err: &net.DNSError{Err: "server misbehaving", Name: "x.example"}}, "", false},
		{"blocked", status.Blocked, answer{code: 403}, "", false},
		{"timeout", status.Timeout, answer{err: errors.New("timed out")}, "", false},
		{"ok", status.OK, answer{code: 200}, "", false},
	}
	for _, tt := range tests {
		if got := gone(tt.st, tt.a, tt.parked); got != tt.want {
			t.Errorf("%s: gone(%v, %+v) = %v, want %v", tt.name, tt.st, tt.a, got, tt.want)
		}
	}
}
