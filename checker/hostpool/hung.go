package hostpool

import (
	"context"
	"time"
)

// A request that hangs holds one of its group's in-flight slots for the
// whole timeout, and a retry of one that got no answer in time will most
// likely do the same. Two of them hold all of a group's default two slots,
// and the group sends nothing else until one gives up. Which URL hangs the
// first time is not known in advance, but its retry is: it does not take
// the group's last slot not held by a request that looks hung while other
// requests of the group wait for a slot. It goes once they have theirs, or
// once the request that looked hung ends. A request looks hung when it is
// such a retry, or has been in flight for longer than twice any answer
// of its group took.

// takeSlot waits for one of the group's in-flight slots; hung says the
// request retries one that got no answer in time. Unless takeSlot fails,
// leave must be called once the request is sent or given up.
func (h *host) takeSlot(ctx context.Context, clock Clock, hung bool) error {
	if !hung {
		h.mu.Lock()
		h.waiting++
		h.mu.Unlock()
		if err := h.slots.Acquire(ctx, 1); err != nil {
			h.leave(false)
			return err
		}
		return nil
	}
	for {
		h.mu.Lock()
		changed := h.changed
		if !h.yieldsLocked(clock.Now()) {
			h.hungRetries++
			h.mu.Unlock()
			break
		}
		h.mu.Unlock()
		// Loop: a request sent or ended may let it go.
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changed:
		}
	}
	if err := h.slots.Acquire(ctx, 1); err != nil {
		h.leave(true)
		return err
	}
	return nil
}

// yieldsLocked reports whether the retry of a hung request must leave the
// free slots to the requests waiting for one. h.mu is held.
func (h *host) yieldsLocked(now time.Time) bool {
	if h.waiting == 0 {
		return false
	}
	h.settleLocked(now)
	hung := h.hungRetries
	for _, f := range h.flights {
		if f.hung || f.counted {
			hung++
		}
	}
	return hung > 0 && hung+1 >= h.limit.Concurrency
}

// leave counts a request out of those waiting for a slot or their turn,
// once it is sent or given up.
func (h *host) leave(hung bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if hung {
		h.hungRetries--
	} else {
		h.waiting--
	}
	h.changedLocked()
}

// releaseSlot frees one of the group's slots at now or, for a request given
// up for want of an answer (timedOut), once word of that can have reached
// the server, as long after as a request takes to arrive: until then the
// server may still be working on it, and a request sent into its slot
// would be one more than the group's concurrency at the server.
func (h *host) releaseSlot(clock Clock, now time.Time, timedOut bool) {
	h.mu.Lock()
	at, ok := h.arrivedBy(now)
	h.mu.Unlock()
	if !timedOut || !ok {
		h.slots.Release(1)
		return
	}
	go func() {
		<-clock.After(at.Sub(now))
		h.slots.Release(1)
		h.mu.Lock()
		defer h.mu.Unlock()
		h.changedLocked()
	}()
}
