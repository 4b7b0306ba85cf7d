package checker

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestTokenBucketPacesHost: once a host's burst is spent, the next request
// waits for a token, and an override applies to its host only.
func TestTokenBucketPacesHost(t *testing.T) {
	p := newChecker(t, Options{HostConcurrency: 4, HostRate: 1000, HostBurst: 1,
		Hosts: map[string]HostLimit{"strict.example": {Rate: 0.1, Burst: 1}}}).newPool()
	send := func(ctx context.Context, host string) error {
		d := p.Try(ctx, host, func(context.Context) hostpool.Outcome { return hostpool.Outcome{Code: http.StatusOK} })
		return d.Err
	}
	tests := []struct {
		host   string
		second bool // whether a second request may start within the window
	}{
		{"strict.example", false}, // next token in 10 s
		{"free.example", true},    // next token in 1 ms
	}
	// The window is far from both hosts' next tokens, so a slow machine
	// cannot change the answer.
	const window = time.Second
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := send(ctx, tt.host); err != nil {
				t.Fatalf("first request to %s = %v", tt.host, err)
			}
			short, cancelShort := context.WithTimeout(ctx, window)
			defer cancelShort()
			err := send(short, tt.host)
			if got := err == nil; got != tt.second {
				t.Errorf("second request to %s within %v = %v, want success %v", tt.host, window, err, tt.second)
			}
			if err != nil && !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("second request to %s = %v, want context.DeadlineExceeded", tt.host, err)
			}
		})
	}
}

// TestStrictHostDoesNotStallOthers: with one global slot, a host whose
// next token is an hour away must not keep another host from finishing.
func TestStrictHostDoesNotStallOthers(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("strict.example", fakeweb.Page("Strict", ""))
	w.Handle("fast.example", fakeweb.Latency(5*time.Millisecond, fakeweb.Page("Fast", "")))
	var rs []catalog.Resource
	for i := range 6 {
		rs = append(rs, entry(fmt.Sprint("strict", i), fmt.Sprintf("https://strict.example/%d", i)))
	}
	const fastURLs = 5
	for i := range fastURLs {
		rs = append(rs, entry(fmt.Sprint("fast", i), fmt.Sprintf("https://fast.example/%d", i)))
	}
	o := testOptions(w)
	o.Concurrency = 1
	o.Hosts = map[string]HostLimit{"strict.example": {Rate: 1.0 / 3600, Burst: 1, Concurrency: 2}}
	c := newChecker(t, o)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	fast := 0
	err := c.Check(ctx, catalogOf(rs...), func(r result.Result) {
		if u, _ := url.Parse(r.URL); u.Host == "fast.example" && r.Status == status.OK {
			fast++
			if fast == fastURLs {
				cancel() // the strict host would take hours; what matters is done
			}
		}
	})
	if fast != fastURLs || !errors.Is(err, context.Canceled) {
		t.Errorf("Check = %v with %d of %d fast URLs ok, want all of them before the strict host's second token",
			err, fast, fastURLs)
	}
}

// TestBackoffLeavesTheHostToOthers: a URL waiting out a back-off between
// tries is not in flight, so its host's other URLs use the free slot
// meanwhile. The first URL's 500 asks for an hour's wait (a 500 does not
// throttle the host, and the wait is within MaxRetryWait); the second URL
// of the same host, one slot, must be checked during that hour.
//
// The second URL is watched at the server: a host's 2xx pages are
// reported once all its links are checked (see webpage.HostPages), so its
// result waits for the first URL's retry, but its request must not.
func TestBackoffLeavesTheHostToOthers(t *testing.T) {
	w := fakeweb.New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var served atomic.Bool
	mux := http.NewServeMux()
	mux.Handle("/waits", fakeweb.WithHeader("Retry-After", "3600", fakeweb.Status(http.StatusInternalServerError)))
	mux.Handle("/next", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fakeweb.Page("Next", "").ServeHTTP(rw, r)
		served.Store(true)
		cancel() // the first URL's retry is an hour away; what matters is done
	}))
	w.Handle("one.example", mux)
	o := testOptions(w)
	o.MaxRetryWait = 2 * time.Hour
	o.Hosts = map[string]HostLimit{"one.example": {Rate: 1000, Burst: 10, Concurrency: 1}}
	c := newChecker(t, o)

	err := c.Check(ctx, catalogOf(entry("waits", "https://one.example/waits"), entry("next", "https://one.example/next")),
		func(result.Result) {})
	if !served.Load() || !errors.Is(err, context.Canceled) {
		t.Errorf("Check = %v, second URL served: %v; want it served while the first waits out its back-off", err, served.Load())
	}
}

