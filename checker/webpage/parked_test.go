package webpage

import (
	"net/http"
	"net/url"
	"testing"
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
