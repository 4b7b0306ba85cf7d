package arxiv

import (
	"context"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// realClock is the Clock of production runs.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// wait blocks for d on clock, or until ctx ends. Library code never sleeps:
// a cancelled run must stop waiting at once.
func wait(ctx context.Context, clock Clock, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-clock.After(d):
		return nil
	}
}

// pacer is the Gate used when the caller brings none. arXiv's terms allow
// one connection at a time and one request every interval, so it admits a
// single request and spaces request starts, not completions: a slow answer
// does not earn the next request an extra delay.
type pacer struct {
	slot     *semaphore.Weighted
	clock    Clock
	interval time.Duration
	// last is when the previous request started; only the holder of slot
	// reads or writes it.
	last time.Time
}

func newPacer(clock Clock, interval time.Duration) *pacer {
	return &pacer{slot: semaphore.NewWeighted(1), clock: clock, interval: interval}
}

// Acquire waits for the slot, then for the interval since the previous
// start. The slot is held while waiting for the interval so that requests
// start in the order they were admitted.
func (p *pacer) Acquire(ctx context.Context) (func(), error) {
	if err := p.slot.Acquire(ctx, 1); err != nil {
		return nil, err
	}
	if !p.last.IsZero() {
		if err := wait(ctx, p.clock, p.last.Add(p.interval).Sub(p.clock.Now())); err != nil {
			p.slot.Release(1)
			return nil, err
		}
	}
	p.last = p.clock.Now()
	var once sync.Once
	return func() { once.Do(func() { p.slot.Release(1) }) }, nil
}
