package checker

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestStatuses checks one URL per behaviour of the fake web.
func TestStatuses(t *testing.T) {
	w := fakeweb.New(t)
	mux := http.NewServeMux()
	mux.Handle("/ok", fakeweb.Page("Hello", "<h1>Hello</h1>"))
	mux.Handle("/gone", fakeweb.Status(410))
	mux.Handle("/missing", fakeweb.Status(404))
	mux.Handle("/teapot", fakeweb.Status(418))
	mux.Handle("/auth", fakeweb.Status(401))
	mux.Handle("/forbidden", fakeweb.Status(403))
	mux.Handle("/linkedin", fakeweb.Status(999))
	mux.Handle("/busy", fakeweb.Status(429))
	mux.Handle("/boom", fakeweb.Status(500))
	mux.Handle("/unavailable", fakeweb.Status(503))
	mux.Handle("/challenge", fakeweb.Challenge())
	mux.Handle("/challenge503", fakeweb.ChallengePage(503))
	mux.Handle("/soft", fakeweb.SoftNotFound())
	mux.Handle("/soft-h1", fakeweb.Page("Docs | Example", "<h1>Error 404</h1>"))
	mux.Handle("/hang", fakeweb.Hang())
	mux.Handle("/reset", fakeweb.Reset())
	mux.Handle("/moved", fakeweb.Redirect(301, "https://example.com/ok"))
	mux.Handle("/moved308", fakeweb.Redirect(308, "/ok"))
	mux.Handle("/temp", fakeweb.Redirect(302, "/ok"))
	mux.Handle("/see-other", fakeweb.Redirect(303, "/ok"))
	mux.Handle("/moved-then-gone", fakeweb.Redirect(301, "/missing"))
	mux.Handle("/loop-a", fakeweb.Redirect(302, "/loop-b"))
	mux.Handle("/loop-b", fakeweb.Redirect(302, "/loop-a"))
	mux.Handle("/home-catchall", fakeweb.Redirect(302, "/"))
	mux.Handle("/locale-catchall", fakeweb.Redirect(301, "https://example.com/en/"))
	mux.Handle("/notfound-catchall", fakeweb.Redirect(302, "/404"))
	mux.Handle("/meta", fakeweb.MetaRefresh("/ok"))
	mux.Handle("/no-location", fakeweb.Status(302))
	mux.Handle("/", fakeweb.Page("Home", "<h1>Home</h1>"))
	mux.Handle("/404", fakeweb.Page("Oops", "<h1>Oops</h1>"))
	mux.Handle("/en/", fakeweb.Page("English", "<h1>Welcome</h1>"))
	for i := range MaxRedirects + 1 {
		mux.Handle(fmt.Sprintf("/chain/%d", i), fakeweb.Redirect(302, fmt.Sprintf("/chain/%d", i+1)))
	}
	mux.Handle(fmt.Sprintf("/chain/%d", MaxRedirects+1), fakeweb.Page("End", ""))
	w.Handle("example.com", mux)
	w.Handle("upgrade.example", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.TLS == nil {
			fakeweb.Redirect(302, "https://upgrade.example"+r.URL.Path).ServeHTTP(rw, r)
			return
		}
		fakeweb.Page("Secure", "").ServeHTTP(rw, r)
	}))
	w.Handle("badtls.example", fakeweb.BadTLS(fakeweb.Page("Bad", "")))
	c := newChecker(t, testOptions(w))

	tests := []struct {
		url      string
		want     status.Status
		code     int
		msg      string // a substring of the message
		final    string
		hops     int
		attempts int
	}{
		{url: "https://example.com/ok", want: status.OK, code: 200, msg: "HTTP 200", attempts: 1},
		{url: "http://example.com/ok", want: status.OK, code: 200},
		{url: "https://example.com/gone", want: status.Broken, code: 410, msg: "HTTP 410"},
		{url: "https://example.com/missing", want: status.Broken, code: 404},
		{url: "https://example.com/teapot", want: status.Broken, code: 418},
		{url: "https://nowhere.example/x", want: status.Broken, msg: "no such host nowhere.example"},
		{url: "https://example.com/auth", want: status.Blocked, code: 401},
		{url: "https://example.com/forbidden", want: status.Blocked, code: 403},
		{url: "https://example.com/linkedin", want: status.Blocked, code: 999},
		{url: "https://example.com/busy", want: status.Blocked, code: 429, attempts: 3},
		{url: "https://example.com/challenge", want: status.Blocked, code: 403, msg: "bot challenge", attempts: 1},
		{url: "https://example.com/challenge503", want: status.Blocked, code: 503, msg: "bot challenge", attempts: 1},
		{url: "https://example.com/boom", want: status.Error, code: 500, attempts: 3},
		{url: "https://example.com/unavailable", want: status.Error, code: 503, attempts: 3},
		{url: "https://badtls.example/", want: status.Error, msg: "TLS"},
		{url: "https://example.com/reset", want: status.Error, msg: "connection reset", attempts: 3},
		{url: "https://example.com/hang", want: status.Timeout, msg: "no answer within 2s", attempts: 2}, // a timeout is retried once
		{url: "https://example.com/soft", want: status.Broken, code: 200, msg: "soft 404"},
		{url: "https://example.com/soft-h1", want: status.Broken, code: 200, msg: `soft 404: the page says "Error 404"`},
		{url: "https://example.com/moved", want: status.Moved, code: 200, final: "https://example.com/ok", hops: 1},
		{url: "https://example.com/moved308", want: status.Moved, code: 200, final: "https://example.com/ok", hops: 1},
		{url: "https://example.com/temp", want: status.Redirected, code: 200, final: "https://example.com/ok", hops: 1},
		{url: "https://example.com/see-other", want: status.Redirected, code: 200, hops: 1},
		{url: "http://upgrade.example/page", want: status.Moved, code: 200, msg: "use https://upgrade.example/page", hops: 1},
		{url: "https://example.com/moved-then-gone", want: status.Broken, code: 404, final: "https://example.com/missing", hops: 1},
		{url: "https://example.com/loop-a", want: status.Broken, msg: "redirect loop", hops: 2},
		{url: "https://example.com/chain/0", want: status.Broken, msg: "more than 10 redirects", hops: MaxRedirects + 1},
		{url: "https://example.com/home-catchall", want: status.Broken, msg: "redirected to the site's home page", hops: 1},
		{url: "https://example.com/locale-catchall", want: status.Broken, msg: "catch-all page /en/", hops: 1},
		{url: "https://example.com/notfound-catchall", want: status.Broken, msg: "catch-all page /404", hops: 1},
		{url: "https://example.com/meta", want: status.Redirected, code: 200, msg: "meta refresh", final: "https://example.com/ok", hops: 1},
		{url: "https://example.com/no-location", want: status.Error, code: 302, msg: "without a Location"},
		{url: "ftp://example.com/file", want: status.Broken, msg: "invalid URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := checkOne(t, c, tt.url)
			if r.Status != tt.want {
				t.Errorf("check(%q) = %v (%s), want %v", tt.url, r.Status, r.Message, tt.want)
			}
			if tt.code != 0 && r.Code != tt.code {
				t.Errorf("check(%q).Code = %d, want %d", tt.url, r.Code, tt.code)
			}
			if !strings.Contains(r.Message, tt.msg) {
				t.Errorf("check(%q).Message = %q, want it to contain %q", tt.url, r.Message, tt.msg)
			}
			if tt.final != "" && r.FinalURL != tt.final {
				t.Errorf("check(%q).FinalURL = %q, want %q", tt.url, r.FinalURL, tt.final)
			}
			if len(r.Redirects) != tt.hops {
				t.Errorf("check(%q) has %d hops %v, want %d", tt.url, len(r.Redirects), r.Redirects, tt.hops)
			}
			if tt.attempts != 0 && r.Attempts != tt.attempts {
				t.Errorf("check(%q).Attempts = %d, want %d", tt.url, r.Attempts, tt.attempts)
			}
			if r.Target != result.TargetURL || r.ID != "e" || r.URL != tt.url {
				t.Errorf("check(%q) = target %q, id %q, url %q: want url, e, the URL", tt.url, r.Target, r.ID, r.URL)
			}
		})
	}
}

