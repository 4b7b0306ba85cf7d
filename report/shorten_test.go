package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShortenMiddle(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"https://example.com/a", 40, "https://example.com/a"},
		{"https://example.com/a", 21, "https://example.com/a"},
		{"https://example.com/posts/2024/agents", 20, "https://examp…agents"},
		{"https://example.com/posts/2024/agents", 10, "https:…nts"},
		{"https://zh.example.org/文章/智能体综述", 20, "https://zh.ex…体综述"},
		{"https://example.com/x", 1, "…"},
		{"https://example.com/x", 0, ""},
		{"", 5, ""},
	}
	for _, tt := range tests {
		got := shortenMiddle(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("shortenMiddle(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// TestShortenMiddleKeepsStart checks the properties every width must hold:
// within the width, the start kept, the end kept, a cut marked.
func TestShortenMiddleKeepsStart(t *testing.T) {
	const u = "https://www.linkedin.com/pulse/building-reliable-autonomous-agents-2024"
	for max := 8; max < len(u); max++ {
		got := shortenMiddle(u, max)
		if w := displayWidth(got); w > max {
			t.Errorf("shortenMiddle(%q, %d) = %q, %d columns wide", u, max, got, w)
		}
		head, tail, ok := strings.Cut(got, ellipsis)
		if !ok || !strings.HasPrefix(u, head) || !strings.HasSuffix(u, tail) {
			t.Errorf("shortenMiddle(%q, %d) = %q, want a prefix, …, and a suffix", u, max, got)
		}
		if len(head) < len(tail) {
			t.Errorf("shortenMiddle(%q, %d) = %q, want the start to keep more than the end", u, max, got)
		}
	}
}

func TestPadRight(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"ab", 4, "ab  "},
		{"综述", 6, "综述  "},
		{"é", 3, "é  "}, // e + combining accent: one column
		{"toolong", 3, "toolong"},
	}
	for _, tt := range tests {
		if got := padRight(tt.in, tt.w); got != tt.want {
			t.Errorf("padRight(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Service Unavailable\nretry later", "Service Unavailable retry later"},
		{"evil\x1b[31mred\x1b[0m", "evil [31mred [0m"},
		{"  tabs\tand\r\nbreaks  ", "tabs and breaks"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzShortenMiddle(f *testing.F) {
	f.Add("https://example.com/posts/2024/agents", 12)
	f.Add("https://zh.example.org/文章/智能体综述", 9)
	f.Add("👩‍👩‍👧‍👦 family", 3)
	f.Fuzz(func(t *testing.T, s string, max int) {
		if !utf8.ValidString(s) || max < 0 || max > 500 {
			return
		}
		got := shortenMiddle(s, max)
		if w := displayWidth(got); w > max && displayWidth(s) > max {
			t.Errorf("shortenMiddle(%q, %d) = %q, %d columns wide", s, max, got, w)
		}
		if !utf8.ValidString(got) {
			t.Errorf("shortenMiddle(%q, %d) = %q, not valid UTF-8", s, max, got)
		}
	})
}
