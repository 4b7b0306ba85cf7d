package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// realCatalog is the bundled catalog, relative to this package.
const realCatalog = "../../resources.yaml"

// siteCase is how the fake web answers one entry's URL and what linkcheck
// must make of it. Entries without one are served a 200 page bearing their
// title and must come out ok.
type siteCase struct {
	serve http.Handler
	want  status.Status
	why   string // what the result's message must say
	final string // the new address a move must report
}

// paperCase is what the fake arXiv API says of one entry's paper.
type paperCase struct {
	version int
	title   string // arXiv's current title; "" means the catalog's
	comment string
	want    status.Status
	why     string // what the result's message must say
}

// realSiteCases script what the catalog's notes say its sites do today,
// plus one page of each kind of failure. Redirect targets live in
// realTargets.
func realSiteCases() map[string]siteCase {
	return map[string]siteCase{
		// /helm/latest/ is a meta-refresh stub for HELM Classic; the entry's
		// URL leads through it to HELM Classic, one of its alternates.
		"helm": {serve: fakeweb.MetaRefresh("/helm/latest/"), want: status.OK,
			why: "redirected to alternate https://crfm.stanford.edu/helm/classic/latest/"},
		// The home page sends visitors to the marketing site, an alternate.
		"wandb": {serve: fakeweb.Redirect(http.StatusFound, "https://wandb.ai/site"), want: status.OK,
			why: "redirected to alternate https://wandb.ai/site"},
		// openai.com and medium.com refuse bots; the entries accept that.
		"cross-lab-eval-openai": {serve: fakeweb.Status(http.StatusForbidden), want: status.OK, why: "accepted: openai.com"},
		"o1-system-card":        {serve: fakeweb.Status(http.StatusForbidden), want: status.OK, why: "accepted: openai.com"},
		"karpathy-software-2-0": {serve: fakeweb.Challenge(), want: status.OK, why: "accepted: medium.com"},
		// The failures a maintainer must act on.
		"ruder-state-of-nlp": {
			serve: fakeweb.Redirect(http.StatusMovedPermanently, "https://ruder.io/state-of-transfer-learning-in-nlp/"),
			want:  status.Moved, why: "moved permanently (301)", final: "https://ruder.io/state-of-transfer-learning-in-nlp/",
		},
		"aws-amazon-advanced-finetuning": {serve: fakeweb.Redirect(http.StatusMovedPermanently, "/"), want: status.Broken,
			why: "redirected to the site's home page"},
		"alammar-visual-nn": {serve: fakeweb.Status(http.StatusNotFound), want: status.Broken, why: "HTTP 404"},
	}
}

// realTargets are the pages the scripted redirects lead to.
func realTargets() map[string]http.Handler {
	return map[string]http.Handler{
		"https://crfm.stanford.edu/helm/latest/":              fakeweb.MetaRefresh("/helm/classic/latest/"),
		"https://crfm.stanford.edu/helm/classic/latest/":      fakeweb.Page("HELM Classic", "<h1>HELM Classic</h1>"),
		"https://wandb.ai/site":                               fakeweb.Page("Weights & Biases", "<h1>W&amp;B</h1>"),
		"https://ruder.io/state-of-transfer-learning-in-nlp/": fakeweb.Page("The State of Transfer Learning in NLP", "<h1>ok</h1>"),
		"https://aws.amazon.com/":                             fakeweb.Page("Cloud Computing Services - Amazon Web Services", "<h1>AWS</h1>"),
	}
}

// realPaperCases hold every paper's latest version (arxiv-api.md §6 where
// it knows, scripted otherwise). Latest versions matter only for the
// report: the catalog pins none. The retitled paper stays at v1 so that no
// older titles are asked for, and the withdrawal comment states it, so no
// OAI-PMH record is needed: the run asks arXiv once.
func realPaperCases() map[string]paperCase {
	return map[string]paperCase{
		"attention-is-all-you-need":  {version: 7},
		"gpt3-few-shot-learners":     {version: 4},
		"instructgpt":                {version: 1},
		"scaling-laws-kaplan":        {version: 1},
		"chinchilla":                 {version: 1},
		"chain-of-thought-prompting": {version: 6},
		"kojima-zero-shot-reasoners": {version: 4},
		"tree-of-thoughts":           {version: 2},
		"react":                      {version: 3},
		"reflexion":                  {version: 4},
		"toolformer": {version: 1, want: status.Retitled, why: "arXiv's title is now",
			title: "Toolformer: Language Models Can Teach Themselves to Use Tools and APIs"},
		"agentbench":          {version: 3},
		"swe-bench-paper":     {version: 3},
		"rag-lewis":           {version: 4},
		"self-rag":            {version: 1},
		"chatbot-arena-paper": {version: 1},
		"helm-paper":          {version: 2},
		"mteb-paper":          {version: 3},
		"evalplus-paper": {version: 4, want: status.Broken, why: "withdrawn",
			comment: "This paper has been withdrawn by the authors"},
		"constitutional-ai":      {version: 1},
		"sleeper-agents":         {version: 3},
		"o1-system-card":         {version: 1},
		"deliberative-alignment": {version: 2},
		"vllm-paper":             {version: 1},
	}
}

