package arxiv

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestVerifyThousandPapers runs 1,000 IDs through the client's own pool on
// the fake clock: ten full batches, each arriving at least 3 s after the
// previous one.
func TestVerifyThousandPapers(t *testing.T) {
	f := newFakeArxiv(t)
	papers := f.addPapers(1000)
	got := verifyAll(t, f.client(t, Config{UserAgent: "linkcheck-test/1"}), papers)
	for id, v := range got {
		if v.Status != status.OK {
			t.Errorf("%s: status = %v (%s), want ok", id, v.Status, v.Message)
		}
	}
	reqs := f.requests()
	if len(reqs) != 10 {
		t.Fatalf("requests = %d, want 10 (ceil(1000/100))", len(reqs))
	}
	seen := make(map[string]bool)
	for i, r := range reqs {
		ids := strings.Split(r.query.Get("id_list"), ",")
		if len(ids) != 100 || r.query.Get("max_results") != "100" || r.query.Get("start") != "0" {
			t.Errorf("request %d: %d IDs, start=%s, max_results=%s; want 100, 0, 100", i, len(ids), r.query.Get("start"), r.query.Get("max_results"))
		}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("request %d: %s asked twice", i, id)
			}
			seen[id] = true
		}
		if acc := r.header.Get("Accept"); acc != "application/atom+xml" {
			t.Errorf("request %d: Accept = %q, want application/atom+xml", i, acc)
		}
	}
	f.checkPolite(t, "linkcheck-test/1")
}

// slowWire delays each request on its way to arXiv by the next of delays,
// on the fake clock: the network's latency and its jitter.
type slowWire struct {
	next   http.RoundTripper
	clock  Clock
	delays []time.Duration

	mu sync.Mutex
	n  int
}

func (s *slowWire) RoundTrip(req *http.Request) (*http.Response, error) {
	s.mu.Lock()
	d := s.delays[s.n%len(s.delays)]
	s.n++
	s.mu.Unlock()
	<-s.clock.After(d)
	return s.next.RoundTrip(req)
}

// TestArrivalsThreeSecondsApartDespiteJitter: a request slowed on its way
// must not bring the next one within 3 s of it at arXiv. Pacing request
// starts 3 s apart would: the slowed request arrives 1.5 s late and the
// next one on time.
func TestArrivalsThreeSecondsApartDespiteJitter(t *testing.T) {
	f := newFakeArxiv(t)
	papers := f.addPapers(500)
	cfg := f.config(t, Config{BatchSize: 100, UserAgent: "linkcheck-test/1"})
	cfg.HTTPClient.Transport = &slowWire{next: cfg.HTTPClient.Transport, clock: f.clock,
		delays: []time.Duration{1500 * time.Millisecond, 0, 200 * time.Millisecond}}
	verifyAll(t, New(cfg), papers)
	if n := len(f.requests()); n != 5 {
		t.Errorf("requests = %d, want 5", n)
	}
	f.checkPolite(t, "linkcheck-test/1")
}

