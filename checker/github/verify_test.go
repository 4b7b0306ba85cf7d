package github

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// directSender sends at once and retries 429, 5xx and answers the
// verifier found unusable, up to three tries: the retry policy without its
// waits.
type directSender struct{}

func (directSender) Try(ctx context.Context, _ string, try func(context.Context) verifier.Attempt) verifier.Tried {
	for n := 1; ; n++ {
		a := try(ctx)
		if a.Final || n == 3 || (a.Retry == nil && a.Err == nil && a.Code < 500 && a.Code != http.StatusTooManyRequests) {
			return verifier.Tried{Outcome: a, Attempts: n}
		}
	}
}

var testNow = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

func newTestClient(w *fakeweb.Web, cfg Config) *Client {
	cfg.Client = &http.Client{
		Transport:     &http.Transport{DialContext: w.DialContext, TLSClientConfig: w.TLSConfig()},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	cfg.Sender = directSender{}
	cfg.Now = func() time.Time { return testNow }
	cfg.UserAgent = "linkcheck-test"
	return New(cfg)
}

func targets(keys ...string) []verifier.Target {
	out := make([]verifier.Target, len(keys))
	for i, k := range keys {
		out[i] = verifier.Target{Kind: Kind, Key: k}
	}
	return out
}

// verify runs Verify and returns the verdicts by key.
func verify(t *testing.T, c *Client, keys ...string) map[string]verifier.Verdict {
	t.Helper()
	var mu sync.Mutex
	got := make(map[string]verifier.Verdict)
	err := c.Verify(context.Background(), targets(keys...), func(tg verifier.Target, v verifier.Verdict) {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := got[tg.Key]; dup {
			t.Errorf("two verdicts for %s", tg.Key)
		}
		got[tg.Key] = v
	})
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return got
}

func stockedAPI() *fakeweb.GitHubAPI {
	api := fakeweb.NewGitHubAPI()
	recent := testNow.AddDate(0, -1, 0)
	api.Add(fakeweb.GitHubRepo{FullName: "live/tool", PushedAt: recent})
	api.Add(fakeweb.GitHubRepo{FullName: "old/archived", Archived: true, PushedAt: time.Date(2023, 12, 21, 8, 0, 0, 0, time.UTC)})
	api.Add(fakeweb.GitHubRepo{FullName: "old/dormant", PushedAt: time.Date(2022, 3, 1, 8, 0, 0, 0, time.UTC)})
	api.Add(fakeweb.GitHubRepo{FullName: "SWE-bench/SWE-bench", PushedAt: recent}, "princeton-nlp/SWE-bench")
	api.Add(fakeweb.GitHubRepo{FullName: "gone/disabled", Disabled: true, PushedAt: recent})
	api.Add(fakeweb.GitHubRepo{FullName: "dmca/takedown", Code: http.StatusUnavailableForLegalReasons})
	api.Add(fakeweb.GitHubRepo{FullName: "team/private", Private: true, PushedAt: recent})
	return api
}

func TestVerify(t *testing.T) {
	w := fakeweb.New(t)
	api := stockedAPI()
	w.Handle("api.github.com", api)
	c := newTestClient(w, Config{})
	got := verify(t, c, "live/tool", "old/archived", "old/dormant", "princeton-nlp/swe-bench", "deleted/repo", "gone/disabled", "dmca/takedown", "team/private")
	tests := []struct {
		key      string
		want     status.Status
		msg      string
		attempts int
	}{
		{"live/tool", status.OK, "last push 2026-10-30", 1},
		{"old/archived", status.Stale, "archived on GitHub (last push 2023-12-21)", 1},
		{"old/dormant", status.Stale, "no push since 2022-03-01 (more than 730 days)", 1},
		{"princeton-nlp/swe-bench", status.Moved, "renamed or transferred to SWE-bench/SWE-bench", 2},
		{"deleted/repo", status.Broken, "not found on GitHub (a private repository looks the same without a token)", 1},
		{"gone/disabled", status.Broken, "disabled on GitHub", 1},
		{"dmca/takedown", status.Broken, "blocked on GitHub for legal reasons (HTTP 451)", 1},
		{"team/private", status.Broken, "not found on GitHub (a private repository looks the same without a token)", 1},
	}
	for _, tt := range tests {
		v := got[tt.key]
		if v.Status != tt.want || v.Message != tt.msg || v.Attempts != tt.attempts {
			t.Errorf("verdict(%s) = %v %q after %d requests, want %v %q after %d", tt.key, v.Status, v.Message, v.Attempts, tt.want, tt.msg, tt.attempts)
		}
	}
	if v := got["princeton-nlp/swe-bench"]; v.CurrentRepo != "SWE-bench/SWE-bench" || v.URL != "https://github.com/SWE-bench/SWE-bench" {
		t.Errorf("renamed repository: now %q at %q, want SWE-bench/SWE-bench at its github.com URL", v.CurrentRepo, v.URL)
	}
	if n := w.Requests("api.github.com"); n != 9 {
		t.Errorf("API requests = %d, want 9: one per repository, one more for the rename's redirect", n)
	}
}

// Without a token the API allows 60 requests an hour. Once it says none
// are left, no request is sent until the reset, and the repositories not
// yet asked about are blocked, never broken.
func TestRateLimitStopsRequests(t *testing.T) {
	tests := []struct {
		name         string
		limit        int
		overQuota    int
		token        string
		wantRequests int
		wantMsg      string
	}{
		{"quota runs out during the run", 2, 403, "", 2, "GitHub API rate limit reached; set GITHUB_TOKEN"},
		{"quota spent before the run", 0, 403, "", 1, "GitHub API rate limit reached; set GITHUB_TOKEN"},
		{"quota spent, answered 429", 0, 429, "", 1, "GitHub API rate limit reached; set GITHUB_TOKEN"},
		{"token quota runs out", 2, 403, "s3cret", 2, "GitHub API rate limit reached (resets at 12:40 UTC)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := fakeweb.New(t)
			api := stockedAPI()
			api.Limit, api.TokenLimit, api.Token = max(tt.limit, 1), max(tt.limit, 1), tt.token
			api.Reset, api.OverQuota = testNow.Add(40*time.Minute), tt.overQuota
			// With a token, repositories GraphQL cannot answer are asked
			// about over REST, under REST's limit.
			api.GraphQLSpent = true
			w.Handle("api.github.com", api)
			if tt.limit == 0 {
				// Spend the quota before the run, as another job might.
				c := newTestClient(w, Config{Token: tt.token})
				verify(t, c, "live/tool")
			}
			before := w.Requests("api.github.com") - api.GraphQLRequests()
			c := newTestClient(w, Config{Token: tt.token})
			keys := []string{"live/tool", "old/archived", "old/dormant", "deleted/repo"}
			got := verify(t, c, keys...)
			if n := w.Requests("api.github.com") - api.GraphQLRequests() - before; n != tt.wantRequests {
				t.Errorf("REST API requests = %d, want %d: none past the limit", n, tt.wantRequests)
			}
			blocked := 0
			for _, k := range keys {
				v := got[k]
				if v.Status == status.Broken && k != "deleted/repo" {
					t.Errorf("verdict(%s) = broken %q under a rate limit", k, v.Message)
				}
				if v.Status == status.Blocked {
					blocked++
					if v.Message != tt.wantMsg {
						t.Errorf("verdict(%s) = %q, want %q", k, v.Message, tt.wantMsg)
					}
				}
			}
			if want := len(keys) - min(tt.limit, len(keys)); blocked != want {
				t.Errorf("%d repositories blocked, want %d", blocked, want)
			}
		})
	}
}

