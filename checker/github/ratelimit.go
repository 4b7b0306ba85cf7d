package github

import (
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// rateLimit is the API's quota as its last answer told it. GitHub counts
// requests per hour, per IP address without a token and per token with
// one, and every answer says what is left and when the count resets.
type rateLimit struct {
	mu        sync.Mutex
	known     bool
	remaining int
	reset     time.Time
}

// observe records the quota an answer reports; answers without the
// headers (another host, a proxy's error page) change nothing.
func (l *rateLimit) observe(h http.Header) {
	rem, ok := quotaLeft(h)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.known, l.remaining = true, rem
	if secs, err := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64); err == nil {
		l.reset = time.Unix(secs, 0)
	}
}

// exhausted reports whether the quota is spent at now, and until when.
// A quota whose reset time has passed is not spent: the next answer tells
// the new count.
func (l *rateLimit) exhausted(now time.Time) (bool, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.known || l.remaining > 0 || !now.Before(l.reset) {
		return false, time.Time{}
	}
	return true, l.reset
}

func quotaLeft(h http.Header) (int, bool) {
	v := h.Get("X-Ratelimit-Remaining")
	if v == "" {
		return 0, false
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// overQuota reports an answer refused because the quota is spent: 403 or
// 429 with no request remaining.
func overQuota(code int, h http.Header) bool {
	rem, ok := quotaLeft(h)
	return (code == http.StatusForbidden || code == http.StatusTooManyRequests) && ok && rem == 0
}

// errSecondaryLimit is GitHub asking a client to slow down (bursts, too
// many requests at once): a 403 with Retry-After, retried after the wait.
var errSecondaryLimit = errors.New("GitHub API secondary rate limit")

// judge tells the retry policy what it cannot see in a status code: an
// exhausted quota must not be asked again (that would be a request past
// the limit), and a 403 with Retry-After is a secondary limit, retried.
func judge(code int, h http.Header) (final bool, retry error) {
	switch {
	case overQuota(code, h):
		return true, nil
	case code == http.StatusForbidden && h.Get("Retry-After") != "":
		return false, errSecondaryLimit
	}
	return false, nil
}
