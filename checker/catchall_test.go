package checker

import (
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestCatchAllOnTheWire: the same judgments through real redirects.
func TestCatchAllOnTheWire(t *testing.T) {
	w := fakeweb.New(t)
	site := http.NewServeMux()
	site.Handle("/index.html", fakeweb.Redirect(301, "/"))
	site.Handle("/en/", fakeweb.Redirect(302, "/en-us/"))
	site.Handle("/en-us/", fakeweb.Page("Welcome", ""))
	site.Handle("/old-post", fakeweb.Redirect(301, "/"))
	site.Handle("/{$}", fakeweb.Page("Home", ""))
	w.Handle("a.example", site)
	short := http.NewServeMux()
	short.Handle("/abc", fakeweb.Redirect(301, "https://a.example/"))
	short.Handle("/gone1", fakeweb.Redirect(301, "https://a.example/old-post"))
	w.Handle("t.co", short)
	c := newChecker(t, testOptions(w))
	tests := []struct {
		url  string
		want status.Status
	}{
		{"https://a.example/index.html", status.Moved},
		{"https://a.example/en/", status.Redirected},
		{"https://t.co/abc", status.Moved},
		{"https://t.co/gone1", status.Broken},
		{"https://a.example/old-post", status.Broken},
	}
	for _, tt := range tests {
		if r := checkOne(t, c, tt.url); r.Status != tt.want {
			t.Errorf("check(%s) = %v (%s), want %v", tt.url, r.Status, r.Message, tt.want)
		}
	}
}
