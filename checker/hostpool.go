package checker

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
	"golang.org/x/time/rate"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// minThrottledRate is the floor of adaptive back-off: however often a host
// says 429, it still gets a request every 30 s.
const minThrottledRate = 1.0 / 30

// maxStagger bounds the random delay of a host's first request.
const maxStagger = time.Second

// hostPool holds the politeness state of one run: the global bound on
// requests in flight and, per host group, a bound on requests in flight, a
// token bucket and any back-off the host asked for. Host states are created
// lazily because redirects reach hosts the catalog never names.
type hostPool struct {
	opts   *Options
	global *semaphore.Weighted

	mu    sync.Mutex
	hosts map[string]*hostState
}

func newHostPool(opts *Options) *hostPool {
	return &hostPool{
		opts:   opts,
		global: semaphore.NewWeighted(int64(opts.Concurrency)),
		hosts:  make(map[string]*hostState),
	}
}

// hostState is one host group's share of the pool.
type hostState struct {
	name    string
	limit   HostLimit
	slots   *semaphore.Weighted
	limiter *rate.Limiter

	mu           sync.Mutex
	blockedUntil time.Time // set from Retry-After; no request starts before
	reach        reachability
}

// hostGroup maps a URL's host to the group whose limits apply: the host in
// lower case without a trailing dot, and arXiv's hosts as one group.
func hostGroup(host string) string {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if catalog.IsArxivHost(h) {
		return arxivGroup
	}
	return h
}

func (p *hostPool) host(group string) *hostState {
	p.mu.Lock()
	defer p.mu.Unlock()
	if h, ok := p.hosts[group]; ok {
		return h
	}
	l := p.opts.hostLimit(group)
	h := &hostState{
		name:         group,
		limit:        l,
		slots:        semaphore.NewWeighted(int64(l.Concurrency)),
		limiter:      rate.NewLimiter(rate.Limit(l.Rate), l.Burst),
		blockedUntil: firstStart(l.Rate),
	}
	p.hosts[group] = h
	return h
}

// firstStart returns when a new host's first request may start. Hosts
// created together would otherwise tick in phase: every host's token falls
// due at the same instant, the requests queue for the global slots
// together, and with a small burst the delayed tokens are lost. A random
// start within one token interval (at most maxStagger) spreads them out.
func firstStart(ratePerSecond float64) time.Time {
	interval := time.Duration(float64(time.Second) / ratePerSecond)
	return time.Now().Add(time.Duration(rand.Float64() * float64(min(maxStagger, interval))))
}

// acquire waits until a request to group may start and returns the func
// that ends it. The waits come in this order: the host's in-flight slot,
// any Retry-After block, the time the host's next token falls due, and only
// then a global slot, so a request queued behind a slow or throttled host
// never holds one of the global slots that other hosts could use. The token
// itself is taken once the global slot is held, at send time: a token taken
// earlier and spent after a long wait for a global slot would let requests
// that queued together reach the host together, beyond its rate.
func (p *hostPool) acquire(ctx context.Context, group string) (release func(), err error) {
	h := p.host(group)
	if err := h.slots.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	if err := h.waitUnblocked(ctx); err != nil {
		h.slots.Release(1)
		return nil, err
	}
	for {
		if err := h.waitToken(ctx); err != nil {
			h.slots.Release(1)
			return nil, err
		}
		if err := p.global.Acquire(ctx, 1); err != nil {
			h.slots.Release(1)
			return nil, err
		}
		if h.limiter.Allow() {
			return func() {
				p.global.Release(1)
				h.slots.Release(1)
			}, nil
		}
		// Another request of this host took the token meanwhile.
		p.global.Release(1)
	}
}

// waitToken waits until the host's limiter holds a token, without taking
// it. (A reservation cancelled after its time has come gives nothing back,
// so the bucket is read rather than reserved from.) A wait that would
// outlast the run's deadline runs the deadline out, so the request ends as
// part of a stopped run rather than as a timeout it never had.
func (h *hostState) waitToken(ctx context.Context) error {
	for {
		tokens := h.limiter.Tokens()
		if tokens >= 1 {
			return nil
		}
		perSecond := float64(h.limiter.Limit())
		if perSecond <= 0 {
			return fmt.Errorf("host %s: rate limit allows no request", h.name)
		}
		d := time.Duration((1 - tokens) / perSecond * float64(time.Second))
		if err := waitFor(ctx, max(d, time.Millisecond)); err != nil {
			return err
		}
	}
}

func (h *hostState) waitUnblocked(ctx context.Context) error {
	for {
		h.mu.Lock()
		d := time.Until(h.blockedUntil)
		h.mu.Unlock()
		if d <= 0 {
			return nil
		}
		// Loop: another request may have extended the block meanwhile.
		if err := waitFor(ctx, d); err != nil {
			return err
		}
	}
}

// throttled is the host's answer to a 429 or 503: halve its rate for the
// rest of the run, down to a floor, and block it for retryAfter.
func (h *hostState) throttled(retryAfter time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := max(float64(h.limiter.Limit())/2, minThrottledRate)
	h.limiter.SetLimit(rate.Limit(r))
	if retryAfter > 0 {
		if until := time.Now().Add(retryAfter); until.After(h.blockedUntil) {
			h.blockedUntil = until
		}
	}
}

// succeeded lets a throttled host recover gradually (additive increase, a
// sixteenth of its configured rate per answer) so that it is not hit with
// its full rate again right after asking for less.
func (h *hostState) succeeded() {
	h.mu.Lock()
	defer h.mu.Unlock()
	cur := float64(h.limiter.Limit())
	if cur < h.limit.Rate {
		h.limiter.SetLimit(rate.Limit(min(h.limit.Rate, cur+h.limit.Rate/16)))
	}
}

// gate adapts a host group to the arxiv package's Gate, so that arXiv API
// requests and fetches of arxiv.org pages share one policy.
type gate struct {
	pool  *hostPool
	group string
}

func (g gate) Acquire(ctx context.Context) (func(), error) { return g.pool.acquire(ctx, g.group) }
