package main

import (
	"cmp"
	"context"
	"crypto/tls"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// serveRealCatalog serves every host the catalog's checks reach, and the
// arXiv API on export.arxiv.org, recording when each request arrived.
//
// The hosts meter arrivals afterwards (checkPoliteness) rather than stand
// behind fakeweb.RateLimited at linkcheck's own 2 req/s: such a limiter
// refuses the third request of nearly every host with three or more,
// because that request, sent on an open connection, arrives earlier after
// its turn than the first, which had to connect (see arrivalSlack).
func serveRealCatalog(t *testing.T, entries []catalog.Resource, sites map[string]siteCase, papers map[string]paperCase, repos map[string]repoCase, spaces map[string]spaceCase) *realWeb {
	t.Helper()
	routes := make(map[string]map[string]http.Handler)
	route := func(raw string, h http.Handler) {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatalf("url.Parse(%q): %v", raw, err)
		}
		if routes[u.Hostname()] == nil {
			routes[u.Hostname()] = make(map[string]http.Handler)
		}
		routes[u.Hostname()][cmp.Or(u.Path, "/")] = h
	}
	byID := make(map[string]catalog.Resource, len(entries))
	api := &fakeArxiv{papers: make(map[string]servedPaper)}
	for _, r := range entries {
		byID[r.ID] = r
		if r.Arxiv != "" {
			pc, ok := papers[r.ID]
			if !ok {
				t.Fatalf("paper %s (arXiv %s) is not in realPaperCases: add its latest version", r.ID, r.Arxiv)
			}
			api.papers[r.Arxiv] = servedPaper{version: pc.version, title: cmp.Or(pc.title, r.Title), comment: pc.comment}
		}
		if r.GitHub != "" {
			if _, ok := repos[r.GitHub]; !ok {
				t.Fatalf("repository %s of %s is not in realRepoCases", r.GitHub, r.ID)
			}
		}
		if r.URL == "" || ownPaperURL(r) || repoRootURL(r) {
			continue
		}
		h := fakeweb.Page(r.Title, "<h1>"+html.EscapeString(r.Title)+"</h1>")
		if sc, ok := sites[r.ID]; ok {
			h = sc.serve
		}
		route(r.URL, h)
	}
	for id := range sites {
		if _, ok := byID[id]; !ok {
			t.Errorf("realSiteCases names %s, which the catalog does not hold", id)
		}
	}
	for id := range papers {
		if byID[id].Arxiv == "" {
			t.Errorf("realPaperCases names %s, which is no paper of the catalog", id)
		}
	}
	for raw, h := range realTargets() {
		route(raw, h)
	}
	// The paper pages exist, but fetching them would only repeat the API.
	routes["arxiv.org"] = map[string]http.Handler{}

	web := fakeweb.New(t)
	watch := &hostWatch{arrivals: map[string][]time.Time{}, inFlight: map[string]int{}, peak: map[string]int{}}
	hub := fakeweb.NewHubAPI()
	served := map[string]bool{"export.arxiv.org/api/query": true}
	for id, sc := range spaces {
		hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: id, Stage: sc.stage})
		served["huggingface.co/api/spaces/"+id] = true
	}
	for host, paths := range routes {
		var h http.Handler = byPath(paths)
		switch host {
		case "huggingface.co":
			hub.Pages = h
			h = hub
		case "www.anthropic.com":
			h = unsized(h) // anthropic.com pages come without Content-Length
		case "simonwillison.net":
			// Too busy once, then fine: a retry after Retry-After makes it ok.
			h = fakeweb.Sequence(fakeweb.WithHeader("Retry-After", "1", fakeweb.Status(http.StatusTooManyRequests)), h)
		}
		web.Handle(host, watch.wrap(host, h))
	}
	web.Handle("export.arxiv.org", watch.wrap("export.arxiv.org", api))
	gh := fakeweb.NewGitHubAPI()
	served["api.github.com/graphql"] = true
	for name, rc := range repos {
		gh.Add(fakeweb.GitHubRepo{FullName: name, Archived: rc.archived, PushedAt: time.Now().Add(-cmp.Or(rc.pushed, 30*24*time.Hour))})
		served["api.github.com/repos/"+strings.ToLower(name)] = true
	}
	web.Handle("api.github.com", watch.wrap("api.github.com", gh))
	for host := range routes {
		warmCertificate(t, web, host)
	}
	warmCertificate(t, web, "export.arxiv.org")
	warmCertificate(t, web, "api.github.com")
	rw := &realWeb{Web: web, watch: watch, api: api, github: gh, served: served}
	for host, paths := range routes {
		for p := range paths {
			rw.served[host+p] = true
		}
	}
	return rw
}

// realWeb is the fake web of the real catalog and what it observed.
type realWeb struct {
	*fakeweb.Web
	watch  *hostWatch
	api    *fakeArxiv
	github *fakeweb.GitHubAPI
	served map[string]bool // host+path of every page it serves
}

