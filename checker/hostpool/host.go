package hostpool

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// minThrottledRate is the floor of adaptive back-off: however often a host
// says 429, it still gets a request every 30 s.
const minThrottledRate = 1.0 / 30

// maxStagger bounds the random delay of a group's first request.
const maxStagger = time.Second

// host is one host group's share of the pool.
//
// Its pacing promises the server, not the client: a server that enforces
// the group's rate and burst on arrivals (a token bucket of that rate and
// size) never sees more, whatever the latency and its jitter. A token
// bucket that counts when requests are sent cannot promise that: two
// requests sent one interval apart arrive closer together when the first
// is slowed on the way and the second is not. So a request is counted when
// its answer has come back, the latest moment the server can have seen it:
// tat is the bucket's state (the theoretical arrival time of the generic
// cell rate algorithm) over the ends of finished requests, and requests
// still in flight are counted as if they ended now. A request may be sent
// when, with it, no window of time could hold more arrivals than the
// server allows: at most Burst in flight, and not before
// tat + (inFlight+1-Burst)/rate. With one request at a time this is
// "one interval after the previous answer", arXiv's rule.
type host struct {
	name  string
	limit Limit
	slots *semaphore.Weighted // Concurrency

	mu           sync.Mutex
	rate         float64   // current rate: limit.Rate, or less after a 429
	tat          time.Time // over the ends of finished requests
	inFlight     int
	blockedUntil time.Time     // Retry-After, and a first request's stagger
	ended        chan struct{} // closed and replaced when a request ends
	reach        reachability
}

// newHost returns a group whose first request starts at a random moment
// within one interval (at most maxStagger): groups created together would
// otherwise tick in phase and queue for the global slots together.
func newHost(name string, l Limit, now time.Time, jitter float64) *host {
	interval := time.Duration(float64(time.Second) / l.Rate)
	return &host{
		name:         name,
		limit:        l,
		slots:        semaphore.NewWeighted(int64(l.Concurrency)),
		rate:         l.Rate,
		blockedUntil: now.Add(time.Duration(jitter * float64(min(maxStagger, interval)))),
		ended:        make(chan struct{}),
	}
}

func (h *host) interval() time.Duration { return time.Duration(float64(time.Second) / h.rate) }

// dueLocked returns when the next request may be sent, or full when it
// must wait for a request in flight to end first. h.mu is held.
func (h *host) dueLocked() (at time.Time, full bool) {
	if h.inFlight >= h.limit.Burst {
		return time.Time{}, true
	}
	at = h.tat.Add(time.Duration(h.inFlight+1-h.limit.Burst) * h.interval())
	if h.blockedUntil.After(at) {
		at = h.blockedUntil
	}
	return at, false
}

// waitDue waits until a request may be sent, without claiming it.
func (h *host) waitDue(ctx context.Context, clock Clock) error {
	for {
		h.mu.Lock()
		at, full := h.dueLocked()
		ended := h.ended
		h.mu.Unlock()
		var timer <-chan time.Time
		if !full {
			d := at.Sub(clock.Now())
			if d <= 0 {
				return nil
			}
			timer = clock.After(d)
		}
		// Loop: an end, a Retry-After or a rate change may have moved
		// the due time either way meanwhile.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ended:
		case <-timer:
		}
	}
}

// send counts a request as sent at now, if it may be.
func (h *host) send(now time.Time) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if at, full := h.dueLocked(); full || at.After(now) {
		return false
	}
	h.inFlight++
	return true
}

// end counts a request as finished at now: the server saw it by then.
func (h *host) end(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.inFlight--
	if now.After(h.tat) {
		h.tat = now
	}
	h.tat = h.tat.Add(h.interval())
	close(h.ended)
	h.ended = make(chan struct{})
}

// throttled is the group's answer to a 429 or 503: halve its rate (until
// successes win it back, see succeeded), down to a floor (never raising a
// rate already below it), and send nothing before retryAfter has passed.
func (h *host) throttled(now time.Time, retryAfter time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.rate = max(h.rate/2, min(minThrottledRate, h.rate))
	if until := now.Add(retryAfter); retryAfter > 0 && until.After(h.blockedUntil) {
		h.blockedUntil = until
	}
}

// succeeded lets a throttled group recover gradually (additive increase, a
// sixteenth of its configured rate per answer) so that it is not hit with
// its full rate again right after asking for less.
func (h *host) succeeded() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.rate = min(h.limit.Rate, h.rate+h.limit.Rate/16)
}
