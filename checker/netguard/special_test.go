package netguard

import (
	"net/netip"
	"testing"
)

// TestIsPrivateRegistry: every block of IANA's IPv4 and IPv6
// special-purpose registries that is not globally reachable is refused,
// its globally reachable exceptions are not, and an IPv6 address that
// embeds an IPv4 one is judged by the IPv4 address.
func TestIsPrivateRegistry(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		// IPv4 special-purpose registry.
		{"0.1.2.3", true}, {"10.9.8.7", true}, {"100.64.0.1", true}, {"100.100.100.200", true},
		{"100.127.255.254", true}, {"100.63.255.255", false}, {"100.128.0.1", false},
		{"127.1.2.3", true}, {"169.254.169.254", true}, {"172.31.0.1", true},
		{"192.0.0.1", true}, {"192.0.0.8", true}, {"192.0.0.9", false}, {"192.0.0.10", false},
		{"192.0.0.170", true}, {"192.0.0.171", true}, {"192.0.2.7", true},
		{"192.31.196.1", false}, {"192.52.193.1", false}, {"192.88.99.1", true}, {"192.88.99.2", false},
		{"192.168.0.1", true}, {"192.175.48.1", false}, {"198.18.0.1", true}, {"198.19.255.1", true},
		{"198.51.100.1", true}, {"203.0.113.5", true}, {"240.0.0.1", true}, {"255.255.255.255", true},
		{"224.0.0.251", true}, {"239.255.255.250", true},
		{"8.8.8.8", false}, {"1.1.1.1", false}, {"172.32.0.1", false}, {"93.184.215.14", false},
		// IPv6 special-purpose registry.
		{"::1", true}, {"::", true}, {"100::1", true}, {"100:0:0:1::1", true},
		{"2001:2::1", true}, {"2001:5::1", true}, {"2001:10::1", true}, {"2001:db8::1", true},
		{"2001:1::1", false}, {"2001:1::2", false}, {"2001:1::3", false}, {"2001:1::4", true},
		{"2001:3::1", false}, {"2001:4:112::1", false}, {"2001:20::1", false}, {"2001:30::1", false},
		{"2620:4f:8000::1", false}, {"3fff::1", true}, {"5f00::1", true},
		{"fc00::1", true}, {"fd12::1", true}, {"fe80::1", true}, {"fe80::1%eth0", true}, {"fec0::1", true},
		{"ff02::1", true}, {"ff0e::1", true},
		{"2606:4700::1111", false}, {"2a00:1450:4001::200e", false},
		// IPv6 addresses that stand for an IPv4 one.
		{"::ffff:10.1.2.3", true}, {"::ffff:8.8.8.8", false}, {"::ffff:100.100.100.200", true},
		{"64:ff9b::a9fe:a9fe", true}, {"64:ff9b::169.254.169.254", true}, {"64:ff9b::100.100.100.200", true},
		{"64:ff9b::10.0.0.1", true}, {"64:ff9b::8.8.8.8", false}, {"64:ff9b::808:808", false},
		{"64:ff9b:1::a9fe:a9fe", true}, {"64:ff9b:1::8.8.8.8", false}, {"64:ff9b:1:ab:0:8:808:808", true},
		{"2002:a9fe:a9fe::1", true}, {"2002:c0a8:101::1", true}, {"2002:808:808::1", false},
		{"::169.254.169.254", true}, {"::8.8.8.8", false}, {"::ffff:0:10.0.0.1", true}, {"::ffff:0:8.8.8.8", false},
		// Teredo: the client's address is stored inverted.
		{"2001:0:4136:e378:8000:63bf:f5ff:fffe", true},  // client 10.0.0.1
		{"2001:0:4136:e378:8000:63bf:f7f7:f7f7", false}, // client 8.8.8.8
	}
	for _, tt := range tests {
		if got := IsPrivate(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("IsPrivate(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}
