package hostpool

import (
	"context"
	"slices"
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
// is slowed on the way and the second is not. So each request is counted
// once, at the latest moment the server can have seen it: tat is the
// bucket's state (the theoretical arrival time of the generic cell rate
// algorithm) over those moments, and requests not counted yet are counted
// as if they arrived now. A request may be sent when, with it, no window
// of time could hold more arrivals than the server allows: at most Burst
// uncounted, and not before tat + (uncounted+1-Burst)/rate. With one
// request at a time this is "one interval after the previous answer",
// arXiv's rule.
//
// The latest moment is the answer's, for a request that answers within
// twice the longest round trip the group has answered in so far; once a
// request has been in flight that long, it is counted as arriving then
// (its send plus twice that round trip), and keeps only its in-flight
// slot. A round trip is the way there, the server's work and the way back,
// so a request that has not reached the server by then is twice as slow on
// its way as any answer has been in full; should it answer after all, it
// is counted again at its answer. Without this a hanging request would be
// "arriving now" for its whole timeout, and its group would get its other
// requests one at a time, each a full interval after the previous answer.
// Until the group has answered once, a request is counted when it ends.
type host struct {
	name  string
	limit Limit
	slots *semaphore.Weighted // Concurrency

	mu           sync.Mutex
	rate         float64       // current rate: limit.Rate, or less after a 429
	tat          time.Time     // over the counted requests
	flights      []*flight     // in flight, in the order sent
	uncounted    int           // flights not counted yet
	longest      time.Duration // the longest round trip of an answer; 0 before the first
	blockedUntil time.Time     // Retry-After, and a first request's stagger
	changed      chan struct{} // closed and replaced when a request ends, or is sent or given up
	waiting      int           // requests waiting for a slot or their turn, but retries of hung ones
	hungRetries  int           // retries of hung requests waiting for a slot or their turn
	reach        reachability
}

// flight is one request in flight.
type flight struct {
	sent    time.Time
	counted bool // against the rate, as having arrived
	hung    bool // the retry of a request that got no answer in time
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
		changed:      make(chan struct{}),
	}
}

func (h *host) interval() time.Duration { return time.Duration(float64(time.Second) / h.rate) }

// countLocked counts one arrival at at. h.mu is held.
func (h *host) countLocked(at time.Time) {
	if at.After(h.tat) {
		h.tat = at
	}
	h.tat = h.tat.Add(h.interval())
}

// arrivedBy returns the moment by which a request sent at sent has reached
// the server, if the group has answered yet: twice its longest round trip
// after it was sent. h.mu is held.
func (h *host) arrivedBy(sent time.Time) (time.Time, bool) {
	return sent.Add(2 * h.longest), h.longest > 0
}

// settleLocked counts the requests that have been in flight for longer than
// twice the longest round trip, in the order sent. h.mu is held.
func (h *host) settleLocked(now time.Time) {
	for _, f := range h.flights {
		if f.counted {
			continue
		}
		at, ok := h.arrivedBy(f.sent)
		if !ok || at.After(now) {
			return // the later ones were sent later
		}
		f.counted = true
		h.uncounted--
		h.countLocked(at)
	}
}

// nextSettleLocked returns when the oldest uncounted request will be
// counted, if it will before it ends. h.mu is held.
func (h *host) nextSettleLocked() (time.Time, bool) {
	for _, f := range h.flights {
		if !f.counted {
			return h.arrivedBy(f.sent)
		}
	}
	return time.Time{}, false
}

// dueLocked returns when the next request may be sent, or full when it
// must wait for a request in flight to end or be counted first. h.mu is
// held.
func (h *host) dueLocked(now time.Time) (at time.Time, full bool) {
	h.settleLocked(now)
	if h.uncounted >= h.limit.Burst {
		return time.Time{}, true
	}
	// A burst reaches back at the configured rate: after a 429 or 503
	// halved the rate, a longer interval would let it reach back past
	// requests counted at the faster one.
	n, step := h.uncounted+1-h.limit.Burst, h.interval()
	if n < 0 {
		step = time.Duration(float64(time.Second) / h.limit.Rate)
	}
	at = h.tat.Add(time.Duration(n) * step)
	if h.blockedUntil.After(at) {
		at = h.blockedUntil
	}
	return at, false
}

// waitDue waits until a request may be sent, without claiming it.
func (h *host) waitDue(ctx context.Context, clock Clock) error {
	for {
		h.mu.Lock()
		now := clock.Now()
		at, full := h.dueLocked(now)
		settles, settling := h.nextSettleLocked()
		changed := h.changed
		h.mu.Unlock()
		var timer <-chan time.Time
		switch {
		case !full:
			d := at.Sub(now)
			if d <= 0 {
				return nil
			}
			timer = clock.After(d)
		case settling:
			timer = clock.After(settles.Sub(now))
		}
		// Loop: an end, a Retry-After or a rate change may have moved
		// the due time either way meanwhile.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		case <-timer:
		}
	}
}

// send counts a request as sent at now, if it may be, and returns it; hung
// says it retries a request that got no answer in time.
func (h *host) send(now time.Time, hung bool) (*flight, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if at, full := h.dueLocked(now); full || at.After(now) {
		return nil, false
	}
	f := &flight{sent: now, hung: hung}
	h.flights = append(h.flights, f)
	h.uncounted++
	return f, true
}

// end counts f as finished at now, answered when an answer came: the
// server saw it by then, if it has not been counted yet. An answer's round
// trip bounds how long later requests take to reach the server.
func (h *host) end(f *flight, now time.Time, answered bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.settleLocked(now)
	h.flights = slices.DeleteFunc(h.flights, func(g *flight) bool { return g == f })
	switch {
	case !f.counted:
		f.counted = true
		h.uncounted--
		h.countLocked(now)
	case answered:
		// Its answer came after it was counted as arrived: the
		// server may have seen it as late as that, so it counts
		// again. This costs an interval each time an answer takes
		// longer than twice any before it.
		h.countLocked(now)
	}
	if answered {
		h.longest = max(h.longest, now.Sub(f.sent))
	}
	h.changedLocked()
}

// changedLocked wakes every request waiting for the group. h.mu is held.
func (h *host) changedLocked() {
	close(h.changed)
	h.changed = make(chan struct{})
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
