package arxiv

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// countingGate is a Gate that counts the requests it admits, pacing them
// with the default pacer.
type countingGate struct {
	next Gate
	mu   sync.Mutex
	n    int
}

func (g *countingGate) Acquire(ctx context.Context) (func(), error) {
	release, err := g.next.Acquire(ctx)
	if err == nil {
		g.mu.Lock()
		g.n++
		g.mu.Unlock()
	}
	return release, err
}

// TestVerifyUsesGate checks that API and OAI-PMH requests alike go through
// the caller's Gate, which is how a run shares one pace with the rest of
// its arxiv.org traffic, and that they keep the pace and identify
// themselves.
func TestVerifyUsesGate(t *testing.T) {
	f := newFakeArxiv(t)
	f.script = map[string][]reply{
		"2401.11111,2402.22222,2403.33333": {{file: "withdrawn_batch.xml"}},
		"oai:arXiv.org:2402.22222":         {{code: 503}, {file: "oai_withdrawn.xml"}},
		"oai:arXiv.org:2403.33333":         {{file: "oai_not_withdrawn.xml"}},
	}
	gate := &countingGate{next: newPacer(f.clock, DefaultInterval)}
	c := f.client(t, Config{Gate: gate, UserAgent: "linkcheck-test/1"})
	verifyAll(t, c, []Paper{
		{ID: "2401.11111", Title: "A Proof of Everything"},
		{ID: "2402.22222", Title: "Agents That Reconsider"},
		{ID: "2403.33333", Title: "Withdrawal Dynamics in Multi-Agent Markets"},
	})
	reqs := f.requests()
	if len(reqs) != 4 || gate.n != len(reqs) {
		t.Errorf("gate admitted %d requests, fake served %d, want 4 and 4", gate.n, len(reqs))
	}
	f.checkPolite(t, "linkcheck-test/1")
}

// TestVerifyConcurrentCallsShareThePace runs several Verify calls on one
// Client at once: together they must still keep to one request at a time
// and DefaultInterval between starts.
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

// TestVerifyBackoffDoubles checks the waits between retries on the wire:
// the base wait, doubled per retry (jitter pinned to its middle).
func TestVerifyBackoffDoubles(t *testing.T) {
	f := newFakeArxiv(t)
	f.script = map[string][]reply{"1706.03762": {{code: 503}, {code: 502}, {code: 429}, {file: "current_batch.xml"}}}
	c := f.client(t, Config{})
	c.jitter = func() float64 { return 0.5 }
	got := verifyAll(t, c, []Paper{{ID: "1706.03762", Title: attention}})
	if v := got["1706.03762"]; v.Status != status.OK || v.Attempts != 4 {
		t.Errorf("verdict = %v after %d attempts (%s), want ok after 4", v.Status, v.Attempts, v.Message)
	}
	reqs := f.requests()
	want := []time.Duration{DefaultRetryWait, 2 * DefaultRetryWait, 4 * DefaultRetryWait}
	if len(reqs) != len(want)+1 {
		t.Fatalf("requests = %d, want %d", len(reqs), len(want)+1)
	}
	for i, w := range want {
		if gap := reqs[i+1].at.Sub(reqs[i].at); gap != w {
			t.Errorf("retry %d came %v after the previous attempt, want %v", i+1, gap, w)
		}
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
