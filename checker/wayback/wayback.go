// Package wayback finds an archived copy of a gone page in the Internet
// Archive's Wayback Machine, and checks that a copy still plays back.
//
// Two endpoints, both on the Wayback Machine's one host (see the CDX
// server's README in internetarchive/wayback, wayback-cdx-server):
//
//   - the CDX server lists a URL's captures that answered 200, up to a
//     moment: GET /cdx/search/cdx?url=URL&output=json&fl=timestamp,original,statuscode&filter=statuscode:200&to=TIMESTAMP&limit=-5
//     (a negative limit keeps the newest rows);
//   - playback replays a capture's original bytes, without the archive's
//     toolbar: GET /web/TIMESTAMPid_/URL. A timestamp without an exact
//     capture is answered with a redirect to the nearest one.
//
// A capture answered 200 is not yet the live page: a dead site often
// answers 200 with a not-found template or a parking page, and the archive
// keeps those too. So each candidate, newest first, is played back and
// judged by linkcheck's own page rules (webpage.Recorded); a few are tried
// at most. The availability API (archive.org/wayback/available) is not
// used: it returns one "closest" capture whatever it recorded, in either
// direction in time, and is heavily rate limited.
//
// Every request goes through the run's Sender, in the Wayback Machine's
// host group (hostpool.WaybackGroup), so that the archive is paced,
// retried and backed off like any host.
package wayback

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// DefaultBase is the Wayback Machine's base URL: its CDX server and its
// playback both live there.
const DefaultBase = "https://web.archive.org"

// MaxPlaybacks is how many candidate captures of one URL are played back
// before the lookup gives up: the newest few are the ones worth having,
// and each costs a request at the archive's pace.
const MaxPlaybacks = 3

// Config configures a Client. Zero fields take the defaults noted.
type Config struct {
	// Base is the Wayback Machine's base URL; default DefaultBase.
	Base string
	// Client sends the requests. It must not follow redirects: a
	// playback's redirect to the nearest capture is followed here, so
	// that the capture reported is the one that played back.
	Client *http.Client
	// Sender paces and retries every request: the run's host pool.
	Sender    verifier.Sender
	UserAgent string
	// Now is the end of a lookup of a URL with no known live moment; nil
	// means time.Now.
	Now func() time.Time
}

// Client asks the Wayback Machine about gone pages. It is safe for
// concurrent use.
type Client struct {
	base *url.URL
	api  *verifier.API
	now  func() time.Time
}

// New returns a Client for cfg, or an error when its base URL cannot be
// used.
func New(cfg Config) (*Client, error) {
	base, err := verifier.ParseBase("Wayback Machine", cmp.Or(cfg.Base, DefaultBase))
	if err != nil {
		return nil, fmt.Errorf("wayback: %w", err)
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	return &Client{
		base: base,
		api: &verifier.API{
			Host:      base.Host,
			Client:    cfg.Client,
			Sender:    cfg.Sender,
			UserAgent: cfg.UserAgent,
			// A played-back capture's status is what the site
			// answered then: it stands however often it is asked.
			Judge: func(_ int, h http.Header) (bool, error) { return recorded(h), nil },
		},
		now: now,
	}, nil
}

// recorded reports an answer that replays a capture (it names the
// capture's moment), as opposed to one of the archive's own.
func recorded(h http.Header) bool { return h.Get("Memento-Datetime") != "" }
