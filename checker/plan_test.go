package checker

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestTargets: an entry's arxiv.org page of its own paper, in any form, is
// left to the arXiv check; any other URL is fetched.
func TestTargets(t *testing.T) {
	tests := []struct {
		url, arxiv       string
		hasURL, hasArxiv bool
	}{
		{"https://arxiv.org/abs/1706.03762", "1706.03762", false, true},
		{"https://arxiv.org/pdf/1706.03762v5", "1706.03762v5", false, true},
		{"http://www.arxiv.org/pdf/1706.03762.pdf", "1706.03762", false, true},
		{"https://arxiv.org/html/1706.03762v2", "1706.03762", false, true},
		{"https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", false, true},
		{"https://arxiv.org/abs/2005.14165", "1706.03762", true, true},
		{"https://arxiv.org/list/cs.CL/recent", "1706.03762", true, true},
		{"https://example.com/post", "1706.03762", true, true},
		{"https://arxiv.org/abs/1706.03762", "", true, false},
		{"https://arxiv.org/abs/1706.03762", "not-an-id", true, true},
		{"", "1706.03762", false, true},
	}
	for _, tt := range tests {
		r := catalog.Resource{URL: tt.url, Arxiv: tt.arxiv}
		hasURL, hasArxiv := targets(&r)
		if hasURL != tt.hasURL || hasArxiv != tt.hasArxiv {
			t.Errorf("targets(%q, arxiv %q) = %v, %v; want %v, %v", tt.url, tt.arxiv, hasURL, hasArxiv, tt.hasURL, tt.hasArxiv)
		}
	}
}

func TestSkipReason(t *testing.T) {
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	re := regexp.MustCompile
	tests := []struct {
		name      string
		opts      Options
		id, url   string
		ignore    *catalog.Ignore
		wantStart string // "" = checked
	}{
		{name: "no filters", id: "a", url: "https://example.com/a"},
		{name: "exclude by id", opts: Options{Exclude: []*regexp.Regexp{re(`^a$`)}}, id: "a", url: "https://x.example/",
			wantStart: "excluded by filter ^a$"},
		{name: "exclude by url", opts: Options{Exclude: []*regexp.Regexp{re(`x\.example`)}}, id: "a", url: "https://x.example/",
			wantStart: "excluded by filter"},
		{name: "exclude wins over include", opts: Options{Include: []*regexp.Regexp{re(`a`)}, Exclude: []*regexp.Regexp{re(`a`)}},
			id: "a", url: "https://x.example/", wantStart: "excluded"},
		{name: "include any", opts: Options{Include: []*regexp.Regexp{re(`zzz`), re(`x\.example`)}}, id: "a", url: "https://x.example/"},
		{name: "include none", opts: Options{Include: []*regexp.Regexp{re(`zzz`)}}, id: "a", url: "https://x.example/",
			wantStart: "not included by any filter"},
		{name: "only", opts: Options{Only: map[string]bool{"b": true}}, id: "a", wantStart: "unchanged"},
		{name: "ignored for good", id: "a", ignore: &catalog.Ignore{Reason: "paywall"}, wantStart: "ignored: paywall"},
		{name: "ignored until", id: "a", ignore: &catalog.Ignore{Reason: "moving", Until: now.AddDate(0, 0, 1)},
			wantStart: "ignored until 2025-06-02: moving"},
		// The ignore holds through its until day, in UTC (catalog.Ignore.Active).
		{name: "ignore on its until day", id: "a", ignore: &catalog.Ignore{Reason: "moving", Until: now},
			wantStart: "ignored until 2025-06-01: moving"},
		{name: "ignore the day after until", id: "a", ignore: &catalog.Ignore{Reason: "moving", Until: now.AddDate(0, 0, -1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.opts
			o.Now = func() time.Time { return now }
			c := newChecker(t, o)
			r := catalog.Resource{ID: tt.id, URL: tt.url, Ignore: tt.ignore}
			got := c.skipReason(&r)
			if (tt.wantStart == "") != (got == "") || !strings.HasPrefix(got, tt.wantStart) {
				t.Errorf("skipReason(%s) = %q, want %q", tt.name, got, tt.wantStart)
			}
		})
	}
}

// TestResultFields: a result names its entry (id, section, title, line),
// and says what was found and how long it took.
func TestResultFields(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("example.com", fakeweb.Page("The Page", ""))
	r := catalog.Resource{ID: "post", Title: "A post", URL: "https://example.com/post", Section: "reading", Pos: catalog.Pos{Line: 42, Column: 5}}
	cat := &catalog.Catalog{Sections: []catalog.Section{{ID: "reading", Resources: []catalog.Resource{r}}}}
	results, err := run(t, newChecker(t, testOptions(w)), cat)
	if err != nil || len(results) != 1 {
		t.Fatalf("Check = %d results, %v; want 1", len(results), err)
	}
	got := results[0]
	if got.ID != "post" || got.Section != "reading" || got.Title != "A post" || got.Line != 42 {
		t.Errorf("result names %q, %q, %q, line %d; want post, reading, A post, line 42", got.ID, got.Section, got.Title, got.Line)
	}
	if got.Target != result.TargetURL || got.URL != r.URL || got.Status != status.OK || got.Code != 200 || got.PageTitle != "The Page" {
		t.Errorf("result = %s %s %v %d %q, want url %s ok 200 \"The Page\"", got.Target, got.URL, got.Status, got.Code, got.PageTitle, r.URL)
	}
	if got.Attempts != 1 || got.Duration <= 0 || got.FinalURL != "" || got.Redirects != nil {
		t.Errorf("result = %d attempts in %v, final %q, hops %v; want 1 attempt, a duration, no redirects",
			got.Attempts, got.Duration, got.FinalURL, got.Redirects)
	}
}
