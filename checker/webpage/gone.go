package webpage

import (
	"errors"
	"net"
	"net/http"

	"github.com/ai-reading-list/linkcheck/status"
)

// gone reports a broken check whose answer says the page is no more: a
// 404 or 410, a 2xx page judged dead (a soft 404, a catch-all or home
// page a deep link was retired to, a parking or sale page), a chain that
// ended on a sale service, or a host name that no longer exists. Other
// broken checks (a redirect loop, a private address, another 4xx) say
// something is wrong with the link, not that its page has gone, and a
// check that got no verdict (timeout, error, blocked) proves nothing.
func gone(st status.Status, a answer, parkedWhy string) bool {
	if st != status.Broken {
		return false
	}
	if a.err != nil {
		var dnsErr *net.DNSError
		return errors.As(a.err, &dnsErr) && dnsErr.IsNotFound
	}
	return a.code == http.StatusNotFound || a.code == http.StatusGone || isOK(a.code) || parkedWhy != ""
}
