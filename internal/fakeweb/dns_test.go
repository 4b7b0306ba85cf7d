package fakeweb

import (
	"context"
	"errors"
	"net"
	"slices"
	"testing"
)

// TestResolver: names resolve to their table entries, both families, and
// an unknown name is "no such host".
func TestResolver(t *testing.T) {
	r := Resolver(map[string][]string{"lapsed.example": {"10.1.2.3"}, "dual.example": {"93.184.215.14", "2606:4700::1111"}})
	tests := []struct {
		host string
		want []string
	}{
		{"lapsed.example", []string{"10.1.2.3"}},
		{"Dual.Example", []string{"2606:4700::1111", "93.184.215.14"}},
	}
	for _, tt := range tests {
		addrs, err := r.LookupNetIP(context.Background(), "ip", tt.host)
		var got []string
		for _, a := range addrs {
			got = append(got, a.String())
		}
		slices.Sort(got)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("LookupNetIP(%s) = %v, %v; want %v", tt.host, got, err, tt.want)
		}
	}
	_, err := r.LookupNetIP(context.Background(), "ip", "unknown.example")
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
		t.Errorf("LookupNetIP(unknown.example) = %v, want no such host", err)
	}
}
