package checker

import (
	"fmt"
	"testing"
)

func TestNewRejectsBadOptions(t *testing.T) {
	tests := []Options{
		{Concurrency: -1},
		{HostRate: -2},
		{Hosts: map[string]HostLimit{"Example.com": {}}},
		{Hosts: map[string]HostLimit{"example.com": {Rate: -1}}},
		{Hosts: map[string]HostLimit{"arxiv.org": {Rate: 1}, "export.arxiv.org": {Rate: 2}}},
		{Headers: []Header{{Host: "example.com", Name: "Bad Name", Value: "x"}}},
		{Headers: []Header{{Host: "", Name: "X", Value: "x"}}},
		{Headers: []Header{{Host: "example.com", Name: "X", Value: "a\r\nb"}}},
	}
	for _, o := range tests {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) succeeded, want an error", o)
		}
	}
	c, err := New(Options{})
	if err != nil {
		t.Fatalf("New(zero Options) = %v", err)
	}
	if c.opts.Concurrency != DefaultConcurrency || c.opts.Retries != 0 || c.opts.UserAgent != DefaultUserAgent("") {
		t.Errorf("New(zero Options) kept %+v, want the default limits and no retries", c.opts)
	}
}

// TestDefaultOptionsAreTheDefaults: DefaultOptions is what a zero Options
// becomes, except that it retries; New keeps it as it is.
func TestDefaultOptionsAreTheDefaults(t *testing.T) {
	d := DefaultOptions()
	if d.Retries != DefaultRetries || d.Concurrency != DefaultConcurrency || d.HostRate != DefaultHostRate ||
		d.RequestTimeout != DefaultRequestTimeout || d.MaxRetryWait != DefaultMaxRetryWait {
		t.Errorf("DefaultOptions() = %+v, want the Default constants", d)
	}
	c, err := New(d)
	if err != nil {
		t.Fatalf("New(DefaultOptions()) = %v", err)
	}
	got := c.opts
	got.Now, got.Hosts = nil, nil
	d.Now = nil
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", d) {
		t.Errorf("New(DefaultOptions()) made %+v, want %+v", got, d)
	}
}

// TestHeaderHostMustMatch: a header whose host can never equal a URL's
// host would never be sent; New refuses it rather than drop it silently.
func TestHeaderHostMustMatch(t *testing.T) {
	tests := []struct {
		host string
		ok   bool
	}{
		{"example.com", true},
		{"api.example.com", true},
		{"::1", true},
		{"127.0.0.1", true},
		{"example.com:443", false},
		{"https://example.com", false},
		{"example.com/api", false},
		{"user@example.com", false},
		{"[::1]", false},
		{"", false},
	}
	for _, tt := range tests {
		_, err := New(Options{Headers: []Header{{Host: tt.host, Name: "X-Token", Value: "v"}}})
		if (err == nil) != tt.ok {
			t.Errorf("New with a header for %q: error %v, want ok = %v", tt.host, err, tt.ok)
		}
	}
}
