package webpage

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a@b", "https://example.com/a@b"},
		{"https://user:pw@example.com/x", "https://xxxxx@example.com/x"},
		{"https://token@example.com", "https://xxxxx@example.com"},
		{"see http://a:b@x.example/p and https://c@y.example?q=@", "see http://xxxxx@x.example/p and https://xxxxx@y.example?q=@"},
		{"no url @ all", "no url @ all"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{"https://u:p@h/x", "://@", "a://b@c://d@e", "http://x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Redact(s)
		if Redact(got) != got {
			t.Errorf("Redact(%q) = %q, which redact changes again", s, got)
		}
		if !strings.Contains(s, "@") && got != s {
			t.Errorf("Redact(%q) = %q, want it unchanged without an @", s, got)
		}
	})
}
