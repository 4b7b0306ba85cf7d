package netguard

import (
	"net/netip"
	"strconv"
	"strings"
)

// HostAddr returns the address a URL host stands for, also when something
// other than Go reads it. netip reads only the four decimal parts, but a
// proxy hands the host to its own resolver, and the C library's inet_aton
// (behind getaddrinfo) also reads an address with a trailing dot, in hex
// (0xa9.0xfe.0xa9.0xfe, 0xA9FEA9FE), in octal (0251.0376.0251.0376) and
// in short forms (127.1, 10.258): each of those is an address to judge,
// not a name to leave to the proxy.
func HostAddr(host string) (netip.Addr, bool) {
	host = strings.TrimSuffix(host, ".")
	if a, err := netip.ParseAddr(host); err == nil {
		return a, true
	}
	return looseIPv4(host)
}

// looseIPv4 parses host as inet_aton does: one to four parts separated by
// dots, each decimal, octal (a leading 0) or hex (a leading 0x), the last
// filling the bytes the others left.
func looseIPv4(host string) (netip.Addr, bool) {
	parts := strings.Split(host, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var (
		v    uint64
		bits = 32
	)
	for i, p := range parts {
		n, ok := inetPart(p)
		if !ok {
			return netip.Addr{}, false
		}
		if i < len(parts)-1 {
			if n > 0xff {
				return netip.Addr{}, false
			}
			bits -= 8
			v |= n << bits
			continue
		}
		if n >= 1<<bits {
			return netip.Addr{}, false
		}
		v |= n
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// inetPart reads one part of a loose IPv4 address.
func inetPart(p string) (uint64, bool) {
	base := 10
	switch {
	case p == "":
		return 0, false
	case len(p) > 1 && (p[0:2] == "0x" || p[0:2] == "0X"):
		p, base = p[2:], 16
		if p == "" {
			return 0, true // inet_aton reads a bare 0x as 0
		}
	case len(p) > 1 && p[0] == '0':
		p, base = p[1:], 8
	}
	if p[0] == '+' || p[0] == '-' {
		return 0, false
	}
	n, err := strconv.ParseUint(p, base, 32)
	return n, err == nil
}
