package hostpool

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

// Retry policy defaults.
const (
	DefaultRetries = 3
	DefaultMaxWait = 60 * time.Second
	// retryBase is the first back-off step; each retry doubles the ceiling.
	retryBase = 500 * time.Millisecond
	// timeoutRetries is how often a request that timed out is repeated.
	timeoutRetries = 1
)

// Policy is the retry policy of a Pool.
type Policy struct {
	// Retries is how many times a failed request is repeated: 0 (or a
	// negative value) never. It is a count, not a setting with a default:
	// DefaultPolicy has the default.
	Retries int
	// MaxWait caps one back-off; 0 means DefaultMaxWait. A server asking
	// (Retry-After) for a longer wait is not asked again early: its
	// answer stands.
	MaxWait time.Duration
}

// DefaultPolicy is the policy of a run nobody tuned.
func DefaultPolicy() Policy { return Policy{Retries: DefaultRetries, MaxWait: DefaultMaxWait} }

func (p Policy) withDefaults() Policy {
	p.Retries = max(p.Retries, 0)
	if p.MaxWait <= 0 {
		p.MaxWait = DefaultMaxWait
	}
	return p
}

// Decision is what Decide says about one finished try.
type Decision struct {
	Retry bool
	Wait  time.Duration // before the retry; the host's pacing comes on top
	// TooLong is the wait a Retry-After asked for when it was beyond the
	// policy's MaxWait, the reason there is no retry.
	TooLong time.Duration
}

// Decide is the one retry decision of linkcheck: whether a request whose
// attempt-th try (1 for the first) ended with o is tried again, and after
// how long. Transient failures are retried: timeouts (once), resets, 408, 425,
// 429, 500, 502, 503, 504, and answers the caller found unusable
// (o.Retry); o.Final never is. A Retry-After wins over the exponential
// back-off (base 500 ms, full jitter: a uniform wait up to the ceiling, so
// that clients that failed together do not retry together, capped by
// MaxWait); a Retry-After beyond MaxWait ends the retries, since asking
// before the server's time would only be refused again. jitter is in
// [0,1); now is the clock Retry-After dates are read against.
func Decide(p Policy, attempt int, o Outcome, now time.Time, jitter float64) Decision {
	p = p.withDefaults()
	if o.Final || attempt > p.Retries || (o.Retry == nil && !transient(o.Code, o.Err)) {
		return Decision{}
	}
	// A request that ran out of time is tried once more, not Retries
	// times: a server silent for the whole timeout twice in a row seldom
	// answers the third time, and each try holds a connection (and makes
	// the verdict wait) for the full timeout.
	if o.Err != nil && IsTimeout(o.Err) && attempt > min(p.Retries, timeoutRetries) {
		return Decision{}
	}
	if d, ok := ParseRetryAfter(o.RetryAfter, now); ok {
		if d > p.MaxWait {
			return Decision{TooLong: d}
		}
		return Decision{Retry: true, Wait: d}
	}
	ceiling := p.MaxWait
	if attempt < 30 { // beyond that the shift overflows and the cap applies anyway
		ceiling = min(p.MaxWait, retryBase<<(attempt-1))
	}
	return Decision{Retry: true, Wait: time.Duration(jitter * float64(ceiling))}
}

// RetryableStatus reports whether an answer with this HTTP status is a
// server asking to be asked again later (408, 425, 429, 500, 502, 503,
// 504). It is the one list: an API client that must know whether an
// answer is one to read or one the policy will retry asks it, and adds
// only its own API's known glitches (through Outcome.Retry).
func RetryableStatus(code int) bool {
	switch code {
	case http.StatusRequestTimeout, http.StatusTooEarly, http.StatusTooManyRequests,
		http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable,
		http.StatusGatewayTimeout:
		return true
	}
	return false
}

// transient reports whether a failure may go away by itself.
func transient(code int, err error) bool {
	if err != nil {
		switch {
		case errors.Is(err, ErrRefusedLocally), errors.Is(err, context.Canceled):
			return false
		case IsTimeout(err), IsReset(err):
			return true
		}
		return false
	}
	return RetryableStatus(code)
}

// IsTimeout reports a request that ran out of time.
func IsTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// IsReset reports a connection that died under the request: a TCP reset,
// or the server closing it before a complete answer.
func IsReset(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		strings.Contains(err.Error(), "stream error") // HTTP/2 RST_STREAM
}

// ParseRetryAfter reads a Retry-After value: delay-seconds or an HTTP-date
// (a date in the past is a wait of 0). ok is false when there is none or
// it cannot be read.
func ParseRetryAfter(v string, now time.Time) (d time.Duration, ok bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Absurd values would overflow a Duration; a day is beyond any cap.
		secs = min(secs, int64(24*time.Hour/time.Second))
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
