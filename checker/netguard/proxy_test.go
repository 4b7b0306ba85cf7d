package netguard

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// TestProxyJudge: the guard's verdict on each kind of host.
func TestProxyJudge(t *testing.T) {
	g := &Guard{resolver: fakeweb.Resolver(map[string][]string{
		"public.example": {"93.184.215.14", "2606:4700::1111"},
		"lapsed.example": {"10.0.0.7"},
		"nat64.example":  {"64:ff9b::a9fe:a9fe"},
		"dual.example":   {"10.0.0.8", "93.184.215.14"},
	})}
	tests := []struct {
		host string
		want string // "" for allowed, else the refusal's text
	}{
		{"93.184.215.14", ""},
		{"public.example", ""},
		{"unknown.example", ""},
		{"169.254.169.254", "refusing to connect to private address 169.254.169.254"},
		{"10.1.2.3", "refusing to connect to private address 10.1.2.3"},
		{"::ffff:10.1.2.3", "refusing to connect to private address 10.1.2.3"},
		{"fd00::1", "refusing to connect to private address fd00::1"},
		{"localhost", "refusing to connect to localhost, a host name of private use"},
		{"metadata.google.internal", "refusing to connect to metadata.google.internal, a host name of private use"},
		{"printer.local", "refusing to connect to printer.local, a host name of private use"},
		{"intranet", "refusing to connect to intranet, a host name of private use"},
		{"lapsed.example", "lapsed.example resolves only to private addresses (10.0.0.7)"},
		{"nat64.example", "nat64.example resolves only to private addresses (64:ff9b::a9fe:a9fe, which stands for 169.254.169.254)"},
		{"dual.example", "dual.example resolves to private address 10.0.0.8 as well as public ones"},
		// Forms of an IPv4 address that Go does not parse but a proxy's
		// resolver may (inet_aton reads hex, octal, short and trailing-dot
		// forms as addresses): a redirect could name them.
		{"169.254.169.254.", "refusing to connect to private address 169.254.169.254"},
		{"0xa9.0xfe.0xa9.0xfe", "refusing to connect to private address 169.254.169.254"},
		{"0251.0376.0251.0376", "refusing to connect to private address 169.254.169.254"},
		{"0xA9FEA9FE", "refusing to connect to private address 169.254.169.254"},
		{"127.1", "refusing to connect to private address 127.0.0.1"},
		{"10.258", "refusing to connect to private address 10.0.1.2"},
		{"0x5d.184.215.14", ""},
	}
	for _, tt := range tests {
		err := g.judge(context.Background(), tt.host)
		var private *PrivateAddressError
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("judge(%s) = %v, want it allowed", tt.host, err)
		case tt.want != "" && (!errors.As(err, &private) || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("judge(%s) = %v, want a *PrivateAddressError %q", tt.host, err, tt.want)
		}
	}
}

// TestProxyAddr: the one dial the guard exempts is to the address net/http
// dials for the proxy, default ports included.
func TestProxyAddr(t *testing.T) {
	tests := []struct{ proxy, want string }{
		{"http://proxy.internal:3128", "proxy.internal:3128"},
		{"http://10.0.0.5", "10.0.0.5:80"},
		{"https://secure.proxy", "secure.proxy:443"},
		{"socks5://[fd00::1]", "[fd00::1]:1080"},
		{"socks5h://socks.example", "socks.example:1080"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.proxy)
		if err != nil {
			t.Fatal(err)
		}
		if got := proxyAddr(u); got != tt.want {
			t.Errorf("proxyAddr(%s) = %s, want %s", tt.proxy, got, tt.want)
		}
	}
}
