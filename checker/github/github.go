// Package github verifies GitHub repositories against the GitHub REST API:
// that each exists, under which name, and whether it is still maintained.
//
// One request per repository: GET /repos/{owner}/{repo}. A repository is
// stale when it is archived or when nothing was pushed to it for longer
// than Config.StaleAfter; moved when the API redirects (it was renamed or
// transferred); broken when the API does not know it (404, which a private
// repository also answers without a token), blocks it (451) or it is
// disabled. The token, when there is one, goes to the API host alone and
// only over https.
//
// Without a token the API allows 60 requests an hour. The client reads
// X-RateLimit-Remaining and X-RateLimit-Reset from every answer and, once
// the quota is spent, sends nothing more before the reset: the remaining
// repositories are Blocked, never Broken.
package github

import (
	"net/http"
	"net/url"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// Kind is the platform's name, the target kind of its results.
const Kind = "github"

// Defaults of Config.
const (
	DefaultAPI = "https://api.github.com"
	// DefaultStaleAfter is how long a repository may go without a push
	// before it is stale: two years.
	DefaultStaleAfter = 730 * 24 * time.Hour
	// DefaultTokenVar is the environment variable the command line reads
	// the token from; the Actions job's github.token is passed in it.
	DefaultTokenVar = "GITHUB_TOKEN"
	// maxRedirects bounds the hops followed for one repository: a rename
	// is one.
	maxRedirects = 5
)

// Concurrency is how many requests the API host may have in flight in the
// host pool: GitHub asks API clients to make requests serially, not
// concurrently.
const Concurrency = 1

// Config configures a Client. Zero fields take the defaults above.
type Config struct {
	API        string // base URL of the REST API
	Token      string // sent as a Bearer token, to the API host over https only
	TokenVar   string // the token's environment variable, named in messages
	StaleAfter time.Duration
	Now        func() time.Time
	// Client sends the requests; it must not follow redirects.
	Client    *http.Client
	Sender    verifier.Sender
	UserAgent string
}

// Client verifies repositories. It keeps the API's rate-limit state, so
// one Client serves one run.
type Client struct {
	cfg     Config
	base    *url.URL
	baseErr error // an unusable API URL: Verify fails with it
	api     *verifier.API
	rate    rateLimit
}

// New returns a Client for cfg. An unusable API URL (see CheckAPI) makes
// Verify fail.
func New(cfg Config) *Client {
	if cfg.API == "" {
		cfg.API = DefaultAPI
	}
	if cfg.TokenVar == "" {
		cfg.TokenVar = DefaultTokenVar
	}
	if cfg.StaleAfter <= 0 {
		cfg.StaleAfter = DefaultStaleAfter
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	base, err := parseBase(cfg.API)
	c := &Client{cfg: cfg, base: base, baseErr: err}
	c.api = &verifier.API{
		Host:      base.Host,
		Client:    cfg.Client,
		Sender:    cfg.Sender,
		Token:     cfg.Token,
		UserAgent: cfg.UserAgent,
		Header: http.Header{
			"Accept":               {"application/vnd.github+json"},
			"X-Github-Api-Version": {"2022-11-28"},
		},
		Judge: judge,
	}
	return c
}

// CheckAPI reports whether raw can be the API's base URL.
func CheckAPI(raw string) error {
	_, err := parseBase(raw)
	return err
}

// Kind implements verifier.Verifier.
func (c *Client) Kind() string { return Kind }

func parseBase(raw string) (*url.URL, error) { return verifier.ParseBase("GitHub API", raw) }
