package webpage

import (
	"context"
	"errors"

	"github.com/ai-reading-list/linkcheck/checker/netguard"
)

// noAnswer reports whether err kept any HTTP answer from arriving: a
// failure of the network path (DNS, connect, TLS, reset, timeout) rather
// than a verdict on the page. The checker's own judgements of a redirect
// chain, the private-address guard's refusal of an address a URL names
// and a cancelled run are not; a public name that resolved only to private
// addresses is DNS's answer, a failure of the path like "no such host".
func noAnswer(err error) bool {
	var private *netguard.PrivateAddressError
	if errors.As(err, &private) && private.Host != "" && private.Addr.IsValid() {
		return true
	}
	switch {
	case err == nil,
		errors.Is(err, errRedirectLoop),
		errors.Is(err, errTooManyRedirects),
		errors.Is(err, errNoLocation),
		errors.Is(err, errBadLocation),
		errors.Is(err, context.Canceled),
		errors.As(err, &private):
		return false
	}
	return true
}
