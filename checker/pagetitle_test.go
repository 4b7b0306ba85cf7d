package checker

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// titled answers code with an HTML page titled title.
func titled(code int, title string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(code)
		fmt.Fprintf(w, "<!DOCTYPE html><html><head><title>%s</title></head><body><p>%s</p></body></html>", title, title)
	})
}

// Only a 2xx answer is the page: an error page's title is the server's,
// and the history would take it for the page's new title.
func TestPageTitleOnlyFrom2xx(t *testing.T) {
	tests := []struct {
		name string
		page http.Handler
		want string
	}{
		{"200", titled(http.StatusOK, "Agents Weekly"), "Agents Weekly"},
		{"203", titled(http.StatusNonAuthoritativeInfo, "Agents Weekly"), "Agents Weekly"},
		{"503 error template", titled(http.StatusServiceUnavailable, "Error"), ""},
		{"502 from a CDN", titled(http.StatusBadGateway, "Bad gateway | Cloudflare"), ""},
		{"404 page", titled(http.StatusNotFound, "Page not found | Agents Weekly"), ""},
		{"403 challenge", fakeweb.Challenge(), ""},
		{"200 challenge", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Cf-Mitigated", "challenge")
			titled(http.StatusOK, "Just a moment...").ServeHTTP(w, r)
		}), ""},
		{"after a redirect", fakeweb.Redirect(http.StatusMovedPermanently, "https://ok.test/new"), "The new home"},
	}
	w := fakeweb.New(t)
	w.Handle("ok.test", fakeweb.Page("The new home", "<p>here</p>"))
	o := testOptions(w)
	o.Retries = NoRetries
	c := newChecker(t, o)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			host := fmt.Sprintf("h%d.test", i)
			w.Handle(host, tt.page)
			r := checkOne(t, c, "https://"+host+"/post")
			if r.PageTitle != tt.want {
				t.Errorf("check(%s) = %s %d, PageTitle %q; want %q", tt.name, r.Status, r.Code, r.PageTitle, tt.want)
			}
		})
	}
}
