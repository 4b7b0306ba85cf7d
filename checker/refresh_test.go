package checker

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestMetaRefreshToItself: a page that refreshes itself (a live
// leaderboard) is a page, not a redirect and not a loop, however the
// refresh names it; a refresh elsewhere is still followed.
func TestMetaRefreshToItself(t *testing.T) {
	w := fakeweb.New(t)
	mux := http.NewServeMux()
	mux.Handle("/board", fakeweb.MetaRefreshAfter(5, "https://example.com/board"))
	mux.Handle("/now", fakeweb.MetaRefreshAfter(0, "https://example.com/now"))
	mux.Handle("/rel", fakeweb.MetaRefreshAfter(5, "rel"))
	mux.Handle("/dir/", fakeweb.MetaRefreshAfter(5, "./"))
	mux.Handle("/frag", fakeweb.MetaRefreshAfter(5, "#top"))
	mux.Handle("/pathfrag", fakeweb.MetaRefreshAfter(5, "/pathfrag#scores"))
	mux.Handle("/case", fakeweb.MetaRefreshAfter(5, "HTTPS://Example.COM:443/case"))
	mux.Handle("/query", fakeweb.MetaRefreshAfter(5, "/query?tab=all"))
	mux.Handle("/scheme", fakeweb.MetaRefreshAfter(5, "http://example.com/scheme"))
	mux.Handle("/old", fakeweb.Redirect(301, "/board"))
	mux.Handle("/next", fakeweb.MetaRefreshAfter(5, "/board"))
	mux.Handle("/spelled", fakeweb.Redirect(302, "HTTPS://Example.COM:443/spelled"))
	w.Handle("example.com", mux)
	c := newChecker(t, testOptions(w))
	tests := []struct {
		url  string
		want status.Status
		msg  string
		hops int
	}{
		{"https://example.com/board", status.OK, "HTTP 200", 0},
		{"https://example.com/now", status.OK, "HTTP 200", 0},
		{"https://example.com/rel", status.OK, "HTTP 200", 0},
		{"https://example.com/dir/", status.OK, "HTTP 200", 0},
		{"https://example.com/frag", status.OK, "HTTP 200", 0},
		{"https://example.com/pathfrag#scores", status.OK, "HTTP 200", 0},
		{"https://example.com/case", status.OK, "HTTP 200", 0},
		{"https://example.com/query?tab=all", status.OK, "HTTP 200", 0},
		{"https://example.com/scheme", status.OK, "HTTP 200", 0}, // a hard-coded http URL of the page itself
		{"https://example.com/old", status.Moved, "moved permanently (301) to https://example.com/board", 1},
		{"https://example.com/next", status.Redirected, "meta refresh to https://example.com/board", 1},
		// A loop is a loop however the URL is spelled: found on the first return.
		{"https://example.com/spelled", status.Broken, "redirect loop", 1},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := checkOne(t, c, tt.url)
			if r.Status != tt.want || !strings.Contains(r.Message, tt.msg) || len(r.Redirects) != tt.hops {
				t.Errorf("check(%s) = %v (%s) after %d hops, want %v (%s) after %d", tt.url, r.Status, r.Message, len(r.Redirects), tt.want, tt.msg, tt.hops)
			}
		})
	}
}
