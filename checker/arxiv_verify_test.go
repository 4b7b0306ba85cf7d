package checker

import (
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

const attentionFeed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <opensearch:totalResults>1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/1706.03762v7</id>
    <title>Attention Is All You Need</title>
    <updated>2023-08-02T00:41:18Z</updated>
    <published>2017-06-12T17:57:34Z</published>
    <summary>The dominant sequence transduction models...</summary>
  </entry>
</feed>`

// TestRealArxivClient wires the arxiv package's client: its API calls go
// through the checker's transport to the fake web, paced by the arXiv host
// group, and its verdicts become results.
func TestRealArxivClient(t *testing.T) {
	w := fakeweb.New(t)
	var ua string
	w.Handle("export.arxiv.org", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		rw.Header().Set("Content-Type", "application/atom+xml")
		_, _ = rw.Write([]byte(attentionFeed))
	}))
	o := testOptions(w)
	o.Arxiv = nil
	o.UserAgent = DefaultUserAgent("test")
	c := newChecker(t, o)
	cat := catalogOf(catalog.Resource{ID: "attention", Title: "Attention Is All You Need", Arxiv: "1706.03762v5",
		URL: "https://arxiv.org/abs/1706.03762", Section: "s"})
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1 (the arXiv one)", len(results))
	}
	r := results[0]
	if r.Target != TargetArxiv || r.Arxiv != "1706.03762" || r.Status != status.Updated || r.Version != 7 {
		t.Errorf("result = %s %s %v v%d (%s), want arxiv 1706.03762 updated v7", r.Target, r.Arxiv, r.Status, r.Version, r.Message)
	}
	if w.Requests("export.arxiv.org") == 0 || ua != o.UserAgent {
		t.Errorf("arXiv API saw %d requests with User-Agent %q, want some with %q", w.Requests("export.arxiv.org"), ua, o.UserAgent)
	}
}
