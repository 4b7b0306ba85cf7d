package catalogedit

import (
	"fmt"
	"net/http"

	"github.com/ai-reading-list/linkcheck/checker"
)

// temporaryHop describes the first hop of a redirect chain that is not a
// move (a 302, 303 or 307, or a meta refresh), or returns "" when every
// hop is one (a 301, a 308, or an upgrade from http to https of the same
// address). The checker calls a chain with any permanent hop moved, but
// where a temporary hop sent the check on is only where the link leads for
// now (a session URL, a login page, this month's edition): no address to
// write into the catalog.
func temporaryHop(hops []checker.Hop, final string) string {
	for i, h := range hops {
		next := final
		if i+1 < len(hops) {
			next = hops[i+1].URL
		}
		switch {
		case h.Code == http.StatusMovedPermanently, h.Code == http.StatusPermanentRedirect, checker.IsHTTPSUpgrade(h.URL, next):
			continue
		case h.Code == http.StatusOK: // how the checker records a meta refresh
			return "a meta refresh to " + next
		}
		return fmt.Sprintf("a temporary redirect (%d) to %s", h.Code, next)
	}
	return ""
}
