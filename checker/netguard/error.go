package netguard

import (
	"net/netip"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
)

// PrivateAddressError is the refusal to connect to an address that is not
// on the public internet. A catalog URL, its DNS answer or a redirect could
// otherwise make a CI runner probe its own network.
type PrivateAddressError struct {
	// Addr is the address refused; it is invalid when Host, a name of
	// private use, was refused without being resolved.
	Addr netip.Addr
	// Host is the name that led to Addr, empty when the URL named the
	// address itself.
	Host string
	// Public is set when Host resolved to public addresses too, which a
	// proxy could not be kept from choosing among.
	Public bool
}

func (e *PrivateAddressError) Error() string {
	const hint = " (use --allow-private to check intranet hosts)"
	addr := e.Addr.String()
	if v4, ok := embeddedIPv4(e.Addr); ok && v4.IsValid() {
		addr += ", which stands for " + v4.String()
	}
	switch {
	case e.Host == "":
		return "refusing to connect to private address " + addr + hint
	case !e.Addr.IsValid():
		return "refusing to connect to " + e.Host + ", a host name of private use" + hint
	case e.Public:
		return e.Host + " resolves to private address " + addr + " as well as public ones: not sent through the proxy, which could connect there" + hint
	}
	return e.Host + " resolves only to private addresses (" + addr + "): no reader outside that network can open it" + hint
}

// Is makes a private-address refusal a local one for the host pool: it
// never reached the network, so it is neither evidence that the network
// works nor that it is down, and it is never retried.
func (e *PrivateAddressError) Is(target error) bool { return target == hostpool.ErrRefusedLocally }