func TestRealCatalogOnFakeWeb(t *testing.T) {
	cat, err := catalog.Load(realCatalog)
	if err != nil {
		t.Fatalf("catalog.Load(%q): %v", realCatalog, err)
	}
	entries := cat.Resources()
	sites, papers := realSiteCases(), realPaperCases()
	web := serveRealCatalog(t, entries, sites, papers)

	dir := t.TempDir()
	results := filepath.Join(dir, "results.json")
	start := time.Now()
	code, stdout, stderr := runLinkcheck(t, web.Web, "check", "--catalog", realCatalog, "--format", "json", "--output", results)
	t.Logf("check of %d entries took %v", len(entries), time.Since(start).Round(time.Millisecond))
	if code != exitFailing {
		t.Fatalf("check exited %d, want %d (broken entries)\nstdout:\n%s\nstderr:\n%s", code, exitFailing, stdout, stderr)
	}
	doc := readRealResults(t, results)
	want := expectedResults(entries, sites, papers)
	if len(doc.Results) != len(want) || doc.Summary["total"] != len(want) {
		t.Errorf("results.json holds %d results (summary total %d), want %d", len(doc.Results), doc.Summary["total"], len(want))
	}
	got := make(map[string]realResult, len(doc.Results))
	for _, r := range doc.Results {
		key := r.ID + "/" + r.Target
		if _, dup := got[key]; dup {
			t.Errorf("results.json has %s twice", key)
		}
		got[key] = r
	}
	for _, w := range want {
		t.Run(w.key(), func(t *testing.T) {
			g, ok := got[w.key()]
			switch {
			case !ok:
				t.Fatalf("results.json lacks %s", w.key())
			case g.Status != w.Status:
				t.Errorf("status of %s = %s (%s), want %s", w.key(), g.Status, g.Message, w.Status)
			case !strings.Contains(g.Message, w.Message):
				t.Errorf("message of %s = %q, want it to say %q", w.key(), g.Message, w.Message)
			case g.Line != w.Line:
				t.Errorf("line of %s = %d, want %d", w.key(), g.Line, w.Line)
			case g.FinalURL != w.FinalURL && w.Status == "moved":
				t.Errorf("final_url of %s = %q, want %q", w.key(), g.FinalURL, w.FinalURL)
			case g.CurrentTitle != w.CurrentTitle && w.Target == "arxiv":
				t.Errorf("current_title of %s = %q, want %q", w.key(), g.CurrentTitle, w.CurrentTitle)
			case g.Version != w.Version:
				t.Errorf("version of %s = %d, want %d", w.key(), g.Version, w.Version)
			}
		})
	}

	// The scripted 429 was waited out and retried, not reported.
	retried := false
	for _, r := range doc.Results {
		retried = retried || (strings.HasPrefix(r.URL, "https://simonwillison.net/") && r.Status == "ok" && r.Attempts > 1)
	}
	if !retried {
		t.Errorf("no simonwillison.net result took a second attempt, want the one refused with 429 retried")
	}

	// Everything arXiv knows comes from one API request: every paper fits
	// one batch and nothing calls for a second (see realPaperCases).
	if calls := web.api.calls(); len(calls) != 1 {
		t.Errorf("arXiv API got %d requests %v, want 1", len(calls), calls)
	} else if wantIDs := paperIDs(entries); !slices.Equal(sorted(calls[0]), wantIDs) {
		t.Errorf("arXiv API was asked for %v, want %v", sorted(calls[0]), wantIDs)
	}
	if n := web.Requests("arxiv.org"); n != 0 {
		t.Errorf("arxiv.org got %d requests, want 0: the API covers each entry's own paper", n)
	}
	checkPoliteness(t, web, cat)
	checkReports(t, web.Web, results, want)
}

