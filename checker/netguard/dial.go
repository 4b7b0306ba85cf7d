package netguard

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"sync/atomic"
	"syscall"
	"time"
)

// checkAddr returns a *PrivateAddressError when hostport is an IP address
// that must not be dialled. Names pass: only resolved addresses are judged.
func checkAddr(hostport string) error {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = hostport
	}
	a, err := netip.ParseAddr(host)
	if err == nil && IsPrivate(a) {
		return &PrivateAddressError{Addr: a.Unmap()}
	}
	return nil
}

// DialFunc dials like net.Dialer.DialContext.
type DialFunc func(ctx context.Context, network, addr string) (net.Conn, error)

// NewDialer returns the transport's dialer. The guard runs where the
// address is final: in net.Dialer.Control, after DNS resolution, for the
// real dialer; on the connection's remote address for a replacement dialer
// (which resolves names its own way). The one connection exempt is the
// one to the proxy a request was handed to (Guard judged the request's
// own host first); a direct request to the proxy's address is judged like
// any other.
//
// base replaces the real dialer when set (tests dial the fake web through
// it); resolver is the real dialer's; allowPrivate turns the guard off.
func NewDialer(base DialFunc, resolver *net.Resolver, allowPrivate bool) DialFunc {
	if base == nil {
		d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Resolver: resolver}
		if allowPrivate {
			return d.DialContext
		}
		return func(ctx context.Context, network, addr string) (net.Conn, error) {
			if viaProxy(ctx) == addr {
				return d.DialContext(ctx, network, addr)
			}
			return guardedDial(ctx, d, network, addr)
		}
	}
	if allowPrivate {
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
