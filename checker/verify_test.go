package checker

import (
	"maps"
	"net/http"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestGitHubTargets(t *testing.T) {
	w := fakeweb.New(t)
	api := fakeweb.NewGitHubAPI()
	now := time.Now()
	api.Add(fakeweb.GitHubRepo{FullName: "live/tool", PushedAt: now.AddDate(0, -1, 0)})
	api.Add(fakeweb.GitHubRepo{FullName: "old/archived", Archived: true, PushedAt: time.Date(2023, 12, 21, 8, 0, 0, 0, time.UTC)})
	api.Add(fakeweb.GitHubRepo{FullName: "SWE-bench/SWE-bench", PushedAt: now.AddDate(0, -1, 0)}, "princeton-nlp/SWE-bench")
	w.Handle("api.github.com", api)
	// Each page its own title, as on GitHub: pages of one host sharing a
	// title would make the check ask the site about a made-up path.
	w.Handle("github.com", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fakeweb.Page(r.URL.Path+" · GitHub", "").ServeHTTP(rw, r)
	}))
	w.Handle("docs.example", fakeweb.Page("Docs", ""))

	field := entry("field", "https://docs.example/tool")
	field.GitHub = "live/tool"
	root := entry("root", "https://github.com/old/archived")
	renamedRoot := entry("renamed-root", "https://github.com/princeton-nlp/SWE-bench")
	deep := entry("deep", "https://github.com/princeton-nlp/SWE-bench/tree/main/docs")
	same := entry("same", "https://github.com/live/tool/")
	same.GitHub = "live/tool"
	ignored := entry("ignored", "https://github.com/live/tool/blob/main/x.py")
	ignored.Ignore = &catalog.Ignore{Reason: "later"}
	accepted := entry("accepted", "https://github.com/old/archived/releases")
	accepted.Accept = []catalog.Accept{{Status: status.Stale, Reason: "a classic, finished"}}
	cat := catalogOf(field, root, renamedRoot, deep, same, ignored, accepted)

	c := newChecker(t, testOptions(w))
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(results), c.Plan(cat); got != want {
		t.Errorf("Check emitted %d results, Plan said %d", got, want)
	}
	type key struct {
		id     string
		target result.TargetKind
	}
	got := make(map[key]result.Result)
	for _, r := range results {
		if _, dup := got[key{r.ID, r.Target}]; dup {
			t.Errorf("two %s results for %s", r.Target, r.ID)
		}
		got[key{r.ID, r.Target}] = r
	}
	tests := []struct {
		id       string
		target   result.TargetKind
		want     status.Status
		repo     string
		finalURL string
	}{
		{"field", result.TargetURL, status.OK, "", ""},
		{"field", result.TargetGitHub, status.OK, "live/tool", ""},
		{"root", result.TargetGitHub, status.Stale, "old/archived", ""},
		{"renamed-root", result.TargetGitHub, status.Moved, "princeton-nlp/SWE-bench", "https://github.com/SWE-bench/SWE-bench"},
		{"deep", result.TargetURL, status.OK, "", ""},
		{"deep", result.TargetGitHub, status.Moved, "princeton-nlp/SWE-bench", "https://github.com/SWE-bench/SWE-bench/tree/main/docs"},
		{"same", result.TargetGitHub, status.OK, "live/tool", ""},
		{"ignored", result.TargetURL, status.Skipped, "", ""},
		{"ignored", result.TargetGitHub, status.Skipped, "live/tool", ""},
		{"accepted", result.TargetURL, status.OK, "", ""},
		{"accepted", result.TargetGitHub, status.OK, "old/archived", ""},
	}
	for _, tt := range tests {
		r, ok := got[key{tt.id, tt.target}]
		if !ok {
			t.Errorf("no %s result for %s", tt.target, tt.id)
			continue
		}
		if r.Status != tt.want || r.Repo != tt.repo || r.FinalURL != tt.finalURL {
			t.Errorf("%s %s = %v repo %q final %q (%s), want %v repo %q final %q",
				tt.id, tt.target, r.Status, r.Repo, r.FinalURL, r.Message, tt.want, tt.repo, tt.finalURL)
		}
	}
	for _, k := range []key{{"root", result.TargetURL}, {"renamed-root", result.TargetURL}, {"same", result.TargetURL}} {
		if _, ok := got[k]; ok {
			t.Errorf("%s has a url result: a repository root the API answered is not checked as a page", k.id)
		}
	}
	// Repository roots are never fetched as pages; deeper URLs are.
	for _, r := range w.Log() {
		if r.Host == "github.com" && (r.Path == "/old/archived" || r.Path == "/princeton-nlp/SWE-bench" || r.Path == "/live/tool/") {
			t.Errorf("fetched the repository page %s%s", r.Host, r.Path)
		}
	}
	if n := w.Requests("github.com"); n != 2 {
		t.Errorf("github.com page requests = %d, want 2 (the tree and the releases pages)", n)
	}
	// One request per repository, one more for the rename's redirect.
	if n := w.Requests("api.github.com"); n != 4 {
		t.Errorf("API requests = %d, want 4", n)
	}
}

