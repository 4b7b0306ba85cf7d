package checker

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestHostGroup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Example.COM", "example.com"},
		{"example.com.", "example.com"},
		{"arxiv.org", "arxiv.org"},
		{"www.arxiv.org", "arxiv.org"},
		{"export.arxiv.org", "arxiv.org"},
		{"blog.arxiv.org", "blog.arxiv.org"},
	}
	for _, tt := range tests {
		if got := hostGroup(tt.in); got != tt.want {
			t.Errorf("hostGroup(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHostLimits(t *testing.T) {
	arxivPolicy := HostLimit{Rate: 1.0 / 3, Burst: 1, Concurrency: 1}
	tests := []struct {
		hosts map[string]HostLimit
		group string
		want  HostLimit
	}{
		{nil, "example.com", HostLimit{Rate: DefaultHostRate, Burst: DefaultHostBurst, Concurrency: DefaultHostConcurrency}},
		{map[string]HostLimit{"slow.example": {Rate: 0.5}}, "slow.example", HostLimit{Rate: 0.5, Burst: DefaultHostBurst, Concurrency: DefaultHostConcurrency}},
		{nil, "arxiv.org", arxivPolicy},
		{map[string]HostLimit{"slow.example": {Rate: 0.5}}, "arxiv.org", arxivPolicy},
		{map[string]HostLimit{"arxiv.org": {Concurrency: 2}}, "arxiv.org", HostLimit{Rate: 1.0 / 3, Burst: 1, Concurrency: 2}},
		{map[string]HostLimit{"export.arxiv.org": {Rate: 0.25}}, "arxiv.org", HostLimit{Rate: 0.25, Burst: 1, Concurrency: 1}},
	}
	for _, tt := range tests {
		o, err := Options{Hosts: tt.hosts}.withDefaults()
		if err != nil {
			t.Fatal(err)
		}
		if got := o.hostLimit(tt.group); got != tt.want {
			t.Errorf("hostLimit(%s) with overrides %v = %+v, want %+v", tt.group, tt.hosts, got, tt.want)
		}
	}
}

// TestWaitingHostHoldsNoGlobalSlot: a request queued behind its busy host
// must leave the global slots to other hosts.
func TestWaitingHostHoldsNoGlobalSlot(t *testing.T) {
	o, _ := Options{Concurrency: 2, HostConcurrency: 1, HostRate: 1000, HostBurst: 10}.withDefaults()
	p := newHostPool(&o)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	releaseA, err := p.acquire(ctx, "a.example")
	if err != nil {
		t.Fatal(err)
	}
	waiting := make(chan error, 1)
	go func() {
		rel, err := p.acquire(ctx, "a.example") // blocks: a.example's one slot is taken
		if err == nil {
			rel()
		}
		waiting <- err
	}()
	// With one global slot left, b.example must get it although a second
	// request for a.example is queued.
	releaseB, err := p.acquire(ctx, "b.example")
	if err != nil {
		t.Fatalf("acquire(b.example) while a.example is busy = %v, want a slot", err)
	}
	releaseB()
	releaseA()
	if err := <-waiting; err != nil {
		t.Errorf("queued acquire(a.example) = %v, want a slot once released", err)
	}
}

func TestAdaptiveBackoff(t *testing.T) {
	o, _ := Options{HostRate: 8, HostBurst: 1}.withDefaults()
	p := newHostPool(&o)
	h := p.host("busy.example")
	steps := []struct {
		name string
		do   func()
		want float64
	}{
		{"429 halves", func() { h.throttled(0) }, 4},
		{"again", func() { h.throttled(0) }, 2},
		{"success recovers a sixteenth", h.succeeded, 2.5},
		{"many successes stop at the configured rate", func() {
			for range 100 {
				h.succeeded()
			}
		}, 8},
		{"floor", func() {
			for range 20 {
				h.throttled(0)
			}
		}, minThrottledRate},
	}
	for _, s := range steps {
		s.do()
		if got := float64(h.limiter.Limit()); got != s.want {
			t.Errorf("%s: rate = %v, want %v", s.name, got, s.want)
		}
	}

	// A Retry-After blocks the host that sent it, and only that host.
	h.throttled(time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	short, cancelShort := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancelShort()
	if release, err := p.acquire(short, "busy.example"); err == nil {
		release()
		t.Errorf("acquire on a host blocked by Retry-After succeeded, want it to wait")
	}
	release, err := p.acquire(ctx, "calm.example")
	if err != nil {
		t.Fatalf("acquire(calm.example) while busy.example is blocked = %v, want a slot", err)
	}
	release()
}

// inFlight counts concurrent requests per host and overall.
type inFlight struct {
	mu              sync.Mutex
	cur, max        int
	perHost, hostHi map[string]int
}

func (f *inFlight) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.cur++
		f.perHost[r.Host]++
		f.max = max(f.max, f.cur)
		f.hostHi[r.Host] = max(f.hostHi[r.Host], f.perHost[r.Host])
		f.mu.Unlock()
		defer func() {
			f.mu.Lock()
			f.cur--
			f.perHost[r.Host]--
			f.mu.Unlock()
		}()
		h.ServeHTTP(w, r)
	})
}