// serveRealCatalog serves every host the catalog's checks reach, and the
// arXiv API on export.arxiv.org, recording when each request arrived.
//
// The hosts meter arrivals afterwards (checkPoliteness) rather than stand
// behind fakeweb.RateLimited at linkcheck's own 2 req/s: such a limiter
// refuses the third request of nearly every host with three or more,
// because that request, sent on an open connection, arrives earlier after
// its turn than the first, which had to connect (see arrivalSlack).
func serveRealCatalog(t *testing.T, entries []catalog.Resource, sites map[string]siteCase, papers map[string]paperCase) *realWeb {
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
		if r.URL == "" || ownPaperURL(r) {
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
	for host, paths := range routes {
		var h http.Handler = byPath(paths)
		switch host {
		case "www.anthropic.com":
			h = unsized(h) // anthropic.com pages come without Content-Length
		case "simonwillison.net":
			// Too busy once, then fine: a retry after Retry-After makes it ok.
			h = fakeweb.Sequence(fakeweb.WithHeader("Retry-After", "1", fakeweb.Status(http.StatusTooManyRequests)), h)
		}
		web.Handle(host, watch.wrap(host, h))
	}
	web.Handle("export.arxiv.org", watch.wrap("export.arxiv.org", api))
	for host := range routes {
		warmCertificate(t, web, host)
	}
	warmCertificate(t, web, "export.arxiv.org")
	rw := &realWeb{Web: web, watch: watch, api: api, served: map[string]bool{"export.arxiv.org/api/query": true}}
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

// realResult is the part of a results.json result this test reads.
type realResult struct {
	ID           string `json:"id"`
	Target       string `json:"target"`
	URL          string `json:"url"`
	Line         int    `json:"line"`
	Status       string `json:"status"`
	FinalURL     string `json:"final_url"`
	CurrentTitle string `json:"current_title"`
	Version      int    `json:"version"`
	Attempts     int    `json:"attempts"`
	Message      string `json:"message"`
}

func (r realResult) key() string { return r.ID + "/" + r.Target }

type realResults struct {
	Summary map[string]int `json:"summary"`
	Results []realResult   `json:"results"`
}

func readRealResults(t *testing.T, path string) realResults {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc realResults
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("results.json: %v", err)
	}
	return doc
}

// expectedResults lists, in catalog order, the result each entry must
// get: one for its URL unless that is its own paper's page, one for its
// arXiv ID.
func expectedResults(entries []catalog.Resource, sites map[string]siteCase, papers map[string]paperCase) []realResult {
	var want []realResult
	for _, r := range entries {
		if r.URL != "" && !ownPaperURL(r) {
			w := realResult{ID: r.ID, Target: "url", Line: r.Pos.Line, Status: "ok"}
			if sc, ok := sites[r.ID]; ok {
				w.Status, w.Message, w.FinalURL = sc.want.String(), sc.why, sc.final
			}
			want = append(want, w)
		}
		if r.Arxiv != "" {
			pc := papers[r.ID]
			w := realResult{ID: r.ID, Target: "arxiv", Line: r.Pos.Line, Status: "ok",
				CurrentTitle: cmp.Or(pc.title, r.Title), Version: pc.version}
			if pc.want != status.Unknown {
				w.Status, w.Message = pc.want.String(), pc.why
			}
			want = append(want, w)
		}
	}
	return want
}

// arrivalSlack is how much earlier than its turn a request may reach a
// host. linkcheck paces when requests start; the first request to a host
// then spends a while connecting (TCP, TLS) that later ones on the open
// connection do not, so a host metering arrivals sees those early by about
// that long. It does not cover a request that took its host's token and
// then waited long for one of the run's global slots, arriving together
// with later ones: the fake hosts answer at once, so such waits stay short.
const arrivalSlack = 250 * time.Millisecond

// checkPoliteness asserts that the run kept every host's limits: the
// requests each host received fit its token bucket (rate and burst, with
// arrivalSlack), no host had more requests at once than it allows, and
// every request went to a page the table serves.
func checkPoliteness(t *testing.T, web *realWeb, cat *catalog.Catalog) {
	t.Helper()
	throttled := 0
	for _, r := range web.Log() {
		if r.Code == http.StatusTooManyRequests {
			throttled++
		}
		if !web.served[r.Host+r.Path] {
			t.Errorf("%s %s%s: a page the fake web does not serve", r.Method, r.Host, r.Path)
		}
	}
	if throttled != 1 {
		t.Errorf("the fake web answered 429 %d times, want once (the scripted simonwillison.net)", throttled)
	}
	arxivLimit := cat.Settings.Hosts["arxiv.org"]
	for host, times := range web.watch.arrived() {
		rate, burst, conc := checker.DefaultHostRate, checker.DefaultHostBurst, checker.DefaultHostConcurrency
		if catalog.IsArxivHost(host) {
			rate, burst, conc = arxivLimit.Rate, arxivLimit.Burst, arxivLimit.Concurrency
		}
		if n, d, ok := fitsBucket(times, rate, burst); !ok {
			t.Errorf("%s got %d requests within %v, more than %g req/s with a burst of %d allow", host, n, d, rate, burst)
		}
		if peak := web.watch.peaks()[host]; peak > conc {
			t.Errorf("%s had %d requests in flight at once, want at most %d", host, peak, conc)
		}
	}
}

// fitsBucket checks arrival times against a token bucket: n of them
// spanning d may be at most burst + rate·(d + arrivalSlack). When they are
// not, it returns the first n and d that are too many.
func fitsBucket(times []time.Time, rate float64, burst int) (n int, d time.Duration, ok bool) {
	for i := range times {
		for j := i + burst; j < len(times); j++ {
			n, d = j-i+1, times[j].Sub(times[i])
			if float64(n) > float64(burst)+rate*(d+arrivalSlack).Seconds() {
				return n, d, false
			}
		}
	}
	return 0, 0, true
}

// checkReports re-renders the saved run in every human format and asserts
// that each names the entries to fix with their catalog lines.
func checkReports(t *testing.T, web *fakeweb.Web, results string, want []realResult) {
	t.Helper()
	before := len(web.Log())
	formats := []struct {
		format  string
		lineRef func(int) string
	}{
		{"table", func(n int) string { return fmt.Sprintf("resources.yaml:%d", n) }},
		{"markdown", func(n int) string { return fmt.Sprintf("resources.yaml:%d", n) }},
		{"github", func(n int) string { return fmt.Sprintf("line=%d", n) }},
	}
	for _, f := range formats {
		t.Run("report "+f.format, func(t *testing.T) {
			code, stdout, stderr := runLinkcheck(t, web, "report", "--from", results, "--format", f.format)
			if code != exitOK {
				t.Fatalf("report --from --format %s exited %d: %s", f.format, code, stderr)
			}
			for _, w := range want {
				if w.Status == "ok" {
					continue
				}
				if !hasLineWith(stdout, w.ID, f.lineRef(w.Line)) {
					t.Errorf("report --format %s has no line naming %s with %q:\n%s", f.format, w.ID, f.lineRef(w.Line), stdout)
				}
				if w.Status == "moved" && !strings.Contains(stdout, w.FinalURL) {
					t.Errorf("report --format %s lacks %s's new address %s", f.format, w.ID, w.FinalURL)
				}
				if w.Status == "retitled" && !strings.Contains(stdout, w.CurrentTitle) {
					t.Errorf("report --format %s lacks %s's current title %q", f.format, w.ID, w.CurrentTitle)
				}
			}
			if testing.Verbose() {
				t.Logf("report --format %s:\n%s", f.format, stdout)
			}
		})
	}
	if after := len(web.Log()); after != before {
		t.Errorf("report --from made %d requests, want none", after-before)
	}
}

func hasLineWith(text string, parts ...string) bool {
	for _, line := range strings.Split(text, "\n") {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(line, p)
		}
		if all {
			return true
		}
	}
	return false
}

