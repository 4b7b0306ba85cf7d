package catalogedit

import (
	"fmt"
	"net/http"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
)

// temporaryHop describes the first hop of a redirect chain that is not a
// move (a 302, 303 or 307, or a meta refresh), or returns "" when every
// hop is one (a 301, a 308, or an upgrade from http to https of the same
// address). The checker calls a chain with any permanent hop moved, but
// where a temporary hop sent the check on is only where the link leads for
// now (a session URL, a login page, this month's edition): no address to
// write into the catalog. Detours that come back to where they left are
// not judged at all (see withoutDetours).
func temporaryHop(hops []result.Hop, final string) string {
	hops = withoutDetours(hops, final)
	for i, h := range hops {
		next := final
		if i+1 < len(hops) {
			next = hops[i+1].URL
		}
		switch {
		case h.Code == http.StatusMovedPermanently, h.Code == http.StatusPermanentRedirect, catalog.IsHTTPSUpgrade(h.URL, next):
			continue
		case h.Code == http.StatusOK: // how the checker records a meta refresh
			return "a meta refresh to " + next
		}
		return fmt.Sprintf("a temporary redirect (%d) to %s", h.Code, next)
	}
	return ""
}

// withoutDetours drops the hops of a chain that lead back to an address
// the chain had already reached: a cookie or consent wall answers a first
// visit with a 302 to the very same URL (or through a consent page and
// back) and serves the page once its cookie returns. Such a detour moved
// nothing, so it neither makes a chain temporary nor hides the move around
// it (http → 301 → https → 302 → the same https URL is an upgrade).
func withoutDetours(hops []result.Hop, final string) []result.Hop {
	keys := make([]string, len(hops)+1)
	for i, h := range hops {
		keys[i] = sameAddress(h.URL)
	}
	keys[len(hops)] = sameAddress(final)
	var out []result.Hop
	for i := 0; i < len(hops); i++ {
		// Jump to the last time the chain stood at this address: every
		// hop in between went round in a circle.
		for j := len(keys) - 1; j > i; j-- {
			if keys[j] == keys[i] {
				i = j
				break
			}
		}
		if i < len(hops) {
			out = append(out, hops[i])
		}
	}
	return out
}

// sameAddress is the form in which two URLs of a chain name the same
// address: the catalog's normalized form, or the URL itself when it has
// none.
func sameAddress(u string) string {
	if n, err := catalog.NormalizeURL(u); err == nil {
		return n
	}
	return u
}
