package checker

import (
	"context"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// answer is the end of one request, after its retries. attempts counts its
// tries; a check reports the most tries any of its requests took, so
// Attempts > 1 means something was retried.
type answer struct {
	code        int
	location    string
	contentType string
	retryAfter  string
	challenge   bool
	page        *pageInfo // set when the body was read
	err         error
	attempts    int
}

// do sends one request, retrying transient failures, each try paced by
// the host pool; and feeds the host's adaptive back-off and reachability.
func (f *fetcher) do(ctx context.Context, method string, u *url.URL) answer {
	group := hostGroup(u.Hostname())
	h := f.pool.host(group)
	policy := retryPolicy{retries: f.opts.Retries, maxWait: f.opts.MaxRetryWait}
	for attempt := 1; ; attempt++ {
		release, err := f.pool.acquire(ctx, group)
		if err != nil {
			return answer{err: err, attempts: attempt - 1}
		}
		a := f.once(ctx, method, u)
		release()
		a.attempts = attempt
		if ctx.Err() != nil {
			return a
		}
		f.pool.record(h, a.err)
		if a.code == http.StatusTooManyRequests || (a.code == http.StatusServiceUnavailable && !a.challenge) {
			ra, _ := parseRetryAfter(a.retryAfter, time.Now())
			h.throttled(min(ra, f.opts.MaxRetryWait))
		} else if a.err == nil {
			h.succeeded()
		}
		if a.challenge {
			return a // a challenge stays a challenge however often it is asked
		}
		retry, wait := decideRetry(policy, attempt, a.code, a.err, a.retryAfter, time.Now(), rand.Float64())
		if !retry || waitFor(ctx, wait) != nil {
			return a
		}
	}
}

// once sends a single request. A GET of an HTML page reads at most
// MaxBodyBytes of it (usually much less: the scan stops after the first
// <h1>); any other body is closed unread, which drops the connection rather
// than download a large file.
func (f *fetcher) once(ctx context.Context, method string, u *url.URL) answer {
	rctx, cancel := context.WithTimeout(ctx, f.opts.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, method, u.String(), nil)
	if err != nil {
		return answer{err: err}
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "en")
	// Credentials travel only encrypted: a redirect from https to plain
	// http on the same host must not put a token on the wire.
	if u.Scheme == "https" {
		for name, vs := range f.opts.headersFor(strings.ToLower(u.Hostname())) {
			req.Header[name] = vs
		}
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	a := answer{
		code:        resp.StatusCode,
		location:    resp.Header.Get("Location"),
		contentType: resp.Header.Get("Content-Type"),
		retryAfter:  resp.Header.Get("Retry-After"),
		challenge:   strings.EqualFold(resp.Header.Get("Cf-Mitigated"), "challenge"),
	}
	readable := isOK(a.code) || a.code == http.StatusForbidden || a.code == http.StatusServiceUnavailable
	if method == http.MethodGet && readable && isHTML(a.contentType) {
		body := io.LimitReader(resp.Body, f.opts.MaxBodyBytes)
		p := scanPage(body, a.contentType)
		a.page = &p
		if !isOK(a.code) && (p.Challenge || challengeTitle(p.Title)) {
			a.challenge = true
		}
		// An HTTP/1.1 connection is reused only once its body was read to
		// the end: drain a small rest rather than make the site accept a
		// new connection (and TLS handshake) for the next page.
		// The drain stays within MaxBodyBytes.
		_, _ = io.CopyN(io.Discard, body, drainBytes)
	}
	return a
}

// drainBytes is how much of a page's unread rest is read to keep its
// connection alive; a longer rest is cheaper to drop with the connection.
const drainBytes = 64 << 10

func isOK(code int) bool { return code >= 200 && code < 300 }

// isHTML reports HTML content types; a missing one counts, since servers
// that omit it mostly serve pages.
func isHTML(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	mt = strings.TrimSpace(mt)
	return mt == "" || mt == "text/html" || mt == "application/xhtml+xml"
}
