package hostpool

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// TestTooLong: a Retry-After beyond the policy's cap is reported, not
// waited for, and not cut short either.
func TestTooLong(t *testing.T) {
	srv := &arrivals{clock: realClock{}, codes: []int{http.StatusTooManyRequests}, retryAfter: "3600"}
	url, c := serve(t, srv)
	p := New(Config{Jitter: noJitter, Retry: Policy{Retries: DefaultRetries, MaxWait: time.Second}})
	r, err := send(context.Background(), p, c, url)
	if err != nil || r.Code != http.StatusTooManyRequests || r.Attempts != 1 || r.TooLong != time.Hour {
		t.Errorf("request = %d after %d attempts (too long %v), %v; want 429 after 1, asked to wait 1h", r.Code, r.Attempts, r.TooLong, err)
	}
}
