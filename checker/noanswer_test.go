package checker

import (
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// The flake tolerance of later runs depends on telling a page that is gone
// (an HTTP answer) from a path that failed (no answer at all).
func TestNetworkFailure(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("gone.test", fakeweb.Status(http.StatusNotFound))
	w.Handle("soft.test", fakeweb.SoftNotFound())
	w.Handle("loop.test", fakeweb.Redirect(http.StatusMovedPermanently, "https://loop.test/"))
	w.Handle("reset.test", fakeweb.Reset())
	w.Handle("ok.test", fakeweb.Page("Fine", "<p>fine</p>"))
	c := newChecker(t, testOptions(w))
	tests := []struct {
		url     string
		status  status.Status
		network bool
	}{
		{"https://nowhere.test/page", status.Broken, true}, // DNS: no such host
		{"https://reset.test/page", status.Error, true},
		{"https://gone.test/page", status.Broken, false},
		{"https://soft.test/page", status.Broken, false},
		{"https://loop.test/", status.Broken, false},
		{"https://ok.test/page", status.OK, false},
	}
	for _, tt := range tests {
		r := checkOne(t, c, tt.url)
		if r.Status != tt.status || r.NetworkFailure != tt.network {
			t.Errorf("check(%s) = %v, NetworkFailure %v, want %v, %v (%s)", tt.url, r.Status, r.NetworkFailure, tt.status, tt.network, r.Message)
		}
	}
}
