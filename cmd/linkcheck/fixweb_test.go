package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// fixWeb is the fake web the fix scripts check their catalogs against:
// one host for each kind of finding, and arXiv.
func fixWeb(t *testing.T) *fakeweb.Web {
	web := fakeweb.New(t)
	retired := http.NewServeMux()
	retired.Handle("/deep/page", fakeweb.Redirect(http.StatusMovedPermanently, "/"))
	retired.Handle("/", fakeweb.Page("Home", "<h1>home</h1>"))
	for host, h := range map[string]http.Handler{
		"old.test":     fakeweb.Redirect(http.StatusMovedPermanently, "https://new.test/post"),
		"new.test":     fakeweb.Page("A moved post", "<h1>moved</h1>"),
		"sec.test":     fakeweb.Redirect(http.StatusMovedPermanently, "http://plain.test/p"),
		"plain.test":   fakeweb.Page("Downgraded", "<h1>http</h1>"),
		"temp.test":    fakeweb.Redirect(http.StatusFound, "https://fine.test/elsewhere"),
		"retired.test": retired,
		"dead.test":    fakeweb.Status(http.StatusNotFound),
		"fine.test":    fakeweb.Page("Fine", "<h1>fine</h1>"),
		// Moves onto an address another entry already has.
		"dup.test": fakeweb.Redirect(http.StatusMovedPermanently, "https://fine.test/page"),
	} {
		web.Handle(host, h)
	}
	// Renamed repositories, for fix_rename.
	pushed := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	gh := fakeweb.NewGitHubAPI()
	gh.Add(fakeweb.GitHubRepo{FullName: "new-owner/tool", PushedAt: pushed}, "old-owner/tool")
	gh.Add(fakeweb.GitHubRepo{FullName: "new-owner/lib", PushedAt: pushed}, "old-owner/lib")
	web.Handle("api.github.com", gh)
	// An archive that kept none of these pages.
	web.Handle(fakeweb.WaybackHost, fakeweb.NewWayback())
	hub := fakeweb.NewHubAPI()
	hub.Add(fakeweb.HubRepo{Kind: "datasets", ID: "new-org/bench"}, "old-org/bench")
	hub.Pages = fakeweb.Page("A dataset", "<h1>dataset</h1>")
	web.Handle("huggingface.co", hub)
	web.Handle("export.arxiv.org", fakeweb.ArxivAPI(map[string]fakeweb.Paper{
		"1706.03762": {Version: 7, Title: "Attention Is All You Need"},
		"2302.04761": {Version: 1, Title: "Toolformer: Language Models Can Teach Themselves to Use Tools and APIs"},
		"2210.03629": {Version: 1, Title: "A Survey of Large Language Models"},
		// Published papers, for fix_published: with a journal reference
		// and a DOI, with a DOI only, with neither.
		"2303.11366": {Version: 4, Title: "Reflexion: Language Agents with Verbal Reinforcement Learning",
			JournalRef: "NeurIPS 2023", DOI: "10.5555/3666122.3666499"},
		"2005.14165": {Version: 4, Title: "Language Models are Few-Shot Learners", DOI: "10.5555/3495724.3495883"},
		"2201.11903": {Version: 6, Title: "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models"},
		"2305.10601": {Version: 2, Title: "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
			JournalRef: "NeurIPS 2023", DOI: "10.5555/3666122.3666639"},
	}))
	return web
}

// fakecheckCmd is the script command "fakecheck CATALOG RESULTS [FLAG...]": it runs
// linkcheck check in-process against web and saves the JSON run, so that
// the scripts fix from results the real checker produced.
func fakecheckCmd(web *fakeweb.Web) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) < 2 {
			ts.Fatalf("usage: fakecheck CATALOG RESULTS [FLAG...]")
		}
		var out, errb strings.Builder
		now, err := time.Parse(time.DateOnly, ts.Getenv("LINKCHECK_TEST_NOW"))
		if err != nil {
			ts.Fatalf("LINKCHECK_TEST_NOW: %v", err)
		}
		argv := append([]string{"check", "--catalog", ts.MkAbs(args[0]),
			"--format", "json", "--output", ts.MkAbs(args[1])}, args[2:]...)
		code := run(context.Background(), argv, env{
			In: strings.NewReader(""), Out: &out, Err: &errb,
			Getenv: func(string) string { return "" },
			Now:    func() time.Time { return now },
			Hook: func(o *checker.Options) {
				o.DialContext = web.DialContext
				o.TLSConfig = web.TLSConfig()
				o.AllowPrivate = true
				o.RequestTimeout = 10 * time.Second
			},
		})
		if (code != exitOK && code != exitFailing) != neg {
			ts.Fatalf("linkcheck check exited %d\n%s%s", code, out.String(), errb.String())
		}
	}
}
