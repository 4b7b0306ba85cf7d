package hostpool

import (
	"context"
	"fmt"
	"net/http"
	neturl "net/url"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeclock"
)

// jittery delays each request on its way to the server by the next of
// delays, in turn: the network's latency and its jitter.
type jittery struct {
	next   http.RoundTripper
	delays []time.Duration

	mu sync.Mutex
	n  int
}

func (j *jittery) RoundTrip(req *http.Request) (*http.Response, error) {
	j.mu.Lock()
	d := j.delays[j.n%len(j.delays)]
	j.n++
	j.mu.Unlock()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-req.Context().Done():
		return nil, req.Context().Err()
	case <-t.C:
	}
	return j.next.RoundTrip(req)
}

// violations counts the arrivals that a server enforcing rate and burst
// exactly (the generic cell rate algorithm: a token bucket of burst tokens,
// starting full) would refuse.
func violations(at []time.Time, rate float64, burst int) (n int, first string) {
	interval := time.Duration(float64(time.Second) / rate)
	tolerance := time.Duration(burst-1) * interval
	var tat time.Time
	for i, a := range at {
		if a.Before(tat.Add(-tolerance)) {
			if n == 0 {
				first = fmt.Sprintf("arrival %d came %v after arrival %d", i, a.Sub(at[i-1]), i-1)
			}
			n++
			continue
		}
		tat = later(tat, a).Add(interval)
	}
	return n, first
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// TestArrivalsKeepTheRateDespiteJitter: a server that enforces exactly a
// group's rate and burst on arrivals never sees more, although some
// requests are slowed on their way by more than the burst can absorb.
// Counting requests when they are sent would let a slowed one and the next
// arrive almost together.
func TestArrivalsKeepTheRateDespiteJitter(t *testing.T) {
	tests := []struct {
		limit  Limit
		delays []time.Duration
	}{
		{Limit{Rate: 20, Burst: 1, Concurrency: 1}, []time.Duration{40 * time.Millisecond, 0}},
		{Limit{Rate: 20, Burst: 2, Concurrency: 2}, []time.Duration{80 * time.Millisecond, 0, 0}},
		{Limit{Rate: 10, Burst: 3, Concurrency: 4}, []time.Duration{250 * time.Millisecond, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.limit), func(t *testing.T) {
			srv := &arrivals{clock: realClock{}}
			url, c := serve(t, srv)
			c.Transport = &jittery{next: c.Transport, delays: tt.delays}
			p := New(Config{Limit: fixed(tt.limit), Jitter: noJitter})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var wg sync.WaitGroup
			for range 12 {
				wg.Go(func() {
					if r, err := send(ctx, p, c, url); err != nil || r.Code != http.StatusOK {
						t.Errorf("request = %d, %v; want 200", r.Code, err)
					}
				})
			}
			wg.Wait()
			at := srv.times()
			if n, first := violations(at, tt.limit.Rate, tt.limit.Burst); n > 0 {
				t.Errorf("%d of %d arrivals beyond rate %v burst %d (%s)", n, len(at), tt.limit.Rate, tt.limit.Burst, first)
			}
		})
	}
}

// TestOneAtATimeCountsFromTheAnswer: with one request at a time and a burst
// of one (arXiv's policy: one request every 3 s), the next request leaves
// 3 s after the previous answer came back, so that it cannot arrive within
// 3 s of the previous one however slow that one was on its way.
func TestOneAtATimeCountsFromTheAnswer(t *testing.T) {
	clock := fakeclock.New()
	p := New(Config{Limit: fixed(Limit{Rate: 1.0 / 3, Burst: 1, Concurrency: 1}), Clock: clock, Jitter: noJitter})
	latency := []time.Duration{1500 * time.Millisecond, 0, 700 * time.Millisecond, 0}
	var sent, answered []time.Time
	for _, l := range latency {
		p.Try(context.Background(), "arxiv.org", func(context.Context) Outcome {
			sent = append(sent, clock.Now())
			clock.After(l) // the request's time on the wire
			answered = append(answered, clock.Now())
			return Outcome{Code: http.StatusOK}
		})
	}
	for i := 1; i < len(sent); i++ {
		if gap := sent[i].Sub(answered[i-1]); gap != 3*time.Second {
			t.Errorf("request %d left %v after the previous answer, want 3s", i, gap)
		}
	}
}

// TestRetriesArePacedByTheHost: a retry waits for its group's turn like
// any request, however short the back-off.
func TestRetriesArePacedByTheHost(t *testing.T) {
	clock := fakeclock.New()
	srv := &arrivals{clock: clock, codes: []int{http.StatusInternalServerError, http.StatusInternalServerError, http.StatusOK}}
	url, c := serve(t, srv)
	p := New(Config{
		Limit: fixed(Limit{Rate: 5, Burst: 1, Concurrency: 1}),
		Retry: Policy{Retries: 3, MaxWait: time.Millisecond},
		Clock: clock, Jitter: noJitter,
	})
	r, err := send(context.Background(), p, c, url)
	if err != nil || r.Code != http.StatusOK || r.Attempts != 3 {
		t.Fatalf("request = %d after %d attempts, %v; want 200 after 3", r.Code, r.Attempts, err)
	}
	at := srv.times()
	for i := 1; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap < 200*time.Millisecond {
			t.Errorf("try %d arrived %v after the previous one, want at least the host's interval 200ms", i+1, gap)
		}
	}
}

