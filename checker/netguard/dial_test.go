package netguard

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
)

func TestIsPrivate(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1", true}, {"::1", true}, {"10.0.0.1", true}, {"172.16.5.4", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"fe80::1", true}, {"fc00::1", true}, {"fd12::1", true},
		{"0.0.0.0", true}, {"::", true}, {"224.0.0.1", true}, {"ff02::1", true}, {"::ffff:10.1.2.3", true},
		{"8.8.8.8", false}, {"93.184.215.14", false}, {"2606:4700::1111", false}, {"172.32.0.1", false},
	}
	for _, tt := range tests {
		if got := IsPrivate(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("IsPrivate(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

func TestPrivateAddressErrorIsTyped(t *testing.T) {
	dial := NewDialer(func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, errors.New("must not be called")
	}, nil, false)
	_, err := dial(context.Background(), "tcp", "10.1.2.3:80")
	var pa *PrivateAddressError
	if !errors.As(err, &pa) || pa.Addr.String() != "10.1.2.3" {
		t.Errorf("dial(10.1.2.3) = %v, want a *PrivateAddressError for 10.1.2.3", err)
	}
}
