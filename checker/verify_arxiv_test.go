package checker

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
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
	if r.Target != result.TargetArxiv || r.Arxiv != "1706.03762v5" || r.Status != status.Updated || r.Version != 7 {
		t.Errorf("result = %s %s %v v%d (%s), want arxiv 1706.03762v5 updated v7", r.Target, r.Arxiv, r.Status, r.Version, r.Message)
	}
	if w.Requests("export.arxiv.org") == 0 || ua != o.UserAgent {
		t.Errorf("arXiv API saw %d requests with User-Agent %q, want some with %q", w.Requests("export.arxiv.org"), ua, o.UserAgent)
	}
}

func TestArxivTargets(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("arxiv.org", fakeweb.Page("arXiv", ""))
	w.Handle("example.com", fakeweb.Page("Blog", ""))
	own := catalog.Resource{ID: "own", Title: "Attention", URL: "https://arxiv.org/abs/1706.03762", Arxiv: "1706.03762v5", Section: "s"}
	other := catalog.Resource{ID: "other", Title: "Blog post", URL: "https://example.com/post", Arxiv: "2005.14165", Section: "s"}
	foreign := catalog.Resource{ID: "foreign", Title: "Survey", URL: "https://arxiv.org/abs/2303.18223", Arxiv: "2005.14165", Section: "s"}
	bad := catalog.Resource{ID: "bad", Title: "Bad", Arxiv: "1713.00001", Section: "s"}
	own.Accept = []catalog.Accept{{Status: status.Updated, Reason: "we cite v5"}}
	cat := catalogOf(own, other, foreign, bad)
	fv := &fakeVerifier{verdicts: map[string]arxiv.Verdict{
		"1706.03762": {Status: status.Updated, CurrentTitle: "Attention", LatestVersion: 7, Message: "v7 available", Attempts: 1},
		"2005.14165": {Status: status.Retitled, CurrentTitle: "Language Models are Few-Shot Learners", Similarity: 0.2, LatestVersion: 4},
	}}
	o := testOptions(w)
	o.Arxiv = fv
	c := newChecker(t, o)
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results {
		got = append(got, fmt.Sprintf("%s/%s/%s/%s/v%d", r.ID, r.Target, r.Arxiv, r.Status, r.Version))
	}
	want := []string{
		"own/arxiv/1706.03762v5/ok/v7",
		"other/url//ok/v0",
		"other/arxiv/2005.14165/retitled/v4",
		"foreign/url/2303.18223/ok/v1", // an arxiv.org link is verified through the API
		"foreign/arxiv/2005.14165/retitled/v4",
		"bad/arxiv//error/v0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := c.Plan(cat); n != len(results) {
		t.Errorf("Plan = %d, want %d (the results emitted)", n, len(results))
	}
	if n := w.Requests("arxiv.org"); n != 0 {
		t.Errorf("arxiv.org got %d requests, want none (arxiv.org links are asked of the API)", n)
	}
	wantPapers := []arxiv.Paper{
		{ID: "1706.03762", Version: 5, Title: "Attention"},
		{ID: "2005.14165", Title: "Blog post"},
		{ID: "2303.18223", Link: true},
		{ID: "2005.14165", Title: "Survey"},
	}
	if fmt.Sprint(fv.seen) != fmt.Sprint(wantPapers) {
		t.Errorf("verifier got %+v, want %+v", fv.seen, wantPapers)
	}
}

func TestArxivVerifierFailure(t *testing.T) {
	w := fakeweb.New(t)
	o := testOptions(w)
	o.Arxiv = &fakeVerifier{err: errors.New("arXiv API answered 503")}
	cat := catalogOf(catalog.Resource{ID: "p", Title: "P", Arxiv: "1706.03762", Section: "s"})
	results, err := run(t, newChecker(t, o), cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].Status != status.Error || results[0].Message != "arXiv verification failed: arXiv API answered 503" {
		t.Errorf("results = %+v, want one error result naming the failure", results)
	}
}

// TestArxivSkipped: a skipped entry's paper and arxiv.org link are skipped
// results of their own kinds, the paper naming its ID, and arXiv is not
// asked about them.
func TestArxivSkipped(t *testing.T) {
	w := fakeweb.New(t)
	fv := &fakeVerifier{}
	o := testOptions(w)
	o.Arxiv = fv
	o.Only = map[string]bool{}
	cat := catalogOf(catalog.Resource{ID: "p", Title: "P", URL: "https://arxiv.org/abs/2303.18223", Arxiv: "1706.03762v2", Section: "s"})
	results, err := run(t, newChecker(t, o), cat)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range results {
		got = append(got, fmt.Sprintf("%s/%s/%q/%s", r.Target, r.Arxiv, r.URL, r.Status))
	}
	want := `url//"https://arxiv.org/abs/2303.18223"/skipped arxiv/1706.03762v2/"https://arxiv.org/abs/2303.18223"/skipped`
	if strings.Join(got, " ") != want {
		t.Errorf("results = %s, want %s", strings.Join(got, " "), want)
	}
	if len(fv.seen) != 0 {
		t.Errorf("arXiv was asked about %v, want nothing", fv.seen)
	}
}
