package checker

import (
	"context"
	"net"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// remoteConn is a loopback connection that claims to reach remote: the
// dial hook stands in for the network, so no test dials these addresses.
type remoteConn struct {
	net.Conn
	remote netip.Addr
}

func (c remoteConn) RemoteAddr() net.Addr {
	return net.TCPAddrFromAddrPort(netip.AddrPortFrom(c.remote, 80))
}

// TestGuardOnEmbeddedIPv4: through the dial hook only, a NAT64, 6to4,
// mapped or compatible address is judged by the IPv4 address it stands
// for, and carrier-grade NAT space is refused, whether the URL names the
// address or a name resolves to it; a NAT64 address of a public site is
// reached.
func TestGuardOnEmbeddedIPv4(t *testing.T) {
	srv := newLocalServer(t, fakeweb.Page("Hi", ""))
	resolves := map[string]string{ // what names "resolve" to
		"metadata.example": "64:ff9b::a9fe:a9fe",
		"cgnat.example":    "100.100.100.200",
		"v6only.example":   "64:ff9b::5db8:d70e", // 93.184.215.14
	}
	var (
		mu     sync.Mutex
		dialed []string
	)
	o := Options{RequestTimeout: 2 * time.Second, Retries: -1, HostRate: 1000, HostBurst: 100}
	o.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		mu.Lock()
		dialed = append(dialed, host)
		mu.Unlock()
		if r, ok := resolves[host]; ok {
			host = r
		}
		remote, err := netip.ParseAddr(host)
		if err != nil {
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		var d net.Dialer
		conn, err := d.DialContext(ctx, "tcp", srv) // always the local server
		if err != nil {
			return nil, err
		}
		return remoteConn{conn, remote}, nil
	}
	c := newChecker(t, o)
	tests := []struct {
		url    string
		want   status.Status
		refuse string // the address in the refusal
		dials  bool   // whether the hook was asked at all
	}{
		{"http://[64:ff9b::808:808]/", status.OK, "", true},
		{"http://[2002:808:808::1]/", status.OK, "", true},
		{"http://v6only.example/", status.OK, "", true},
		{"http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", status.Skipped, "64:ff9b::a9fe:a9fe, which stands for 169.254.169.254", false},
		{"http://[64:ff9b:1::a9fe:a9fe]/", status.Skipped, "64:ff9b:1::a9fe:a9fe", false},
		{"http://[2002:a9fe:a9fe::1]/", status.Skipped, "2002:a9fe:a9fe::1", false},
		{"http://[::a9fe:a9fe]/", status.Skipped, "::a9fe:a9fe", false},
		{"http://[::ffff:a9fe:a9fe]/", status.Skipped, "169.254.169.254", false},
		{"http://100.100.100.200/latest/", status.Skipped, "100.100.100.200", false},
		{"http://100.64.0.1/", status.Skipped, "100.64.0.1", false},
		// A public name that resolves there is a dead link, not an
		// intranet one.
		{"http://metadata.example/latest/", status.Broken, "resolves only to private addresses (64:ff9b::a9fe:a9fe", true},
		{"http://cgnat.example/", status.Broken, "resolves only to private addresses (100.100.100.200)", true},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			mu.Lock()
			dialed = nil
			mu.Unlock()
			r := checkOne(t, c, tt.url)
			if r.Status != tt.want || !strings.Contains(r.Message, tt.refuse) {
				t.Errorf("check(%s) = %v (%s), want %v refusing %q", tt.url, r.Status, r.Message, tt.want, tt.refuse)
			}
			mu.Lock()
			defer mu.Unlock()
			if got := len(dialed) > 0; got != tt.dials {
				t.Errorf("check(%s) asked the dial hook for %v, want a dial: %v", tt.url, dialed, tt.dials)
			}
			if tt.want != status.OK && slices.ContainsFunc(dialed, func(h string) bool { return h != "metadata.example" && h != "cgnat.example" }) {
				t.Errorf("check(%s) dialled %v", tt.url, dialed)
			}
		})
	}
}