// TestVerifyConcurrentCallsShareThePace runs several Verify calls on one
// Client at once: together they must still keep to one request at a time
// and 3 s between arrivals.
func TestVerifyConcurrentCallsShareThePace(t *testing.T) {
	f := newFakeArxiv(t)
	c := f.client(t, Config{BatchSize: 10, UserAgent: "linkcheck-test/1"})
	const calls, perCall = 4, 30
	papers := make([][]Paper, calls)
	for n := range calls {
		for i := range perCall {
			id := fmt.Sprintf("24%02d.%05d", n+1, i+1)
			f.papers[id] = []string{"Paper " + id}
			papers[n] = append(papers[n], Paper{ID: id, Title: "Paper " + id})
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, calls)
	verdicts := make([]int, calls)
	for n := range calls {
		wg.Go(func() {
			errs[n] = c.Verify(context.Background(), papers[n], func(_ Paper, v Verdict) {
				if v.Status == status.OK {
					verdicts[n]++
				}
			})
		})
	}
	wg.Wait()
	for n := range calls {
		if errs[n] != nil || verdicts[n] != perCall {
			t.Errorf("Verify call %d = %v with %d ok verdicts, want nil and %d", n, errs[n], verdicts[n], perCall)
		}
	}
	if got, want := len(f.requests()), calls*perCall/10; got != want {
		t.Errorf("requests = %d, want %d", got, want)
	}
	f.checkPolite(t, "linkcheck-test/1")
}

// sharedPool is a run's pool as the checker makes it: arXiv's group at
// arXiv's limit, on the fake clock, with back-off jitter pinned to its
// middle.
func sharedPool(f *fakeArxiv) *hostpool.Pool {
	return hostpool.New(hostpool.Config{
		Limit: func(group string) hostpool.Limit {
			if group == Group {
				return Limit()
			}
			return hostpool.Limit{Rate: 2, Burst: 2, Concurrency: 2}
		},
		Retry:  hostpool.DefaultPolicy(),
		Clock:  f.clock,
		Jitter: func() float64 { return 0.5 },
	})
}

// TestVerifyRetriesSlowTheGroup: API and OAI-PMH requests go through the
// run's pool, so that arXiv's 503 and 429 slow arXiv's host group in it
// like any other host's: the group's rate halves, the next request comes
// one (longer) interval after the answer.
func TestVerifyRetriesSlowTheGroup(t *testing.T) {
	f := newFakeArxiv(t)
	f.script = map[string][]reply{"1706.03762": {{code: 503}, {code: 502}, {code: 429}, {file: "current_batch.xml"}}}
	cfg := f.config(t, Config{UserAgent: "linkcheck-test/1"})
	cfg.Pool = sharedPool(f)
	got := verifyAll(t, New(cfg), []Paper{{ID: "1706.03762", Title: attention}})
	if v := got["1706.03762"]; v.Status != status.OK || v.Attempts != 4 {
		t.Errorf("verdict = %v after %d attempts (%s), want ok after 4", v.Status, v.Attempts, v.Message)
	}
	reqs := f.requests()
	// 503: rate halved to one per 6 s; 502: unchanged; 429: halved again.
	want := []time.Duration{6 * time.Second, 6 * time.Second, 12 * time.Second}
	if len(reqs) != len(want)+1 {
		t.Fatalf("requests = %d, want %d", len(reqs), len(want)+1)
	}
	for i, w := range want {
		if gap := reqs[i+1].at.Sub(reqs[i].at); gap != w {
			t.Errorf("retry %d came %v after the previous attempt, want %v", i+1, gap, w)
		}
	}
	if r := cfg.Pool.Rate(Group); r >= 1.0/3 {
		t.Errorf("arXiv's rate in the shared pool after a 429 = %v, want below 1/3", r)
	}
}

// TestVerifyRetryAfterBeyondLimit: a server asking for a longer wait than
// the client will spend is not asked again early; the paper is left
// unverified (Error), not Broken.
func TestVerifyRetryAfterBeyondLimit(t *testing.T) {
	f := newFakeArxiv(t)
	f.script = map[string][]reply{"1706.03762": {
		{code: 429, header: map[string]string{"Retry-After": "3600"}, file: "throttled.html"},
		{file: "current_batch.xml"},
	}}
	got := verifyAll(t, f.client(t, Config{}), []Paper{{ID: "1706.03762", Title: attention}})
	v := got["1706.03762"]
	const msg = "arXiv API unavailable: HTTP 429; arXiv asked to wait 1h0m0s before retrying (after 1 attempt)"
	if v.Status != status.Error || v.Message != msg {
		t.Errorf("verdict = %v (%s), want error (%s)", v.Status, v.Message, msg)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("requests = %d, want 1", n)
	}
}
