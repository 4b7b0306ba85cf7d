package fakeweb

import (
	"fmt"
	"html"
	"net/http"
)

// CookieGate answers a request that lacks the cookie name=value with a 302
// back to the very same URL and a Set-Cookie (attrs appended, e.g.
// "; Domain=example.org"), and serves h once the cookie comes back, the way
// many news and publisher sites do.
func CookieGate(name, value, attrs string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie(name); err == nil && c.Value == value {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Set-Cookie", fmt.Sprintf("%s=%s; Path=/%s", name, value, attrs))
		w.Header().Set("Location", r.URL.RequestURI())
		w.WriteHeader(http.StatusFound)
	})
}

// CookieLoop redirects every request to its own URL and sets the same
// cookie each time, whether or not it came back: a real loop.
func CookieLoop(name, value string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", fmt.Sprintf("%s=%s; Path=/", name, value))
		w.Header().Set("Location", r.URL.RequestURI())
		w.WriteHeader(http.StatusFound)
	})
}

// MetaRefreshAfter serves a 200 HTML page with a <meta http-equiv="refresh">
// of delay seconds to to (written as given: relative, absolute, with a
// fragment), like a live leaderboard reloading itself.
func MetaRefreshAfter(delay int, to string) http.Handler {
	return document("Live board",
		fmt.Sprintf(`<meta http-equiv="refresh" content="%d; url=%s">`, delay, html.EscapeString(to)), "<h1>Live board</h1>")
}