func TestPageTitleAndMetaHop(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("example.com", fakeweb.Page("A & B", ""))
	w.Handle("meta.example", fakeweb.MetaRefresh("https://example.com/landing"))
	c := newChecker(t, testOptions(w))
	r := checkOne(t, c, "https://meta.example/old")
	if r.PageTitle != "A & B" {
		t.Errorf("PageTitle = %q, want %q", r.PageTitle, "A & B")
	}
	want := []result.Hop{{URL: "https://meta.example/old", Code: 200}}
	if fmt.Sprint(r.Redirects) != fmt.Sprint(want) {
		t.Errorf("Redirects = %v, want %v", r.Redirects, want)
	}
}

func TestRetryThenSuccess(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("flaky.example", fakeweb.Sequence(
		fakeweb.WithHeader("Retry-After", "0", fakeweb.Status(503)),
		fakeweb.Status(502),
		fakeweb.Page("Fine", ""),
	))
	c := newChecker(t, testOptions(w))
	r := checkOne(t, c, "https://flaky.example/")
	if r.Status != status.OK || r.Attempts != 3 {
		t.Errorf("check(flaky) = %v after %d attempts (%s), want ok after 3", r.Status, r.Attempts, r.Message)
	}
	if got := w.Requests("flaky.example"); got != 3 {
		t.Errorf("flaky.example got %d requests, want 3", got)
	}
}
