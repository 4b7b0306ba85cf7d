package checker

import (
	"context"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestMain(m *testing.M) {
	fakeweb.RequireLoopback()
	goleak.VerifyTestMain(m)
}

// testOptions points a checker at w with limits that keep tests fast.
func testOptions(w *fakeweb.Web) Options {
	return Options{
		Concurrency:     8,
		HostConcurrency: 4,
		HostRate:        1000,
		HostBurst:       100,
		Hosts:           map[string]HostLimit{"arxiv.org": {Rate: 1000, Burst: 10, Concurrency: 2}},
		// Long enough that a busy machine never times out a healthy
		// fake answer; tests of hanging servers wait it out.
		RequestTimeout: 2 * time.Second,
		Retries:        2,
		MaxRetryWait:   20 * time.Millisecond,
		AllowPrivate:   true,
		DialContext:    w.DialContext,
		TLSConfig:      w.TLSConfig(),
		Arxiv:          &fakeVerifier{},
	}
}

func newChecker(t *testing.T, o Options) *Checker {
	t.Helper()
	c, err := New(o)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// entry is a catalog resource with an ID and URL, for short test tables.
func entry(id, url string) catalog.Resource {
	return catalog.Resource{ID: id, Title: "Title of " + id, Kind: catalog.KindPost, URL: url, Section: "s", Pos: catalog.Pos{Line: 1}}
}

func catalogOf(rs ...catalog.Resource) *catalog.Catalog {
	return &catalog.Catalog{File: "test.yaml", Version: 1, Sections: []catalog.Section{{ID: "s", Title: "S", Resources: rs}}}
}

// run checks cat and returns the results in catalog order.
func run(t *testing.T, c *Checker, cat *catalog.Catalog) ([]result.Result, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var (
		mu      sync.Mutex
		results []result.Result
		active  int
	)
	err := c.Check(ctx, cat, func(r result.Result) {
		mu.Lock()
		active++
		if active > 1 {
			t.Errorf("emit called concurrently")
		}
		results = append(results, r)
		active--
		mu.Unlock()
	})
	result.Sort(results, cat)
	return results, err
}

// checkOne checks a single URL and returns its result.
func checkOne(t *testing.T, c *Checker, url string) result.Result {
	t.Helper()
	results, err := run(t, c, catalogOf(entry("e", url)))
	if err != nil {
		t.Fatalf("Check(%s): %v", url, err)
	}
	if len(results) != 1 {
		t.Fatalf("Check(%s) gave %d results, want 1", url, len(results))
	}
	return results[0]
}

// fakeVerifier answers every paper with a scripted verdict (OK by default).
type fakeVerifier struct {
	mu       sync.Mutex
	verdicts map[string]arxiv.Verdict
	err      error
	seen     []arxiv.Paper
}

func (f *fakeVerifier) Verify(ctx context.Context, papers []arxiv.Paper, emit func(arxiv.Paper, arxiv.Verdict)) error {
	f.mu.Lock()
	f.seen = append(f.seen, papers...)
	f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	for _, p := range papers {
		v, ok := f.verdicts[p.ID]
		if !ok {
			v = arxiv.Verdict{Status: status.OK, CurrentTitle: p.Title, LatestVersion: 1, Attempts: 1}
		}
		emit(p, v)
	}
	return nil
}

// verdict is what a result of a test's catalog should say.
type verdict struct {
	want status.Status
	msg  string
}

// expectVerdicts holds results to want, one verdict per entry id, the
// message compared by match(got, want): every id answered once, and no
// other.
func expectVerdicts(t *testing.T, results []result.Result, match func(got, want string) bool, want map[string]verdict) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range results {
		tt, ok := want[r.ID]
		if !ok || seen[r.ID] {
			t.Errorf("unexpected result %s", r.ID)
			continue
		}
		seen[r.ID] = true
		if r.Status != tt.want || !match(r.Message, tt.msg) {
			t.Errorf("check(%s) = %v %q, want %v %q", r.URL, r.Status, r.Message, tt.want, tt.msg)
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("no result for %s", id)
		}
	}
}

func equal(a, b string) bool { return a == b }
