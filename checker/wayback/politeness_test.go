package wayback

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
)

// TestLookupsKeepThePace: lookups of many gone links at once reach the
// archive at most one a second and two at a time. In flight is counted at
// the fake server. The pace is read from the pool's clock, which jumps by
// every wait: two requests in flight at once may reach the server in
// either order after a jump, so arrival stamps cannot be compared one by
// one, but the whole run must have waited out the archive's interval for
// every request after the first.
func TestLookupsKeepThePace(t *testing.T) {
	a := newArchive(t)
	const links = 12
	for i := range links {
		a.Add(fmt.Sprintf("%s-%d", post, i), soft404(day(2023, 9, 1)), live(day(2023, 1, 1)))
	}
	c := a.client(t)
	start := a.clock.Now()
	var wg sync.WaitGroup
	found := make([]error, links)
	for i := range links {
		wg.Go(func() {
			_, found[i] = c.Find(context.Background(), fmt.Sprintf("%s-%d", post, i), lastOK)
		})
	}
	wg.Wait()
	for i, err := range found {
		if err != nil {
			t.Errorf("Find(link %d) = %v, want a capture", i, err)
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if want := links * 3; len(a.arrivals) != want {
		t.Errorf("requests = %d, want %d (a CDX query and two playbacks a link)", len(a.arrivals), want)
	}
	// One a second is the documented pace, not whatever the code says.
	if waited, want := a.clock.Now().Sub(start), time.Duration(len(a.arrivals)-1)*time.Second; waited < want {
		t.Errorf("%d requests took %v on the pool's clock, want at least %v (one a second)", len(a.arrivals), waited, want)
	}
	if a.maxInFlight > hostpool.WaybackLimit().Concurrency {
		t.Errorf("requests in flight at the archive = %d, want at most %d", a.maxInFlight, hostpool.WaybackLimit().Concurrency)
	}
}

// TestThrottledArchiveSlows: a 429 with Retry-After from the archive is
// waited out before the request is asked again, and slows the archive's
// host group like any host's.
func TestThrottledArchiveSlows(t *testing.T) {
	a := newArchive(t)
	a.Add(post, live(day(2023, 1, 1)))
	a.Throttle(1, "30")
	got, err := a.client(t).Find(context.Background(), post, lastOK)
	if err != nil || !got.At.Equal(day(2023, 1, 1)) {
		t.Fatalf("Find = %v, %v; want the capture of %v", got, err, day(2023, 1, 1))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.arrivals) != 3 {
		t.Fatalf("requests = %d, want 3 (a throttled CDX query, its retry, a playback)", len(a.arrivals))
	}
	if gap := a.arrivals[1].at.Sub(a.arrivals[0].at); gap < 30*time.Second {
		t.Errorf("the retry came %v after the 429, want at least the 30s asked for", gap)
	}
	if r := a.pool.Rate(hostpool.WaybackGroup); r >= hostpool.WaybackLimit().Rate {
		t.Errorf("the archive's rate after a 429 = %v, want below %v", r, hostpool.WaybackLimit().Rate)
	}
}
