package checker

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
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

// TestArxivSharesOneHostGroup: arXiv API requests and fetches of
// arxiv.org pages are paced as one host group of the run's pool, one at a
// time: while an arxiv.org fetch is in flight, an API request waits.
func TestArxivSharesOneHostGroup(t *testing.T) {
	if hostGroup("www.arxiv.org") != arxiv.Group || hostGroup("export.arxiv.org") != arxiv.Group {
		t.Fatalf("hostGroup(www.arxiv.org, export.arxiv.org) = %s, %s; want the arxiv package's group %s",
			hostGroup("www.arxiv.org"), hostGroup("export.arxiv.org"), arxiv.Group)
	}
	o := Options{Concurrency: 4, HostRate: 1000, Hosts: map[string]HostLimit{"arxiv.org": {Rate: 1000, Burst: 10}}}
	p := newChecker(t, o).newPool()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	inFetch, endFetch := make(chan struct{}), make(chan struct{})
	go p.Try(ctx, hostGroup("www.arxiv.org"), func(context.Context) hostpool.Outcome {
		close(inFetch)
		<-endFetch
		return hostpool.Outcome{Code: http.StatusOK}
	})
	<-inFetch
	short, cancelShort := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancelShort()
	if d := p.Try(short, arxiv.Group, func(context.Context) hostpool.Outcome { return hostpool.Outcome{Code: http.StatusOK} }); d.Attempts != 0 {
		t.Errorf("an arXiv API request was sent while an arxiv.org fetch was in flight")
	}
	close(endFetch)
	if d := p.Try(ctx, arxiv.Group, func(context.Context) hostpool.Outcome { return hostpool.Outcome{Code: http.StatusOK} }); d.Attempts != 1 {
		t.Errorf("arXiv API request after the fetch ended = %v, want it sent", d.Err)
	}
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
