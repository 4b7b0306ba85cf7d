package checker

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestDecideRetry(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	p := retryPolicy{retries: 3, maxWait: 10 * time.Second}
	reset := opErr(os.NewSyscallError("read", syscall.ECONNRESET))
	tests := []struct {
		name       string
		attempt    int
		code       int
		err        error
		retryAfter string
		jitter     float64
		retry      bool
		wait       time.Duration
	}{
		{"200 never", 1, 200, nil, "", 0.5, false, 0},
		{"404 never", 1, 404, nil, "", 0.5, false, 0},
		{"403 never", 1, 403, nil, "", 0.5, false, 0},
		{"500 first", 1, 500, nil, "", 0.5, true, 250 * time.Millisecond},
		{"502 second", 2, 502, nil, "", 0.5, true, 500 * time.Millisecond},
		{"503 third", 3, 503, nil, "", 1, true, 2 * time.Second},
		{"504 out of retries", 4, 504, nil, "", 0.5, false, 0},
		{"408", 1, 408, nil, "", 0, true, 0},
		{"425", 1, http.StatusTooEarly, nil, "", 0, true, 0},
		{"429 retry-after seconds", 1, 429, nil, "7", 0.5, true, 7 * time.Second},
		{"429 retry-after capped", 1, 429, nil, "120", 0.5, true, 10 * time.Second},
		{"429 retry-after date", 1, 429, nil, now.Add(3 * time.Second).Format(http.TimeFormat), 0.5, true, 3 * time.Second},
		{"429 retry-after past date", 1, 429, nil, now.Add(-time.Minute).Format(http.TimeFormat), 0.5, true, 0},
		{"429 retry-after garbage", 1, 429, nil, "soon", 0.5, true, 250 * time.Millisecond},
		{"backoff capped", 9, 500, nil, "", 1, false, 0},
		{"timeout", 1, 0, context.DeadlineExceeded, "", 0.5, true, 250 * time.Millisecond},
		{"reset", 2, 0, reset, "", 0.25, true, 250 * time.Millisecond},
		{"refused", 1, 0, opErr(os.NewSyscallError("connect", syscall.ECONNREFUSED)), "", 0.5, false, 0},
		{"cancelled", 1, 0, context.Canceled, "", 0.5, false, 0},
		{"private", 1, 0, &PrivateAddressError{Addr: netip.MustParseAddr("127.0.0.1")}, "", 0.5, false, 0},
		{"other error", 1, 0, errors.New("x"), "", 0.5, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			retry, wait := decideRetry(p, tt.attempt, tt.code, tt.err, tt.retryAfter, now, tt.jitter)
			if retry != tt.retry || wait != tt.wait {
				t.Errorf("decideRetry(attempt %d, %d, %v, %q) = %v, %v; want %v, %v",
					tt.attempt, tt.code, tt.err, tt.retryAfter, retry, wait, tt.retry, tt.wait)
			}
		})
	}
}

func TestBackoffCap(t *testing.T) {
	p := retryPolicy{retries: 100, maxWait: 3 * time.Second}
	for _, attempt := range []int{5, 20, 40, 90} {
		_, wait := decideRetry(p, attempt, 503, nil, "", time.Now(), 1)
		if wait != 3*time.Second {
			t.Errorf("decideRetry(attempt %d, jitter 1) waits %v, want the cap %v", attempt, wait, 3*time.Second)
		}
	}
}

func TestWaitForHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := waitFor(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("waitFor(cancelled, 1h) = %v, want context.Canceled", err)
	}
	if err := waitFor(context.Background(), time.Millisecond); err != nil {
		t.Errorf("waitFor(1ms) = %v, want nil", err)
	}
}

// TestRetriesOption: Retries counts the tries after the first; zero means
// the default and a negative value none.
func TestRetriesOption(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("boom.example", fakeweb.Status(http.StatusInternalServerError))
	tests := []struct{ retries, attempts int }{
		{-1, 1},
		{1, 2},
		{0, 1 + DefaultRetries},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.retries), func(t *testing.T) {
			o := testOptions(w)
			o.Retries = tt.retries
			before := w.Requests("boom.example")
			r := checkOne(t, newChecker(t, o), "https://boom.example/")
			sent := w.Requests("boom.example") - before
			if r.Status != status.Error || r.Attempts != tt.attempts || sent != tt.attempts {
				t.Errorf("check with Retries %d = %v after %d attempts, %d requests; want error after %d",
					tt.retries, r.Status, r.Attempts, sent, tt.attempts)
			}
		})
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, s := range []string{"0", "120", "-1", " 7 ", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT",
		now.Add(time.Hour).Format(http.TimeFormat), "soon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := parseRetryAfter(v, now)
		if d < 0 || (!ok && d != 0) {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want a wait >= 0, and 0 when not ok", v, d, ok)
		}
		retry, wait := decideRetry(retryPolicy{retries: 3, maxWait: time.Minute}, 1, 429, nil, v, now, 0.5)
		if !retry || wait < 0 || wait > time.Minute {
			t.Errorf("decideRetry(429, Retry-After %q) = %v, %v; want a retry within the 1m cap", v, retry, wait)
		}
	})
}
