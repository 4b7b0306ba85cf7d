package checker

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/ai-reading-list/linkcheck/status"
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

// privateVerdict judges a refusal to connect to a private address. A link
// that names an intranet address or host itself is skipped: the catalog
// meant it, and --allow-private checks it. A public name that resolves
// only to private addresses (as some lapsed domains do), or a redirect to
// a private address, is broken: no reader outside that network can open
// it. A name with public addresses too is an error: the proxy was not
// trusted to pick a public one.
func privateVerdict(e *PrivateAddressError, redirected bool) (status.Status, string) {
	switch {
	case e.Public:
		return status.Error, e.Error()
	case redirected:
		return status.Broken, "redirected to a private address: " + e.Error()
	case e.Host == "" || !e.Addr.IsValid():
		return status.Skipped, e.Error()
	}
	return status.Broken, e.Error()
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
// (which resolves names its own way). The one connection exempt is the
// one to the proxy a request was handed to (proxyGuard judged the request's
// own host first); a direct request to the proxy's address is judged like
// any other.
func newDialer(o *Options) dialFunc {
	base := o.DialContext
	if base == nil {
		d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Resolver: o.Resolver}
		if o.AllowPrivate {
			return d.DialContext
		}
		return func(ctx context.Context, network, addr string) (net.Conn, error) {
			if viaProxy(ctx) == addr {
				return d.DialContext(ctx, network, addr)
			}
			return guardedDial(ctx, d, network, addr)
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
			return nil, &net.OpError{Op: "dial", Net: network, Err: resolvedTo(err, addr)}
		}
		return conn, nil
	}
}

// guardedDial dials addr with d, refusing every private address the name
// resolves to. When every address was refused the error names the host:
// a public name that resolves only to private addresses is a dead link,
// not an intranet one.
func guardedDial(ctx context.Context, d net.Dialer, network, addr string) (net.Conn, error) {
	var passed atomic.Int32 // addresses let through; Happy Eyeballs dials two at once
	d.Control = func(_, address string, _ syscall.RawConn) error {
		err := checkAddr(address)
		if err == nil {
			passed.Add(1)
		}
		return err
	}
	conn, err := d.DialContext(ctx, network, addr)
	var private *PrivateAddressError
	if err == nil || !errors.As(err, &private) {
		return conn, err
	}
	if passed.Load() > 0 {
		// Its public addresses failed for their own reasons; Go reports
		// the first error, which may be the refusal of a private one.
		return nil, &net.OpError{Op: "dial", Net: network, Err: fmt.Errorf("no public address of %s answered (its private ones are refused)", addr)}
	}
	return nil, &net.OpError{Op: "dial", Net: network, Err: resolvedTo(private, addr)}
}

// resolvedTo names the host of addr in a private-address refusal when addr
// is a name: its answer, not the catalog, led to the private address.
func resolvedTo(err error, addr string) error {
	var private *PrivateAddressError
	if !errors.As(err, &private) {
		return err
	}
	host, _, splitErr := net.SplitHostPort(addr)
	if splitErr != nil {
		host = addr
	}
	if _, ipErr := netip.ParseAddr(host); ipErr == nil {
		return err
	}
	return &PrivateAddressError{Addr: private.Addr, Host: host}
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
