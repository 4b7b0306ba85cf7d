package arxiv

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// incorrectID reads the one bad ID an error feed names. The API validates
// the whole id_list and fails it on the first bad element.
var incorrectID = regexp.MustCompile(`(?i)incorrect id format for (\S+)`)

// apiReply is an API answer that is final: a feed, or a refusal.
type apiReply struct {
	feed feed
	// refused is why the API turned the request down (an error feed's
	// message, or the HTTP status); empty when it answered.
	refused string
	// badID is the requested key an "incorrect id format" refusal names.
	badID string
}

// judgeAPI decides what one API exchange means. It returns a non-nil error
// when the exchange is worth retrying: arXiv busy (429, 503, 406, …), the
// connection lost, a body that is no Atom feed, or a feed claiming results
// it does not hold (a known glitch, cured by asking again).
func judgeAPI(x exchange) (apiReply, error) {
	if err := transportProblem(x); err != nil {
		return apiReply{}, err
	}
	f, err := parseFeed(x.body)
	switch {
	case (x.code == http.StatusBadRequest || x.code == http.StatusOK) && err == nil && f.errorMessage != "":
		r := apiReply{refused: f.errorMessage}
		if m := incorrectID.FindStringSubmatch(f.errorMessage); m != nil {
			r.badID = m[1]
		}
		return r, nil
	case x.code != http.StatusOK:
		return apiReply{refused: fmt.Sprintf("HTTP %d", x.code)}, nil
	case err != nil:
		return apiReply{}, err
	case f.totalResults > 0 && f.rawEntries == 0:
		return apiReply{}, fmt.Errorf("feed reports %d results but holds no entries", f.totalResults)
	}
	return apiReply{feed: f}, nil
}

// queryURL asks for exactly keys. max_results must be sent: it defaults to
// 10 even for an id_list, and the rest would be silently cut off.
func (c *Client) queryURL(keys []string) string {
	sep := "?"
	if strings.Contains(c.cfg.BaseURL, "?") {
		sep = "&"
	}
	return c.cfg.BaseURL + sep + "id_list=" + strings.Join(keys, ",") +
		"&start=0&max_results=" + strconv.Itoa(len(keys))
}

// lookupResult is what the API said about a list of keys.
type lookupResult struct {
	found  map[string]entry  // by key
	failed map[string]string // by key: why arXiv could not be asked
	// truncated: the feed counted more results than it held, so keys it
	// left out may exist (the legacy API counted a stub per unknown ID,
	// and a server may cut a long answer short).
	truncated bool
}

// lookup asks the API about keys, canonical IDs ("1706.03762") or IDs with
// a version ("2303.11366v1"), all in one request. A key the API rejects as
// malformed is failed alone and the rest are asked again; keys the API
// leaves out are neither found nor failed. onAttempt learns which keys each
// request carried and how long it took.
func (c *Client) lookup(ctx context.Context, keys []string, onAttempt func([]string, time.Duration)) (lookupResult, error) {
	res := lookupResult{found: make(map[string]entry), failed: make(map[string]string)}
	pending := slices.Clone(keys)
	for len(pending) > 0 {
		var reply apiReply
		err := c.get(ctx, c.queryURL(pending), acceptAtom, func(x exchange) error {
			var retry error
			reply, retry = judgeAPI(x)
			return retry
		}, func(d time.Duration) { onAttempt(pending, d) })
		if ctxErr := ctx.Err(); ctxErr != nil {
			return res, ctxErr
		}
		switch {
		case err != nil:
			for _, k := range pending {
				res.failed[k] = "arXiv API unavailable: " + err.Error()
			}
			return res, nil
		case reply.refused != "":
			if i := slices.Index(pending, reply.badID); i >= 0 {
				res.failed[pending[i]] = reply.refused
				pending = slices.Delete(pending, i, i+1)
				continue
			}
			for _, k := range pending {
				res.failed[k] = "arXiv API refused the request: " + reply.refused
			}
			return res, nil
		}
		matchEntries(reply.feed.entries, pending, res.found)
		res.truncated = reply.feed.totalResults > len(reply.feed.entries)
		return res, nil
	}
	return res, nil
}

// matchEntries files entries under the keys they answer, by ID and never by
// position: the current API returns entries in arbitrary order.
func matchEntries(entries []entry, keys []string, found map[string]entry) {
	want := make(map[string]bool, len(keys))
	for _, k := range keys {
		want[k] = true
	}
	for _, e := range entries {
		if k := e.id.String(); want[k] {
			found[k] = e
			continue
		}
		k := e.id.ID
		if prev, ok := found[k]; want[k] && (!ok || e.id.Version > prev.id.Version) {
			found[k] = e
		}
	}
}
