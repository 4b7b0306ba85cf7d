package checker

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// The examples are titles and headings of real parking and sale pages, and
// of real pages that only talk about selling or parking.
func TestParkedText(t *testing.T) {
	tests := []struct {
		text, host string
		want       bool
	}{
		{"Example.com is for sale | HugeDomains", "www.example.com", true},
		{"The domain name agentbench.io is for sale", "agentbench.io", true},
		{"agentbench.io is for sale", "agentbench.io", true},
		{"This domain is for sale!", "x.org", true},
		{"Buy this domain", "x.org", true},
		{"This Web page is parked FREE, courtesy of GoDaddy.com.", "x.org", true},
		{"Future home of something quite cool.", "x.org", true},
		{"Diese Domain steht zum Verkauf!", "x.de", true},
		{"This domain may be for sale", "x.org", true},
		{"THIS   DOMAIN\nIS PARKED", "x.org", true},
		{"Domain for sale", "swebench.example", true},
		{"Domain for Sale!", "x.org", true},
		{"Parked Domain", "x.org", true},
		{"Premium domain for sale.", "x.org", true},

		{"Cars for sale in Berlin", "cars.example", false},
		{"Is OpenAI for sale?", "news.example", false},
		{"twitter.com is for sale, says a report", "news.example", false},
		{"What is a parked domain? | Namecheap Blog", "www.namecheap.com", false},
		{"Parking lot occupancy with YOLOv8", "blog.example", false},
		{"Selling LLM agents: a field guide", "blog.example", false},
		{"Buy this book", "press.example", false},
		{"Domain adaptation for sale forecasting", "arxiv.org", false},
		{"Domain for sale forecasting", "arxiv.org", false},
		{"Parked domain detection with machine learning", "blog.example", false},
		{"Is this domain for sale? How to find out", "blog.example", false},
		{"", "x.org", false},
	}
	for _, tt := range tests {
		if got := parkedText(tt.text, tt.host); got != tt.want {
			t.Errorf("parkedText(%q, %q) = %v, want %v", tt.text, tt.host, got, tt.want)
		}
	}
}

func TestParkedRedirectTarget(t *testing.T) {
	tests := []struct {
		orig, final string
		want        bool
	}{
		{"https://agents.example/", "https://www.hugedomains.com/domain_profile.cfm?d=agents.example", true},
		{"https://agents.example/post", "https://www.afternic.com/forsale/agents.example?traffic_id=x", true},
		{"https://agents.example/", "https://dan.com/buy-domain/agents.example", true},
		{"https://agents.example/", "https://sedo.com/search/details/?domain=agents.example", true},
		{"https://agents.example/", "https://www.godaddy.com/forsale/agents.example", true},
		{"http://agents.example/", "http://parkingpage.namecheap.com/?d=agents.example", true},
		// The same services' other pages, and links to the services themselves.
		{"https://agents.example/", "https://www.godaddy.com/hosting", false},
		{"https://www.namecheap.com/", "https://www.namecheap.com/domains/", false},
		{"https://www.hugedomains.com/", "https://www.hugedomains.com/about", false},
		{"https://agents.example/", "https://notdan.com/", false},
		{"https://agents.example/", "https://agents.example/", false},
	}
	for _, tt := range tests {
		o, _ := url.Parse(tt.orig)
		f, _ := url.Parse(tt.final)
		if got := parked(o, nil, f, http.StatusOK, nil) != ""; got != tt.want {
			t.Errorf("parked(%s → %s) = %v, want %v", tt.orig, tt.final, got, tt.want)
		}
	}
}

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
