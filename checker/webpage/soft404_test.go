package webpage

import (
	"net/url"
	"strings"
	"testing"
)

func TestNotFoundPage(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"404", true},
		{"Page not found", true},
		{"404 Not Found | Site", true},
		{"Not Found – Site", true},
		{"Page Not Found | Example", true},
		{"Error 404", true},
		{"404 - Page Not Found", true},
		{"404: Page not found", true},
		{"Oops! That page can’t be found.", true},
		{"Sorry, this page does not exist", true},
		{"Page not found – Quiet Notes Blog", true},
		{"404: This page could not be found.", true},
		{"404 Page | Quiet Notes", true},
		{"Sorry, we couldn't find that page", true},
		{"Error 404 (Not Found)!!1", true},
		{"HTTP Error 404", true},
		{"HTTP 404 Not Found", true},
		{"HTTP Status 404 – Not Found", true},
		{"Seite nicht gefunden – Beispiel", true},
		{"页面不存在", true},
		{"404 - ページが見つかりません", true},

		{"404 Media", false},
		{"OpenAI Is Training Agents on Your Browsing | 404 Media", false},
		{"When the Answer Is Not Found in the Context: Diagnosing RAG Failures", false},
		{"Error 404: A Short History of the Web's Most Famous Status Code", false},
		{"Error 404 – A Short History of the Web's Most Famous Status Code", false},
		{"HTTP 404 - Wikipedia", false},
		{"HTTP 404 | MDN", false},
		{"Not Found – A Novel About Search Engines and the People Who Build Them | Books", false},
		{"Lost? – Quiet Notes", false},
		{"Error", false},
		{"Page", false},
		{"We couldn't find that page for years: a memoir", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := notFoundPage(tt.text); got != tt.want {
			t.Errorf("notFoundPage(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestMadeUpURL(t *testing.T) {
	tests := []struct{ page, dir, end string }{
		{"https://a.example/posts/x", "https://a.example/posts/lc", ""},
		{"https://a.example/docs/a/", "https://a.example/docs/lc", "/"},
		{"https://a.example/x", "https://a.example/lc", ""},
		{"https://a.example/", "https://a.example/lc", ""},
		{"http://a.example:8080/a/b/c.html?q=1", "http://a.example:8080/a/b/lc", ""},
		{"https://a.example/caf%C3%A9%20bar/x", "https://a.example/caf%C3%A9%20bar/lc", ""},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.page)
		got := madeUpURL(u).String()
		rest, ok := strings.CutPrefix(got, tt.dir)
		if !ok || !strings.HasSuffix(rest, tt.end) || len(strings.TrimSuffix(rest, tt.end)) < 20 || strings.Contains(strings.TrimSuffix(rest, tt.end), "/") {
			t.Errorf("madeUpURL(%s) = %s, want %s<20+ random characters>%s", tt.page, got, tt.dir, tt.end)
		}
	}
	u, _ := url.Parse("https://a.example/posts/x")
	if a, b := madeUpURL(u).String(), madeUpURL(u).String(); a == b {
		t.Errorf("madeUpURL gave %s twice, want a new path each time", a)
	}
}

func TestSuspicious(t *testing.T) {
	tests := []struct {
		url, title, h1, catalogTitle string
		want                         bool
	}{
		// Words that read as not-found make any page suspicious.
		{"https://a.example/", "404 Media", "", "", true},
		{"https://a.example/x", "When the Answer Is Not Found in the Context", "", "", true},
		// A descriptive slug answered with a page that names none of it.
		{"https://a.example/posts/why-agents-forget", "Lost? – Quiet Notes", "Lost?", "Why agents forget", true},
		{"https://a.example/2023/05/tidy-logs-at-scale/", "Quiet Notes", "", "", true},
		// A slug that shares a word with the site's name only: the name
		// is on every page of the site, its template's included.
		{"https://quiet.example/posts/notes-on-tidy-logs", "Lost? – Quiet Notes", "Lost?", "Notes on tidy logs", true},
		{"https://a.example/posts/notes-on-tidy-logs", "Quiet Notes · Lost?", "", "", true},
		{"https://a.example/posts/notes-on-tidy-logs", "Lost? | Quiet Notes", "Quiet Notes", "", true},
		// A page about its slug or its catalog title.
		{"https://a.example/posts/why-agents-forget", "Why Agents Forget – Quiet Notes", "", "", false},
		{"https://quiet.example/posts/notes-on-tidy-logs", "Notes on Tidy Logs – Quiet Notes", "", "", false},
		{"https://quiet.example/posts/notes-on-tidy-logs", "Quiet Notes – Notes on Tidy Logs", "Quiet Notes", "", false},
		{"https://a.example/posts/2023-06-23-agent/", "LLM Powered Autonomous Agents | Lil'Log", "", "", false},
		{"https://a.example/engineering/bea-final-draft", "Building Effective Agents \\ Anthropic", "", "Building effective agents", false},
		// Home pages, opaque and one-word slugs: words cannot tell.
		{"https://a.example/en/", "Welcome", "", "", false},
		{"https://a.example/p/8123", "A page", "", "", false},
		{"https://a.example/software-2-0-a64152b37c35", "Medium", "", "", false},
		{"https://a.example/basket", "Shop", "", "", false},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		page := pageShape{u: u, title: tt.title, h1: tt.h1, size: -1}
		if got := suspicious(u, page, []string{tt.catalogTitle}); got != tt.want {
			t.Errorf("suspicious(%s, %q, %q, catalog %q) = %v, want %v", tt.url, tt.title, tt.h1, tt.catalogTitle, got, tt.want)
		}
	}
}

func TestSameShape(t *testing.T) {
	shape := func(raw, title, h1 string, size int64) pageShape {
		u, _ := url.Parse(raw)
		return pageShape{u: u, title: title, h1: h1, size: size}
	}
	made := "https://a.example/posts/lcq2w3e4r5t6y7u8i9o0p1a2s3"
	tests := []struct {
		name string
		a, b pageShape
		want bool
	}{
		{"one template", shape("https://a.example/posts/why-agents-forget", "Lost? – Quiet Notes", "Lost?", 2048), shape(made, "Lost? – Quiet Notes", "Lost?", 2010), true},
		{"a template naming its path", shape("https://a.example/posts/why-agents-forget", "No post at why-agents-forget", "", -1), shape(made, "No post at lcq2w3e4r5t6y7u8i9o0p1a2s3", "", -1), true},
		{"another title", shape("https://a.example/posts/why-agents-forget", "Why Agents Forget – Quiet Notes", "Why agents forget", 9000), shape(made, "Lost? – Quiet Notes", "Lost?", 2048), false},
		{"another heading", shape("https://a.example/posts/why-agents-forget", "Quiet Notes", "Why agents forget", 2048), shape(made, "Quiet Notes", "Lost?", 2048), false},
		{"another size", shape("https://a.example/posts/why-agents-forget", "Quiet Notes", "", 40000), shape(made, "Quiet Notes", "", 2048), false},
		{"nothing to compare", shape("https://a.example/posts/why-agents-forget", "", "", -1), shape(made, "", "", -1), false},
	}
	for _, tt := range tests {
		if got := sameShape(tt.a, tt.b); got != tt.want {
			t.Errorf("sameShape(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
