package huggingface

import (
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

func TestClaims(t *testing.T) {
	tests := []struct {
		url, repo, prefix string
	}{
		{"https://huggingface.co/spaces/mteb/leaderboard", "spaces/mteb/leaderboard", "https://huggingface.co/spaces/mteb/leaderboard"},
		{"https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard", "spaces/open-llm-leaderboard/open_llm_leaderboard", "https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard"},
		{"https://huggingface.co/spaces/lmarena-ai/arena-leaderboard/discussions/12", "spaces/lmarena-ai/arena-leaderboard", "https://huggingface.co/spaces/lmarena-ai/arena-leaderboard"},
		{"https://huggingface.co/meta-llama/Llama-3.1-8B", "meta-llama/Llama-3.1-8B", "https://huggingface.co/meta-llama/Llama-3.1-8B"},
		{"https://huggingface.co/bert-base-uncased/tree/main", "", ""}, // a legacy model without owner: "tree" is no name of it
		{"https://huggingface.co/google-bert/bert-base-uncased/blob/main/config.json", "google-bert/bert-base-uncased", "https://huggingface.co/google-bert/bert-base-uncased"},
		{"https://huggingface.co/datasets/princeton-nlp/SWE-bench_Verified", "datasets/princeton-nlp/SWE-bench_Verified", "https://huggingface.co/datasets/princeton-nlp/SWE-bench_Verified"},
		{"http://www.huggingface.co/datasets/a/b?row=3#top", "datasets/a/b", "http://www.huggingface.co/datasets/a/b"},

		// The Hub's own sections are pages.
		{"https://huggingface.co/blog/rlhf", "", ""},
		{"https://huggingface.co/blog/open-llm-leaderboard-mmlu", "", ""},
		{"https://huggingface.co/blog", "", ""},
		{"https://huggingface.co/docs/peft/index", "", ""},
		{"https://huggingface.co/papers/1706.03762", "", ""},
		{"https://huggingface.co/learn/nlp-course/chapter1/1", "", ""},
		{"https://huggingface.co/collections/meta-llama/llama-31-669fc079a0c406a149a5738f", "", ""},
		{"https://huggingface.co/posts/clem/123456", "", ""},
		{"https://huggingface.co/organizations/huggingface/share/x", "", ""},
		{"https://huggingface.co/tasks/text-generation", "", ""},
		{"https://huggingface.co/models?sort=trending", "", ""},
		{"https://huggingface.co/spaces", "", ""},
		{"https://huggingface.co/spaces/mteb", "", ""},
		{"https://huggingface.co/datasets/squad", "", ""}, // kind unclear without an owner: the page decides
		{"https://huggingface.co/karpathy", "", ""},       // a profile
		{"https://huggingface.co/a/b/settings", "", ""},   // not a page that names the repository for sure
		{"https://hf.co/spaces/a/b", "", ""},
		{"https://huggingface.co:8443/a/b", "", ""},
		{"https://huggingface.com/a/b", "", ""},
	}
	c := New(Config{})
	for _, tt := range tests {
		got := c.Claims(&catalog.Resource{ID: "e", URL: tt.url})
		switch {
		case tt.repo == "" && len(got) != 0:
			t.Errorf("Claims(%s) = %+v, want none", tt.url, got)
		case tt.repo == "":
		case len(got) != 1 || got[0].Repo != tt.repo || got[0].Target.Key != tt.repo || got[0].Target.Kind != Kind || got[0].URLPrefix != tt.prefix || got[0].CoversURL:
			t.Errorf("Claims(%s) = %+v, want %s with prefix %s, page still checked", tt.url, got, tt.repo, tt.prefix)
		}
	}
}
