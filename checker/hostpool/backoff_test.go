package hostpool

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeclock"
)

func TestAdaptiveBackoff(t *testing.T) {
	p := New(Config{Limit: fixed(Limit{Rate: 8, Burst: 1, Concurrency: 1}), Jitter: noJitter})
	h := p.host("busy.example")
	now := time.Now()
	steps := []struct {
		name string
		do   func()
		want float64
	}{
		{"429 halves", func() { h.throttled(now, 0) }, 4},
		{"again", func() { h.throttled(now, 0) }, 2},
		{"success recovers a sixteenth", h.succeeded, 2.5},
		{"many successes stop at the configured rate", func() {
			for range 100 {
				h.succeeded()
			}
		}, 8},
		{"floor", func() {
			for range 20 {
				h.throttled(now, 0)
			}
		}, minThrottledRate},
	}
	for _, s := range steps {
		s.do()
		if got := p.Rate("busy.example"); got != s.want {
			t.Errorf("%s: rate = %v, want %v", s.name, got, s.want)
		}
	}
	strict := p.host("strict.example")
	strict.rate = 1.0 / 3600
	strict.throttled(now, 0)
	if got := p.Rate("strict.example"); got != 1.0/3600 {
		t.Errorf("a 429 from a host paced at 1/3600 set its rate to %v, want it not raised to the floor", got)
	}
}

// TestRetryAfterBlocksItsGroup: a 429 with Retry-After halves its group's
// rate and holds back the group's next request, whoever sends it, and
// leaves other groups alone.
func TestRetryAfterBlocksItsGroup(t *testing.T) {
	clock := fakeclock.New()
	srv := &arrivals{clock: clock, codes: []int{http.StatusTooManyRequests, http.StatusOK}, retryAfter: "5"}
	url, c := serve(t, srv)
	p := New(Config{Limit: fixed(Limit{Rate: 100, Burst: 1, Concurrency: 1}), Clock: clock, Jitter: noJitter,
		Retry: Policy{Retries: -1, MaxWait: time.Minute}})
	r, err := send(context.Background(), p, c, url)
	if err != nil || r.Code != http.StatusTooManyRequests || r.Attempts != 1 {
		t.Fatalf("first request = %d after %d attempts, %v; want the 429 after 1 (no retries)", r.Code, r.Attempts, err)
	}
	group := p.Group("127.0.0.1")
	if got := p.Rate(group); got != 50 {
		t.Errorf("rate after a 429 = %v, want 50 (halved)", got)
	}
	blocked := clock.Now()
	if r, err := send(context.Background(), p, c, url); err != nil || r.Code != http.StatusOK {
		t.Fatalf("second request = %d, %v; want 200", r.Code, err)
	}
	if at := srv.times(); at[1].Sub(blocked) < 5*time.Second {
		t.Errorf("next request arrived %v after the 429, want the 5s Retry-After waited", at[1].Sub(blocked))
	}
	before := clock.Now()
	p.Try(context.Background(), "other.example", func(context.Context) Outcome { return Outcome{Code: http.StatusOK} })
	if waited := clock.Now().Sub(before); waited >= 5*time.Second || p.Rate("other.example") != 100 {
		t.Errorf("another group waited %v at rate %v after the 429, want no wait at 100", waited, p.Rate("other.example"))
	}
}
