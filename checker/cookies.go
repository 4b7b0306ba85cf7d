package checker

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// runClient returns the client of one run: the Checker's, over the run's
// per-host connections, with a cookie jar of its own. Many news and publisher sites answer a first visit with
// a redirect to the same URL and a cookie, and serve the page once the
// cookie comes back; without a jar that is an endless loop. The jar lives
// in memory for the run only, follows RFC 6265's scoping (with the public
// suffix list, so no cookie spans all of github.io or co.uk), and is never
// written anywhere. http.Client consults it on every request, and so on
// every hop, since redirects are followed by hand one request at a time.
func (c *Checker) runClient(conns *hostConns) *http.Client {
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List}) // never fails
	client := *c.client
	client.Jar = jar
	client.Transport = c.guarded(conns)
	return &client
}

// visitKey identifies a visit of u for loop detection: the URL, normalized
// (so that "HTTPS://Example.COM:443/x" is "https://example.com/x"), and the
// cookies the request would carry. Coming back to a URL with a new cookie
// is progress (a cookie or consent wall); the same URL with the same
// cookies is a loop.
func (f *fetcher) visitKey(u *url.URL) string {
	var b strings.Builder
	b.WriteString(normalizeURL(u.String()))
	if f.client.Jar != nil {
		for _, c := range f.client.Jar.Cookies(u) {
			b.WriteString("\n" + c.Name + "=" + c.Value)
		}
	}
	return b.String()
}
