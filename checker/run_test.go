package checker

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestHeadFallbackAndBodies(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("nohead.example", fakeweb.HeadRefused(405))
	w.Handle("files.example", fakeweb.HugeBody("application/pdf"))
	w.Handle("bigpage.example", fakeweb.HugeBody("text/html"))
	o := testOptions(w)
	o.MaxBodyBytes = 64 << 10
	c := newChecker(t, o)

	tests := []struct {
		url     string
		methods string // requests the host saw
		maxSent int64  // body bytes the host may have sent
	}{
		{"https://nohead.example/paper.pdf", "HEAD,GET", 1 << 20},
		{"https://files.example/weights.bin", "HEAD", 0},
		{"https://files.example/download", "GET", 4 << 20}, // closed unread: only socket buffers fill
		{"https://bigpage.example/endless", "GET", 8 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := checkOne(t, c, tt.url)
			if r.Status != status.OK {
				t.Errorf("check(%s) = %v (%s), want ok", tt.url, r.Status, r.Message)
			}
			host := strings.Split(tt.url, "/")[2]
			var methods []string
			for _, req := range w.Log() {
				if req.Host == host && strings.HasSuffix(tt.url, req.Path) {
					methods = append(methods, req.Method)
				}
			}
			if got := strings.Join(methods, ","); got != tt.methods {
				t.Errorf("check(%s) sent %s, want %s", tt.url, got, tt.methods)
			}
		})
	}
	// The handler's writes end when the client hangs up; what it managed to
	// write is bounded by the limit plus transport buffers, not endless.
	for _, host := range []string{"files.example", "bigpage.example"} {
		if sent := w.BytesSent(host); sent > 16<<20 {
			t.Errorf("%s sent %d bytes, want the reader to stop early", host, sent)
		}
	}
}

func TestCatalogRules(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("example.com", fakeweb.Page("Hi", ""))
	w.Handle("forbidden.example", fakeweb.Status(403))
	w.Handle("old.example", fakeweb.Redirect(301, "https://new.example/post"))
	w.Handle("new.example", fakeweb.Page("New", ""))

	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	withAccept := entry("accepted", "https://forbidden.example/x")
	withAccept.Accept = []catalog.Accept{{Code: 403, Reason: "Cloudflare blocks bots"}}
	byStatus := entry("accepted-status", "https://forbidden.example/y")
	byStatus.Accept = []catalog.Accept{{Status: status.Blocked, Reason: "known"}}
	alt := entry("alternate", "https://old.example/post")
	alt.Alternates = []string{"https://NEW.example/post#top"}
	ignored := entry("ignored", "https://example.com/ignored")
	ignored.Ignore = &catalog.Ignore{Reason: "site migration", Until: now.AddDate(0, 1, 0)}
	expired := entry("expired", "https://example.com/expired")
	expired.Ignore = &catalog.Ignore{Reason: "old", Until: now.AddDate(0, -1, 0)}
	cat := catalogOf(withAccept, byStatus, alt, ignored, expired,
		entry("excluded", "https://example.com/excluded"),
		entry("dup-a", "https://example.com/same"),
		entry("dup-b", "https://EXAMPLE.com:443/same#frag"),
		entry("secret", "https://user:s3cret@example.com/private"),
	)
	o := testOptions(w)
	o.Now = func() time.Time { return now }
	o.Exclude = []*regexp.Regexp{regexp.MustCompile(`^excluded$`)}
	c := newChecker(t, o)
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]result.Result{}
	for _, r := range results {
		got[r.ID] = r
	}
	tests := []struct {
		id   string
		want status.Status
		msg  string
	}{
		{"accepted", status.OK, "accepted: Cloudflare blocks bots (was blocked, HTTP 403)"},
		{"accepted-status", status.OK, "accepted: known (was blocked, HTTP 403)"},
		{"alternate", status.OK, "redirected to alternate https://NEW.example/post#top"},
		{"ignored", status.Skipped, "ignored until 2025-07-01: site migration"},
		{"expired", status.OK, "HTTP 200; ignore expired on 2025-05-01 (old)"},
		{"excluded", status.Skipped, "excluded by filter ^excluded$"},
		{"dup-a", status.OK, "HTTP 200"},
		{"dup-b", status.OK, "HTTP 200"},
		{"secret", status.OK, "HTTP 200"},
	}
	for _, tt := range tests {
		r, ok := got[tt.id]
		if !ok {
			t.Errorf("no result for %s", tt.id)
			continue
		}
		if r.Status != tt.want || r.Message != tt.msg {
			t.Errorf("result %s = %v, %q; want %v, %q", tt.id, r.Status, r.Message, tt.want, tt.msg)
		}
	}
	for id, r := range got {
		want := time.Time{}
		if id == "expired" {
			want = expired.Ignore.Until
		}
		if !r.IgnoreExpired.Equal(want) {
			t.Errorf("result %s: IgnoreExpired = %v, want %v", id, r.IgnoreExpired, want)
		}
	}
	if n := len(results); n != c.Plan(cat) {
		t.Errorf("Check emitted %d results, Plan said %d", n, c.Plan(cat))
	}
	var sameFetches int
	for _, req := range w.Log() {
		if req.Path == "/same" {
			sameFetches++
		}
	}
	if sameFetches != 1 {
		t.Errorf("a URL used by two entries was fetched %d times, want 1", sameFetches)
	}
	if s := fmt.Sprintf("%+v", got["secret"]); strings.Contains(s, "s3cret") || !strings.Contains(got["secret"].URL, "https://xxxxx@example.com/") {
		t.Errorf("result for a URL with credentials = %s, want them redacted", s)
	}
}

