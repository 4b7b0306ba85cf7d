package verifier

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/status"
)

// maxReplyBody bounds what is read of one API answer; a repository's
// metadata is a few kilobytes.
const maxReplyBody = 4 << 20

// API is a JSON API on one host, asked through the run's Sender. Its
// token, if any, goes to that host alone and only over https: never to
// another host a redirect names, never over plain http.
type API struct {
	// Host is the API's host (with its port, if any): api.github.com.
	Host string
	// Client sends the requests. It must not follow redirects (its
	// CheckRedirect returns http.ErrUseLastResponse): the verifier follows
	// them, hop by hop, so that each hop is paced and the token stays
	// with Host.
	Client    *http.Client
	Sender    Sender
	Token     string
	UserAgent string
	// Header holds extra headers for every request (Accept, an API
	// version).
	Header http.Header
	// Judge looks at each answer before the retry policy does: it may say
	// the answer stands (final) or must be retried though its status is
	// final (retry). Nil leaves every answer to the policy.
	Judge func(code int, h http.Header) (final bool, retry error)
}

// Reply is the end of one API request after its retries: the last answer
// read in full, or the error that kept one from arriving.
type Reply struct {
	Code     int
	Header   http.Header
	Body     []byte
	Err      error
	Attempts int
}

// Get asks for u through the Sender, retried by the run's policy. It does
// not follow redirects.
func (a *API) Get(ctx context.Context, u *url.URL) Reply {
	return a.Send(ctx, http.MethodGet, u, nil)
}

// Send sends a request with body (nil for none) through the Sender,
// retried by the run's policy. It does not follow redirects.
func (a *API) Send(ctx context.Context, method string, u *url.URL, body []byte) Reply {
	var r Reply
	tried := a.Sender.Try(ctx, strings.ToLower(u.Hostname()), func(ctx context.Context) Attempt {
		r = Reply{}
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
		if err != nil {
			return Attempt{Err: fmt.Errorf("build request: %w", err), Final: true}
		}
		for name, vs := range a.Header {
			req.Header[name] = vs
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("User-Agent", a.UserAgent)
		if a.Authorized(u) {
			req.Header.Set("Authorization", "Bearer "+a.Token)
		}
		resp, err := a.Client.Do(req)
		if err != nil {
			return Attempt{Err: err}
		}
		defer resp.Body.Close()
		r.Code, r.Header = resp.StatusCode, resp.Header
		r.Body, err = io.ReadAll(io.LimitReader(resp.Body, maxReplyBody))
		if err != nil {
			return Attempt{Code: resp.StatusCode, Err: fmt.Errorf("read answer: %w", err)}
		}
		at := Attempt{Code: resp.StatusCode, RetryAfter: resp.Header.Get("Retry-After")}
		if a.Judge != nil {
			at.Final, at.Retry = a.Judge(resp.StatusCode, resp.Header)
		}
		return at
	})
	r.Attempts = tried.Attempts
	if tried.Err != nil {
		r.Err = tried.Err
	}
	return r
}

// Authorized reports whether the token may go with a request for u: only
// to the API's own host, only encrypted.
func (a *API) Authorized(u *url.URL) bool {
	return a.Token != "" && u.Scheme == "https" && strings.EqualFold(u.Host, a.Host)
}

// Redirect returns where a redirect answer sends the request next, or nil
// when r is not a usable redirect.
func Redirect(from *url.URL, r Reply) *url.URL {
	if r.Err != nil || r.Code < 300 || r.Code > 399 {
		return nil
	}
	loc := r.Header.Get("Location")
	if loc == "" {
		return nil
	}
	next, err := from.Parse(loc)
	if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
		return nil
	}
	return next
}

// NoAnswer is the verdict of a request that got no answer from the API
// named name ("GitHub API"): timeout or error, never evidence about the
// target.
func NoAnswer(name string, err error) Verdict {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return Verdict{Status: status.Timeout, Message: name + ": no answer in time"}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return Verdict{Status: status.Error, Message: name + " unavailable: " + err.Error()}
}
