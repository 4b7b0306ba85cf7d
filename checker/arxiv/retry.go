package arxiv

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// unavailableError says arXiv did not give a usable answer however often it
// was asked. It is never evidence about a paper: papers it touches get
// Error, not Broken.
type unavailableError struct {
	attempts int
	err      error
}

func (e *unavailableError) Error() string {
	if e.attempts == 1 {
		return fmt.Sprintf("%v (after 1 attempt)", e.err)
	}
	return fmt.Sprintf("%v (after %d attempts)", e.err, e.attempts)
}

func (e *unavailableError) Unwrap() error { return e.err }

// transientStatus reports whether an HTTP status is arXiv being busy rather
// than an answer: 429 and 503 under load, other 5xx, and the 406 its edge
// sends during throttling windows.
func transientStatus(code int) bool {
	return code == http.StatusTooManyRequests || code == http.StatusNotAcceptable || code >= 500
}

// transportProblem returns why x must be retried before its body is even
// looked at, or nil.
func transportProblem(x exchange) error {
	switch {
	case x.err != nil:
		return x.err
	case transientStatus(x.code):
		return fmt.Errorf("HTTP %d", x.code)
	}
	return nil
}

// backoff returns how long to wait before retry number n (1-based): the
// base wait doubled per retry (3, 6, 12 … s), spread by ±25 % jitter so
// that clients started together do not retry together, raised to the
// server's Retry-After, and capped at limit. The caller gives up rather
// than call backoff with a Retry-After beyond limit: the run would rather
// report the paper unverified than stall for minutes or ask too early.
func backoff(n int, retryAfter, limit time.Duration, jitter float64) time.Duration {
	d := DefaultRetryWait
	for i := 1; i < n && d < limit; i++ {
		d *= 2
	}
	d = time.Duration(float64(d) * (0.75 + 0.5*jitter))
	return min(max(d, retryAfter), limit)
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date
// relative to now. Absent or unreadable headers, and dates in the past,
// give 0.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(v); err == nil {
		// Clamped so that an absurd value cannot overflow a Duration;
		// backoff caps it far lower anyway.
		return time.Duration(min(max(secs, 0), 86400)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
