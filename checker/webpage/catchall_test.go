package webpage

import (
	"net/url"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestCatchAll: a deep page sent to a home or catch-all page is retired;
// the same page spelled another way, a locale switch, a home page moving,
// a shortlink or identifier resolver reaching the site it names, and a
// section moving to a subdomain of its own are not.
func TestCatchAll(t *testing.T) {
	tests := []struct {
		name  string
		chain []string // the URLs of the chain: the catalog's first, then each hop's target
		want  status.Status
		msg   string
	}{
		// Retired pages.
		{"deep to root", []string{"https://a.example/post/1", "https://a.example/"}, status.Broken, "home page"},
		{"deep to index file", []string{"https://a.example/post/1", "https://a.example/index.html"}, status.Broken, "home page"},
		{"deep to other site's root", []string{"https://a.example/post/1", "https://b.example"}, status.Broken, "home page"},
		{"deep to /404", []string{"https://a.example/post", "https://a.example/404"}, status.Broken, "catch-all page /404"},
		{"deep to /home", []string{"https://a.example/post", "https://a.example/home"}, status.Broken, "catch-all page /home"},
		{"deep to locale", []string{"https://a.example/docs/x", "https://a.example/en-us/"}, status.Broken, "catch-all page /en-us/"},
		{"deep to locale index", []string{"https://a.example/docs/x", "https://a.example/en/index.html"}, status.Broken, "catch-all page /en/index.html"},
		{"deep to localized 404", []string{"https://a.example/docs/x", "https://a.example/en/404"}, status.Broken, "catch-all page /en/404"},
		{"word on an acquired site", []string{"https://old.example/about", "https://acquirer.example/"}, status.Broken, "home page"},
		{"shortlink to a retired page", []string{"https://t.co/abc", "https://a.example/old-post", "https://a.example/"}, status.Broken, "home page"},
		{"shortlink to a catch-all page", []string{"https://t.co/abc", "https://a.example/404"}, status.Broken, "catch-all page /404"},
		{"shortlink to its own home", []string{"https://bit.ly/3xYz12", "https://bit.ly/"}, status.Broken, "home page"},
		{"resolver to its own home", []string{"https://doi.org/10.1000/xyz123", "https://doi.org/"}, status.Broken, "home page"},
		{"deep section page to subdomain", []string{"https://a.example/blog/post-1", "https://blog.a.example/"}, status.Broken, "home page"},
		{"section to another site's subdomain", []string{"https://a.example/blog", "https://blog.b.example/"}, status.Broken, "home page"},
		{"wiki page by query", []string{"https://a.example/index.php?title=Old_page", "https://a.example/"}, status.Broken, "home page"},
		{"locale page by query", []string{"https://a.example/en/?doc=42", "https://a.example/en/"}, status.Broken, "catch-all page /en/"},

		// Not retired.
		{"index file to root", []string{"https://a.example/index.html", "https://a.example/"}, status.Moved, ""},
		{"index file to www root", []string{"https://a.example/index.html", "https://www.a.example/"}, status.Moved, ""},
		{"dir index to dir", []string{"https://a.example/docs/index.html", "https://a.example/docs/"}, status.Moved, ""},
		{"home to root", []string{"https://a.example/home", "https://a.example/"}, status.Moved, ""},
		{"locale switch", []string{"https://a.example/en/", "https://a.example/en-us/"}, status.Moved, ""},
		{"locale to root", []string{"https://a.example/de", "https://a.example/"}, status.Moved, ""},
		{"locale index to locale", []string{"https://a.example/en/index.html", "https://a.example/en/"}, status.Moved, ""},
		{"t.co to a site", []string{"https://t.co/abc", "https://a.example/"}, status.Moved, ""},
		{"bit.ly to a locale landing", []string{"https://bit.ly/3xYz12", "https://a.example/en/"}, status.Moved, ""},
		{"shortlink chain", []string{"https://t.co/abc", "https://bit.ly/3xYz12", "https://a.example/"}, status.Moved, ""},
		{"doi resolver", []string{"https://doi.org/10.1000/xyz123", "https://publisher.example/"}, status.Moved, ""},
		{"handle resolver", []string{"https://hdl.handle.net/1721.1/12345", "https://repo.example/"}, status.Moved, ""},
		{"arxiv abs resolver", []string{"https://arxiv.org/abs/2301.00001", "https://project.example/"}, status.Moved, ""},
		{"code on a short domain", []string{"https://nyti.ms/2QrTz7M", "https://www.nytimes.com/"}, status.Moved, ""},
		{"section to its subdomain", []string{"https://a.example/blog", "https://blog.a.example/"}, status.Moved, ""},
		{"same page, www", []string{"https://a.example/x/", "https://www.a.example/x"}, status.Moved, ""},
		{"root to locale", []string{"https://a.example/", "https://a.example/en/"}, status.Moved, ""},
		{"root with a query", []string{"https://a.example/?utm_source=feed", "https://a.example/"}, status.Moved, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hops []result.Hop
			for _, u := range tt.chain[:len(tt.chain)-1] {
				hops = append(hops, result.Hop{URL: u, Code: 301})
			}
			orig, _ := url.Parse(tt.chain[0])
			final, _ := url.Parse(tt.chain[len(tt.chain)-1])
			got, msg := judgeChain(orig, hops, final)
			if got != tt.want || !strings.Contains(msg, tt.msg) {
				t.Errorf("judgeChain(%v) = %v, %q; want %v, %q", tt.chain, got, msg, tt.want, tt.msg)
			}
		})
	}
}
