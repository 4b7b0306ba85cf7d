package github

import (
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

func TestClaims(t *testing.T) {
	type want struct {
		key, repo, prefix string
		covers            bool
	}
	tests := []struct {
		name, github, url string
		want              []want
	}{
		{"field", "SWE-bench/SWE-bench", "https://www.swebench.com/", []want{{"swe-bench/swe-bench", "SWE-bench/SWE-bench", "", false}}},
		{"root URL", "", "https://github.com/noahshinn/reflexion", []want{{"noahshinn/reflexion", "noahshinn/reflexion", "https://github.com/noahshinn/reflexion", true}}},
		{"root URL with slash and query", "", "https://github.com/a/b/?tab=readme-ov-file", []want{{"a/b", "a/b", "https://github.com/a/b", true}}},
		{"www", "", "https://www.github.com/a/b", []want{{"a/b", "a/b", "https://www.github.com/a/b", true}}},
		{".git", "", "https://github.com/a/b.git", []want{{"a/b", "a/b", "https://github.com/a/b.git", true}}},
		{"tree", "", "https://github.com/rasbt/LLMs-from-scratch/tree/main/ch05", []want{{"rasbt/llms-from-scratch", "rasbt/LLMs-from-scratch", "https://github.com/rasbt/LLMs-from-scratch", false}}},
		{"blob", "", "https://github.com/a/b/blob/main/README.md", []want{{"a/b", "a/b", "https://github.com/a/b", false}}},
		{"releases", "", "https://github.com/a/b/releases/tag/v1.0", []want{{"a/b", "a/b", "https://github.com/a/b", false}}},
		{"http root is a page too", "", "http://github.com/a/b", []want{{"a/b", "a/b", "http://github.com/a/b", false}}},
		{"field and its root URL are one", "A/B", "https://github.com/a/b", []want{{"a/b", "A/B", "https://github.com/a/b", true}}},
		{"field and another repository", "a/b", "https://github.com/c/d/tree/x", []want{
			{"a/b", "a/b", "", false}, {"c/d", "c/d", "https://github.com/c/d", false}}},

		{"issues are pages", "", "https://github.com/a/b/issues/12", nil},
		{"wiki is a page", "", "https://github.com/a/b/wiki", nil},
		{"owner page", "", "https://github.com/karpathy", nil},
		{"topics", "", "https://github.com/topics/llm", nil},
		{"orgs", "", "https://github.com/orgs/huggingface/repositories", nil},
		{"marketplace", "", "https://github.com/marketplace/actions/checkout", nil},
		{"gist", "", "https://gist.github.com/karpathy/abc123", nil},
		{"github.io", "", "https://lilianweng.github.io/posts/x/", nil},
		{"github.blog", "", "https://github.blog/2024-01-01-x/", nil},
		{"other port", "", "https://github.com:8443/a/b", nil},
		{"bad owner", "", "https://github.com/-a/b", nil},
		{"bad field", "not a repo", "", nil},
		{"no URL", "", "", nil},
	}
	c := New(Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Claims(&catalog.Resource{ID: "e", GitHub: tt.github, URL: tt.url})
			if len(got) != len(tt.want) {
				t.Fatalf("Claims(github %q, url %q) = %+v, want %d claims", tt.github, tt.url, got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Target != (verifier.Target{Kind: Kind, Key: w.key}) || g.Repo != w.repo || g.URLPrefix != w.prefix || g.CoversURL != w.covers {
					t.Errorf("Claims(github %q, url %q)[%d] = %+v, want %+v", tt.github, tt.url, i, g, w)
				}
			}
		})
	}
}