// warmCertificate has the fake web mint host's certificate now. It mints
// them one at a time on first use, which would hold up the run's first
// requests far longer than a real handshake does.
func warmCertificate(t *testing.T, web *fakeweb.Web, host string) {
	t.Helper()
	conn, err := web.DialContext(context.Background(), "tcp", host+":443")
	if err != nil {
		t.Fatalf("dial %s: %v", host, err)
	}
	cfg := web.TLSConfig()
	cfg.ServerName = host
	tc := tls.Client(conn, cfg)
	defer tc.Close()
	if err := tc.Handshake(); err != nil {
		t.Fatalf("TLS handshake with %s: %v", host, err)
	}
}

// ownPaperURL reports an entry whose URL is its own paper's abstract page,
// which the arXiv check covers.
func ownPaperURL(r catalog.Resource) bool {
	return r.Arxiv != "" && strings.TrimSuffix(r.URL, "/") == "https://arxiv.org/abs/"+r.Arxiv
}

// byPath serves a host's known paths and 404 for the rest.
func byPath(paths map[string]http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := paths[cmp.Or(r.URL.Path, "/")]; ok {
			h.ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	})
}

// unsized drops Content-Length and flushes, so that the server cannot add
// one back: the page arrives with no declared length.
func unsized(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(unsizedWriter{w}, r)
	})
}

type unsizedWriter struct{ http.ResponseWriter }

func (w unsizedWriter) Write(p []byte) (int, error) {
	w.Header().Del("Content-Length")
	n, err := w.ResponseWriter.Write(p)
	_ = http.NewResponseController(w.ResponseWriter).Flush()
	return n, err
}

func (w unsizedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// hostWatch records when each host's requests arrived and the most it was
// answering at once.
type hostWatch struct {
	mu       sync.Mutex
	arrivals map[string][]time.Time
	inFlight map[string]int
	peak     map[string]int
}

// wrap counts a request from its arrival until its answer starts: a client
// cannot have the answer, and so free its slot, any earlier.
func (hw *hostWatch) wrap(host string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hw.mu.Lock()
		hw.arrivals[host] = append(hw.arrivals[host], time.Now())
		hw.inFlight[host]++
		hw.peak[host] = max(hw.peak[host], hw.inFlight[host])
		hw.mu.Unlock()
		var once sync.Once
		done := func() {
			once.Do(func() {
				hw.mu.Lock()
				hw.inFlight[host]--
				hw.mu.Unlock()
			})
		}
		defer done()
		h.ServeHTTP(&answering{ResponseWriter: w, start: done}, r)
	})
}

func (hw *hostWatch) peaks() map[string]int {
	hw.mu.Lock()
	defer hw.mu.Unlock()
	return maps.Clone(hw.peak)
}

func (hw *hostWatch) arrived() map[string][]time.Time {
	hw.mu.Lock()
	defer hw.mu.Unlock()
	return maps.Clone(hw.arrivals)
}

// answering calls start when the answer begins.
type answering struct {
	http.ResponseWriter
	start func()
}

func (a *answering) WriteHeader(code int) { a.start(); a.ResponseWriter.WriteHeader(code) }

func (a *answering) Write(p []byte) (int, error) { a.start(); return a.ResponseWriter.Write(p) }

func (a *answering) Unwrap() http.ResponseWriter { return a.ResponseWriter }

// servedPaper is one paper as the fake API describes it.
type servedPaper struct {
	version int
	title   string
	comment string
}

// fakeArxiv answers id_list queries in the API's current Atom format
// (arxiv-api.md §2.1), leaving out IDs it does not know, and records each
// request's id_list.
type fakeArxiv struct {
	papers map[string]servedPaper // by arXiv ID; never written once serving
	mu     sync.Mutex
	asked  [][]string
}

func (f *fakeArxiv) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ids := strings.Split(r.URL.Query().Get("id_list"), ",")
	f.mu.Lock()
	f.asked = append(f.asked, ids)
	f.mu.Unlock()
	var entries strings.Builder
	n := 0
	for _, id := range ids {
		p, ok := f.papers[id]
		if !ok {
			continue
		}
		n++
		fmt.Fprintf(&entries, "  <entry>\n    <id>http://arxiv.org/abs/%sv%d</id>\n    <title>%s</title>\n"+
			"    <updated>2024-05-01T12:00:00Z</updated>\n    <published>2023-01-02T12:00:00Z</published>\n",
			id, p.version, html.EscapeString(p.title))
		if p.comment != "" {
			fmt.Fprintf(&entries, "    <arxiv:comment>%s</arxiv:comment>\n", html.EscapeString(p.comment))
		}
		entries.WriteString("  </entry>\n")
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	fmt.Fprintf(w, `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/fake</id>
  <title>arXiv Query: search_query=&amp;id_list=%s</title>
  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>
  <opensearch:totalResults>%d</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
%s</feed>
`, html.EscapeString(strings.Join(ids, ",")), len(ids), n, entries.String())
}

func (f *fakeArxiv) calls() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.asked)
}

func paperIDs(entries []catalog.Resource) []string {
	var ids []string
	for _, r := range entries {
		if r.Arxiv != "" && !slices.Contains(ids, r.Arxiv) {
			ids = append(ids, r.Arxiv)
		}
	}
	return sorted(ids)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