// A failing API is never evidence about a repository: error, not broken.
func TestGitHubAPIDown(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("api.github.com", fakeweb.Status(http.StatusBadGateway))
	e := entry("e", "https://docs.example/")
	e.GitHub = "a/b"
	w.Handle("docs.example", fakeweb.Page("Docs", ""))
	results, err := run(t, newChecker(t, testOptions(w)), catalogOf(e))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Target == result.TargetGitHub && (r.Status != status.Error || r.Message != "GitHub API unavailable (HTTP 502)" || r.Attempts != 3) {
			t.Errorf("github result = %v %q after %d attempts, want error after 3", r.Status, r.Message, r.Attempts)
		}
	}
}

// A crashed Space still answers its page with 200: the Hub API's result
// says what the page cannot. Hub pages that name no repository are pages
// only.
func TestHuggingFaceTargets(t *testing.T) {
	w := fakeweb.New(t)
	hub := fakeweb.NewHubAPI()
	hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: "board/crashed", Stage: "RUNTIME_ERROR"})
	hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: "board/paused", Stage: "PAUSED"})
	hub.Add(fakeweb.HubRepo{Kind: "models", ID: "meta-llama/Llama-3.1-8B", Gated: "manual"})
	hub.Pages = fakeweb.Page("Hugging Face", "<h1>a page</h1>")
	w.Handle("huggingface.co", hub)
	cat := catalogOf(
		entry("crashed", "https://huggingface.co/spaces/board/crashed"),
		entry("paused", "https://huggingface.co/spaces/board/paused"),
		entry("gated", "https://huggingface.co/meta-llama/Llama-3.1-8B"),
		entry("blog", "https://huggingface.co/blog/rlhf"),
	)
	c := newChecker(t, testOptions(w))
	results, err := run(t, c, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != c.Plan(cat) || len(results) != 7 {
		t.Errorf("Check emitted %d results, Plan said %d, want 7", len(results), c.Plan(cat))
	}
	want := map[string]status.Status{
		"crashed/url": status.OK, "crashed/huggingface": status.Broken,
		"paused/url": status.OK, "paused/huggingface": status.Stale,
		"gated/url": status.OK, "gated/huggingface": status.OK,
		"blog/url": status.OK,
	}
	for _, r := range results {
		k := r.ID + "/" + string(r.Target)
		if st, ok := want[k]; !ok || r.Status != st {
			t.Errorf("%s = %v %q, want %v", k, r.Status, r.Message, st)
		}
		if k == "crashed/huggingface" && (r.Message != "Space is failing: RUNTIME_ERROR" || r.Stage != "RUNTIME_ERROR" || r.Repo != "spaces/board/crashed") {
			t.Errorf("crashed Space = %q, stage %q, repo %q", r.Message, r.Stage, r.Repo)
		}
	}
}

func TestGitHubAPIHasItsOwnSlot(t *testing.T) {
	tests := []struct {
		api, group string
	}{
		{"", "api.github.com"},
		{"https://ghe.example.com/api/v3", "ghe.example.com"},
	}
	for _, tt := range tests {
		o, err := Options{GitHubAPI: tt.api, Hosts: map[string]HostLimit{"ghe.example.com": {Rate: 5}}}.withDefaults()
		if err != nil {
			t.Fatal(err)
		}
		if l := o.hostLimit(tt.group); l.Concurrency != 1 || l.Burst != 1 {
			t.Errorf("hostLimit(%s) with API %q = %+v, want one request at a time", tt.group, tt.api, l)
		}
		if l := o.hostLimit("github.com"); l.Concurrency != DefaultHostConcurrency {
			t.Errorf("hostLimit(github.com) = %+v: the pages keep the default limits", l)
		}
	}
}

