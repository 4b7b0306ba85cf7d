package status

import (
	"encoding/json"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	for _, s := range All() {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("json.Marshal(%v): %v", s, err)
		}
		var back Status
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Errorf("round trip of %v via %s = %v, %v", s, b, back, err)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Status
		wantErr bool
	}{
		{"broken", Broken, false},
		{" Moved ", Moved, false},
		{"OK", OK, false},
		{"stale", Stale, false},
		{"unknown", Unknown, true},
		{"rotten", Unknown, true},
		{"", Unknown, true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("Parse(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestMarshalUnknownFails(t *testing.T) {
	if _, err := Unknown.MarshalText(); err == nil {
		t.Error("Unknown.MarshalText() succeeded; an unset status must not reach a report")
	}
	if _, err := Status(200).MarshalText(); err == nil {
		t.Error("Status(200).MarshalText() succeeded")
	}
}

func TestSet(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"broken", "broken", false},
		{"retitled,broken, moved", "broken,moved,retitled", false},
		{"", "", false},
		{"broken,,", "broken", false},
		{"broken,nope", "", true},
	}
	for _, tt := range tests {
		set, err := ParseSet(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseSet(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && set.String() != tt.want {
			t.Errorf("ParseSet(%q) = %q, want %q", tt.in, set, tt.want)
		}
	}
	if !DefaultFailOn.Has(Broken) || DefaultFailOn.Has(Moved) || DefaultFailOn.Has(Blocked) || DefaultFailOn.Has(Stale) {
		t.Errorf("DefaultFailOn = %v, want broken only", DefaultFailOn)
	}
}

func TestAttention(t *testing.T) {
	for _, s := range All() {
		want := s != OK && s != Skipped && s != Archived
		if s.Attention() != want {
			t.Errorf("%v.Attention() = %v, want %v", s, s.Attention(), want)
		}
	}
}

// The names and their order are a published contract: --fail-on, accept
// lists and the JSON report's summary keys use them, in this order.
func TestNamesInSeverityOrder(t *testing.T) {
	want := []string{"broken", "moved", "retitled", "updated", "stale", "archived", "blocked", "timeout", "error", "redirected", "ok", "skipped"}
	got := Names()
	if len(got) != len(want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Names()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	for i, s := range All() {
		if i > 0 && All()[i-1] >= s {
			t.Errorf("All() not in severity order at %v", s)
		}
	}
}
