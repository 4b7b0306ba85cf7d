package catalog

import "testing"

func TestIsDOI(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"10.1145/3368089.3409742", true},
		{"10.48550/arXiv.2303.11366", true},
		{"10.1000.10/abc", true},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0", true},
		{"10.123/abc", false},      // registrant code under four digits
		{"10.1145/", false},        // no suffix
		{"10.1145/a b", false},     // a space in the suffix
		{"11.1145/abc", false},     // not the 10 directory
		{"10.1145.x/abc", false},   // a subdivision that is not digits
		{"doi:10.1145/abc", false}, // a prefix
		{"https://doi.org/10.1145/abc", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsDOI(tt.s); got != tt.want {
			t.Errorf("IsDOI(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
