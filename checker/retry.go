package checker

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// retryBase is the first back-off step; each retry doubles the ceiling.
const retryBase = 500 * time.Millisecond

// retryPolicy is the part of Options that decides retries.
type retryPolicy struct {
	retries int
	maxWait time.Duration
}

// decideRetry says whether a request that made its attempt-th try (1 for
// the first) and ended with code or err should be tried again, and how long
// to wait first. A Retry-After header wins over the exponential back-off
// (base 500 ms, full jitter: a uniform wait up to the ceiling, so that
// clients that failed together do not retry together); both are capped by
// maxWait. jitter is a number in [0,1); now is the clock Retry-After dates
// are read against.
func decideRetry(p retryPolicy, attempt, code int, err error, retryAfter string, now time.Time, jitter float64) (bool, time.Duration) {
	if attempt > p.retries || !transient(code, err) {
		return false, 0
	}
	if d, ok := parseRetryAfter(retryAfter, now); ok {
		return true, min(d, p.maxWait)
	}
	ceiling := p.maxWait
	if attempt < 30 { // beyond that the shift overflows and the cap applies anyway
		ceiling = min(p.maxWait, retryBase<<(attempt-1))
	}
	return true, time.Duration(jitter * float64(ceiling))
}

// transient reports whether a failure may go away by itself.
func transient(code int, err error) bool {
	if err != nil {
		var pa *PrivateAddressError
		switch {
		case errors.As(err, &pa), errors.Is(err, context.Canceled):
			return false
		case isTimeout(err), isReset(err):
			return true
		}
		return false
	}
	switch code {
	case http.StatusRequestTimeout, http.StatusTooEarly, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable,
		http.StatusGatewayTimeout:
		return true
	}
	return false
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// isReset reports a connection that died under the request: a TCP reset, or
// the server closing it before a complete answer.
func isReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "stream error") // HTTP/2 RST_STREAM
}

// parseRetryAfter reads a Retry-After value: delay-seconds or an HTTP-date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		if secs > int64(24*time.Hour/time.Second) {
			secs = int64(24 * time.Hour / time.Second) // absurd values are capped by maxWait later anyway
		}
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// waitFor waits d or until ctx is done, whichever comes first.
func waitFor(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
