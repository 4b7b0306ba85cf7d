package netguard

import "testing"

// TestHostAddr: the hosts a resolver reads as an address, and the names
// it does not.
func TestHostAddr(t *testing.T) {
	tests := []struct {
		host string
		want string // "" for a name
	}{
		{"93.184.215.14", "93.184.215.14"},
		{"93.184.215.14.", "93.184.215.14"},
		{"::1", "::1"},
		{"0x7f.0.0.1", "127.0.0.1"},
		{"0X7F000001", "127.0.0.1"},
		{"017700000001", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"10.1.258", "10.1.1.2"},
		{"0x.0.0.0", "0.0.0.0"},
		{"example.org", ""},
		{"1.2.3.4.5", ""},
		{"256.1", ""},
		{"1.2.3.256", ""},
		{"1.2.65536", ""},
		{"4294967296", ""},
		{"09.1.1.1", ""},
		{"1..1", ""},
		{"+1.1", ""},
		{"0xg1", ""},
		{"", ""},
	}
	for _, tt := range tests {
		a, ok := HostAddr(tt.host)
		got := ""
		if ok {
			got = a.String()
		}
		if got != tt.want {
			t.Errorf("HostAddr(%q) = %q, %v; want %q", tt.host, got, ok, tt.want)
		}
	}
}
