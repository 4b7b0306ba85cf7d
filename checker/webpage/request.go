package webpage

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
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
	// tooLong is the wait the host asked for when it was beyond
	// MaxRetryWait, the reason it was not asked again.
	tooLong time.Duration
	// size is the page's length in bytes when known (read to its end, or
	// declared by Content-Length), -1 otherwise.
	size int64
}

// do sends one request through the run's host pool, which paces each try,
// retries transient failures by the one retry policy and learns from the
// answers (back-off, reachability). A bot challenge is never retried: it
// stays a challenge however often it is asked.
func (f *Fetcher) do(ctx context.Context, method string, u *url.URL) answer {
	var a answer
	done := f.pool.Try(ctx, hostpool.GroupOf(u.Hostname()), func(ctx context.Context) hostpool.Outcome {
		a = f.once(ctx, method, u)
		return hostpool.Outcome{Code: a.code, RetryAfter: a.retryAfter, Err: a.err, Final: a.challenge}
	})
	if done.Attempts == 0 {
		return answer{err: done.Err} // never sent: the run stopped first
	}
	a.attempts, a.tooLong = done.Attempts, done.TooLong
	return a
}

// once sends a single request. A GET of an HTML page reads at most
// MaxBodyBytes of it (usually much less: the scan stops after the first
// <h1>); any other body is closed unread, which drops the connection rather
// than download a large file.
func (f *Fetcher) once(ctx context.Context, method string, u *url.URL) answer {
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
		for name, vs := range f.headers(strings.ToLower(u.Hostname())) {
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
		size:        -1,
	}
	readable := isOK(a.code) || a.code == http.StatusForbidden || a.code == http.StatusServiceUnavailable
	if method == http.MethodGet && readable && isHTML(a.contentType) {
		body := &byteCounter{r: io.LimitReader(resp.Body, f.opts.MaxBodyBytes)}
		p := scanPage(body, a.contentType)
		a.page = &p
		if !isOK(a.code) && (p.Challenge || challengeTitle(p.Title)) {
			a.challenge = true
		}
		// An HTTP/1.1 connection is reused only once its body was read to
		// the end: drain a small rest rather than make the site accept a
		// new connection (and TLS handshake) for the next page.
		// The drain stays within MaxBodyBytes.
		_, err := io.CopyN(io.Discard, body, drainBytes)
		switch {
		case err == io.EOF && body.n < f.opts.MaxBodyBytes:
			a.size = body.n
		case resp.ContentLength >= 0:
			a.size = resp.ContentLength
		}
	}
	return a
}

// drainBytes is how much of a page's unread rest is read to keep its
// connection alive; a longer rest is cheaper to drop with the connection.
const drainBytes = 64 << 10

// byteCounter counts the bytes read through it.
type byteCounter struct {
	r io.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func isOK(code int) bool { return code >= 200 && code < 300 }

// isHTML reports HTML content types; a missing one counts, since servers
// that omit it mostly serve pages.
func isHTML(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(ct), ";")
	mt = strings.TrimSpace(mt)
	return mt == "" || mt == "text/html" || mt == "application/xhtml+xml"
}
