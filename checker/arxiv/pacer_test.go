package arxiv

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// TestVerifyThousandPapers runs 1,000 IDs through the default pacer on the
// fake clock: ten full batches, each start at least DefaultInterval after
// the previous one.
func TestVerifyThousandPapers(t *testing.T) {
	f := newFakeArxiv(t)
	papers := f.addPapers(1000)
	got := verifyAll(t, f.client(t, Config{UserAgent: "linkcheck-test/1"}), papers)
	for id, v := range got {
		if v.Status != status.OK {
			t.Errorf("%s: status = %v (%s), want ok", id, v.Status, v.Message)
		}
	}
	reqs := f.requests()
	if len(reqs) != 10 {
		t.Fatalf("requests = %d, want 10 (ceil(1000/100))", len(reqs))
	}
	seen := make(map[string]bool)
	for i, r := range reqs {
		ids := strings.Split(r.query.Get("id_list"), ",")
		if len(ids) != 100 || r.query.Get("max_results") != "100" || r.query.Get("start") != "0" {
			t.Errorf("request %d: %d IDs, start=%s, max_results=%s; want 100, 0, 100", i, len(ids), r.query.Get("start"), r.query.Get("max_results"))
		}
		for _, id := range ids {
			if seen[id] {
				t.Errorf("request %d: %s asked twice", i, id)
			}
			seen[id] = true
		}
		if ua := r.header.Get("User-Agent"); ua != "linkcheck-test/1" {
			t.Errorf("request %d: User-Agent = %q, want %q", i, ua, "linkcheck-test/1")
		}
		if acc := r.header.Get("Accept"); acc != "application/atom+xml" {
			t.Errorf("request %d: Accept = %q, want application/atom+xml", i, acc)
		}
		if i > 0 {
			if gap := r.at.Sub(reqs[i-1].at); gap < DefaultInterval {
				t.Errorf("request %d started %v after the previous one, want at least %v", i, gap, DefaultInterval)
			}
		}
	}
}

func TestPacerSpacesStarts(t *testing.T) {
	clock := newFakeClock()
	p := newPacer(clock, DefaultInterval)
	var starts []time.Time
	for range 3 {
		release, err := p.Acquire(context.Background())
		if err != nil {
			t.Fatalf("Acquire() = %v", err)
		}
		starts = append(starts, clock.Now())
		release()
		release() // a second call must not free a second slot
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap != DefaultInterval {
			t.Errorf("start %d came %v after the previous, want %v", i, gap, DefaultInterval)
		}
	}
}

// stuckClock never lets a wait end, so only the context can.
type stuckClock struct{ now time.Time }

func (c *stuckClock) Now() time.Time { return c.now }

func (*stuckClock) After(time.Duration) <-chan time.Time { return nil }

func TestPacerHonoursContext(t *testing.T) {
	clock := &stuckClock{now: time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC)}
	p := newPacer(clock, DefaultInterval)
	release, err := p.Acquire(context.Background())
	if err != nil {
		t.Fatalf("first Acquire() = %v", err)
	}
	release()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := p.Acquire(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Acquire while the interval runs = %v, want context.DeadlineExceeded", err)
	}
	// The abandoned wait must have given the slot back.
	p.last = time.Time{}
	release, err = p.Acquire(context.Background())
	if err != nil {
		t.Fatalf("Acquire after a cancelled wait = %v", err)
	}
	release()
}
