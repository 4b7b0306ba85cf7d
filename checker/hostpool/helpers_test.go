package hostpool

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

func TestMain(m *testing.M) {
	fakeweb.RequireLoopback()
	goleak.VerifyTestMain(m)
}

// arrivals is a server that records when each request arrived, on clock,
// and answers with the next of codes (the last one repeating), or not at
// all for hangPath.
type arrivals struct {
	clock      Clock
	codes      []int
	retryAfter string        // sent with every answer but a 200
	hangPath   string        // answered never: the handler waits for the client to give up
	hung       chan struct{} // told when a request for hangPath arrived

	mu sync.Mutex
	at []time.Time
}

func (a *arrivals) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	n := len(a.at)
	a.at = append(a.at, a.clock.Now())
	a.mu.Unlock()
	if a.hangPath != "" && r.URL.Path == a.hangPath {
		a.hung <- struct{}{}
		<-r.Context().Done()
		return
	}
	code := http.StatusOK
	if len(a.codes) > 0 {
		code = a.codes[min(n, len(a.codes)-1)]
	}
	if code != http.StatusOK && a.retryAfter != "" {
		w.Header().Set("Retry-After", a.retryAfter)
	}
	w.WriteHeader(code)
}

// peak is a server that counts the requests it serves at once.
type peak struct {
	next http.Handler

	mu           sync.Mutex
	now, highest int
}

func (p *peak) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.now++
	p.highest = max(p.highest, p.now)
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.now--
		p.mu.Unlock()
	}()
	p.next.ServeHTTP(w, r)
}

func (p *peak) max() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.highest
}

func (a *arrivals) times() []time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]time.Time(nil), a.at...)
}

// serve starts h and returns its URL and a client for it.
func serve(t *testing.T, h http.Handler) (string, *http.Client) {
	t.Helper()
	srv := httptest.NewServer(h)
	c := srv.Client()
	t.Cleanup(func() {
		c.CloseIdleConnections()
		srv.Close()
	})
	return srv.URL, c
}

// send GETs url with c through p, in the group of url's host, retried by
// the policy, as the API clients do with Try: it reads the answer before
// the try returns. err is Done's Err.
func send(ctx context.Context, p *Pool, c *http.Client, url string) (Done, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Done{Outcome: Outcome{Err: err}}, err
	}
	done := p.Try(ctx, p.Group(req.URL.Hostname()), func(ctx context.Context) Outcome {
		resp, err := c.Do(req.Clone(ctx))
		if err != nil {
			return Outcome{Err: err}
		}
		defer resp.Body.Close()
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return Outcome{Code: resp.StatusCode, Err: err}
		}
		return Outcome{Code: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After")}
	})
	return done, done.Err
}

func fixed(l Limit) func(string) Limit { return func(string) Limit { return l } }

func noJitter() float64 { return 0 }
