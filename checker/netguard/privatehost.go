package netguard

import "strings"

// PrivateHost reports a URL host that names a private address or a host
// name of private use, which no public reader can open: such a link is
// the catalog's own intranet link, skipped without a request unless
// AllowPrivate. host is a URL's Hostname(); an address in a form a
// resolver or a proxy reads as one (127.1, 0x7f.0.0.1) is judged as the
// address.
func PrivateHost(host string) bool {
	if a, ok := HostAddr(host); ok {
		return IsPrivate(a)
	}
	return privateName(host)
}

// privateSuffixes are the top-level names of private use: localhost
// (RFC 6761), local (mDNS, RFC 6762), home.arpa (RFC 8375), internal
// (reserved by ICANN for private use, 2024; cloud metadata servers live
// there), and the de facto intranet names that ICANN will not delegate
// for fear of collisions.
var privateSuffixes = []string{
	"localhost", "local", "internal", "home.arpa",
	"localdomain", "lan", "intranet", "corp", "home", "private",
}

// privateName reports a host name of private use: one of privateSuffixes
// or below, or a single label ("http://wiki/"), which only a local
// search domain can resolve.
func privateName(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return false // no host at all: the URL is invalid, and said so
	}
	if !strings.Contains(host, ".") {
		return true
	}
	for _, s := range privateSuffixes {
		if host == s || strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	return false
}