func TestConcurrencyBounds(t *testing.T) {
	w := fakeweb.New(t)
	f := &inFlight{perHost: map[string]int{}, hostHi: map[string]int{}}
	var rs []catalog.Resource
	for h := range 6 {
		host := fmt.Sprintf("h%d.example", h)
		w.Handle(host, f.wrap(fakeweb.Latency(20*time.Millisecond, fakeweb.Page("P", ""))))
		for i := range 6 {
			rs = append(rs, entry(fmt.Sprintf("%s-%d", host, i), fmt.Sprintf("https://%s/%d", host, i)))
		}
	}
	o := testOptions(w)
	o.Concurrency = 5
	o.HostConcurrency = 2
	results, err := run(t, newChecker(t, o), catalogOf(rs...))
	if err != nil || len(results) != len(rs) {
		t.Fatalf("Check = %d results, %v; want %d, nil", len(results), err, len(rs))
	}
	if f.max > 5 {
		t.Errorf("%d requests in flight at once, want at most Concurrency 5", f.max)
	}
	for host, n := range f.hostHi {
		if n > 2 {
			t.Errorf("%s had %d requests in flight, want at most HostConcurrency 2", host, n)
		}
	}
	if f.max < 3 {
		t.Errorf("at most %d requests in flight over 6 hosts, want hosts checked in parallel", f.max)
	}
}

// TestArxivGateSharesHostGroup: the gate given to the arXiv client and
// fetches of arxiv.org pages take the same one-at-a-time slot.
func TestArxivGateSharesHostGroup(t *testing.T) {
	o, _ := Options{Concurrency: 4, HostRate: 1000, Hosts: map[string]HostLimit{"arxiv.org": {Rate: 1000, Burst: 10}}}.withDefaults()
	p := newHostPool(&o)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	release, err := p.acquire(ctx, hostGroup("www.arxiv.org"))
	if err != nil {
		t.Fatal(err)
	}
	short, cancelShort := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancelShort()
	g := gate{pool: p, group: arxivGroup}
	if rel, err := g.Acquire(short); err == nil {
		rel()
		t.Fatalf("gate.Acquire while an arxiv.org fetch is in flight succeeded, want it to wait")
	}
	release()
	rel, err := g.Acquire(ctx)
	if err != nil {
		t.Fatalf("gate.Acquire after release = %v", err)
	}
	rel()
}

// TestHostRateUnderGlobalContention: requests of one host that queued
// together for a global slot (held here by a slow host) must still reach
// their host at its rate, not all at once when slots free up.
func TestHostRateUnderGlobalContention(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("slow.example", fakeweb.Latency(2*time.Second, fakeweb.Page("Slow", "<h1>slow</h1>")))
	w.Handle("busy.example", fakeweb.RateLimited(2, fakeweb.Page("Busy", "<h1>busy</h1>")))
	o := testOptions(w)
	o.Concurrency = 1
	// Half the server's rate, so that connection set-up cannot make paced
	// requests look early; its burst of 2 is the server's.
	o.HostRate, o.HostBurst, o.HostConcurrency = 1, 2, 2
	o.RequestTimeout = 5 * time.Second
	rs := []catalog.Resource{entry("slow", "https://slow.example/")}
	for i := range 6 {
		rs = append(rs, entry(fmt.Sprint("b", i), fmt.Sprintf("https://busy.example/%d", i)))
	}
	results, err := run(t, newChecker(t, o), catalogOf(rs...))
	if err != nil {
		t.Fatal(err)
	}
	if n := w.CountCode(http.StatusTooManyRequests); n != 0 {
		t.Errorf("busy.example answered 429 %d times: its requests were not paced at send time\n%v", n, w.Log())
	}
	for _, r := range results {
		if r.Status != status.OK {
			t.Errorf("%s: %v %s, want ok", r.ID, r.Status, r.Message)
		}
	}
}
