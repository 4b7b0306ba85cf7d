// Package hostpool is linkcheck's one politeness and retry policy. Every
// request the tool makes (link checks, the arXiv API, any verifier of
// another site's API) goes through a Pool, so that the rules hold for the
// tool as a whole and not per caller:
//
//   - a global bound on requests in flight;
//   - per host group, a bound on requests in flight and a rate with a
//     burst, counted so that the server sees no more than that rate at
//     arrival whatever the network's jitter, while a request that hangs
//     holds only its slot (see host);
//   - a retry of a request that got no answer in time leaves its group's
//     last free slot to the group's other requests while another looks
//     hung (see takeSlot);
//   - Retry-After blocks and adaptive back-off (a 429 or 503 halves the
//     group's rate; later successes win it back gradually);
//   - one retry decision (Decide) for every request;
//   - reachability records, from which NetworkDown tells a machine without
//     network from a catalog of dead links.
//
// Callers send through Try, with their own http.Client, and judge each
// answer themselves: link checks, the arXiv client and the platform
// verifiers alike. A host group is a name: usually the host in lower case,
// but several hosts can share one group (arXiv's hosts are one) and a
// caller can name the group explicitly.
package hostpool

import (
	"context"
	"math/rand/v2"
	"sync"

	"golang.org/x/sync/semaphore"
)

// Limit is the politeness limit of one host group.
type Limit struct {
	Rate        float64 // requests per second, as seen by the server
	Burst       int     // requests the server may see at once after a pause
	Concurrency int     // requests in flight
}

// Config configures a Pool. Zero fields take the defaults noted.
type Config struct {
	// Concurrency bounds the requests in flight over all host groups;
	// default 32.
	Concurrency int
	// Limit returns a host group's limits (Limits.Of decides them for a
	// run); nil means DefaultLimit for every group.
	Limit func(group string) Limit
	// Group maps a request's host to its host group; nil means GroupOf.
	Group func(host string) string
	// Retry is the retry policy of every request; the zero Policy never
	// retries (see DefaultPolicy).
	Retry Policy
	// Clock paces and times back-off; nil means real time. Tests inject a
	// clock that jumps, so that minutes of pacing take no time.
	Clock Clock
	// Jitter returns a number in [0,1) that spreads back-off and first
	// requests out; nil means math/rand.
	Jitter func() float64
}

// Pool holds the politeness state of one run. It is safe for concurrent
// use. Host groups are created lazily, since redirects reach hosts nobody
// named beforehand.
type Pool struct {
	cfg    Config
	global *semaphore.Weighted

	mu    sync.Mutex
	hosts map[string]*host
}

// New returns a Pool for cfg.
func New(cfg Config) *Pool {
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 32
	}
	if cfg.Limit == nil {
		cfg.Limit = func(string) Limit { return DefaultLimit() }
	}
	if cfg.Group == nil {
		cfg.Group = GroupOf
	}
	if cfg.Clock == nil {
		cfg.Clock = realClock{}
	}
	if cfg.Jitter == nil {
		cfg.Jitter = rand.Float64
	}
	return &Pool{cfg: cfg, global: semaphore.NewWeighted(int64(cfg.Concurrency)), hosts: make(map[string]*host)}
}

// Group returns the host group of a host name, as Config.Group says.
func (p *Pool) Group(hostname string) string { return p.cfg.Group(hostname) }

// Rate returns a host group's current rate: its configured rate, or less
// while it recovers from a 429 or 503.
func (p *Pool) Rate(group string) float64 {
	h := p.host(group)
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.rate
}

func (p *Pool) host(group string) *host {
	p.mu.Lock()
	defer p.mu.Unlock()
	if h, ok := p.hosts[group]; ok {
		return h
	}
	h := newHost(group, sanitize(p.cfg.Limit(group)), p.cfg.Clock.Now(), p.cfg.Jitter())
	p.hosts[group] = h
	return h
}

// sanitize keeps a limit usable: a zero rate would never send, a zero
// burst or concurrency neither.
func sanitize(l Limit) Limit {
	if l.Rate <= 0 {
		l.Rate = DefaultLimit().Rate
	}
	l.Burst = max(l.Burst, 1)
	l.Concurrency = max(l.Concurrency, 1)
	return l
}

// acquire waits until a request to h may be sent and returns the func that
// ends it, to be called once its answer has been read (answered) or it
// failed; hung says it retries a request that got no answer in time. The
// waits come in this order: the group's in-flight slot, its Retry-After
// block and pacing, and only then a global slot, so that a request waiting
// for a slow or throttled host never holds a global slot that other hosts
// could use. The pacing is checked again, and the request counted as sent,
// once the global slot is held: a permission won before a long wait for a
// global slot would let requests that queued together reach the host
// together.
func (p *Pool) acquire(ctx context.Context, h *host, hung bool) (release func(o Outcome), err error) {
	if err := h.takeSlot(ctx, p.cfg.Clock, hung); err != nil {
		return nil, err
	}
	defer h.leave(hung)
	for {
		if err := h.waitDue(ctx, p.cfg.Clock); err != nil {
			h.slots.Release(1)
			return nil, err
		}
		if err := p.global.Acquire(ctx, 1); err != nil {
			h.slots.Release(1)
			return nil, err
		}
		if f, ok := h.send(p.cfg.Clock.Now(), hung); ok {
			var once sync.Once
			return func(o Outcome) {
				once.Do(func() {
					now := p.cfg.Clock.Now()
					p.global.Release(1)
					h.releaseSlot(p.cfg.Clock, now, o.Code == 0 && o.Err != nil && IsTimeout(o.Err))
					// Then the end, which wakes the group's
					// waiting requests, a hung one's retry among
					// them, which looks for a free slot.
					h.end(f, now, o.Code != 0)
				})
			}, nil
		}
		// Another request of this group was sent meanwhile.
		p.global.Release(1)
	}
}
