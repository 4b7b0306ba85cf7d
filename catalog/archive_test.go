package catalog

import (
	"testing"
	"time"
)

func TestParseCapture(t *testing.T) {
	tests := []struct {
		in       string
		original string
		at       time.Time
		wantErr  bool
	}{
		{"https://web.archive.org/web/20230512083000/https://example.com/post", "https://example.com/post", time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC), false},
		{"https://web.archive.org/web/20230512083000/https://example.com/p?a=1&b=2", "https://example.com/p?a=1&b=2", time.Date(2023, 5, 12, 8, 30, 0, 0, time.UTC), false},
		{"https://web.archive.org/web/2023/https://example.com/post", "", time.Time{}, true},
		{"https://web.archive.org/web/20230512083000id_/https://example.com/post", "", time.Time{}, true},
		{"https://web.archive.org/web/20231345083000/https://example.com/post", "", time.Time{}, true},
		{"http://web.archive.org/web/20230512083000/https://example.com/post", "", time.Time{}, true},
		{"https://archive.ph/web/20230512083000/https://example.com/post", "", time.Time{}, true},
		{"https://web.archive.org/20230512083000/https://example.com/post", "", time.Time{}, true},
		{"https://web.archive.org/web/20230512083000/ftp://example.com/f", "", time.Time{}, true},
		{"https://web.archive.org/web/20230512083000/", "", time.Time{}, true},
	}
	for _, tt := range tests {
		c, err := ParseCapture(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseCapture(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			continue
		}
		if c.Original != tt.original || !c.At.Equal(tt.at) {
			t.Errorf("ParseCapture(%q) = %+v, want %s at %v", tt.in, c, tt.original, tt.at)
		}
		if c.URL() != tt.in {
			t.Errorf("ParseCapture(%q).URL() = %q, want the input back", tt.in, c.URL())
		}
	}
}
