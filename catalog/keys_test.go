package catalog

import "testing"

func TestSuggest(t *testing.T) {
	tests := []struct {
		key, want string
	}{
		{"titel", "title"},
		{"Title", "title"},
		{"TITLE", "title"},
		{"ur", "url"},
		{"urls", "url"},
		{"tag", "tags"},
		{"alternate", "alternates"},
		{"github_repo", ""},
		{"Github", "github"},
		{"arXiv", "arxiv"},
		{"xy", ""},
		{"year", ""},
		{"description", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.key, resourceKeys); got != tt.want {
			t.Errorf("suggest(%q, resourceKeys) = %q, want %q", tt.key, got, tt.want)
		}
	}
	for _, tt := range []struct{ key, want string }{
		{"hostRate", "host_rate"},
		{"host-concurrency", "host_concurrency"},
		{"requestTimeout", "request_timeout"},
		{"retrys", "retries"},
	} {
		if got := suggest(tt.key, settingsKeys); got != tt.want {
			t.Errorf("suggest(%q, settingsKeys) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"title", "title", 0},
		{"titel", "title", 2}, {"kitten", "sitting", 3}, {"url", "ur", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestIsKebab(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "gpt-4": true, "attention-is-all-you-need": true, "2023-report": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "a_b": false, "a b": false, "é": false,
	} {
		if got := isKebab(s); got != want {
			t.Errorf("isKebab(%q) = %v, want %v", s, got, want)
		}
	}
}
