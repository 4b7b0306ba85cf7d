package wayback

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/status"
)

// maxNearest bounds the redirects to a nearer capture followed for one
// playback: the archive sends a timestamp without a capture to the nearest
// one in a single hop.
const maxNearest = 2

// runtimeError is the header the playback names its own failures in
// ("ResourceNotInArchiveException", "RobotAccessControlException").
const runtimeError = "X-Archive-Wayback-Runtime-Error"

// playURL is the raw playback address of a capture, the form a page is
// judged by: its original bytes, without toolbar or rewritten links.
func (c *Client) playURL(cp catalog.Capture) (*url.URL, error) {
	u, err := c.base.Parse("/web/" + cp.Timestamp() + "id_/" + cp.Original)
	if err != nil {
		return nil, fmt.Errorf("playback of %s: %w", webpage.Redact(cp.URL()), err)
	}
	return u, nil
}

// Play plays cp back and judges what it recorded by linkcheck's page rules
// (webpage.Recorded). It follows the archive's redirect to the nearest
// capture of the same page, and returns the capture that played back. The
// error is a *RejectedError when the capture does not play back the live
// page, an *AnswerError or another error when the archive could not be
// asked.
func (c *Client) Play(ctx context.Context, cp catalog.Capture) (catalog.Capture, error) {
	orig, err := url.Parse(cp.Original)
	if err != nil {
		return catalog.Capture{}, &RejectedError{URL: cp.URL(), Why: "not a URL the archive can play back"}
	}
	for hop := 0; ; hop++ {
		u, err := c.playURL(cp)
		if err != nil {
			return catalog.Capture{}, err
		}
		r := c.api.Get(ctx, u)
		if r.Err != nil {
			return catalog.Capture{}, &UnreachableError{Endpoint: "playback", Err: r.Err}
		}
		if next, ok := nearest(u, r); ok && hop < maxNearest {
			if !samePage(next.Original, cp.Original) {
				return catalog.Capture{}, &RejectedError{URL: cp.URL(), Why: "the capture is a redirect to " + webpage.Redact(next.Original)}
			}
			cp = next
			continue
		}
		return cp, judge(cp, orig, r)
	}
}

// judge says whether a playback answer is the live page: nil, a
// *RejectedError saying why not, or an *AnswerError when the answer is
// the archive's own trouble rather than a capture.
func judge(cp catalog.Capture, orig *url.URL, r verifier.Reply) error {
	if !recorded(r.Header) {
		switch why := r.Header.Get(runtimeError); {
		case why != "":
			return &RejectedError{URL: cp.URL(), Why: fmt.Sprintf("the archive does not play it back (HTTP %d, %s)", r.Code, why)}
		case r.Code == http.StatusTooManyRequests || r.Code >= 500:
			return &AnswerError{Endpoint: "playback", Code: r.Code}
		}
	}
	st, why := webpage.Recorded(orig, r.Code, r.Header, bytes.NewReader(r.Body))
	if st != status.OK {
		return &RejectedError{URL: cp.URL(), Why: "the capture recorded " + why}
	}
	return nil
}

// nearest reads a playback redirect to another capture (Location
// /web/TIMESTAMP[id_]/URL): the capture it names, and whether it is one.
// Any other redirect is what the capture recorded.
func nearest(from *url.URL, r verifier.Reply) (catalog.Capture, bool) {
	next := verifier.Redirect(from, r)
	if next == nil || next.Host != from.Host {
		return catalog.Capture{}, false
	}
	// The original keeps its own query, so it is cut from the raw
	// address rather than from the parsed path.
	raw := next.String()
	i := strings.Index(raw, "/web/")
	if i < 0 {
		return catalog.Capture{}, false
	}
	stamp, original, ok := strings.Cut(raw[i+len("/web/"):], "/")
	at, full := stampOf(stamp)
	if !ok || !full {
		return catalog.Capture{}, false
	}
	// A path cleaner on the way may have folded the original's "//".
	for _, scheme := range []string{"https:/", "http:/"} {
		if rest, ok := strings.CutPrefix(original, scheme); ok && !strings.HasPrefix(rest, "/") {
			original = scheme + "/" + rest
		}
	}
	return catalog.Capture{Original: original, At: at}, true
}

// samePage reports whether two archived URLs name one page: the archive
// files http and https, and a leading "www.", under one key.
func samePage(a, b string) bool { return pageKey(a) == pageKey(b) }

func pageKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	return host + strings.TrimSuffix(u.EscapedPath(), "/") + "?" + u.RawQuery
}