// The token goes to the API's host alone, only over https: not to a host
// a redirect names, not over plain http.
func TestTokenReachesTheAPIHostAlone(t *testing.T) {
	w := fakeweb.New(t)
	api := stockedAPI()
	api.Token = "s3cret"
	var (
		mu     sync.Mutex
		mirror []string
	)
	mux := http.NewServeMux()
	mux.Handle("/repos/moved/elsewhere", fakeweb.Redirect(http.StatusMovedPermanently, "https://mirror.example/repos/moved/elsewhere"))
	mux.Handle("/repos/moved/cleartext", fakeweb.Redirect(http.StatusMovedPermanently, "http://api.github.com/repos/live/tool"))
	mux.Handle("/", api)
	w.Handle("api.github.com", mux)
	w.Handle("mirror.example", http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		mu.Lock()
		mirror = append(mirror, r.Header.Get("Authorization"))
		mu.Unlock()
		rw.WriteHeader(http.StatusNotFound)
	}))

	c := newTestClient(w, Config{Token: "s3cret"})
	got := verify(t, c, "team/private", "moved/elsewhere", "moved/cleartext")
	// Only a request with the token sees the private repository.
	if v := got["team/private"]; v.Status != status.Broken || v.Message != "private on GitHub: readers cannot open it" {
		t.Errorf("private repository with the token = %v %q, want it seen as private: the token must reach the API", v.Status, v.Message)
	}
	// The fake API logs the requests that reached it: team/private over
	// https, then live/tool over http after the cleartext redirect.
	if auth := api.Authorizations(); !slices.Equal(auth, []string{"Bearer s3cret", ""}) {
		t.Errorf("Authorization at the API = %q, want the token over https only", auth)
	}
	if len(mirror) != 1 || mirror[0] != "" {
		t.Errorf("Authorization at the redirect's other host = %q, want one request without it", mirror)
	}

	// An API reached over plain http never gets it.
	w2 := fakeweb.New(t)
	api2 := stockedAPI()
	api2.Token = "s3cret"
	w2.Handle("api.github.com", api2)
	c2 := newTestClient(w2, Config{Token: "s3cret", API: "http://api.github.com"})
	verify(t, c2, "live/tool")
	if auth := api2.Authorizations(); !slices.Equal(auth, []string{""}) {
		t.Errorf("plain-http API got Authorization %q, want none", auth)
	}
}
