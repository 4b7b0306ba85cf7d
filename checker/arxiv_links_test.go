package checker

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// linkFeed is a fake arXiv API that knows every ID it is asked for but
// 2401.99999, each at version 3, all titled "Some paper".
func linkFeed(asked *[]string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids := strings.Split(r.URL.Query().Get("id_list"), ",")
		*asked = append(*asked, r.URL.Query().Get("id_list"))
		var b strings.Builder
		n := 0
		for _, id := range ids {
			if id == "2401.99999" {
				continue
			}
			n++
			fmt.Fprintf(&b, "<entry><id>http://arxiv.org/abs/%sv3</id><title>Some paper</title><updated>2024-03-01T00:00:00Z</updated><published>2024-01-01T00:00:00Z</published></entry>\n", id)
		}
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns="http://www.w3.org/2005/Atom">
<opensearch:totalResults>%d</opensearch:totalResults>
%s</feed>`, n, b.String())
	})
}

// TestArxivLinksThroughTheAPI: entries that only link to arxiv.org (abs,
// pdf, html, any version, old-style IDs) are verified by the API in one
// request (and the unknown one once more), their pages are never fetched
// (so an http:// link is not moved), a pinned link is outdated like
// a pinned ID, an unknown ID is broken, and, with no paper title in the
// catalog to compare, nothing is retitled.
func TestArxivLinksThroughTheAPI(t *testing.T) {
	w := fakeweb.New(t)
	var asked []string
	w.Handle("export.arxiv.org", linkFeed(&asked))
	w.Handle("arxiv.org", fakeweb.Page("arXiv", ""))
	w.Handle("www.arxiv.org", fakeweb.Page("arXiv", ""))
	links := map[string]struct {
		url  string
		want status.Status
	}{
		"abs":       {"https://arxiv.org/abs/2310.06770", status.OK},
		"abs-v3":    {"https://arxiv.org/abs/2310.06770v3", status.OK},
		"pdf":       {"https://arxiv.org/pdf/2310.06771", status.OK},
		"pdf-ext":   {"https://arxiv.org/pdf/2310.06772v3.pdf", status.OK},
		"html":      {"https://arxiv.org/html/2310.06773v3", status.OK},
		"www":       {"https://www.arxiv.org/abs/2310.06774", status.OK},
		"http":      {"http://arxiv.org/abs/2310.06776", status.OK}, // not moved: never fetched
		"old-style": {"https://arxiv.org/abs/hep-th/9901001", status.OK},
		"pinned":    {"https://arxiv.org/abs/2310.06775v1", status.Updated},
		"unknown":   {"https://arxiv.org/abs/2401.99999", status.Broken},
	}
	linkIDs := map[string]string{
		"abs": "2310.06770", "abs-v3": "2310.06770v3", "pdf-ext": "2310.06772v3",
		"old-style": "hep-th/9901001", "pinned": "2310.06775v1",
	}
	var rs []catalog.Resource
	for id, l := range links {
		r := entry(id, l.url)
		r.Title = "A title that is no paper's"
		rs = append(rs, r)
	}
	for i := range 60 {
		rs = append(rs, entry(fmt.Sprintf("bulk-%d", i), fmt.Sprintf("https://arxiv.org/abs/2402.%05d", i+1)))
	}
	o := testOptions(w)
	o.Arxiv = nil
	results, err := run(t, newChecker(t, o), catalogOf(rs...))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(rs) {
		t.Fatalf("got %d results, want %d", len(results), len(rs))
	}
	for _, r := range results {
		want := status.OK
		if l, ok := links[r.ID]; ok {
			want = l.want
		}
		if r.Status != want || r.Target != result.TargetURL || r.Arxiv == "" {
			t.Errorf("%s (%s): %s %v %q (%s), want a url result with its arXiv ID, %v", r.ID, r.URL, r.Target, r.Status, r.Arxiv, r.Message, want)
		}
		if id, ok := linkIDs[r.ID]; ok && r.Arxiv != id {
			t.Errorf("%s (%s): arxiv = %q, want %q, the ID and version the link names", r.ID, r.URL, r.Arxiv, id)
		}
	}
	// One batch, then the ID it left out asked again: ⌈N/100⌉ + 1.
	if len(asked) != 2 || asked[1] != "2401.99999" {
		t.Errorf("arXiv API got %d requests (%q), want 2 for %d links: one batch, then 2401.99999 again", len(asked), asked, len(rs))
	}
	for _, host := range []string{"arxiv.org", "www.arxiv.org"} {
		if n := w.Requests(host); n != 0 {
			t.Errorf("%s got %d page requests, want none: the API answered", host, n)
		}
	}
}
