package checker

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// fakeSite is a site: pages at known paths, and what it answers for every
// other path, counted (a made-up path is always an unknown one).
type fakeSite struct {
	mu      sync.Mutex
	pages   map[string]http.Handler
	unknown http.Handler
	probes  int
}

func (s *fakeSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h, ok := s.pages[r.URL.Path]; ok {
		h.ServeHTTP(w, r)
		return
	}
	s.mu.Lock()
	s.probes++
	s.mu.Unlock()
	s.unknown.ServeHTTP(w, r)
}

func (s *fakeSite) probed() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.probes
}

// echoing answers 200 with a not-found template that names the path it
// was asked for, as many blog themes do.
func echoing(title, h1 string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fakeweb.Page(title, "<h1>"+h1+"</h1><p>Nothing lives at "+r.URL.Path+". Try the archive.</p>").ServeHTTP(w, r)
	})
}

// TestSoftNotFoundByTheSitesEvidence: a page's words make it suspicious;
// the site's answer to a made-up path decides.
func TestSoftNotFoundByTheSitesEvidence(t *testing.T) {
	w := fakeweb.New(t)
	media := &fakeSite{unknown: fakeweb.Status(http.StatusNotFound), pages: map[string]http.Handler{
		"/openai-agents-browsing/": fakeweb.Page("OpenAI Is Training Agents on Your Browsing | 404 Media", "<h1>OpenAI Is Training Agents on Your Browsing</h1>"),
		"/data-brokers-location/":  fakeweb.Page("Data Brokers Sell Your Location | 404 Media", "<h1>Data Brokers Sell Your Location</h1>"),
		"/":                        fakeweb.Page("404 Media", "<h1>404 Media</h1>"),
		// A platform that answers a removed post with a 200 "Page not
		// found", while unknown paths get a real 404.
		"/removed-post/": fakeweb.Page("Page not found | 404 Media", "<h1>Page not found</h1>"),
	}}
	w.Handle("www.404media.example", media)
	papers := &fakeSite{unknown: fakeweb.Status(http.StatusGone), pages: map[string]http.Handler{
		"/blog/answer-not-found-in-context": fakeweb.Page("When the Answer Is Not Found in the Context: Diagnosing RAG Failures", "<h1>Diagnosing RAG failures</h1>"),
		"/essays/error-404-history":         fakeweb.Page("Error 404: A Short History of the Web's Most Famous Status Code", "<h1>Error 404</h1>"),
	}}
	w.Handle("papers.example", papers)
	lost := echoing("Lost? – Quiet Notes", "Lost?")
	quiet := &fakeSite{unknown: lost, pages: map[string]http.Handler{
		"/":                        fakeweb.Page("Quiet Notes", "<h1>Quiet Notes</h1><p>Essays on logs and agents.</p>"),
		"/posts/why-agents-forget": lost, // retired: the theme's template answers

		"/posts/notes-on-tidy-logs/": fakeweb.Page("Notes on tidy logs – Quiet Notes", "<h1>Notes on tidy logs</h1>"),
		"/posts/moved-to-archive":    fakeweb.Redirect(http.StatusMovedPermanently, "/posts/why-agents-forget"),
	}}
	w.Handle("quiet.example", quiet)
	shell := fakeweb.Page("Quiet App", `<div id="root"></div><script src="/app.js"></script>`)
	spa := &fakeSite{unknown: shell, pages: map[string]http.Handler{"/": shell, "/docs/getting-started-guide": shell}}
	w.Handle("app.example", spa)
	plain := &fakeSite{unknown: fakeweb.Page("Lost", "<h1>Lost</h1>"), pages: map[string]http.Handler{
		"/research/building-effective-agents": fakeweb.Page("Building effective agents", "<h1>Building effective agents</h1>"),
		"/p/8123":                             fakeweb.Page("A page", "<h1>A page</h1>"),
	}}
	w.Handle("plain.example", plain)
	c := newChecker(t, testOptions(w))

	cat := catalogOf(
		entry("media-1", "https://www.404media.example/openai-agents-browsing/"),
		entry("media-2", "https://www.404media.example/data-brokers-location/"),
		entry("media-home", "https://www.404media.example/"),
		entry("media-http", "http://www.404media.example/data-brokers-location/"),
		entry("media-removed", "https://www.404media.example/removed-post/"),
		entry("rag", "https://papers.example/blog/answer-not-found-in-context"),
		entry("history", "https://papers.example/essays/error-404-history"),
		entry("quiet-live", "https://quiet.example/posts/notes-on-tidy-logs/"),
		entry("quiet-dead", "https://quiet.example/posts/why-agents-forget"),
		entry("quiet-moved", "https://quiet.example/posts/moved-to-archive"),
		entry("spa", "https://app.example/docs/getting-started-guide"),
		entry("plain", "https://plain.example/research/building-effective-agents"),
		entry("plain-opaque", "https://plain.example/p/8123"),
	)
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	expectVerdicts(t, results, strings.HasPrefix, map[string]verdict{
		"media-1":       {status.OK, "HTTP 200"},
		"media-2":       {status.OK, "HTTP 200"},
		"media-home":    {status.OK, "HTTP 200"},
		"media-http":    {status.OK, "HTTP 200"},
		"media-removed": {status.Broken, `soft 404: the page says "Page not found | 404 Media"`},
		"rag":           {status.OK, "HTTP 200"},
		"history":       {status.OK, "HTTP 200"},
		"quiet-live":    {status.OK, "HTTP 200"},
		"quiet-dead":    {status.Broken, `soft 404: the site answers a made-up path with this same page ("Lost? – Quiet Notes")`},
		// A move into the site's not-found template is no move.
		"quiet-moved":  {status.Broken, "soft 404: the site answers a made-up path with this same page"},
		"spa":          {status.OK, "HTTP 200; the site answers every path, its home page included, with this same page (a single-page app?): its HTML cannot tell whether this page exists"},
		"plain":        {status.OK, "HTTP 200"},
		"plain-opaque": {status.OK, "HTTP 200"},
	})
	// One made-up path per suspicious host, whatever the number of its
	// suspicious pages and the schemes they use; none for a host with
	// nothing suspicious. The
	// blog's home page is asked once more, to tell its not-found template
	// from a single-page app (the home page is one of its pages, not a
	// made-up path, so it is counted apart).
	for _, tt := range []struct {
		host  string
		s     *fakeSite
		probe int
	}{
		{"www.404media.example", media, 1},
		{"papers.example", papers, 1},
		{"quiet.example", quiet, 1},
		{"app.example", spa, 1},
		{"plain.example", plain, 0},
	} {
		if got := tt.s.probed(); got != tt.probe {
			t.Errorf("%s was asked for %d unknown paths, want %d", tt.host, got, tt.probe)
		}
	}
	for _, host := range []string{"quiet.example", "app.example"} {
		if got := homeRequests(w, host); got != 1 {
			t.Errorf("%s's home page was asked %d times, want 1", host, got)
		}
	}
	if got := homeRequests(w, "papers.example"); got != 0 {
		t.Errorf("papers.example's home page was asked %d times, want 0: its made-up path got a 404", got)
	}
	if got := homeRequests(w, "www.404media.example"); got != 1 {
		t.Errorf("www.404media.example's home page was asked %d times, want 1 (its own entry)", got)
	}
}

