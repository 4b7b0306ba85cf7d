package catalog

import (
	"strings"
	"testing"
	"time"
)

// TestIgnoreUntilDay pins down the one rule for the until day: the ignore
// holds through that whole day in UTC, whatever the clock's time zone, and
// Validate agrees with Active at every instant.
func TestIgnoreUntilDay(t *testing.T) {
	newYork := time.FixedZone("UTC-5", -5*3600)
	tokyo := time.FixedZone("UTC+9", 9*3600)
	tests := []struct {
		name   string
		now    time.Time
		active bool
	}{
		{"the day before", time.Date(2026, 2, 28, 12, 0, 0, 0, time.UTC), true},
		{"the day's first instant", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"the day's last second", time.Date(2026, 3, 1, 23, 59, 59, 0, time.UTC), true},
		{"the next day", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), false},
		{"still the day in Tokyo, already the next in UTC", time.Date(2026, 3, 2, 8, 0, 0, 0, tokyo), true},
		{"still the day in New York, already the next in UTC", time.Date(2026, 3, 1, 20, 0, 0, 0, newYork), false},
	}
	src := head + entry("id: a", "title: T", "kind: post", "url: https://example.com/a",
		`ignore: {reason: moving, until: 2026-03-01}`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", strings.NewReader(src))
			if err != nil {
				t.Fatal(err)
			}
			ig := c.Sections[0].Resources[0].Ignore
			if got := ig.Active(tt.now); got != tt.active {
				t.Errorf("Active(%v) = %v, want %v", tt.now, got, tt.active)
			}
			ps := c.Validate(tt.now)
			if expired := len(ps) == 1 && strings.Contains(ps[0].Message, "ignore expired on 2026-03-01"); expired == tt.active || len(ps) > 1 {
				t.Errorf("Validate(%v) = %v, want an expiry problem: %v", tt.now, ps, !tt.active)
			}
			if ps := c.ValidateRules(); ps != nil {
				t.Errorf("ValidateRules() = %v, want no problem: the date is not a rule", ps)
			}
		})
	}
}
