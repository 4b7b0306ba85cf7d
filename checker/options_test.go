package checker

import "testing"

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
	if c.opts.Concurrency != DefaultConcurrency || c.opts.Retries != DefaultRetries || c.opts.UserAgent != DefaultUserAgent("") {
		t.Errorf("New(zero Options) kept %+v, want the defaults", c.opts)
	}
}
