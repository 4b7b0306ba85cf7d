package netguard

import (
	"net/netip"
)

// specialBlocks are the address blocks of IANA's special-purpose address
// registries, each with its "Globally Reachable" value:
//
//	https://www.iana.org/assignments/iana-ipv4-special-registry/
//	https://www.iana.org/assignments/iana-ipv6-special-registry/
//
// (as updated to 2025, RFC 6890 and the RFCs each entry cites). The most
// specific block containing an address decides, so the globally reachable
// anycast exceptions inside 192.0.0.0/24 and 2001::/23 are allowed. Two
// kinds of entries are not here but in embeddedIPv4: those whose
// reachability is "N/A" because they stand for an IPv4 address (6to4,
// Teredo) and the IPv4-IPv6 translation prefixes, which are judged by the
// IPv4 address inside. Added beyond the registries: multicast (a link check
// has no business there) and the deprecated site-local fec0::/10
// (RFC 3879), which some networks still route internally.
var specialBlocks = []struct {
	prefix netip.Prefix
	global bool
}{
	// IPv4.
	{netip.MustParsePrefix("0.0.0.0/8"), false},          // "this network", RFC 791
	{netip.MustParsePrefix("10.0.0.0/8"), false},         // private use, RFC 1918
	{netip.MustParsePrefix("100.64.0.0/10"), false},      // shared address space (carrier-grade NAT), RFC 6598
	{netip.MustParsePrefix("127.0.0.0/8"), false},        // loopback, RFC 1122
	{netip.MustParsePrefix("169.254.0.0/16"), false},     // link local (cloud metadata), RFC 3927
	{netip.MustParsePrefix("172.16.0.0/12"), false},      // private use, RFC 1918
	{netip.MustParsePrefix("192.0.0.0/24"), false},       // IETF protocol assignments, RFC 6890
	{netip.MustParsePrefix("192.0.0.9/32"), true},        // port control protocol anycast, RFC 7723
	{netip.MustParsePrefix("192.0.0.10/32"), true},       // traversal using relays around NAT anycast, RFC 8155
	{netip.MustParsePrefix("192.0.2.0/24"), false},       // documentation (TEST-NET-1), RFC 5737
	{netip.MustParsePrefix("192.31.196.0/24"), true},     // AS112-v4, RFC 7535
	{netip.MustParsePrefix("192.52.193.0/24"), true},     // AMT, RFC 7450
	{netip.MustParsePrefix("192.88.99.0/24"), false},     // deprecated 6to4 relay anycast, RFC 7526
	{netip.MustParsePrefix("192.88.99.2/32"), true},      // 6a44 relay anycast, RFC 6751
	{netip.MustParsePrefix("192.168.0.0/16"), false},     // private use, RFC 1918
	{netip.MustParsePrefix("192.175.48.0/24"), true},     // direct delegation AS112 service, RFC 7534
	{netip.MustParsePrefix("198.18.0.0/15"), false},      // benchmarking, RFC 2544
	{netip.MustParsePrefix("198.51.100.0/24"), false},    // documentation (TEST-NET-2), RFC 5737
	{netip.MustParsePrefix("203.0.113.0/24"), false},     // documentation (TEST-NET-3), RFC 5737
	{netip.MustParsePrefix("240.0.0.0/4"), false},        // reserved, RFC 1112
	{netip.MustParsePrefix("255.255.255.255/32"), false}, // limited broadcast, RFC 8190
	{netip.MustParsePrefix("224.0.0.0/4"), false},        // multicast (not in the registry)

	// IPv6.
	{netip.MustParsePrefix("::/128"), false},           // unspecified, RFC 4291
	{netip.MustParsePrefix("::1/128"), false},          // loopback, RFC 4291
	{netip.MustParsePrefix("100::/64"), false},         // discard-only, RFC 6666
	{netip.MustParsePrefix("100:0:0:1::/64"), false},   // dummy prefix, RFC 9780
	{netip.MustParsePrefix("2001::/23"), false},        // IETF protocol assignments, RFC 2928
	{netip.MustParsePrefix("2001:1::1/128"), true},     // port control protocol anycast, RFC 7723
	{netip.MustParsePrefix("2001:1::2/128"), true},     // traversal using relays around NAT anycast, RFC 8155
	{netip.MustParsePrefix("2001:1::3/128"), true},     // DNS-SD service registration protocol anycast, RFC 9665
	{netip.MustParsePrefix("2001:2::/48"), false},      // benchmarking, RFC 5180
	{netip.MustParsePrefix("2001:3::/32"), true},       // AMT, RFC 7450
	{netip.MustParsePrefix("2001:4:112::/48"), true},   // AS112-v6, RFC 7535
	{netip.MustParsePrefix("2001:10::/28"), false},     // deprecated ORCHID, RFC 4843
	{netip.MustParsePrefix("2001:20::/28"), true},      // ORCHIDv2, RFC 7343
	{netip.MustParsePrefix("2001:30::/28"), true},      // drone remote ID entity tags, RFC 9374
	{netip.MustParsePrefix("2001:db8::/32"), false},    // documentation, RFC 3849
	{netip.MustParsePrefix("2620:4f:8000::/48"), true}, // direct delegation AS112 service, RFC 7534
	{netip.MustParsePrefix("3fff::/20"), false},        // documentation, RFC 9637
	{netip.MustParsePrefix("5f00::/16"), false},        // segment routing (SRv6) SIDs, RFC 9602
	{netip.MustParsePrefix("fc00::/7"), false},         // unique local, RFC 4193
	{netip.MustParsePrefix("fe80::/10"), false},        // link-local unicast, RFC 4291
	{netip.MustParsePrefix("fec0::/10"), false},        // deprecated site-local, RFC 3879 (not in the registry)
	{netip.MustParsePrefix("ff00::/8"), false},         // multicast (not in the registry)
}

