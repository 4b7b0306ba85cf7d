package arxiv

import (
	"net/url"
	"testing"
	"time"
)

func TestQueryURL(t *testing.T) {
	tests := []struct {
		base string
		keys []string
		want string
	}{
		{"https://export.arxiv.org/api/query", []string{"1706.03762"}, "https://export.arxiv.org/api/query?id_list=1706.03762&start=0&max_results=1"},
		{"http://h/api/query", []string{"1706.03762", "hep-th/9901001", "2303.11366v1"}, "http://h/api/query?id_list=1706.03762,hep-th/9901001,2303.11366v1&start=0&max_results=3"},
		{"http://h/q?key=x", []string{"1706.03762"}, "http://h/q?key=x&id_list=1706.03762&start=0&max_results=1"},
	}
	for _, tt := range tests {
		c := New(Config{BaseURL: tt.base})
		got := c.queryURL(tt.keys)
		if got != tt.want {
			t.Errorf("queryURL(%q) = %q, want %q", tt.keys, got, tt.want)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("queryURL(%q) is no URL: %v", tt.keys, err)
		}
	}
}

func TestNewDefaults(t *testing.T) {
	tests := []struct {
		name            string
		cfg             Config
		batch, retries  int
		maxWait         time.Duration
		userAgent, base string
	}{
		{"zero", Config{}, DefaultBatchSize, DefaultRetries, DefaultMaxRetryWait, DefaultUserAgent, DefaultBaseURL},
		{"batch capped", Config{BatchSize: 500}, DefaultBatchSize, DefaultRetries, DefaultMaxRetryWait, DefaultUserAgent, DefaultBaseURL},
		{"set", Config{BatchSize: 20, Retries: 5, MaxRetryWait: time.Second, UserAgent: "x", BaseURL: "http://h/q"}, 20, 5, time.Second, "x", "http://h/q"},
		{"no retries", Config{Retries: -1}, DefaultBatchSize, 0, DefaultMaxRetryWait, DefaultUserAgent, DefaultBaseURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.cfg)
			got := c.cfg
			if got.BatchSize != tt.batch || got.Retries != tt.retries || got.MaxRetryWait != tt.maxWait || got.UserAgent != tt.userAgent || got.BaseURL != tt.base {
				t.Errorf("New(%+v) config = batch %d, retries %d, max wait %v, UA %q, base %q; want %d, %d, %v, %q, %q",
					tt.cfg, got.BatchSize, got.Retries, got.MaxRetryWait, got.UserAgent, got.BaseURL, tt.batch, tt.retries, tt.maxWait, tt.userAgent, tt.base)
			}
			if c.pool == nil || c.now == nil || c.http == nil {
				t.Errorf("New(%+v) left the pool, clock or HTTP client nil", tt.cfg)
			}
		})
	}
}
