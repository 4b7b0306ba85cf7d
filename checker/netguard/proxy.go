package netguard

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"net/url"

	"golang.org/x/net/http/httpproxy"
)

// ProxyFunc picks the proxy for a URL, nil for none: the environment's
// HTTP_PROXY, HTTPS_PROXY and NO_PROXY, read when the Checker is made.
type ProxyFunc func(*url.URL) (*url.URL, error)

// EnvironmentProxy reads the proxy settings as net/http does (Go's
// http.ProxyFromEnvironment reads them once per process, so tests and
// long-lived programs could not change them).
func EnvironmentProxy() ProxyFunc {
	return httpproxy.FromEnvironment().ProxyFunc()
}

// Guard judges a request's host before a proxy sees it. With a
// proxy, the proxy resolves the name and connects, out of the dialer's
// sight: without this, http://169.254.169.254/ and http://10.1.2.3/admin
// would be fetched through it. A literal address, in any form a proxy's
// resolver reads as one (see HostAddr), is judged at once; a name
// of private use is refused; any other name is resolved through the
// checker's resolver and refused when an address it gives is private. A
// name the resolver does not know is left to the proxy: on networks that
// resolve public names only at the proxy, that is the only way out.
type Guard struct {
	next     http.RoundTripper
	proxy    ProxyFunc
	resolver *net.Resolver
}

// NewGuard returns next behind the guard: requests that proxy hands to a
// proxy have their host judged first, names resolved through resolver
// (nil for the system's).
func NewGuard(next http.RoundTripper, proxy ProxyFunc, resolver *net.Resolver) *Guard {
	return &Guard{next: next, proxy: proxy, resolver: resolver}
}

// proxyDialKey marks a request's context with the address of the proxy it
// was handed to: the only dial exempt from the guard is that one.
type proxyDialKey struct{}

// viaProxy returns the proxy address ctx was marked with, "" for none.
func viaProxy(ctx context.Context) string {
	addr, _ := ctx.Value(proxyDialKey{}).(string)
	return addr
}

// RoundTrip implements http.RoundTripper.
func (g *Guard) RoundTrip(req *http.Request) (*http.Response, error) {
	p, err := g.proxy(req.URL)
	if err != nil || p == nil {
		return g.next.RoundTrip(req) // direct: the dialer judges it
	}
	if err := g.judge(req.Context(), req.URL.Hostname()); err != nil {
		if req.Body != nil {
			req.Body.Close() // a RoundTripper closes the body, even on error
		}
		return nil, &net.OpError{Op: "proxy", Net: "tcp", Err: err}
	}
	ctx := context.WithValue(req.Context(), proxyDialKey{}, proxyAddr(p))
	return g.next.RoundTrip(req.WithContext(ctx))
}

// judge returns a *PrivateAddressError when host must not be reached
// through the proxy.
func (g *Guard) judge(ctx context.Context, host string) error {
	if a, ok := HostAddr(host); ok {
		if IsPrivate(a) {
			return &PrivateAddressError{Addr: a.Unmap()}
		}
		return nil
	}
	if privateName(host) {
		return &PrivateAddressError{Host: host}
	}
	r := g.resolver
	if r == nil {
		r = net.DefaultResolver
	}
	addrs, err := r.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil // left to the proxy, which may resolve what this machine cannot
	}
	var (
		private netip.Addr
		public  bool
	)
	for _, a := range addrs {
		switch {
		case !IsPrivate(a):
			public = true
		case !private.IsValid():
			private = a.Unmap()
		}
	}
	if private.IsValid() {
		return &PrivateAddressError{Addr: private, Host: host, Public: public}
	}
	return nil
}

// proxyAddr is the host:port net/http dials to reach proxy p.
func proxyAddr(p *url.URL) string {
	port := p.Port()
	if port == "" {
		port = map[string]string{"https": "443", "socks5": "1080", "socks5h": "1080"}[p.Scheme]
		if port == "" {
			port = "80"
		}
	}
	return net.JoinHostPort(p.Hostname(), port)
}
