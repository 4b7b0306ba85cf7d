// Package netguard keeps a check from reaching the machine's own network:
// a catalog URL, its DNS answer, a redirect or a proxy could otherwise make
// a CI runner probe its intranet or a cloud metadata server. It knows the
// special-purpose address blocks and the host names of private use, guards
// the dialer where the address is final, and judges a request's host
// before a proxy, which resolves out of the dialer's sight, sees it.
package netguard