// Blocks whose addresses stand for an IPv4 address (RFC 6052, RFC 3056,
// RFC 4380, RFC 4291, RFC 2765).
var (
	nat64Prefix      = netip.MustParsePrefix("64:ff9b::/96")    // IPv4-IPv6 translation, RFC 6052
	nat64LocalPrefix = netip.MustParsePrefix("64:ff9b:1::/48")  // local-use IPv4-IPv6 translation, RFC 8215
	sixToFourPrefix  = netip.MustParsePrefix("2002::/16")       // 6to4, RFC 3056
	teredoPrefix     = netip.MustParsePrefix("2001::/32")       // Teredo, RFC 4380
	compatPrefix     = netip.MustParsePrefix("::/96")           // IPv4-compatible (deprecated), RFC 4291
	translatedPrefix = netip.MustParsePrefix("::ffff:0:0:0/96") // IPv4-translated, RFC 2765
)

// IsPrivate reports an address that is not public unicast: any block of
// the special-purpose registries that is not globally reachable, multicast,
// and an IPv6 address standing for an IPv4 address that is not public. An
// address that cannot be judged is refused.
func IsPrivate(a netip.Addr) bool {
	a = a.WithZone("") // netip.Prefix never contains an address with a zone
	if v4, ok := embeddedIPv4(a); ok {
		return !v4.IsValid() || IsPrivate(v4)
	}
	best := -1
	global := true
	for _, b := range specialBlocks {
		if b.prefix.Bits() > best && b.prefix.Contains(a) {
			best, global = b.prefix.Bits(), b.global
		}
	}
	return !global
}

// embeddedIPv4 returns the IPv4 address an IPv6 address stands for, so that
// a NAT64 address of a public site is reached (IPv6-only networks reach
// the IPv4 internet that way) while 64:ff9b::a9fe:a9fe, the NAT64 form of
// the cloud metadata address, is refused like 169.254.169.254 itself. It
// returns an invalid address, with ok, for a local-use NAT64 address in a
// layout other than /96: where the IPv4 address sits depends on the
// network's prefix length, which the address does not tell.
func embeddedIPv4(a netip.Addr) (v4 netip.Addr, ok bool) {
	if !a.Is6() {
		return netip.Addr{}, false
	}
	if a.Is4In6() {
		return a.Unmap(), true
	}
	b := a.As16()
	last := netip.AddrFrom4([4]byte(b[12:16]))
	switch {
	case nat64Prefix.Contains(a), translatedPrefix.Contains(a):
		return last, true
	case nat64LocalPrefix.Contains(a):
		if b[6]|b[7]|b[8]|b[9]|b[10]|b[11] != 0 {
			return netip.Addr{}, true
		}
		return last, true
	case sixToFourPrefix.Contains(a):
		return netip.AddrFrom4([4]byte(b[2:6])), true
	case teredoPrefix.Contains(a):
		// The client's address is stored inverted (RFC 4380 §4).
		return netip.AddrFrom4([4]byte{^b[12], ^b[13], ^b[14], ^b[15]}), true
	case compatPrefix.Contains(a) && a != netip.IPv6Unspecified() && a != netip.IPv6Loopback():
		return last, true
	}
	return netip.Addr{}, false
}
