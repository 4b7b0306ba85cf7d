package checker

import (
	"fmt"
	"net/url"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/netguard"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// baseResult is a Result that names its entry and target, with no verdict.
func baseResult(r *catalog.Resource, target result.TargetKind) result.Result {
	res := result.Result{
		ID:      r.ID,
		Section: r.Section,
		Title:   r.Title,
		Line:    r.Pos.Line,
		Target:  target,
		URL:     webpage.Redact(r.URL),
	}
	at := targetPos(r, target)
	res.TargetLine, res.TargetColumn = at.Line, at.Column
	return res
}

// targetPos is where the catalog writes what a target checks: the value
// of the key it was read from, or the entry's own position when no key
// holds it (a repository found in the url).
func targetPos(r *catalog.Resource, target result.TargetKind) catalog.Pos {
	key := "url"
	switch {
	case target == result.TargetArxiv:
		key = "arxiv"
	case target == result.TargetGitHub && r.GitHub != "":
		key = "github"
	}
	if p, ok := r.Fields[key]; ok {
		return p
	}
	return r.Pos
}

func skipped(r *catalog.Resource, target result.TargetKind, reason string) result.Result {
	res := baseResult(r, target)
	if target == result.TargetArxiv {
		if id, err := catalog.ParseArxivID(r.Arxiv); err == nil {
			res.Arxiv = id.String()
		}
	}
	res.Status, res.Message = status.Skipped, reason
	return res
}

// urlResult is an entry's view of a shared URL outcome: a move to one of
// the entry's alternates is fine, and the entry's accept list applies.
// An alternate excuses only the move (moved, redirected): what the page
// there is (a soft 404, a catch-all page, an error, a refusal) stands.
func urlResult(r *catalog.Resource, o webpage.Outcome) result.Result {
	res := baseResult(r, result.TargetURL)
	res.Status = o.Status
	res.Code = o.Code
	res.FinalURL = o.FinalURL
	res.Redirects = append([]result.Hop(nil), o.Redirects...)
	res.PageTitle = o.PageTitle
	res.Message = o.Message
	res.Attempts = o.Attempts
	res.Duration = o.Duration
	res.NetworkFailure = o.NetworkFailure
	if o.FinalURL != "" && (o.Status == status.Moved || o.Status == status.Redirected) {
		final := webpage.FetchKey(o.FinalURL)
		for _, alt := range r.Alternates {
			if webpage.FetchKey(alt) == final {
				res.Status = status.OK
				res.Message = "redirected to alternate " + webpage.Redact(alt)
				break
			}
		}
	}
	accept(r, &res)
	return res
}

// accept turns a result into OK when the entry's accept list names its
// status or HTTP code, keeping what it was in the message.
func accept(r *catalog.Resource, res *result.Result) {
	if res.Status == status.OK || res.Status == status.Skipped {
		return
	}
	for _, a := range r.Accept {
		if (a.Status != status.Unknown && a.Status == res.Status) || (a.Code != 0 && a.Code == res.Code) {
			was := res.Status.String()
			if res.Code != 0 {
				was += fmt.Sprintf(", HTTP %d", res.Code)
			}
			res.Status = status.OK
			res.Message = fmt.Sprintf("accepted: %s (was %s)", a.Reason, was)
			return
		}
	}
}

// privateSkip returns the skipped result of an entry whose URL names a
// private address or a host name of private use, and whether it does.
func privateSkip(r *catalog.Resource) (result.Result, bool) {
	u, err := url.Parse(r.URL)
	if err != nil || !netguard.PrivateHost(u.Hostname()) {
		return result.Result{}, false
	}
	refusal := &netguard.PrivateAddressError{Host: u.Hostname()}
	if a, ok := netguard.HostAddr(u.Hostname()); ok {
		refusal = &netguard.PrivateAddressError{Addr: a.Unmap()}
	}
	res := skipped(r, result.TargetURL, refusal.Error())
	res.PrivateAddress = true
	return res, true
}
