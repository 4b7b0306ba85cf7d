package github

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// With a token, one GraphQL query answers for up to 100 repositories; the
// ones it does not find are asked about over REST, which alone decides
// that a repository is gone.
func TestGraphQLBatches(t *testing.T) {
	w := fakeweb.New(t)
	api := stockedAPI()
	api.Token = "s3cret"
	w.Handle("api.github.com", api)
	c := newTestClient(w, Config{Token: "s3cret"})
	got := verify(t, c, "live/tool", "old/archived", "old/dormant", "princeton-nlp/swe-bench", "deleted/repo", "gone/disabled", "dmca/takedown", "team/private")
	tests := []struct {
		key  string
		want status.Status
		msg  string
	}{
		{"live/tool", status.OK, "last push 2026-10-30"},
		{"old/archived", status.Stale, "archived on GitHub (last push 2023-12-21)"},
		{"old/dormant", status.Stale, "no push since 2022-03-01 (more than 730 days)"},
		{"princeton-nlp/swe-bench", status.Moved, "renamed or transferred to SWE-bench/SWE-bench"},
		{"deleted/repo", status.Broken, "not found on GitHub, or private and out of the token's reach"},
		{"gone/disabled", status.Broken, "disabled on GitHub"},
		{"dmca/takedown", status.Broken, "blocked on GitHub for legal reasons (HTTP 451)"},
		{"team/private", status.Broken, "private on GitHub: readers cannot open it"},
	}
	for _, tt := range tests {
		if v := got[tt.key]; v.Status != tt.want || v.Message != tt.msg {
			t.Errorf("verdict(%s) = %v %q, want %v %q", tt.key, v.Status, v.Message, tt.want, tt.msg)
		}
	}
	if v := got["princeton-nlp/swe-bench"]; v.CurrentRepo != "SWE-bench/SWE-bench" || v.URL != "https://github.com/SWE-bench/SWE-bench" {
		t.Errorf("renamed repository: now %q at %q", v.CurrentRepo, v.URL)
	}
	rest := w.Requests("api.github.com") - api.GraphQLRequests()
	if api.GraphQLRequests() != 1 || rest != 2 {
		t.Errorf("requests: %d GraphQL, %d REST; want 1 query and REST for the 2 it did not find", api.GraphQLRequests(), rest)
	}

	// 150 repositories take two queries and nothing else.
	w2 := fakeweb.New(t)
	api2 := fakeweb.NewGitHubAPI()
	api2.Token = "s3cret"
	var keys []string
	for i := range 150 {
		name := fmt.Sprintf("org/repo-%d", i)
		api2.Add(fakeweb.GitHubRepo{FullName: name, PushedAt: testNow.Add(-time.Hour)})
		keys = append(keys, name)
	}
	w2.Handle("api.github.com", api2)
	got = verify(t, newTestClient(w2, Config{Token: "s3cret"}), keys...)
	for _, k := range keys {
		if got[k].Status != status.OK {
			t.Errorf("verdict(%s) = %v %q, want ok", k, got[k].Status, got[k].Message)
		}
	}
	if n, q := w2.Requests("api.github.com"), api2.GraphQLRequests(); n != 2 || q != 2 {
		t.Errorf("150 repositories took %d requests (%d GraphQL), want 2 queries", n, q)
	}
}

// A failing query costs nothing but its request: REST answers instead.
func TestGraphQLFailureFallsBackToREST(t *testing.T) {
	w := fakeweb.New(t)
	api := stockedAPI()
	api.Token = "s3cret"
	mux := http.NewServeMux()
	mux.Handle("/graphql", fakeweb.Status(http.StatusBadGateway))
	mux.Handle("/", api)
	w.Handle("api.github.com", mux)
	got := verify(t, newTestClient(w, Config{Token: "s3cret"}), "live/tool", "old/archived")
	if got["live/tool"].Status != status.OK || got["old/archived"].Status != status.Stale {
		t.Errorf("verdicts after a failed query = %+v", got)
	}
}

func TestGraphQLURL(t *testing.T) {
	for base, want := range map[string]string{
		"https://api.github.com":         "https://api.github.com/graphql",
		"https://ghe.example.com/api/v3": "https://ghe.example.com/api/graphql",
	} {
		u, _ := parseBase(base)
		if got := graphQLURL(u).String(); got != want {
			t.Errorf("graphQLURL(%s) = %s, want %s", base, got, want)
		}
	}
}
