package catalog

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// WaybackHost is the host of the Wayback Machine's playback, the only
// archive an entry's archive key may name.
const WaybackHost = "web.archive.org"

// waybackStamp is the layout of a capture's 14-digit timestamp (UTC).
const waybackStamp = "20060102150405"

// Capture is one Wayback Machine capture of a page: its original URL and
// the moment it was recorded.
type Capture struct {
	Original string
	At       time.Time
}

// Timestamp is the capture's time as the Wayback Machine writes it.
func (c Capture) Timestamp() string { return c.At.UTC().Format(waybackStamp) }

// URL is the capture's playback address, the form readers follow and the
// archive key holds: https://web.archive.org/web/TIMESTAMP/ORIGINAL.
func (c Capture) URL() string {
	return "https://" + WaybackHost + "/web/" + c.Timestamp() + "/" + c.Original
}

// ParseCapture reads an archive key's value: an https URL on
// web.archive.org whose path is /web/, a 14-digit timestamp and the
// original http(s) URL.
func ParseCapture(s string) (Capture, error) {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || !strings.EqualFold(u.Host, WaybackHost) {
		return Capture{}, fmt.Errorf("%q is not a Wayback Machine address (https://%s/web/TIMESTAMP/URL)", s, WaybackHost)
	}
	// The original URL keeps its own query, so it is cut from the raw
	// text rather than from the parsed path.
	rest, ok := strings.CutPrefix(s[len("https://")+len(u.Host):], "/web/")
	if !ok {
		return Capture{}, fmt.Errorf("%q: want a /web/TIMESTAMP/URL path", s)
	}
	stamp, original, ok := strings.Cut(rest, "/")
	if !ok || len(stamp) != len(waybackStamp) || strings.Trim(stamp, "0123456789") != "" {
		return Capture{}, fmt.Errorf("%q: want a 14-digit timestamp after /web/ (YYYYMMDDhhmmss)", s)
	}
	at, err := time.Parse(waybackStamp, stamp)
	if err != nil {
		return Capture{}, fmt.Errorf("%q: timestamp %s is not a date: %w", s, stamp, err)
	}
	o, err := url.Parse(original)
	if err != nil || (o.Scheme != "http" && o.Scheme != "https") || o.Host == "" {
		return Capture{}, fmt.Errorf("%q: the archived address after the timestamp must be an http(s) URL", s)
	}
	return Capture{Original: original, At: at}, nil
}
