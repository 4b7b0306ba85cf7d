package arxiv

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeclock"
)

// reply is one scripted answer.
type reply struct {
	code   int // 0 means 200
	file   string
	body   string
	header map[string]string
	// hangup closes the connection without answering, as a reset
	// connection or a dropped proxy would.
	hangup bool
}

// served is one request the fake received.
type served struct {
	at     time.Time
	path   string
	query  url.Values
	header http.Header
}

// fakeArxiv serves the API at /api/query and OAI-PMH at /oai. Scripted
// replies are keyed by id_list (API) or identifier (OAI) and served in
// order; unscripted API requests get a current-format feed generated from
// papers.
type fakeArxiv struct {
	t      testing.TB
	clock  *fakeclock.Clock
	mu     sync.Mutex
	script map[string][]reply
	papers map[string][]string // ID → title of v1, v2, …
	log    []served
	// inFlight and maxInFlight count requests being served at once: arXiv
	// allows one connection, so maxInFlight must stay 1.
	inFlight, maxInFlight int
}

func newFakeArxiv(t testing.TB) *fakeArxiv {
	return &fakeArxiv{t: t, clock: fakeclock.New(), script: make(map[string][]reply), papers: make(map[string][]string)}
}

func (f *fakeArxiv) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	key := q.Get("id_list")
	if r.URL.Path == "/oai" {
		key = q.Get("identifier")
	}
	f.mu.Lock()
	f.inFlight++
	f.maxInFlight = max(f.maxInFlight, f.inFlight)
	// A hangup ends the request for the client before the handler returns,
	// so the request stops counting as in flight just before the close.
	finished := sync.OnceFunc(func() {
		f.mu.Lock()
		f.inFlight--
		f.mu.Unlock()
	})
	defer finished()
	f.log = append(f.log, served{at: f.clock.Now(), path: r.URL.Path, query: q, header: r.Header.Clone()})
	next, scripted := f.script[key]
	if scripted && len(next) > 0 {
		f.script[key] = next[1:]
	}
	f.mu.Unlock()
	switch {
	case scripted && len(next) > 0:
		f.serve(w, next[0], finished)
	case r.URL.Path == "/api/query":
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		fmt.Fprint(w, f.generate(strings.Split(key, ",")))
	default:
		http.NotFound(w, r)
	}
}

func (f *fakeArxiv) serve(w http.ResponseWriter, rep reply, finished func()) {
	if rep.hangup {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			f.t.Errorf("hijack: %v", err)
			return
		}
		finished()
		conn.Close()
		return
	}
	body := rep.body
	if rep.file != "" {
		b, err := os.ReadFile(filepath.Join("testdata", rep.file))
		if err != nil {
			f.t.Errorf("fixture: %v", err)
		}
		body = string(b)
	}
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(max(rep.code, http.StatusOK))
	fmt.Fprint(w, body)
}

// generate renders the current format for the papers it knows of keys,
// in reverse order as arXiv's arbitrary order would have it.
func (f *fakeArxiv) generate(keys []string) string {
	var b strings.Builder
	b.WriteString(`<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
`)
	var entries []string
	for i := len(keys) - 1; i >= 0; i-- {
		a, err := catalog.ParseArxivID(keys[i])
		titles := f.papers[a.ID]
		if err != nil || len(titles) == 0 || a.Version > len(titles) {
			continue
		}
		v := a.Version
		if v == 0 {
			v = len(titles)
		}
		entries = append(entries, fmt.Sprintf(`  <entry>
    <id>http://arxiv.org/abs/%sv%d</id>
    <title>%s</title>
    <updated>2024-01-%02dT10:00:00Z</updated>
    <published>2024-01-01T10:00:00Z</published>
    <arxiv:primary_category term="cs.CL"/>
  </entry>
`, a.ID, v, escapeXML(titles[v-1]), v))
	}
	fmt.Fprintf(&b, "  <opensearch:itemsPerPage>%d</opensearch:itemsPerPage>\n  <opensearch:totalResults>%d</opensearch:totalResults>\n", len(keys), len(entries))
	b.WriteString(strings.Join(entries, ""))
	b.WriteString("</feed>\n")
	return b.String()
}

func escapeXML(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}

func (f *fakeArxiv) requests() []served {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]served(nil), f.log...)
}

// checkPolite fails the test unless every request the fake served was
// alone on the wire, arrived at least 3 s (arXiv's terms, written out here
// rather than taken from the code under test) after the previous one, and
// named linkcheck with the User-Agent.
func (f *fakeArxiv) checkPolite(t *testing.T, userAgent string) {
	t.Helper()
	f.mu.Lock()
	most := f.maxInFlight
	f.mu.Unlock()
	if most > 1 {
		t.Errorf("%d requests were in flight at once, want 1", most)
	}
	reqs := f.requests()
	for i, r := range reqs {
		if ua := r.header.Get("User-Agent"); ua != userAgent {
			t.Errorf("request %d (%s): User-Agent = %q, want %q", i, r.path, ua, userAgent)
		}
		if i == 0 {
			continue
		}
		if gap := r.at.Sub(reqs[i-1].at); gap < 3*time.Second {
			t.Errorf("request %d (%s) arrived %v after the previous one, want at least 3s", i, r.path, gap)
		}
	}
}

// client starts an httptest server for f and returns a Client using it.
func (f *fakeArxiv) client(t testing.TB, cfg Config) *Client {
	return New(f.config(t, cfg))
}

// config starts an httptest server for f and points cfg at it.
func (f *fakeArxiv) config(t testing.TB, cfg Config) Config {
	srv := httptest.NewServer(f)
	hc := srv.Client()
	t.Cleanup(func() {
		hc.CloseIdleConnections()
		srv.Close()
	})
	cfg.BaseURL = srv.URL + "/api/query"
	cfg.OAIBaseURL = srv.URL + "/oai"
	cfg.HTTPClient = hc
	cfg.Clock = f.clock
	return cfg
}

// verifyAll runs Verify and returns the verdicts by paper ID, failing the
// test when a paper is emitted twice or not at all.
func verifyAll(t testing.TB, c *Client, papers []Paper) map[string]Verdict {
	t.Helper()
	got := make(map[string]Verdict)
	err := c.Verify(context.Background(), papers, func(p Paper, v Verdict) {
		if _, dup := got[p.ID]; dup {
			t.Errorf("paper %s emitted twice", p.ID)
		}
		got[p.ID] = v
	})
	if err != nil {
		t.Fatalf("Verify() = %v, want nil", err)
	}
	if len(got) != len(papers) {
		t.Errorf("Verify emitted %d verdicts, want %d", len(got), len(papers))
	}
	return got
}

// addPapers makes the fake know n papers, 2401.00001 on, each titled as
// the catalog has it, and returns them.
func (f *fakeArxiv) addPapers(n int) []Paper {
	papers := make([]Paper, n)
	for i := range papers {
		id := fmt.Sprintf("2401.%05d", i+1)
		f.papers[id] = []string{"Paper " + id}
		papers[i] = Paper{ID: id, Title: "Paper " + id}
	}
	return papers
}
