package hostpool

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeclock"
)

// TestDoRetriesWithTheBody: a retried request carries its body again, and
// the answer comes back read in full with the tries it took.
func TestDoRetriesWithTheBody(t *testing.T) {
	var (
		mu     sync.Mutex
		bodies []string
	)
	url, c := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		n := len(bodies)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		io.WriteString(w, "answer")
	}))
	p := New(Config{Client: c, Clock: fakeclock.New(), Jitter: noJitter, Limit: fixed(Limit{Rate: 100, Burst: 1, Concurrency: 1})})
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader("query"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := p.Do(context.Background(), "", req)
	if err != nil || r.Code != http.StatusOK || string(r.Body) != "answer" || r.Attempts != 2 {
		t.Errorf("Do = %d %q after %d attempts, %v; want 200 \"answer\" after 2", r.Code, r.Body, r.Attempts, err)
	}
	if len(bodies) != 2 || bodies[0] != "query" || bodies[1] != "query" {
		t.Errorf("server got bodies %q, want the body with each try", bodies)
	}
}

// TestDoTooLong: a Retry-After beyond the policy's cap is reported, not
// waited for, and not cut short either.
func TestDoTooLong(t *testing.T) {
	srv := &arrivals{clock: realClock{}, codes: []int{http.StatusTooManyRequests}, retryAfter: "3600"}
	url, c := serve(t, srv)
	p := New(Config{Client: c, Jitter: noJitter, Retry: Policy{MaxWait: time.Second}})
	r, err := p.Do(context.Background(), "", get(t, url))
	if err != nil || r.Code != http.StatusTooManyRequests || r.Attempts != 1 || r.TooLong != time.Hour {
		t.Errorf("Do = %d after %d attempts (too long %v), %v; want 429 after 1, asked to wait 1h", r.Code, r.Attempts, r.TooLong, err)
	}
}
