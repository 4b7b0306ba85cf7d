package netguard

import "testing"

func TestPrivateHost(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"10.0.0.5", true}, {"127.0.0.1", true}, {"::1", true}, {"fe80::1%eth0", true},
		{"localhost", true}, {"LOCALHOST.", true}, {"app.localhost", true}, {"printer.local", true},
		{"metadata.google.internal", true}, {"router.home.arpa", true}, {"wiki", true}, {"git.corp", true},
		{"example.com", false}, {"93.184.215.14", false}, {"localhost.example.com", false},
		{"internal.example", false}, {"corp.example.org", false}, {"", false},
		// Addresses a resolver reads in other forms (see HostAddr).
		{"0xa9.0xfe.0xa9.0xfe", true}, {"169.254.169.254.", true}, {"127.1", true}, {"0x5d.184.215.14", false},
	}
	for _, tt := range tests {
		if got := PrivateHost(tt.host); got != tt.want {
			t.Errorf("PrivateHost(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}