// TestRetryAfter: a 429's Retry-After is waited for before the retry; a
// host asking for longer than MaxRetryWait is not asked again early (its
// answer stands, and says how long it asked for), so a hostile value
// cannot stall the run.
func TestRetryAfter(t *testing.T) {
	w := fakeweb.New(t)
	far := time.Now().Add(24 * time.Hour).UTC().Format(http.TimeFormat)
	w.Handle("later.example", fakeweb.Sequence(
		fakeweb.WithHeader("Retry-After", "1", fakeweb.Status(429)),
		fakeweb.Page("Fine", ""),
	))
	w.Handle("never.example", fakeweb.WithHeader("Retry-After", "86400", fakeweb.Status(429)))
	w.Handle("date.example", fakeweb.WithHeader("Retry-After", far, fakeweb.Status(503)))
	o := testOptions(w)
	o.MaxRetryWait = 2 * time.Second
	c := newChecker(t, o)
	tests := []struct {
		url      string
		want     status.Status
		attempts int
		minTime  time.Duration // the Retry-After waited
		message  string
	}{
		// Full-jitter back-off alone would wait less than a second (its
		// first ceiling is 500 ms); only the Retry-After waits all of it.
		{"https://later.example/", status.OK, 2, time.Second, ""},
		{"https://never.example/", status.Blocked, 1, 0, "(asked to wait 24h0m0s before retrying)"},
		{"https://date.example/", status.Error, 1, 0, "(asked to wait 23h59m"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := checkOne(t, c, tt.url)
			if r.Status != tt.want || r.Attempts != tt.attempts {
				t.Errorf("check(%s) = %v after %d attempts (%s), want %v after %d",
					tt.url, r.Status, r.Attempts, r.Message, tt.want, tt.attempts)
			}
			if r.Duration < tt.minTime {
				t.Errorf("check(%s) took %v, want at least the Retry-After %v", tt.url, r.Duration, tt.minTime)
			}
			if !strings.Contains(r.Message, tt.message) {
				t.Errorf("check(%s) message = %q, want it to contain %q", tt.url, r.Message, tt.message)
			}
		})
	}
}

// TestNoResultForUnsentRequest: when the run's deadline comes before a
// host's next token, the URL was never tried; the run ends without a
// result for it rather than with a made-up timeout.
func TestNoResultForUnsentRequest(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("strict.example", fakeweb.Page("Strict", ""))
	var rs []catalog.Resource
	for i := range 3 {
		rs = append(rs, entry(fmt.Sprint("e", i), fmt.Sprintf("https://strict.example/%d", i)))
	}
	o := testOptions(w)
	o.Hosts = map[string]HostLimit{"strict.example": {Rate: 1.0 / 3600, Burst: 1, Concurrency: 3}}
	// Past the first request's stagger with time to spare for a slow
	// machine; the second token is an hour away whatever happens.
	// (The stagger is at most a second.)
	o.Timeout = 3 * time.Second
	results, err := run(t, newChecker(t, o), catalogOf(rs...))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Check = %v, want context.DeadlineExceeded", err)
	}
	for _, r := range results {
		if r.Status != status.OK {
			t.Errorf("result %s = %v (%s), want only results of requests that were sent", r.ID, r.Status, r.Message)
		}
	}
	if sent := w.Requests("strict.example"); len(results) != sent {
		t.Errorf("got %d results for %d requests sent, want one per request", len(results), sent)
	}
}

// TestRateWithinServerLimit: paced at the server's own rate, the checker
// never sees a 429. Each host gets more URLs than the server's burst, so
// that a checker ignoring its token bucket would be refused.
func TestRateWithinServerLimit(t *testing.T) {
	w := fakeweb.New(t)
	var rs []catalog.Resource
	for h := range 2 {
		host := fmt.Sprintf("r%d.example", h)
		w.Handle(host, fakeweb.RateLimited(50, fakeweb.Page("P", "")))
		for i := range 60 {
			rs = append(rs, entry(fmt.Sprintf("%s-%d", host, i), fmt.Sprintf("https://%s/%d", host, i)))
		}
	}
	o := testOptions(w)
	o.HostRate, o.HostBurst = 50, 1
	o.Retries = -1
	results, err := run(t, newChecker(t, o), catalogOf(rs...))
	if err != nil || len(results) != len(rs) {
		t.Fatalf("Check = %d results, %v; want %d, nil", len(results), err, len(rs))
	}
	if n := w.CountCode(429); n != 0 {
		t.Errorf("server answered %d 429s, want 0", n)
	}
}

// TestRetryAfterThrottlesHost: a 429 with Retry-After slows the host down
// until later answers win its rate back, and the URL still ends up fine.
func TestRetryAfterThrottlesHost(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("busy.example", fakeweb.Sequence(
		fakeweb.WithHeader("Retry-After", "0", fakeweb.Status(429)),
		fakeweb.Page("Fine", ""),
	))
	o := testOptions(w)
	c := newChecker(t, o)
	p := c.newPool()
	f := webpage.NewFetcher(c.pageConfig(), c.client, p, nil)
	o2, _ := f.Fetch(context.Background(), "https://busy.example/", nil)
	defer c.transport.CloseIdleConnections()
	if o2.Attempts != 2 || o2.Code != 200 {
		t.Errorf("fetch(busy) = %d after %d attempts, want 200 after 2", o2.Code, o2.Attempts)
	}
	if got, limit := p.Rate("busy.example"), c.opts.HostRate; got >= limit {
		t.Errorf("rate after a 429 = %v, want below the configured %v", got, limit)
	}
}
