package hostpool

import (
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

func get(t *testing.T, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func fixed(l Limit) func(string) Limit { return func(string) Limit { return l } }

func noJitter() float64 { return 0 }
