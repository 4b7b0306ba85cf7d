package checker

import (
	"context"
	"net"
	"net/http"
	"strings"
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
	w.Handle("lapsed.test", fakeweb.Page("Fine", "<p>fine</p>"))
	w.Handle("to-intranet.test", fakeweb.Redirect(http.StatusFound, "http://10.1.2.3/"))
	o := testOptions(w)
	o.AllowPrivate = false // the fake web is on loopback: every name resolves to a private address
	o.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := w.DialContext(ctx, network, addr)
		if err != nil || strings.HasPrefix(addr, "lapsed.test:") {
			return conn, err
		}
		return publicConn{conn}, nil
	}
	c := newChecker(t, o)
	tests := []struct {
		url     string
		status  status.Status
		network bool
	}{
		// DNS answered with a private address: a failure of the path.
		{"https://lapsed.test/page", status.Broken, true},
		// A redirect named it: the page's own answer.
		{"https://to-intranet.test/page", status.Broken, false},
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
