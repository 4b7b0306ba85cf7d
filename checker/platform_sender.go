package checker

import (
	"context"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/platform"
)

// poolSender lets the platform verifiers send through the run's host pool
// and retry policy: each attempt waits its host group's turn (so API
// requests to a host are paced with its page checks), feeds the group's
// adaptive back-off and the network-down detection, and is retried as a
// link check would be.
type poolSender struct {
	pool   *hostPool
	policy retryPolicy
}

var _ platform.Sender = poolSender{}

// Try implements platform.Sender. group is a host name; arXiv's hosts
// share one group as everywhere else.
func (s poolSender) Try(ctx context.Context, host string, try func(context.Context) platform.Attempt) platform.Tried {
	group := hostGroup(host)
	h := s.pool.host(group)
	for attempt := 1; ; attempt++ {
		release, err := s.pool.acquire(ctx, group)
		if err != nil {
			return platform.Tried{Attempt: platform.Attempt{Err: err}, Attempts: attempt - 1}
		}
		a := try(ctx)
		release()
		if ctx.Err() != nil {
			return platform.Tried{Attempt: a, Attempts: attempt}
		}
		s.pool.record(h, a.Err)
		switch {
		case a.Code == http.StatusTooManyRequests || a.Code == http.StatusServiceUnavailable:
			ra, _ := parseRetryAfter(a.RetryAfter, time.Now())
			h.throttled(min(ra, s.policy.maxWait))
		case a.Err == nil:
			h.succeeded()
		}
		if a.Final {
			return platform.Tried{Attempt: a, Attempts: attempt}
		}
		retry, wait := decideRetry(s.policy, attempt, a.Code, a.Err, a.RetryAfter, time.Now(), rand.Float64())
		if a.Retry != nil && attempt <= s.policy.retries && !retry {
			// The verifier found the answer unusable though its status
			// is final: retried like a 503, after its Retry-After.
			retry, wait = decideRetry(s.policy, attempt, http.StatusServiceUnavailable, nil, a.RetryAfter, time.Now(), rand.Float64())
		}
		if !retry || waitFor(ctx, wait) != nil {
			return platform.Tried{Attempt: a, Attempts: attempt}
		}
	}
}