// longWaitClock is real time, except that a wait of a minute or more never
// ends and is announced on long: the moment a request settles down to wait
// for a strict host's turn.
type longWaitClock struct{ long chan<- time.Duration }

func (longWaitClock) Now() time.Time { return time.Now() }

func (c longWaitClock) After(d time.Duration) <-chan time.Time {
	if d >= time.Minute {
		c.long <- d
		return nil
	}
	return time.After(d)
}

// TestWaitForTurnHoldsNoGlobalSlot: a request waiting for its strict
// host's next turn (an hour away) must leave the only global slot to a
// request for another host. The strict host's request is made to wait
// first, deterministically.
func TestWaitForTurnHoldsNoGlobalSlot(t *testing.T) {
	long := make(chan time.Duration, 1)
	p := New(Config{
		Concurrency: 1,
		Limit: func(group string) Limit {
			if group == "strict.example" {
				return Limit{Rate: 1.0 / 3600, Burst: 1, Concurrency: 2}
			}
			return Limit{Rate: 1000, Burst: 10, Concurrency: 2}
		},
		Clock: longWaitClock{long: long}, Jitter: noJitter,
	})
	ok := func(context.Context) Outcome { return Outcome{Code: http.StatusOK} }
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if d := p.Try(ctx, "strict.example", ok); d.Err != nil {
		t.Fatalf("first request to the strict host: %v", d.Err)
	}
	strictCtx, stopStrict := context.WithCancel(ctx)
	strictDone := make(chan Done)
	go func() { strictDone <- p.Try(strictCtx, "strict.example", ok) }()
	select {
	case <-long: // the strict host's second request now waits for its turn
	case <-ctx.Done():
		t.Fatal("the strict host's second request never waited for its turn")
	}
	other, cancelOther := context.WithTimeout(ctx, 5*time.Second)
	defer cancelOther()
	if d := p.Try(other, "fast.example", ok); d.Err != nil || d.Attempts != 1 {
		t.Errorf("request to another host while the strict one waits = %v after %d attempts, want it sent", d.Err, d.Attempts)
	}
	stopStrict()
	if d := <-strictDone; d.Attempts != 0 {
		t.Errorf("strict host's second request was sent (%d attempts), want it still waiting for its turn", d.Attempts)
	}
}

// TestAHangingRequestKeepsItsHostsPace: a request that never answers holds
// one of its group's in-flight slots, but once it has been in flight for
// longer than any answer of the group took it is counted as having
// arrived, and the group's other requests keep their pace: after the one
// interval of the hang's own arrival, they are sent as if it were not
// there. Counted as arriving until it ends, it would space them one full
// interval after each answer, or (with a burst of one) hold them all.
func TestAHangingRequestKeepsItsHostsPace(t *testing.T) {
	const latency = 100 * time.Millisecond
	tests := []Limit{
		{Rate: 2, Burst: 2, Concurrency: 2},
		{Rate: 2, Burst: 1, Concurrency: 2},
		{Rate: 5, Burst: 3, Concurrency: 3},
	}
	for _, l := range tests {
		t.Run(fmt.Sprintf("%+v", l), func(t *testing.T) {
			without := pacedSends(t, l, latency, false)
			with := pacedSends(t, l, latency, true)
			if len(with) != len(without) {
				t.Fatalf("with a hang %d requests were sent, want %d", len(with), len(without))
			}
			interval := time.Duration(float64(time.Second) / l.Rate)
			n := len(with) - 1
			if span, base := with[n].Sub(with[0]), without[n].Sub(without[0]); span > base+interval {
				t.Errorf("with a hang %d requests took %v from first to last, want at most %v (%v without it, plus one interval)", n+1, span, base+interval, base)
			}
			if gap, base := with[n].Sub(with[n-1]), without[n].Sub(without[n-1]); gap != base {
				t.Errorf("with a hang the last request left %v after the one before, want %v as without it", gap, base)
			}
		})
	}
}

// pacedSends sends one request to a group of limit l, then (with hang) one
// that stays in flight, then 8 more one after another, each answered after
// latency, and returns when those 8 were sent, on a jumping clock.
func pacedSends(t *testing.T, l Limit, latency time.Duration, hang bool) []time.Time {
	t.Helper()
	clock := fakeclock.New()
	p := New(Config{Limit: fixed(l), Clock: clock, Jitter: noJitter})
	// A guard, not a measure: a group that never sends again must not
	// hang the test.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	answer := func(context.Context) Outcome {
		clock.After(latency)
		return Outcome{Code: http.StatusOK}
	}
	if d := p.Try(ctx, "slow.example", answer); d.Err != nil {
		t.Fatalf("first request: %v", d.Err)
	}
	if hang {
		release, err := p.acquire(ctx, p.host("slow.example"), false)
		if err != nil {
			t.Fatalf("hanging request: %v", err)
		}
		defer release(Outcome{})
	}
	var sent []time.Time
	for i := range 8 {
		d := p.Try(ctx, "slow.example", func(ctx context.Context) Outcome {
			sent = append(sent, clock.Now())
			return answer(ctx)
		})
		if d.Err != nil {
			t.Errorf("request %d: %v", i+1, d.Err)
			break
		}
	}
	return sent
}

