// Package fakeclock is a clock for tests of paced and backed-off code: it
// jumps forward by whatever anyone waits for, so that minutes of pacing run
// at once while every wait stays exactly measurable.
package fakeclock

import (
	"sync"
	"time"
)

// Clock is a jumping clock, safe for concurrent use. It satisfies the Clock
// interfaces of checker/hostpool and checker/arxiv.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// New returns a Clock that starts at a fixed moment.
func New() *Clock {
	return &Clock{now: time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC)}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After moves the clock forward by d and returns a channel that already
// holds the new time.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}
