package catalogedit

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
)

// fixCatalog has one entry for each kind of finding fix acts on or leaves
// to a person; fakeSites and fakePapers script what the web says of each.
const fixCatalog = `version: 1
sections:
  - id: posts
    title: Posts # the blogs
    resources:
      - id: moved-post
        title: A moved post
        kind: post
        url: https://old.test/post   # 301 to new.test
      - {id: moved-to-http, title: Downgraded, kind: post, url: "https://sec.test/p"}
      - id: temporary
        title: Temporarily elsewhere
        kind: post
        url: https://temp.test/p
      - id: retired
        title: Retired page
        kind: post
        url: https://retired.test/deep/page
      - id: dead
        title: Dead
        kind: post
        url: https://dead.test/x
      - id: fine
        title: Fine
        kind: post
        url: https://fine.test/
  - id: papers
    title: Papers
    resources:
      - id: attention
        title: Attention Is All You Need
        kind: paper
        url: https://arxiv.org/abs/1706.03762v5
        arxiv: "1706.03762v5"
      - id: toolformer
        title: 'Toolformer: Language Models Can Teach Themselves to Use Tools'
        kind: paper
        arxiv: 2302.04761
      - id: wrong-id
        title: >-
          ReAct: Synergizing Reasoning and Acting
          in Language Models
        kind: paper
        arxiv: arXiv:2210.03629
`

func fakeSites() map[string]http.Handler {
	retired := http.NewServeMux()
	retired.Handle("/deep/page", fakeweb.Redirect(http.StatusMovedPermanently, "/"))
	retired.Handle("/", fakeweb.Page("Home", "<h1>home</h1>"))
	// A blog whose every unknown path answers 200 with its not-found
	// template.
	quiet := http.NewServeMux()
	quiet.Handle("/{$}", fakeweb.Page("Quiet Notes", "<h1>Quiet Notes</h1>"))
	quiet.Handle("/", fakeweb.Page("Lost? – Quiet Notes", "<h1>Lost?</h1>"))
	return map[string]http.Handler{
		"old.test":     fakeweb.Redirect(http.StatusMovedPermanently, "https://new.test/post"),
		"new.test":     fakeweb.Page("A moved post", "<h1>moved</h1>"),
		"sec.test":     fakeweb.Redirect(http.StatusMovedPermanently, "http://plain.test/p"),
		"plain.test":   fakeweb.Page("Downgraded", "<h1>http</h1>"),
		"temp.test":    fakeweb.Redirect(http.StatusFound, "https://fine.test/elsewhere"),
		"retired.test": retired,
		"dead.test":    fakeweb.Status(http.StatusNotFound),
		"fine.test":    fakeweb.Page("Fine", "<h1>fine</h1>"),
		// Moved for good, then sent on for the moment: a 301 to a page
		// that answers 302 to a session URL.
		"hop.test":  fakeweb.Redirect(http.StatusMovedPermanently, "https://hop2.test/p"),
		"hop2.test": fakeweb.Redirect(http.StatusFound, "https://fine.test/p?session=42"),
		// Upgraded to https, where a cookie wall sends the first visit
		// back to the same address with its cookie.
		"walled.test": upgrade(fakeweb.CookieGate("consent", "yes", "", fakeweb.Page("Walled", "<h1>walled</h1>"))),
		// A lapsed domain sent to a sale lander of another name, and a
		// blog that moved its posts into its not-found template.
		"old-domain.test": fakeweb.Redirect(http.StatusMovedPermanently, "http://lander.test/listing?d=old-domain.test"),
		"lander.test":     fakeweb.Page("old-domain.test is for sale", "<h1>Make an offer</h1>"),
		"oldblog.test":    fakeweb.Redirect(http.StatusMovedPermanently, "https://quiet.test/posts/agents-in-the-wild"),
		"quiet.test":      quiet,
	}
}

// upgrade sends plain http requests to the same address over https with a
// 301 and serves h over https.
func upgrade(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil {
			http.Redirect(w, r, "https://"+r.Host+r.URL.RequestURI(), http.StatusMovedPermanently)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func fakePapers() map[string]fakeweb.Paper {
	return map[string]fakeweb.Paper{
		"1706.03762": {Version: 7, Title: "Attention Is All You Need"},
		"2302.04761": {Version: 1, Title: "Toolformer: Language Models Can Teach Themselves to Use Tools and APIs"},
		"2210.03629": {Version: 1, Title: "A Survey of Large Language Models"},
	}
}

// checkOnFakeWeb runs the real checker over src against the scripted fake
// web and arXiv, so that the tests plan fixes from results production
// makes.
// Each of more adds hosts to the fake web's sites.
func checkOnFakeWeb(t *testing.T, src string, more ...func(sites map[string]http.Handler)) []result.Result {
	t.Helper()
	web := fakeweb.New(t)
	sites := fakeSites()
	for _, add := range more {
		add(sites)
	}
	for host, h := range sites {
		web.Handle(host, h)
	}
	web.Handle("export.arxiv.org", fakeweb.ArxivAPI(fakePapers()))
	cat := mustLoad(t, src)
	c, err := checker.New(checker.Options{
		RequestTimeout: 10 * time.Second,
		Retries:        checker.DefaultRetries,
		AllowPrivate:   true,
		DialContext:    web.DialContext,
		TLSConfig:      web.TLSConfig(),
		Now:            func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		t.Fatal(err)
	}
	var results []result.Result
	if err := c.Check(context.Background(), cat, func(r result.Result) { results = append(results, r) }); err != nil {
		t.Fatalf("Check: %v", err)
	}
	result.Sort(results, cat)
	return results
}

func mustLoad(t *testing.T, src string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Parse("resources.yaml", bytes.NewReader([]byte(src)))
	if err != nil {
		t.Fatalf("catalog: %v", err)
	}
	if ps := cat.Validate(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)); len(ps) > 0 {
		t.Fatalf("catalog: %v", ps)
	}
	return cat
}
