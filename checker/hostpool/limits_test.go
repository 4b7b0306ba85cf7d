package hostpool

import "testing"

// TestGroupOf: one group per host name, and arXiv's hosts one group.
func TestGroupOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Example.COM", "example.com"},
		{"example.com.", "example.com"},
		{"arxiv.org", ArxivGroup},
		{"www.arxiv.org", ArxivGroup},
		{"Export.ArXiv.org.", ArxivGroup},
		{"blog.arxiv.org", "blog.arxiv.org"},
		{"api.github.com", "api.github.com"},
		{"127.0.0.1", "127.0.0.1"},
		{"::1", "::1"},
	}
	for _, tt := range tests {
		if got := GroupOf(tt.in); got != tt.want {
			t.Errorf("GroupOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := New(Config{}).Group("WWW.arxiv.org"); got != ArxivGroup {
		t.Errorf("a Pool's default Group(WWW.arxiv.org) = %q, want %q", got, ArxivGroup)
	}
}

// TestLimitsOf: the run's default, a site's policy, then the run's
// override, each replacing only the fields it sets.
func TestLimitsOf(t *testing.T) {
	run := Limits{
		Default:   Limit{Rate: 5, Burst: 3, Concurrency: 4},
		Sites:     map[string]Limit{"api.github.com": {Burst: 1, Concurrency: 1}},
		Overrides: map[string]Limit{"slow.example": {Rate: 0.5}, "api.github.com": {Rate: 1, Concurrency: 2}},
	}
	tests := []struct {
		name   string
		limits Limits
		group  string
		want   Limit
	}{
		{"nothing set", Limits{}, "example.com", DefaultLimit()},
		{"part of a default", Limits{Default: Limit{Rate: 9}}, "example.com", Limit{Rate: 9, Burst: DefaultBurst, Concurrency: DefaultInFlight}},
		{"run default", run, "example.com", Limit{Rate: 5, Burst: 3, Concurrency: 4}},
		{"override", run, "slow.example", Limit{Rate: 0.5, Burst: 3, Concurrency: 4}},
		{"site policy, then the override", run, "api.github.com", Limit{Rate: 1, Burst: 1, Concurrency: 2}},
		{"arXiv's policy beats the default", run, ArxivGroup, ArxivLimit()},
		{"the Wayback Machine's pace beats the default", run, WaybackGroup, Limit{Rate: 1, Burst: 1, Concurrency: 2}},
		{"the Wayback Machine overridden", Limits{Overrides: map[string]Limit{WaybackGroup: {Rate: 0.5}}}, WaybackGroup, Limit{Rate: 0.5, Burst: 1, Concurrency: 2}},
		{"arXiv overridden", Limits{Overrides: map[string]Limit{ArxivGroup: {Concurrency: 2}}}, ArxivGroup, Limit{Rate: 1.0 / 3, Burst: 1, Concurrency: 2}},
	}
	for _, tt := range tests {
		if got := tt.limits.Of(tt.group); got != tt.want {
			t.Errorf("%s: Of(%s) = %+v, want %+v", tt.name, tt.group, got, tt.want)
		}
	}
}