// accept: stale keeps a finished classic on the list as ok, saying why.
func TestAcceptStale(t *testing.T) {
	w := fakeweb.New(t)
	api := fakeweb.NewGitHubAPI()
	api.Add(fakeweb.GitHubRepo{FullName: "old/classic", Archived: true, PushedAt: time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)})
	w.Handle("api.github.com", api)
	e := entry("classic", "https://github.com/old/classic")
	e.Accept = []catalog.Accept{{Status: status.Stale, Reason: "archived, still the reference"}}
	results, err := run(t, newChecker(t, testOptions(w)), catalogOf(e))
	if err != nil || len(results) != 1 {
		t.Fatalf("Check = %d results, %v; want 1", len(results), err)
	}
	if r := results[0]; r.Status != status.OK || r.Message != "accepted: archived, still the reference (was stale, HTTP 200)" {
		t.Errorf("accepted stale repository = %v %q", r.Status, r.Message)
	}
}

// TestRepoPageWhenAPISilent: a repository's own page is left to the API
// only when the API answered for it. Rate-limited or down, the API says
// nothing about the repository, so its page is checked like any link.
func TestRepoPageWhenAPISilent(t *testing.T) {
	pages := http.NewServeMux()
	pages.Handle("/live/tool", fakeweb.Page("live/tool", ""))
	pages.Handle("/", fakeweb.Status(http.StatusNotFound))
	tests := []struct {
		name string
		api  http.Handler
		// want is each entry's results by target.
		want map[string]map[result.TargetKind]status.Status
		// pages is how many repository pages are fetched.
		pages int
	}{
		{"rate limit after the first repository", func() http.Handler {
			api := fakeweb.NewGitHubAPI()
			api.Limit = 1
			api.Reset = time.Now().Add(time.Hour)
			api.Add(fakeweb.GitHubRepo{FullName: "live/tool", PushedAt: time.Now().AddDate(0, -1, 0)})
			return api
		}(), map[string]map[result.TargetKind]status.Status{
			"live": {result.TargetGitHub: status.OK},
			"gone": {result.TargetGitHub: status.Blocked, result.TargetURL: status.Broken},
			"same": {result.TargetGitHub: status.Blocked, result.TargetURL: status.Broken},
		}, 1},
		{"API down", fakeweb.Status(http.StatusBadGateway), map[string]map[result.TargetKind]status.Status{
			"live": {result.TargetGitHub: status.Error, result.TargetURL: status.OK},
			"gone": {result.TargetGitHub: status.Error, result.TargetURL: status.Broken},
			"same": {result.TargetGitHub: status.Error, result.TargetURL: status.Broken},
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := fakeweb.New(t)
			w.Handle("api.github.com", tt.api)
			w.Handle("github.com", pages)
			cat := catalogOf(
				entry("live", "https://github.com/live/tool"),
				entry("gone", "https://github.com/gone/repo"),
				entry("same", "https://github.com/gone/repo"), // one page check for both
			)
			results, err := run(t, newChecker(t, testOptions(w)), cat)
			if err != nil {
				t.Fatal(err)
			}
			got := make(map[string]map[result.TargetKind]status.Status)
			for _, r := range results {
				if got[r.ID] == nil {
					got[r.ID] = make(map[result.TargetKind]status.Status)
				}
				got[r.ID][r.Target] = r.Status
			}
			for id, want := range tt.want {
				if !maps.Equal(got[id], want) {
					t.Errorf("%s: results %v, want %v", id, got[id], want)
				}
			}
			pageChecks := 0
			for _, r := range w.Log() {
				if r.Host == "github.com" {
					pageChecks++
				}
			}
			if pageChecks != tt.pages {
				t.Errorf("github.com pages fetched %d times, want %d", pageChecks, tt.pages)
			}
		})
	}
}
