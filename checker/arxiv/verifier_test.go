package arxiv

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// TestVerifierClaims: an entry's arXiv ID is a paper compared with its
// title; an arxiv.org link to another paper is the URL's own result; a
// link to the entry's own paper and an ID that does not parse are no
// claim.
func TestVerifierClaims(t *testing.T) {
	tests := []struct {
		name string
		r    catalog.Resource
		want string
	}{
		{"paper", catalog.Resource{Title: "T", Arxiv: "1706.03762v5", URL: "https://example.com/"}, "paper:1706.03762v5/T"},
		{"own link", catalog.Resource{Title: "T", Arxiv: "1706.03762", URL: "https://arxiv.org/pdf/1706.03762v2"}, "paper:1706.03762/T"},
		{"another paper's link", catalog.Resource{Title: "T", Arxiv: "1706.03762", URL: "https://arxiv.org/abs/2303.18223v3"}, "url:2303.18223v3/ paper:1706.03762/T"},
		{"link alone", catalog.Resource{Title: "T", URL: "https://arxiv.org/abs/2303.18223"}, "url:2303.18223/"},
		{"bad ID, link", catalog.Resource{Title: "T", Arxiv: "nonsense", URL: "https://arxiv.org/abs/2303.18223"}, "url:2303.18223/"},
		{"bad ID", catalog.Resource{Title: "T", Arxiv: "nonsense"}, ""},
		{"no paper", catalog.Resource{Title: "T", URL: "https://example.com/"}, ""},
	}
	v := NewVerifier(nil)
	for _, tt := range tests {
		var got []string
		for _, cl := range v.Claims(&tt.r) {
			kind := "paper"
			if cl.IsURL {
				kind = "url"
			}
			if cl.Target.Kind != Kind || cl.Paper != cl.Target.Key || cl.CoversURL {
				t.Errorf("%s: claim %+v, want kind %s, Paper = Key, not covering the URL", tt.name, cl, Kind)
			}
			got = append(got, fmt.Sprintf("%s:%s/%s", kind, cl.Target.Key, cl.Target.Title))
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: Claims = %q, want %q", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}
