package checker

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// cookieLog records the Cookie header of every request a handler sees.
type cookieLog struct {
	mu   sync.Mutex
	seen map[string][]string // host -> Cookie header of each request
}

func (l *cookieLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		l.mu.Lock()
		host, _, _ := strings.Cut(r.Host, ":")
		l.seen[host] = append(l.seen[host], r.Header.Get("Cookie"))
		l.mu.Unlock()
		h.ServeHTTP(rw, r)
	})
}

func (l *cookieLog) get(host string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.seen[host], ",")
}

func (l *cookieLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	clear(l.seen)
}

// TestCookieRedirects: a site that redirects to the same URL with a cookie
// and serves the page once the cookie comes back is fine; cookies go back
// only where the cookie rules allow; the same URL with nothing changed is
// still a loop.
func TestCookieRedirects(t *testing.T) {
	w := fakeweb.New(t)
	log := &cookieLog{seen: map[string][]string{}}
	page := fakeweb.Page("Article", "<h1>Article</h1>")
	w.Handle("news.example", log.wrap(fakeweb.CookieGate("sess", "n1", "", page)))
	consent := http.NewServeMux()
	consent.Handle("/article", fakeweb.CookieGate("ok", "1", "", page))
	consent.Handle("/consent", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		http.SetCookie(rw, &http.Cookie{Name: "ok", Value: "1", Path: "/"})
		http.Redirect(rw, r, "/article", http.StatusFound)
	}))
	w.Handle("consent.example", withGateTo("/consent", consent))
	// github.io is a public suffix: a cookie for all of it is refused.
	w.Handle("alice.github.io", log.wrap(fakeweb.CookieGate("s", "a", "; Domain=github.io", page)))
	w.Handle("bob.github.io", log.wrap(page))
	// A cookie for the site's own domain reaches its other hosts.
	w.Handle("www.shop.example", log.wrap(fakeweb.CookieGate("s", "w", "; Domain=shop.example", fakeweb.Redirect(302, "https://cart.shop.example/basket"))))
	w.Handle("cart.shop.example", log.wrap(page))
	w.Handle("other.example", log.wrap(page))
	w.Handle("insecure.example", log.wrap(fakeweb.CookieGate("s", "i", "; Secure", page)))
	w.Handle("loop.example", fakeweb.CookieLoop("s", "same"))
	c := newChecker(t, testOptions(w))

	tests := []struct {
		url     string
		want    status.Status
		msg     string
		cookies map[string]string // host -> Cookie headers it saw, in order
	}{
		{url: "https://news.example/2025/story", want: status.OK, msg: "HTTP 200",
			cookies: map[string]string{"news.example": ",sess=n1"}},
		{url: "https://consent.example/article", want: status.OK, msg: "HTTP 200"},
		{url: "https://alice.github.io/post", want: status.Broken, msg: "redirect loop",
			cookies: map[string]string{"alice.github.io": ""}},
		{url: "https://bob.github.io/post", want: status.OK,
			cookies: map[string]string{"bob.github.io": ""}},
		{url: "https://www.shop.example/item", want: status.Redirected,
			cookies: map[string]string{"www.shop.example": ",s=w", "cart.shop.example": "s=w"}},
		{url: "https://other.example/", want: status.OK,
			cookies: map[string]string{"other.example": ""}},
		{url: "http://insecure.example/x", want: status.Broken, msg: "redirect loop",
			cookies: map[string]string{"insecure.example": ""}},
		{url: "https://loop.example/x", want: status.Broken, msg: "redirect loop"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			log.reset()
			r := checkOne(t, c, tt.url)
			if r.Status != tt.want || !strings.Contains(r.Message, tt.msg) {
				t.Errorf("check(%s) = %v (%s), want %v (%s)", tt.url, r.Status, r.Message, tt.want, tt.msg)
			}
			if tt.want == status.OK && (r.FinalURL != "" || r.Message != "HTTP 200") {
				t.Errorf("check(%s) = final URL %q, message %q; want none and \"HTTP 200\": the page never moved", tt.url, r.FinalURL, r.Message)
			}
			for host, want := range tt.cookies {
				if got := log.get(host); got != want {
					t.Errorf("check(%s): %s saw Cookie headers %q, want %q", tt.url, host, got, want)
				}
			}
			if s := fmt.Sprintf("%+v", r); strings.Contains(s, "n1") || strings.Contains(s, "sess=") {
				t.Errorf("check(%s) = %s, want no cookie in the result", tt.url, s)
			}
		})
	}
}

// TestCookiesPerRun: every run starts with an empty jar, so one run's
// cookies never reach the next.
func TestCookiesPerRun(t *testing.T) {
	w := fakeweb.New(t)
	log := &cookieLog{seen: map[string][]string{}}
	w.Handle("news.example", log.wrap(fakeweb.CookieGate("sess", "n1", "", fakeweb.Page("Article", ""))))
	c := newChecker(t, testOptions(w))
	for run := range 2 {
		log.reset()
		if r := checkOne(t, c, "https://news.example/story"); r.Status != status.OK {
			t.Errorf("run %d: check = %v (%s), want ok", run, r.Status, r.Message)
		}
		if got := log.get("news.example"); got != ",sess=n1" {
			t.Errorf("run %d: news.example saw Cookie headers %q, want none first, then sess=n1", run, got)
		}
	}
}

// withGateTo sends a request for any path but gate itself to gate when the
// consent cookie is missing, the way consent walls do.
func withGateTo(gate string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("ok"); err != nil && r.URL.Path != gate {
			http.Redirect(rw, r, gate, http.StatusFound)
			return
		}
		h.ServeHTTP(rw, r)
	})
}
