package hostpool

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"syscall"
	"testing"
	"time"
)

func opErr(err error) error { return &net.OpError{Op: "dial", Net: "tcp", Err: err} }

func TestDecide(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	p := Policy{Retries: 3, MaxWait: 10 * time.Second}
	reset := opErr(os.NewSyscallError("read", syscall.ECONNRESET))
	refusedLocally := &net.OpError{Op: "dial", Net: "tcp", Err: fmt.Errorf("private: %w", ErrRefusedLocally)}
	tests := []struct {
		name    string
		attempt int
		o       Outcome
		jitter  float64
		want    Decision
	}{
		{"200 never", 1, Outcome{Code: 200}, 0.5, Decision{}},
		{"404 never", 1, Outcome{Code: 404}, 0.5, Decision{}},
		{"403 never", 1, Outcome{Code: 403}, 0.5, Decision{}},
		{"500 first", 1, Outcome{Code: 500}, 0.5, Decision{Retry: true, Wait: 250 * time.Millisecond}},
		{"502 second", 2, Outcome{Code: 502}, 0.5, Decision{Retry: true, Wait: 500 * time.Millisecond}},
		{"503 third", 3, Outcome{Code: 503}, 1, Decision{Retry: true, Wait: 2 * time.Second}},
		{"504 out of retries", 4, Outcome{Code: 504}, 0.5, Decision{}},
		{"408", 1, Outcome{Code: 408}, 0, Decision{Retry: true}},
		{"425", 1, Outcome{Code: http.StatusTooEarly}, 0, Decision{Retry: true}},
		{"429 retry-after seconds", 1, Outcome{Code: 429, RetryAfter: "7"}, 0.5, Decision{Retry: true, Wait: 7 * time.Second}},
		{"429 retry-after beyond the cap", 1, Outcome{Code: 429, RetryAfter: "120"}, 0.5, Decision{TooLong: 120 * time.Second}},
		{"429 retry-after date", 1, Outcome{Code: 429, RetryAfter: now.Add(3 * time.Second).Format(http.TimeFormat)}, 0.5, Decision{Retry: true, Wait: 3 * time.Second}},
		{"429 retry-after past date", 1, Outcome{Code: 429, RetryAfter: now.Add(-time.Minute).Format(http.TimeFormat)}, 0.5, Decision{Retry: true}},
		{"429 retry-after garbage", 1, Outcome{Code: 429, RetryAfter: "soon"}, 0.5, Decision{Retry: true, Wait: 250 * time.Millisecond}},
		{"retry-after on a final answer", 1, Outcome{Code: 200, RetryAfter: "7"}, 0.5, Decision{}},
		{"caller says retry", 1, Outcome{Code: 200, Retry: errors.New("feed holds no entries")}, 0.5, Decision{Retry: true, Wait: 250 * time.Millisecond}},
		{"caller's retry runs out too", 4, Outcome{Code: 406, Retry: errors.New("HTTP 406")}, 0.5, Decision{}},
		{"caller says final", 1, Outcome{Code: 503, Final: true}, 0.5, Decision{}},
		{"timeout", 1, Outcome{Err: context.DeadlineExceeded}, 0.5, Decision{Retry: true, Wait: 250 * time.Millisecond}},
		{"timeout twice", 2, Outcome{Err: context.DeadlineExceeded}, 0.5, Decision{}},
		{"net timeout twice", 2, Outcome{Err: opErr(timeoutErr{})}, 0.5, Decision{}},
		{"reset after a timeout", 2, Outcome{Err: reset}, 0.5, Decision{Retry: true, Wait: 500 * time.Millisecond}},
		{"reset", 2, Outcome{Err: reset}, 0.25, Decision{Retry: true, Wait: 250 * time.Millisecond}},
		{"refused", 1, Outcome{Err: opErr(os.NewSyscallError("connect", syscall.ECONNREFUSED))}, 0.5, Decision{}},
		{"cancelled", 1, Outcome{Err: context.Canceled}, 0.5, Decision{}},
		{"refused locally", 1, Outcome{Err: refusedLocally}, 0.5, Decision{}},
		{"other error", 1, Outcome{Err: errors.New("x")}, 0.5, Decision{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Decide(p, tt.attempt, tt.o, now, tt.jitter); got != tt.want {
				t.Errorf("Decide(attempt %d, %+v) = %+v, want %+v", tt.attempt, tt.o, got, tt.want)
			}
		})
	}
}

func TestDecideBackoffCap(t *testing.T) {
	p := Policy{Retries: 100, MaxWait: 3 * time.Second}
	for _, attempt := range []int{5, 20, 40, 90} {
		if d := Decide(p, attempt, Outcome{Code: 503}, time.Now(), 1); d.Wait != 3*time.Second {
			t.Errorf("Decide(attempt %d, jitter 1) waits %v, want the cap 3s", attempt, d.Wait)
		}
	}
}

func TestPolicyDefaults(t *testing.T) {
	tests := []struct {
		in   Policy
		want Policy
	}{
		{Policy{}, Policy{Retries: 0, MaxWait: DefaultMaxWait}},
		{Policy{Retries: -1}, Policy{Retries: 0, MaxWait: DefaultMaxWait}},
		{DefaultPolicy(), Policy{Retries: DefaultRetries, MaxWait: DefaultMaxWait}},
		{Policy{Retries: 5, MaxWait: time.Second}, Policy{Retries: 5, MaxWait: time.Second}},
	}
	for _, tt := range tests {
		if got := tt.in.withDefaults(); got != tt.want {
			t.Errorf("%+v.withDefaults() = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, s := range []string{"0", "120", "-1", " 7 ", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT",
		now.Add(time.Hour).Format(http.TimeFormat), "soon", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		d, ok := ParseRetryAfter(v, now)
		if d < 0 || (!ok && d != 0) {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want a wait >= 0, and 0 when not ok", v, d, ok)
		}
		got := Decide(Policy{Retries: 3, MaxWait: time.Minute}, 1, Outcome{Code: 429, RetryAfter: v}, now, 0.5)
		if got.Retry == (got.TooLong > 0) || got.Wait < 0 || got.Wait > time.Minute || (got.TooLong > 0 && got.TooLong <= time.Minute) {
			t.Errorf("Decide(429, Retry-After %q) = %+v; want a retry within the 1m cap, or none for a longer wait", v, got)
		}
	})
}

// timeoutErr is a net.Error that timed out, as a dial or read deadline
// reports it.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// TestRetryableStatusIsDecides: the exported list is the one Decide uses.
func TestRetryableStatusIsDecides(t *testing.T) {
	now := time.Now()
	for code := 100; code < 600; code++ {
		got := Decide(Policy{Retries: 1}, 1, Outcome{Code: code}, now, 0).Retry
		if want := RetryableStatus(code); got != want {
			t.Errorf("Decide(HTTP %d).Retry = %v, RetryableStatus = %v: want them equal", code, got, want)
		}
	}
}
