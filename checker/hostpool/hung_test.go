package hostpool

import (
	"context"
	"fmt"
	"net/http"
	"syscall"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeclock"
)

// TestHungRetryLeavesTheLastSlot: the retry of a request that got no answer
// in time does not take a group's last slot not held by a request that
// looks hung while other requests wait for one; it goes when no other
// request waits, when nothing looks hung, or when more slots are left.
func TestHungRetryLeavesTheLastSlot(t *testing.T) {
	const ms = time.Millisecond
	tests := []struct {
		concurrency int
		inFlight    []time.Duration // how long each request has been in flight
		hungRetry   bool            // another retry of a hung request is in flight
		waiting     int
		want        bool
	}{
		{2, []time.Duration{5000 * ms}, false, 1, true},  // in flight for 50 answers
		{2, nil, true, 1, true},                          // another hung one's retry
		{2, []time.Duration{5000 * ms}, false, 0, false}, // nothing else to send
		{2, []time.Duration{150 * ms}, false, 1, false},  // within twice the longest answer
		{3, []time.Duration{5000 * ms}, false, 1, false}, // a slot left beside it
		{3, []time.Duration{5000 * ms, 6000 * ms}, false, 1, true},
		{1, []time.Duration{5000 * ms}, false, 1, true},
		{1, nil, false, 1, false},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("concurrency %d, in flight %v, hung retry %v, %d waiting", tt.concurrency, tt.inFlight, tt.hungRetry, tt.waiting)
		t.Run(name, func(t *testing.T) {
			t0 := time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC)
			now := t0.Add(time.Minute)
			h := newHost("hangs.example", Limit{Rate: 1000, Burst: 10, Concurrency: tt.concurrency}, t0, 0)
			first, _ := h.send(t0, false)
			h.end(first, t0.Add(100*ms), true) // the longest answer: 100 ms
			for _, d := range tt.inFlight {
				h.flights = append(h.flights, &flight{sent: now.Add(-d)})
				h.uncounted++
			}
			if tt.hungRetry {
				h.flights = append(h.flights, &flight{sent: now, hung: true})
				h.uncounted++
			}
			h.waiting = tt.waiting
			h.mu.Lock()
			got := h.yieldsLocked(now)
			h.mu.Unlock()
			if got != tt.want {
				t.Errorf("yields = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestAGivenUpRequestKeepsItsSlot: a request given up for want of an answer
// may still be in the server's hands until word of that arrives there, so
// its slot stays taken for as long as a request takes to arrive (twice the
// longest answer); a request that failed otherwise frees it at once.
func TestAGivenUpRequestKeepsItsSlot(t *testing.T) {
	const ms = time.Millisecond
	tests := []struct {
		name string
		err  error
		want time.Duration
	}{
		{"timed out", context.DeadlineExceeded, 200 * ms},
		{"connection reset", syscall.ECONNRESET, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := fakeclock.New()
			p := New(Config{
				Limit: fixed(Limit{Rate: 1000, Burst: 1, Concurrency: 1}),
				Retry: Policy{Retries: -1}, Clock: clock, Jitter: noJitter,
			})
			ctx := context.Background()
			p.Try(ctx, "slow.example", func(context.Context) Outcome {
				clock.After(100 * ms) // the longest answer
				return Outcome{Code: http.StatusOK}
			})
			var gaveUp, next time.Time
			p.Try(ctx, "slow.example", func(context.Context) Outcome {
				clock.After(time.Second)
				gaveUp = clock.Now()
				return Outcome{Err: tt.err}
			})
			p.Try(ctx, "slow.example", func(context.Context) Outcome {
				next = clock.Now()
				return Outcome{Code: http.StatusOK}
			})
			if got := next.Sub(gaveUp); got != tt.want {
				t.Errorf("next request sent %v after the previous one was given up, want %v", got, tt.want)
			}
		})
	}
}
