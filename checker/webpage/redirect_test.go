package webpage

import (
	"net/url"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestJudgeChain(t *testing.T) {
	tests := []struct {
		name  string
		orig  string
		hops  []result.Hop
		final string
		want  status.Status
		msg   string
	}{
		{"no hops", "https://a.example/x", nil, "https://a.example/x", status.OK, ""},
		{"301", "https://a.example/x", []result.Hop{{URL: "https://a.example/x", Code: 301}}, "https://b.example/x", status.Moved, "moved permanently (301)"},
		{"302 then 308", "https://a.example/x", []result.Hop{{URL: "https://a.example/x", Code: 302}, {URL: "https://a.example/y", Code: 308}}, "https://a.example/z", status.Moved, "(308)"},
		{"302", "https://a.example/x", []result.Hop{{URL: "https://a.example/x", Code: 302}}, "https://a.example/y", status.Redirected, "redirected (302)"},
		{"307", "https://a.example/x", []result.Hop{{URL: "https://a.example/x", Code: 307}}, "https://a.example/y", status.Redirected, "(307)"},
		{"meta", "https://a.example/x", []result.Hop{{URL: "https://a.example/x", Code: 200}}, "https://a.example/y", status.Redirected, "meta refresh"},
		{"https upgrade by 302", "http://a.example/x", []result.Hop{{URL: "http://a.example/x", Code: 302}}, "https://a.example/x", status.Moved, "use https://a.example/x"},
		{"https upgrade then temp", "http://a.example/x", []result.Hop{{URL: "http://a.example/x", Code: 307}, {URL: "https://a.example/x", Code: 302}}, "https://a.example/y", status.Moved, "use https://a.example/x"},
		{"other host is no upgrade", "http://a.example/x", []result.Hop{{URL: "http://a.example/x", Code: 302}}, "https://b.example/x", status.Redirected, ""},
		{"deep to root", "https://a.example/post/1", []result.Hop{{URL: "https://a.example/post/1", Code: 301}}, "https://a.example/", status.Broken, "home page"},
		{"deep to other root", "https://a.example/post/1", []result.Hop{{URL: "https://a.example/post/1", Code: 302}}, "https://b.example", status.Broken, "home page"},
		{"deep to /404", "https://a.example/post", []result.Hop{{URL: "https://a.example/post", Code: 302}}, "https://a.example/404", status.Broken, "catch-all page /404"},
		{"deep to locale", "https://a.example/docs/x", []result.Hop{{URL: "https://a.example/docs/x", Code: 302}}, "https://a.example/en-us/", status.Broken, "catch-all"},
		{"deep to word", "https://a.example/docs", []result.Hop{{URL: "https://a.example/docs", Code: 302}}, "https://a.example/ok", status.Redirected, ""},
		{"root to locale", "https://a.example/", []result.Hop{{URL: "https://a.example/", Code: 302}}, "https://a.example/en/", status.Redirected, ""},
		{"trailing slash", "https://a.example/en", []result.Hop{{URL: "https://a.example/en", Code: 301}}, "https://a.example/en/", status.Moved, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig, _ := url.Parse(tt.orig)
			final, _ := url.Parse(tt.final)
			got, msg := judgeChain(orig, tt.hops, final)
			if got != tt.want || !strings.Contains(msg, tt.msg) {
				t.Errorf("judgeChain(%s, %v, %s) = %v, %q; want %v, %q", tt.orig, tt.hops, tt.final, got, msg, tt.want, tt.msg)
			}
		})
	}
}

func TestFirstMethod(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://a.example/post", "GET"},
		{"https://a.example/", "GET"},
		{"https://a.example/paper.PDF", "HEAD"},
		{"https://a.example/data/train.parquet?x=1", "HEAD"},
		{"https://arxiv.org/pdf/1706.03762", "HEAD"},
		{"https://arxiv.org/abs/1706.03762", "GET"},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		if got := firstMethod(u); got != tt.want {
			t.Errorf("firstMethod(%s) = %s, want %s", tt.url, got, tt.want)
		}
	}
}
