package catalog

import (
	"errors"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://example.com", "https://example.com/"},
		{"HTTPS://Example.COM/Path", "https://example.com/Path"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"https://example.com:80/a", "https://example.com:80/a"},
		{"http://example.com:443/a", "http://example.com:443/a"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"https://example.com:/a", "https://example.com/a"},
		{"https://example.com/a#section-2", "https://example.com/a"},
		{"https://example.com/a?Q=Case&b=2", "https://example.com/a?Q=Case&b=2"},
		{"https://example.com?x=1", "https://example.com/?x=1"},
		{"https://example.com/A/B/", "https://example.com/A/B/"},
		{"https://example.com/a%2Fb", "https://example.com/a%2Fb"},
		{"https://[2001:DB8::1]:443/", "https://[2001:db8::1]/"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizeURL(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("NormalizeURL(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNormalizeURLInvalid(t *testing.T) {
	for _, in := range []string{"", "example.com/a", "/relative", "mailto:a@example.com", "https://exa mple.com/", "http://%zz/"} {
		if got, err := NormalizeURL(in); err == nil {
			t.Errorf("NormalizeURL(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseCatalogURL(t *testing.T) {
	tests := []struct {
		in      string
		wantErr error // nil: valid; errAny: some parse error
	}{
		{"https://example.com/a", nil},
		{"http://example.com", nil},
		{"HTTPS://example.com", nil},
		{"https://example.com/a b", errURLWhitespace},
		{" https://example.com/", errURLWhitespace},
		{"ftp://example.com/a", errURLScheme},
		{"example.com/a", errURLScheme},
		{"javascript:alert(1)", errURLScheme},
		{"https://user:pass@example.com/", errURLUserinfo},
		{"https://user@example.com/", errURLUserinfo},
		{"https:///path", errURLNoHost},
		{"https://:443/", errURLNoHost},
		{"https://%zz/", errAny},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := parseCatalogURL(tt.in)
			switch {
			case tt.wantErr == nil && err != nil:
				t.Errorf("parseCatalogURL(%q) = %v, want no error", tt.in, err)
			case tt.wantErr == errAny && err == nil:
				t.Errorf("parseCatalogURL(%q) = nil, want an error", tt.in)
			case tt.wantErr != nil && tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
				t.Errorf("parseCatalogURL(%q) = %v, want %v", tt.in, err, tt.wantErr)
			}
		})
	}
}

var errAny = errors.New("any error")

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{
		"https://example.com", "HTTP://Example.com:80/a?b#c", "https://[::1]:443/", "https://a/%2F",
		"https://example.com:/", "http://x/a b", "https://h/?", "https://h/#",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeURL(s)
		if err != nil {
			return
		}
		again, err := NormalizeURL(n)
		if err != nil || again != n {
			t.Fatalf("NormalizeURL(%q) = %q, but NormalizeURL(%q) = %q, %v", s, n, n, again, err)
		}
	})
}

func TestIsHTTPSUpgrade(t *testing.T) {
	tests := []struct {
		from, to string
		want     bool
	}{
		{"http://a.test/x", "https://a.test/x", true},
		{"http://a.test/x", "https://A.test/x/", true},
		{"http://a.test/x?q=1", "https://a.test/x?q=1", true},
		{"http://a.test/x", "https://a.test/y", false},
		{"http://a.test/x", "https://b.test/x", false},
		{"http://a.test/x?q=1", "https://a.test/x?q=2", false},
		{"https://a.test/x", "https://a.test/x", false},
		{"https://a.test/x", "http://a.test/x", false},
		{"http://a.test/%zz", "https://a.test/x", false},
	}
	for _, tt := range tests {
		if got := IsHTTPSUpgrade(tt.from, tt.to); got != tt.want {
			t.Errorf("IsHTTPSUpgrade(%q, %q) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}
