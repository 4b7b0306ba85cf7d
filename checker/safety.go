package checker

import (
	"context"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// PrivateAddressError is the refusal to connect to an address that is not
// on the public internet. A catalog URL, its DNS answer or a redirect could
// otherwise make a CI runner probe its own network.
type PrivateAddressError struct {
	Addr netip.Addr
}

func (e *PrivateAddressError) Error() string {
	addr := e.Addr.String()
	if v4, ok := embeddedIPv4(e.Addr); ok && v4.IsValid() {
		addr += ", which stands for " + v4.String()
	}
	return "refusing to connect to private address " + addr +
		" (use --allow-private to check intranet hosts)"
}

// checkAddr returns a *PrivateAddressError when hostport is an IP address
// that must not be dialled. Names pass: only resolved addresses are judged.
func checkAddr(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	a, err := netip.ParseAddr(host)
	if err == nil && isPrivate(a) {
		return &PrivateAddressError{Addr: a.Unmap()}
	}
	return nil
}

type dialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// newDialer returns the transport's dialer. The guard runs where the
// address is final: in net.Dialer.Control, after DNS resolution, for the
// real dialer; on the connection's remote address for a replacement dialer
// (which resolves names its own way). Connections to the configured proxy
// are exempt: with a proxy, the proxy is the one that resolves and
// connects.
func newDialer(o *Options) dialFunc {
	base := o.DialContext
	if base == nil {
		d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Resolver: o.Resolver}
		if o.AllowPrivate {
			return d.DialContext
		}
		unguarded := *d
		d.Control = func(_, address string, _ syscall.RawConn) error { return checkAddr(address) }
		proxies := proxyAddrs()
		return func(ctx context.Context, network, addr string) (net.Conn, error) {
			if proxies[addr] {
				return unguarded.DialContext(ctx, network, addr)
			}
			return d.DialContext(ctx, network, addr)
		}
	}
	if o.AllowPrivate {
		return base
	}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if err := checkAddr(addr); err != nil {
			return nil, &net.OpError{Op: "dial", Net: network, Err: err}
		}
		conn, err := base(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if err := checkAddr(conn.RemoteAddr().String()); err != nil {
			conn.Close()
			return nil, &net.OpError{Op: "dial", Net: network, Err: err}
		}
		return conn, nil
	}
}

// proxyAddrs lists the host:port of the proxies named in the environment.
func proxyAddrs() map[string]bool {
	cfg := httpproxy.FromEnvironment()
	out := make(map[string]bool)
	for _, raw := range []string{cfg.HTTPProxy, cfg.HTTPSProxy} {
		if raw == "" {
			continue
		}
		if !strings.Contains(raw, "://") {
			raw = "http://" + raw
		}
		u, err := url.Parse(raw)
		if err != nil || u.Hostname() == "" {
			continue
		}
		port := u.Port()
		if port == "" {
			port = map[string]string{"https": "443", "socks5": "1080"}[u.Scheme]
			if port == "" {
				port = "80"
			}
		}
		out[net.JoinHostPort(u.Hostname(), port)] = true
	}
	return out
}

// redact hides the userinfo of every URL in s ("https://user:pw@host/x"
// becomes "https://xxxxx@host/x"), so that credentials written into a
// catalog URL never reach a report.
func redact(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "://")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+3])
		s = s[i+3:]
		end := strings.IndexAny(s, "/?# \t\n\"'")
		if end < 0 {
			end = len(s)
		}
		if at := strings.LastIndexByte(s[:end], '@'); at >= 0 {
			b.WriteString("xxxxx")
			s = s[at:]
		}
	}
}