func homeRequests(w *fakeweb.Web, host string) int {
	n := 0
	for _, r := range w.Log() {
		if r.Host == host && r.Path == "/" {
			n++
		}
	}
	return n
}

// TestSoftNotFoundWithoutATemplate: a site that does not answer the
// made-up path with a page of its own (it refuses, fails, hangs up, or
// sends it elsewhere) leaves only the strict rule: a page that is nothing
// but a not-found message is broken, any other page ok.
func TestSoftNotFoundWithoutATemplate(t *testing.T) {
	w := fakeweb.New(t)
	hosts := []struct {
		host    string
		unknown http.Handler
	}{
		{"refusing.example", fakeweb.Status(http.StatusForbidden)},
		{"failing.example", fakeweb.Status(http.StatusInternalServerError)},
		{"resetting.example", fakeweb.Reset()},
		{"redirecting.example", fakeweb.Redirect(http.StatusFound, "/lost")},
	}
	for _, h := range hosts {
		w.Handle(h.host, &fakeSite{unknown: h.unknown, pages: map[string]http.Handler{
			"/":                        fakeweb.Page("Quiet Notes", "<h1>Quiet Notes</h1>"),
			"/lost":                    fakeweb.Page("Lost? – Quiet Notes", "<h1>Lost?</h1>"),
			"/posts/answer-not-found":  fakeweb.Page("When the Answer Is Not Found in the Context: Diagnosing RAG Failures", ""),
			"/posts/why-agents-forget": fakeweb.Page("Lost? – Quiet Notes", "<h1>Lost?</h1>"),
			"/posts/removed":           fakeweb.Page("404 Not Found | Quiet Notes", "<h1>Not found</h1>"),
		}})
	}
	c := newChecker(t, testOptions(w))
	for _, h := range hosts {
		tests := []struct {
			path string
			want status.Status
		}{
			{"/posts/answer-not-found", status.OK},
			{"/posts/why-agents-forget", status.OK},
			{"/posts/removed", status.Broken},
		}
		for _, tt := range tests {
			u := "https://" + h.host + tt.path
			if r := checkOne(t, c, u); r.Status != tt.want {
				t.Errorf("check(%s) = %v (%s), want %v", u, r.Status, r.Message, tt.want)
			}
		}
	}
}

