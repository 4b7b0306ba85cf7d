package verifier

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/ai-reading-list/linkcheck/status"
)

func TestAuthorized(t *testing.T) {
	a := &API{Host: "api.github.com", Token: "t"}
	tests := []struct {
		url  string
		want bool
	}{
		{"https://api.github.com/repos/a/b", true},
		{"https://API.github.com/repos/a/b", true},
		{"http://api.github.com/repos/a/b", false},
		{"https://api.github.com:8443/repos/a/b", false},
		{"https://github.com/a/b", false},
		{"https://api.github.com.evil.example/repos/a/b", false},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		if got := a.Authorized(u); got != tt.want {
			t.Errorf("Authorized(%s) = %v, want %v", tt.url, got, tt.want)
		}
	}
	u, _ := url.Parse("https://api.github.com/x")
	if (&API{Host: "api.github.com"}).Authorized(u) {
		t.Error("Authorized without a token = true")
	}
}

func TestRedirect(t *testing.T) {
	from, _ := url.Parse("https://api.github.com/repos/a/b")
	loc := func(code int, l string) Reply { return Reply{Code: code, Header: http.Header{"Location": {l}}} }
	tests := []struct {
		name string
		r    Reply
		want string
	}{
		{"absolute", loc(301, "https://api.github.com/repositories/7"), "https://api.github.com/repositories/7"},
		{"relative", loc(307, "/api/models/c/d"), "https://api.github.com/api/models/c/d"},
		{"no location", Reply{Code: 302, Header: http.Header{}}, ""},
		{"not a redirect", loc(200, "/x"), ""},
		{"other scheme", loc(301, "ftp://x/y"), ""},
		{"error", Reply{Code: 301, Err: errors.New("reset")}, ""},
	}
	for _, tt := range tests {
		got := ""
		if u := Redirect(from, tt.r); u != nil {
			got = u.String()
		}
		if got != tt.want {
			t.Errorf("Redirect(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNoAnswer(t *testing.T) {
	if v := NoAnswer("GitHub API", context.DeadlineExceeded); v.Status != status.Timeout || v.Message != "GitHub API: no answer in time" {
		t.Errorf("NoAnswer(deadline) = %v %q", v.Status, v.Message)
	}
	err := &url.Error{Op: "Get", URL: "https://user:pw@x/", Err: errors.New("connection reset by peer")}
	if v := NoAnswer("Hub API", err); v.Status != status.Error || v.Message != "Hub API unavailable: connection reset by peer" {
		t.Errorf("NoAnswer(reset) = %v %q, want the error without its URL", v.Status, v.Message)
	}
}
