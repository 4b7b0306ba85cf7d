package catalog

import (
	"testing"
	"time"
)

func TestFormatAge(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0d"},
		{730 * day, "730d"},
		{104 * 7 * day, "728d"},
		{36 * time.Hour, "36h0m0s"},
		{90 * time.Minute, "1h30m0s"},
	}
	for _, tt := range tests {
		got := FormatAge(tt.in)
		if got != tt.want {
			t.Errorf("FormatAge(%v) = %q, want %q", tt.in, got, tt.want)
		}
		if back, err := ParseAge(got); err != nil || back != tt.in {
			t.Errorf("ParseAge(FormatAge(%v)) = %v, %v; want it back", tt.in, back, err)
		}
	}
}
