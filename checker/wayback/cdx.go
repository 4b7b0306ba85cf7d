package wayback

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
)

// stampLayout is a capture's 14-digit timestamp (UTC).
const stampLayout = "20060102150405"

// cdxRows is how many of the newest captures the CDX server is asked for:
// more than MaxPlaybacks, so that captures a redirect already played
// back can be skipped.
const cdxRows = 5

// cdxURL is the CDX query for the captures of original that answered 200
// up to to, the newest cdxRows of them, in the order the CDX server's
// README gives its parameters.
func (c *Client) cdxURL(original string, to time.Time) (*url.URL, error) {
	q := "url=" + url.QueryEscape(original) +
		"&output=json&fl=timestamp,original,statuscode&filter=statuscode:200" +
		"&to=" + to.UTC().Format(stampLayout) + fmt.Sprintf("&limit=-%d", cdxRows)
	u, err := c.base.Parse("/cdx/search/cdx?" + q)
	if err != nil {
		return nil, fmt.Errorf("CDX query for %s: %w", webpage.Redact(original), err)
	}
	return u, nil
}

// Captures returns the captures of original that answered 200 up to to,
// newest first; none (and no error) when the archive has none. The error
// is an *AnswerError for an answer that cannot be used, or says why none
// came.
func (c *Client) Captures(ctx context.Context, original string, to time.Time) ([]catalog.Capture, error) {
	u, err := c.cdxURL(original, to)
	if err != nil {
		return nil, err
	}
	r := c.api.Get(ctx, u)
	if r.Err != nil {
		return nil, &UnreachableError{Endpoint: "CDX server", Err: r.Err}
	}
	if r.Code != http.StatusOK {
		return nil, &AnswerError{Endpoint: "CDX server", Code: r.Code}
	}
	caps, err := parseCDX(r.Body, r.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	// The server applies to; a capture later than asked is dropped all the
	// same, since it may record the page's death.
	caps = slices.DeleteFunc(caps, func(c catalog.Capture) bool { return c.At.After(to) })
	slices.SortStableFunc(caps, func(a, b catalog.Capture) int { return b.At.Compare(a.At) })
	return caps, nil
}

// parseCDX reads the CDX server's output=json: an array of rows of
// strings, the first naming the fields, the rest oldest first; [] when no
// capture matched. Rows with a status other than 200 or an unreadable
// timestamp or URL are skipped; an answer that is not such a list (an
// HTML error page, a truncated answer) is an *AnswerError.
func parseCDX(body []byte, contentType string) ([]catalog.Capture, error) {
	bad := func(reason string) error { return &AnswerError{Endpoint: "CDX server", Reason: reason} }
	if mt, _, _ := mime.ParseMediaType(contentType); mt == "text/html" || bytes.HasPrefix(bytes.TrimSpace(body), []byte("<")) {
		return nil, bad("answered HTML, not JSON")
	}
	var rows [][]string
	if err := json.Unmarshal(body, &rows); err != nil {
		return nil, bad("unreadable JSON: " + err.Error())
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ts, orig, code := slices.Index(rows[0], "timestamp"), slices.Index(rows[0], "original"), slices.Index(rows[0], "statuscode")
	if ts < 0 || orig < 0 {
		return nil, bad(fmt.Sprintf("unexpected fields %q", rows[0]))
	}
	var out []catalog.Capture
	for _, row := range rows[1:] {
		if len(row) != len(rows[0]) || (code >= 0 && row[code] != "200") {
			continue
		}
		at, err := time.Parse(stampLayout, row[ts])
		if err != nil {
			continue
		}
		o, err := url.Parse(row[orig])
		if err != nil || (o.Scheme != "http" && o.Scheme != "https") || o.Host == "" {
			continue
		}
		out = append(out, catalog.Capture{Original: row[orig], At: at})
	}
	return out, nil
}

// stampOf reads a playback path's timestamp, with or without a playback
// modifier ("20230512083000id_"): the capture's moment, and whether it is
// a full 14-digit timestamp.
func stampOf(s string) (time.Time, bool) {
	s = strings.TrimSuffix(s, "id_")
	if len(s) != len(stampLayout) {
		return time.Time{}, false
	}
	at, err := time.Parse(stampLayout, s)
	return at, err == nil
}