func TestIncludeAndOnly(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("example.com", fakeweb.Page("Hi", ""))
	cat := catalogOf(entry("a", "https://example.com/a"), entry("b", "https://example.com/b"), entry("c", "https://example.com/c"))
	o := testOptions(w)
	o.Include = []*regexp.Regexp{regexp.MustCompile(`/a$|/b$`)}
	o.Only = map[string]bool{"b": true, "c": true}
	results, err := run(t, newChecker(t, o), cat)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a:skipped:unchanged", "b:ok:HTTP 200", "c:skipped:not included by any filter"}
	for i, r := range results {
		if got := r.ID + ":" + r.Status.String() + ":" + r.Message; i >= len(want) || got != want[i] {
			t.Errorf("result %d = %s, want %s", i, got, want[min(i, len(want)-1)])
		}
	}
	if len(results) != len(want) {
		t.Errorf("got %d results, want %d", len(results), len(want))
	}
}

func TestRunTimeout(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("slow.example", fakeweb.Hang())
	w.Handle("fast.example", fakeweb.Page("Fast", ""))
	o := testOptions(w)
	o.RequestTimeout = time.Minute
	// Long enough for the fast host on a loaded machine; the slow one
	// never answers.
	o.Timeout = 2 * time.Second
	results, err := run(t, newChecker(t, o), catalogOf(entry("fast", "https://fast.example/"), entry("slow", "https://slow.example/")))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Check with a hanging host and a run timeout = %v, want context.DeadlineExceeded", err)
	}
	if len(results) != 1 || results[0].ID != "fast" {
		t.Errorf("results = %+v, want only the fast one", results)
	}
}

// TestCancel: cancelling a run (Ctrl-C) stops it at once; the results
// already emitted stand, and the interrupted check emits none.
func TestCancel(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("slow.example", fakeweb.Hang())
	w.Handle("fast.example", fakeweb.Page("Fast", ""))
	c := newChecker(t, testOptions(w))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		mu      sync.Mutex
		results []result.Result
	)
	cat := catalogOf(entry("slow", "https://slow.example/"), entry("fast", "https://fast.example/"))
	done := make(chan error, 1)
	go func() {
		done <- c.Check(ctx, cat, func(r result.Result) {
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
		})
	}()
	for {
		mu.Lock()
		n := len(results)
		mu.Unlock()
		if n > 0 && w.Requests("slow.example") > 0 {
			break
		}
		<-time.After(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Check after cancel = %v, want context.Canceled", err)
	}
	if len(results) != 1 || results[0].ID != "fast" || results[0].Status != status.OK {
		t.Errorf("results = %+v, want only the fast one, ok", results)
	}
}
