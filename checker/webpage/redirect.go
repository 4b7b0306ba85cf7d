package webpage

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// metaRefreshCode is the code recorded for a hop taken by following a
// <meta http-equiv="refresh">: the page itself answered 200.
const metaRefreshCode = http.StatusOK

// judgeChain says what a redirect chain means when its last answer was
// fine. hops are the answers that sent the check on (a meta refresh is a
// hop with code 200); final is where the chain ended. In order: a deep URL
// sent to a site's home or catch-all page is broken (see catchAll); a
// chain with a 301 or 308, or an upgrade from http to https of the same
// host and path, is a move; anything else (302, 303, 307, meta refresh) is a temporary
// redirect.
func judgeChain(orig *url.URL, hops []result.Hop, final *url.URL) (status.Status, string) {
	if len(hops) == 0 {
		return status.OK, ""
	}
	if catchAll(orig, hops, final) {
		if pagePath(final.Path) == "" {
			return status.Broken, "redirected to the site's home page"
		}
		return status.Broken, fmt.Sprintf("redirected to the site's catch-all page %s", final.Path)
	}
	var (
		permanent int
		upgraded  string
		meta      bool
	)
	for i, h := range hops {
		next := final.String()
		if i+1 < len(hops) {
			next = hops[i+1].URL
		}
		switch h.Code {
		case http.StatusMovedPermanently, http.StatusPermanentRedirect:
			if permanent == 0 {
				permanent = h.Code
			}
		case metaRefreshCode:
			meta = true
		}
		if upgraded == "" && catalog.IsHTTPSUpgrade(h.URL, next) {
			upgraded = next
		}
	}
	switch {
	case permanent != 0:
		return status.Moved, fmt.Sprintf("moved permanently (%d) to %s", permanent, final)
	case upgraded != "":
		return status.Moved, "moved to https: use " + upgraded
	case meta:
		return status.Redirected, "redirected by meta refresh to " + final.String()
	}
	return status.Redirected, fmt.Sprintf("redirected (%d) to %s", hops[0].Code, final)
}

// sameResource reports whether a and b name the same resource: equal
// after normalization (scheme and host case, default port, empty path,
// fragment).
func sameResource(a, b *url.URL) bool {
	return FetchKey(a.String()) == FetchKey(b.String())
}

// samePage reports whether a refresh from cur to next reloads the page
// itself: the same resource, also when next names it with the other
// scheme, as pages with a hard-coded http:// URL of their own do.
func samePage(cur, next *url.URL) bool {
	if next.Scheme != cur.Scheme && next.Port() == "" && cur.Port() == "" {
		n := *next
		n.Scheme = cur.Scheme
		next = &n
	}
	return sameResource(cur, next)
}
