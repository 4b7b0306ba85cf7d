package main

import (
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// The API requests a check of the bundled catalog makes with a GitHub
// token: one GraphQL query for every repository (without a token it is
// one REST request per repository, see TestRealCatalogOnFakeWeb), the
// token on every GitHub API request, and no github.com page fetched for a
// repository the API answered.
func TestRealCatalogAPIRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("checks the whole bundled catalog")
	}
	cat, err := catalog.Load(realCatalog)
	if err != nil {
		t.Fatal(err)
	}
	repos, spaces := realRepoCases(), realSpaceCases()
	for _, tc := range []struct {
		name  string
		token string
	}{
		// TestRealCatalogOnFakeWeb measures the run without a token.
		{"with a token", "ghs_jobToken"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			web := serveRealCatalog(t, cat.Resources(), realSiteCases(), realPaperCases(), repos, spaces)
			web.github.Token = tc.token
			code, _, stderr := runLinkcheckEnv(t, web.Web, map[string]string{"GITHUB_TOKEN": tc.token},
				"check", "--catalog", realCatalog, "--format", "json")
			if code != exitFailing {
				t.Fatalf("check exited %d, want %d: %s", code, exitFailing, stderr)
			}
			gh, query, hub := web.Requests("api.github.com"), web.github.GraphQLRequests(), 0
			for _, r := range web.Log() {
				if r.Host == "huggingface.co" && len(r.Path) > 5 && r.Path[:5] == "/api/" {
					hub++
				}
			}
			t.Logf("API requests for %d entries: GitHub %d (%d GraphQL; repositories: %d), Hub %d (Spaces: %d); github.com pages: %d",
				len(cat.Resources()), gh, query, len(repos), hub, len(spaces), web.Requests("github.com"))
			if gh != 1 || query != 1 || hub != len(spaces) {
				t.Errorf("API requests: GitHub %d (%d GraphQL), Hub %d; want one query for the %d repositories and %d for the Spaces", gh, query, hub, len(repos), len(spaces))
			}
			if n := web.Requests("github.com"); n != 0 {
				t.Errorf("github.com got %d page requests, want 0", n)
			}
			want := ""
			if tc.token != "" {
				want = "Bearer " + tc.token
			}
			for _, a := range web.github.Authorizations() {
				if a != want {
					t.Errorf("a GitHub API request carried Authorization %q, want %q", a, want)
				}
			}
		})
	}
}
