package webpage

import (
	"net/url"
	"strings"
)

// visitKey identifies a visit of u for loop detection: the URL, normalized
// (so that "HTTPS://Example.COM:443/x" is "https://example.com/x"), and the
// cookies the request would carry. Coming back to a URL with a new cookie
// is progress (a cookie or consent wall); the same URL with the same
// cookies is a loop.
func (f *Fetcher) visitKey(u *url.URL) string {
	var b strings.Builder
	b.WriteString(FetchKey(u.String()))
	if f.client.Jar != nil {
		for _, c := range f.client.Jar.Cookies(u) {
			b.WriteString("\n" + c.Name + "=" + c.Value)
		}
	}
	return b.String()
}