// runLinkcheck runs linkcheck in-process against web.
func runLinkcheck(t *testing.T, web *fakeweb.Web, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, env{
		In:     strings.NewReader(""),
		Out:    &out,
		Err:    &errb,
		Getenv: func(string) string { return "" },
		Now:    time.Now,
		Hook: func(o *checker.Options) {
			o.DialContext = web.DialContext
			o.TLSConfig = web.TLSConfig()
			o.AllowPrivate = true
		},
	})
	return code, out.String(), errb.String()
}

func TestFitsBucket(t *testing.T) {
	at := func(offsets ...time.Duration) []time.Time {
		base := time.Unix(0, 0)
		out := make([]time.Time, len(offsets))
		for i, d := range offsets {
			out[i] = base.Add(d)
		}
		return out
	}
	ms := time.Millisecond
	tests := []struct {
		name  string
		times []time.Time
		want  bool
	}{
		{"a burst, then one per turn", at(0, 0, 500*ms, 1000*ms, 1500*ms), true},
		{"a turn early by a connection setup", at(0, 0, 480*ms, 980*ms), true},
		{"three at once", at(0, 0, 10*ms), false},
		{"a burst after stale turns", at(0, 0, 1000*ms, 1000*ms, 1000*ms, 1000*ms), false},
		{"twice the rate", at(0, 0, 250*ms, 500*ms, 750*ms, 1000*ms, 1250*ms), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, got := fitsBucket(tt.times, 2, 2); got != tt.want {
				t.Errorf("fitsBucket(%v, 2, 2) = %v, want %v", tt.times, got, tt.want)
			}
		})
	}
}
