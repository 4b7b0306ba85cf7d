package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// readmeNow is the fixed clock of the documentation's examples: a Monday, when the
// weekly workflow runs.
var readmeNow = time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)

// readmeWeb is the scripted web the documentation's example catalog
// (testdata/readme/resources.yaml) is checked against: one site for each
// finding the examples show.
func readmeWeb(t *testing.T) *fakeweb.Web {
	web := fakeweb.New(t)
	web.Handle("export.arxiv.org", fakeweb.ArxivAPI(map[string]fakeweb.Paper{
		"1706.03762": {Version: 7, Title: "Attention Is All You Need"},
		"2210.03629": {Version: 3, Title: "ReAct: Synergizing Reasoning and Acting in Language Models"},
		"2401.09999": {Version: 2, Title: "A Self-Improving Agent", Comment: "This paper has been withdrawn by the authors"},
		"2303.11366": {Version: 4, Title: "Reflexion: Language Agents with Verbal Reinforcement Learning"},
	}))
	web.Handle("arxiv.org", fakeweb.Page("Attention Is All You Need", "<h1>Attention Is All You Need</h1>"))
	web.Handle("old.example.com", fakeweb.Status(http.StatusNotFound))
	web.Handle("survey.example.org", fakeweb.SoftNotFound())
	lilian := fakeweb.Page("LLM Powered Autonomous Agents | Lil'Log", "<h1>LLM Powered Autonomous Agents</h1>")
	web.Handle("lilianweng.github.io", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.TLS == nil || !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, "https://lilianweng.github.io"+strings.TrimSuffix(r.URL.Path, "/")+"/", http.StatusMovedPermanently)
			return
		}
		lilian.ServeHTTP(w, r)
	}))
	web.Handle("karpathy.medium.com", fakeweb.Status(http.StatusForbidden))
	web.Handle("news.example.net", fakeweb.Challenge())
	board := http.NewServeMux()
	board.Handle("/board", fakeweb.Redirect(http.StatusFound, "/board/v2?cols=model|score&sort=desc"))
	board.Handle("/board/v2", fakeweb.Page("Agent leaderboard", "<h1>Leaderboard</h1>"))
	web.Handle("example.org", board)
	web.Handle("arena.example.org", fakeweb.Status(http.StatusServiceUnavailable))
	web.Handle("swe-agent.com", fakeweb.Page("SWE-agent documentation", "<h1>SWE-agent</h1>"))
	gh := fakeweb.NewGitHubAPI()
	gh.Add(fakeweb.GitHubRepo{FullName: "SWE-agent/SWE-agent", PushedAt: time.Date(2026, 11, 20, 9, 12, 0, 0, time.UTC)})
	gh.Add(fakeweb.GitHubRepo{FullName: "yoheinakajima/babyagi", Archived: true, PushedAt: time.Date(2024, 9, 6, 17, 3, 0, 0, time.UTC)})
	web.Handle("api.github.com", gh)
	// The archive kept the dead post while it lived, and its 404 after;
	// of the survey it kept only the not-found page.
	wb := fakeweb.NewWayback()
	wb.Add("https://old.example.com/posts/agents-2023",
		fakeweb.Capture{At: time.Date(2024, 3, 9, 14, 22, 5, 0, time.UTC), Title: "Agents in 2023"},
		fakeweb.Capture{At: time.Date(2025, 8, 1, 3, 0, 0, 0, time.UTC), Code: http.StatusNotFound, Title: "404 Not Found"})
	wb.Add("https://survey.example.org/agents",
		fakeweb.Capture{At: time.Date(2025, 2, 2, 10, 0, 0, 0, time.UTC), Title: "Page Not Found | Example"})
	web.Handle(fakeweb.WaybackHost, wb)
	return web
}

// readmeHook points the checker at web, with retries that do not make the
// test wait.
func readmeHook(web *fakeweb.Web) func(*checker.Options) {
	return func(o *checker.Options) {
		o.DialContext = web.DialContext
		o.TLSConfig = web.TLSConfig()
		o.AllowPrivate = true
		o.MaxRetryWait = time.Millisecond
	}
}
