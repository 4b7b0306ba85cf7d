package checker

import (
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestParkedDomainIsBroken(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("lapsed.example", fakeweb.Page("lapsed.example is for sale | HugeDomains", "<h1>Make an offer</h1>"))
	w.Handle("godaddy-parked.example", fakeweb.Page("godaddy-parked.example", "<h1>Future home of something quite cool.</h1>"))
	w.Handle("sold.example", fakeweb.Redirect(http.StatusFound, "https://www.afternic.com/forsale/sold.example"))
	w.Handle("www.afternic.com", fakeweb.Status(http.StatusForbidden))
	w.Handle("shop.example", fakeweb.Page("Cars for sale | Shop", "<h1>Buy this car</h1>"))
	// A lapsed domain sent to a lander of another name, which names the
	// catalog URL's domain, or a domain met on the way.
	w.Handle("old-domain.example", fakeweb.Redirect(http.StatusMovedPermanently, "http://lander.example/listing?d=old-domain.example"))
	w.Handle("lander.example", fakeweb.Page("old-domain.example is for sale", "<h1>Make an offer</h1>"))
	w.Handle("short.example", fakeweb.Redirect(http.StatusMovedPermanently, "https://hop.example/x"))
	w.Handle("hop.example", fakeweb.Redirect(http.StatusFound, "https://lander2.example/?d=hop.example"))
	w.Handle("lander2.example", fakeweb.Page("Offers", "<h1>hop.example may be for sale</h1>"))
	w.Handle("refusing.example", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "text/html")
		rw.WriteHeader(http.StatusForbidden)
		_, _ = rw.Write([]byte("<title>This domain is for sale!</title>"))
	}))
	c := newChecker(t, testOptions(w))
	tests := []struct {
		url  string
		want status.Status
		msg  string
	}{
		{"https://lapsed.example/", status.Broken, "domain parked / for sale: the page says “lapsed.example is for sale | HugeDomains”"},
		{"https://godaddy-parked.example/blog/post", status.Broken, "domain parked / for sale: the page says “Future home of something quite cool.”"},
		// The sale service refuses robots; where the link leads is enough.
		{"https://sold.example/paper", status.Broken, "domain parked / for sale: redirected to www.afternic.com"},
		{"http://old-domain.example/post", status.Broken, "domain parked / for sale: the page says “old-domain.example is for sale”"},
		{"https://short.example/abc", status.Broken, "domain parked / for sale: the page says “hop.example may be for sale”"},
		{"https://shop.example/", status.OK, "HTTP 200"},
		// Only a page that answered fine is read for its words.
		{"https://refusing.example/", status.Blocked, "HTTP 403"},
	}
	for _, tt := range tests {
		r := checkOne(t, c, tt.url)
		if r.Status != tt.want || r.Message != tt.msg {
			t.Errorf("check(%s) = %v %q, want %v %q", tt.url, r.Status, r.Message, tt.want, tt.msg)
		}
	}
}
