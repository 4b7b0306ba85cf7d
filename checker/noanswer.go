package checker

import (
	"context"
	"errors"
)

// noAnswer reports whether err kept any HTTP answer from arriving: a
// failure of the network path (DNS, connect, TLS, reset, timeout) rather
// than a verdict on the page. The checker's own judgements of a redirect
// chain, the private-address guard and a cancelled run are not.
func noAnswer(err error) bool {
	var private *PrivateAddressError
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
