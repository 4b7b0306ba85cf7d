package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

const reposCatalog = `version: 1
settings:
  stale_after: 365d
sections:
  - id: tools
    title: Tools
    resources:
      - id: archived-tool
        title: An archived tool
        kind: repo
        url: https://github.com/old/archived
      - id: quiet-tool
        title: A tool without a push for 500 days
        kind: tool
        url: https://quiet.test/
        github: quiet/tool
`

// The token comes from the environment variable --github-token-env names,
// reaches the GitHub API alone, and is never printed; stale fails a run
// only when --fail-on says so; the catalog's stale_after applies unless
// --stale-after is given.
func TestRepositoryChecks(t *testing.T) {
	const token = "ghp_s3cretTokenValue"
	c := newCLI(t)
	api := fakeweb.NewGitHubAPI()
	api.Token = token
	api.Add(fakeweb.GitHubRepo{FullName: "old/archived", Archived: true, PushedAt: time.Date(2023, 12, 21, 8, 0, 0, 0, time.UTC)})
	api.Add(fakeweb.GitHubRepo{FullName: "quiet/tool", PushedAt: time.Now().AddDate(0, 0, -500)})
	c.web.Handle("api.github.com", api)
	c.web.Handle("quiet.test", fakeweb.Page("A quiet tool", "<h1>tool</h1>"))
	c.web.Handle("github.com", fakeweb.Page("never fetched", ""))
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), reposCatalog)
	c.env["CI_GH_TOKEN"] = token

	code, stdout, stderr := c.run("check", "--github-token-env", "CI_GH_TOKEN", "--format", "json")
	if code != exitOK {
		t.Fatalf("check exited %d, want 0: stale does not fail by default\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{`"target": "github"`, `"status": "stale"`, `"repo": "quiet/tool"`, `"pushed_at": "2023-12-21"`, `"stale": 2`,
		"archived on GitHub (last push 2023-12-21)", "(more than 365 days)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check --format json lacks %s:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout+stderr, token) {
		t.Errorf("the token was printed:\n%s\n%s", stdout, stderr)
	}
	// With a token, one GraphQL query answers for both repositories.
	if auth := api.Authorizations(); !slices.Equal(auth, []string{"Bearer " + token}) || api.GraphQLRequests() != 1 {
		t.Errorf("Authorization at the API = %q (%d GraphQL requests), want the token on one query", auth, api.GraphQLRequests())
	}
	for _, r := range c.web.Log() {
		if r.Host == "github.com" {
			t.Errorf("fetched the repository page %s%s: the API answered for it", r.Host, r.Path)
		}
	}

	code, stdout, _ = c.run("check", "--fail-on", "broken,stale", "--stale-after", "600d")
	if code != exitFailing {
		t.Errorf("check --fail-on broken,stale exited %d, want %d", code, exitFailing)
	}
	if !strings.Contains(stdout, "1 stale") {
		t.Errorf("with --stale-after 600d only the archived repository is stale; got:\n%s", stdout)
	}

	code, _, stderr = c.run("check", "--stale-after", "2y")
	if code != exitInvalid || !strings.Contains(stderr, "stale-after") {
		t.Errorf("check --stale-after 2y exited %d (%s), want %d naming the flag", code, stderr, exitInvalid)
	}
}

const spacesCatalog = `version: 1
sections:
  - id: boards
    title: Leaderboards
    resources:
      - id: crashed-board
        title: A crashed leaderboard
        kind: leaderboard
        url: https://huggingface.co/spaces/board/crashed
      - id: hf-blog
        title: A blog post
        kind: post
        url: https://huggingface.co/blog/rlhf
`

// A crashed Space fails the run although its page answers 200; the
// optional Hugging Face token goes to the Hub alone and is never printed.
func TestSpaceChecks(t *testing.T) {
	const token = "hf_s3cretTokenValue"
	c := newCLI(t)
	hub := fakeweb.NewHubAPI()
	hub.Token = token
	hub.Add(fakeweb.HubRepo{Kind: "spaces", ID: "board/crashed", Stage: "RUNTIME_ERROR"})
	hub.Pages = fakeweb.Page("Hugging Face", "<h1>page</h1>")
	c.web.Handle("huggingface.co", hub)
	writeFile(t, filepath.Join(c.dir, "resources.yaml"), spacesCatalog)
	c.env["HF_TOKEN"] = token
	code, stdout, stderr := c.run("check", "--format", "github")
	if code != exitFailing {
		t.Fatalf("check exited %d, want %d for the crashed Space\n%s\n%s", code, exitFailing, stdout, stderr)
	}
	if !strings.Contains(stdout, "crashed-board: huggingface:spaces/board/crashed — Space is failing: RUNTIME_ERROR") {
		t.Errorf("no annotation for the crashed Space:\n%s", stdout)
	}
	if strings.Contains(stdout+stderr, token) {
		t.Errorf("the token was printed:\n%s\n%s", stdout, stderr)
	}
	if auth := hub.Authorizations(); !slices.Equal(auth, []string{"Bearer " + token}) {
		t.Errorf("Authorization at the Hub API = %q, want the token on its one request", auth)
	}
}
