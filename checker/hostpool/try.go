package hostpool

import (
	"context"
	"net/http"
	"time"
)

// Outcome is one try of a request as the pool sees it.
type Outcome struct {
	Code       int    // the HTTP status, 0 when no answer came
	RetryAfter string // the answer's Retry-After header
	Err        error  // why no answer came
	// Retry, set by the caller, says the answer cannot be used although
	// its status is final (an API's known glitch, an edge's throttling
	// page): it is retried like a 503.
	Retry error
	// Final, set by the caller, says the answer stands however often it
	// is asked (a bot challenge): it is not retried.
	Final bool
}

// Done is the end of a request after its retries.
type Done struct {
	Outcome      // the last try's
	Attempts int // tries made; 0 when the run stopped before the first
	// TooLong is the wait the server last asked for when it was longer
	// than the policy allows, the reason the request was not retried.
	TooLong time.Duration
}

// Try runs one request to group, try being one attempt of it, until the
// policy (Decide) has no retry left. Each attempt waits its turn in the
// pool and counts as in flight until try returns, so try must read what it
// needs of the answer before it returns. Every attempt feeds the group's
// adaptive back-off (a 429, or a 503 that is not Final, halves its rate
// and its Retry-After blocks it) and its reachability record.
// When ctx ends the last Outcome's Err is ctx's error.
func (p *Pool) Try(ctx context.Context, group string, try func(context.Context) Outcome) Done {
	h := p.host(group)
	hung := false
	for attempt := 1; ; attempt++ {
		release, err := p.acquire(ctx, h, hung)
		if err != nil {
			return Done{Outcome: Outcome{Err: err}, Attempts: attempt - 1}
		}
		o := try(ctx)
		if ctx.Err() != nil {
			release(o)
			return Done{Outcome: o, Attempts: attempt}
		}
		p.observe(h, o)
		release(o)
		d := Decide(p.cfg.Retry, attempt, o, p.cfg.Clock.Now(), p.cfg.Jitter())
		if !d.Retry {
			return Done{Outcome: o, Attempts: attempt, TooLong: d.TooLong}
		}
		hung = o.Code == 0 && o.Err != nil && IsTimeout(o.Err)
		if err := wait(ctx, p.cfg.Clock, d.Wait); err != nil {
			return Done{Outcome: o, Attempts: attempt}
		}
	}
}

// observe feeds one try's outcome to its group, before the try is counted
// as finished, so that a slower rate already spaces the next request.
func (p *Pool) observe(h *host, o Outcome) {
	h.record(o.Err)
	switch {
	case o.Code == http.StatusTooManyRequests || (o.Code == http.StatusServiceUnavailable && !o.Final):
		ra, _ := ParseRetryAfter(o.RetryAfter, p.cfg.Clock.Now())
		h.throttled(p.cfg.Clock.Now(), min(ra, p.cfg.Retry.withDefaults().MaxWait))
	case o.Err == nil && o.Retry == nil && !transient(o.Code, nil):
		h.succeeded()
	}
}
