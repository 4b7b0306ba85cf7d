package webpage

import (
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/status"
)

// Recorded judges an answer recorded earlier, such as an archived
// capture's raw playback, by the page rules that need no other request:
// its status code, a bot challenge, a page that is nothing but a
// not-found message, a parking or for-sale page of orig's domain. The
// site's answer to a made-up path cannot be asked of the past, so a
// recorded page is never compared with its site's template. orig is the
// URL the answer was recorded for; body is read up to the page's first
// heading (the caller bounds it). OK says the answer is a live page; any
// other status comes with why not.
func Recorded(orig *url.URL, code int, header http.Header, body io.Reader) (status.Status, string) {
	ct := header.Get("Content-Type")
	f := facts{Code: code, Challenge: strings.EqualFold(header.Get("Cf-Mitigated"), "challenge")}
	var page *pageInfo
	if isOK(code) && isHTML(ct) {
		p := scanPage(body, ct)
		page = &p
		f.Challenge = f.Challenge || p.Challenge || challengeTitle(p.Title)
		f.SoftNotFound = saysNotFound(page)
	}
	st, msg := classify(f, nil)
	if why := parked(orig, nil, orig, code, page); why != "" {
		return status.Broken, why
	}
	return st, msg
}