// TestMadeUpPathIsPolite: the made-up path is a request like any other,
// within the host's limits and with linkcheck's User-Agent.
func TestMadeUpPathIsPolite(t *testing.T) {
	w := fakeweb.New(t)
	var (
		mu             sync.Mutex
		inFlight, peak int
		agents         = map[string]bool{}
	)
	pages := map[string]http.Handler{}
	for _, p := range []string{"/a-first-story/", "/a-second-story/", "/a-third-story/"} {
		pages[p] = fakeweb.Page("Untold | 404 Media", "<h1>Untold</h1>")
	}
	s := &fakeSite{unknown: fakeweb.Status(http.StatusNotFound), pages: pages}
	w.Handle("www.404media.example", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		agents[r.UserAgent()] = true
		mu.Unlock()
		defer func() {
			mu.Lock()
			inFlight--
			mu.Unlock()
		}()
		fakeweb.Latency(20*time.Millisecond, s).ServeHTTP(rw, r)
	}))
	o := testOptions(w)
	o.Hosts = map[string]HostLimit{"www.404media.example": {Rate: 1000, Burst: 10, Concurrency: 1}}
	o.UserAgent = "linkcheck-test/1"
	c := newChecker(t, o)
	results, err := run(t, c, catalogOf(
		entry("one", "https://www.404media.example/a-first-story/"),
		entry("two", "https://www.404media.example/a-second-story/"),
		entry("three", "https://www.404media.example/a-third-story/"),
	))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Status != status.OK {
			t.Errorf("check(%s) = %v (%s), want ok", r.URL, r.Status, r.Message)
		}
	}
	if got := s.probed(); got != 1 {
		t.Errorf("made-up paths asked = %d, want 1", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if peak > 1 {
		t.Errorf("the host had %d requests in flight at once, want at most its limit of 1", peak)
	}
	if len(agents) != 1 || !agents["linkcheck-test/1"] {
		t.Errorf("User-Agents seen = %v, want only linkcheck-test/1", agents)
	}
}
