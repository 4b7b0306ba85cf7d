package wayback

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/internal/fakeclock"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

func TestMain(m *testing.M) {
	fakeweb.RequireLoopback()
	goleak.VerifyTestMain(m)
}

// poolSender sends through a pool, as the checker's run does.
type poolSender struct{ pool *hostpool.Pool }

func (s poolSender) Try(ctx context.Context, host string, try func(context.Context) verifier.Attempt) verifier.Tried {
	return s.pool.Try(ctx, s.pool.Group(host), try)
}

// arrival is one request at the fake archive, on the fake clock.
type arrival struct {
	at   time.Time
	path string
}

// archive is a fake Wayback Machine on the fake web, with a run's pool on
// a fake clock in front of it, recording every arrival and the most
// requests it served at once.
type archive struct {
	*fakeweb.Wayback
	web   *fakeweb.Web
	clock *fakeclock.Clock
	pool  *hostpool.Pool

	mu                    sync.Mutex
	arrivals              []arrival
	inFlight, maxInFlight int
}

func newArchive(t *testing.T) *archive {
	a := &archive{Wayback: fakeweb.NewWayback(), web: fakeweb.New(t), clock: fakeclock.New()}
	a.pool = hostpool.New(hostpool.Config{
		Limit:  hostpool.Limits{}.Of,
		Retry:  hostpool.DefaultPolicy(),
		Clock:  a.clock,
		Jitter: func() float64 { return 0.5 },
	})
	a.web.Handle(fakeweb.WaybackHost, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a.mu.Lock()
		a.arrivals = append(a.arrivals, arrival{at: a.clock.Now(), path: r.URL.Path})
		a.inFlight++
		a.maxInFlight = max(a.maxInFlight, a.inFlight)
		a.mu.Unlock()
		defer func() {
			a.mu.Lock()
			a.inFlight--
			a.mu.Unlock()
		}()
		a.Wayback.ServeHTTP(w, r)
	}))
	return a
}

// now is the moment lookups without a live moment end at.
var now = time.Date(2026, 4, 12, 22, 0, 0, 0, time.UTC)

func (a *archive) client(t *testing.T) *Client {
	t.Helper()
	hc := a.web.Client()
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c, err := New(Config{Client: hc, Sender: poolSender{a.pool}, UserAgent: "linkcheck-test/1", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// count returns how many requests reached the CDX server and playback.
func (a *archive) count() (cdx, playbacks int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, r := range a.arrivals {
		if r.path == "/cdx/search/cdx" {
			cdx++
		} else {
			playbacks++
		}
	}
	return cdx, playbacks
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 8, 30, 0, 0, time.UTC) }