// TestArrivalsKeepTheRateWithAHang: a hanging request that was slowed on
// its way (though no more than an answer of its host once took in full) is
// counted as having arrived at the latest then; the server enforcing the
// group's rate and burst still sees no more than that, and no more than
// Concurrency requests at once.
func TestArrivalsKeepTheRateWithAHang(t *testing.T) {
	tests := []struct {
		limit  Limit
		delays []time.Duration // the first request's and the hang's are the longest
	}{
		{Limit{Rate: 20, Burst: 2, Concurrency: 2}, []time.Duration{80 * time.Millisecond, 0, 0}},
		{Limit{Rate: 20, Burst: 1, Concurrency: 2}, []time.Duration{80 * time.Millisecond, 0}},
		{Limit{Rate: 10, Burst: 3, Concurrency: 4}, []time.Duration{250 * time.Millisecond, 0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.limit), func(t *testing.T) {
			srv := &arrivals{clock: realClock{}, hangPath: "/hang", hung: make(chan struct{}, 1)}
			pk := &peak{next: srv}
			url, c := serve(t, pk)
			c.Transport = &jittery{next: c.Transport, delays: tt.delays}
			p := New(Config{Limit: fixed(tt.limit), Jitter: noJitter, Retry: Policy{Retries: -1}})
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			do := func() {
				if d, err := send(ctx, p, c, url); err != nil || d.Code != http.StatusOK {
					t.Errorf("send = %d, %v; want 200", d.Code, err)
				}
			}
			// One turn of the delays before the hang, which then takes
			// the longest delay again.
			for range tt.delays {
				do()
			}
			hangCtx, stopHang := context.WithCancel(ctx)
			hangReq, err := http.NewRequest(http.MethodGet, url+"/hang", nil)
			if err != nil {
				t.Fatal(err)
			}
			hung := make(chan Done)
			go func() {
				hung <- p.Try(hangCtx, p.Group(hostOf(t, url)), func(ctx context.Context) Outcome {
					resp, err := c.Do(hangReq.WithContext(ctx))
					if err != nil {
						return Outcome{Err: err}
					}
					resp.Body.Close()
					return Outcome{Code: resp.StatusCode}
				})
			}()
			select {
			case <-srv.hung:
			case <-ctx.Done():
				t.Fatal("the hanging request never reached the server")
			}
			var wg sync.WaitGroup
			for range 12 {
				wg.Go(do)
			}
			wg.Wait()
			stopHang()
			if d := <-hung; d.Attempts != 1 || d.Code != 0 {
				t.Errorf("hanging request: %d attempts, status %d; want 1 attempt and no answer", d.Attempts, d.Code)
			}
			at := srv.times()
			if n, first := violations(at, tt.limit.Rate, tt.limit.Burst); n > 0 {
				t.Errorf("%d of %d arrivals beyond rate %v burst %d (%s)", n, len(at), tt.limit.Rate, tt.limit.Burst, first)
			}
			if got := pk.max(); got > tt.limit.Concurrency {
				t.Errorf("the server had %d requests at once, want at most %d", got, tt.limit.Concurrency)
			}
		})
	}
}

// TestSlowingDownNeverSendsSooner: a 429 or 503 halves a group's rate, which
// must not lengthen how far back its burst reaches: after two requests that
// reached the server by 100 and 200 ms, the next one leaves at least an
// interval of the configured rate after the burst allows, however often the group was told to slow
// down meanwhile (and before the answer that said so is counted).
func TestSlowingDownNeverSendsSooner(t *testing.T) {
	const ms = time.Millisecond
	tests := []struct {
		name      string
		throttles int
	}{
		{"not throttled", 0},
		{"one 503", 1},
		{"two 503s", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t0 := time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC)
			h := newHost("busy.example", Limit{Rate: 2, Burst: 2, Concurrency: 2}, t0, 0)
			a, _ := h.send(t0, false)
			h.send(t0, false)
			// a answers after 100 ms, so the other has arrived by
			// 200 ms, as a request waiting for its turn finds at
			// 250 ms; then the other's answer, a 503, is heard.
			h.end(a, t0.Add(100*ms), true)
			h.mu.Lock()
			h.dueLocked(t0.Add(250 * ms))
			h.mu.Unlock()
			for range tt.throttles {
				h.throttled(t0.Add(260*ms), 0)
			}
			h.mu.Lock()
			due, full := h.dueLocked(t0.Add(260 * ms))
			h.mu.Unlock()
			if want := t0.Add(600 * ms); full || due.Before(want) {
				t.Errorf("next request due %v after the first (full %v), want at least %v", due.Sub(t0), full, want.Sub(t0))
			}
		})
	}
}

func hostOf(t *testing.T, raw string) string {
	t.Helper()
	u, err := neturl.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Hostname()
}
