// Package huggingface verifies Hugging Face Spaces, models and datasets
// against the Hub's API. A Space's page answers 200 whatever state the
// Space is in; only the API tells a crashed Space from a running one.
//
// One request per repository: GET /api/spaces/{id}, /api/models/{id} or
// /api/datasets/{id}, on the Hub's own host, so that the requests are paced
// with the Hub's pages. A Space failing to build or run is broken, a paused
// or stopped one stale, a running, sleeping or starting one ok; a stage
// this package does not know is reported as the Hub names it, never guessed
// to be broken. A repository the Hub does not know, or no longer shows to
// the public, is broken; a gated model or dataset is ok, with a note.
package huggingface

import (
	"net/http"
	"net/url"

	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// Kind is the platform's name, the target kind of its results.
const Kind = "huggingface"

// Defaults of Config.
const (
	// DefaultAPI is the Hub, whose API lives under /api on the same host
	// as its pages.
	DefaultAPI = "https://huggingface.co"
	// DefaultTokenVar is the environment variable the command line reads
	// an optional token from.
	DefaultTokenVar = "HF_TOKEN"
	// maxRedirects bounds the hops followed for one repository.
	maxRedirects = 5
)

// Config configures a Client. Zero fields take the defaults above.
type Config struct {
	API   string // the Hub's base URL
	Token string // sent as a Bearer token, to the Hub's host over https only
	// Client sends the requests; it must not follow redirects.
	Client    *http.Client
	Sender    verifier.Sender
	UserAgent string
}

// Client verifies Hub repositories.
type Client struct {
	cfg     Config
	base    *url.URL
	baseErr error // an unusable API URL: Verify fails with it
	api     *verifier.API
}

// New returns a Client for cfg. An unusable API URL (see CheckAPI) makes
// Verify fail.
func New(cfg Config) *Client {
	if cfg.API == "" {
		cfg.API = DefaultAPI
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
		Header:    http.Header{"Accept": {"application/json"}},
	}
	return c
}

// Kind implements verifier.Verifier.
func (c *Client) Kind() string { return Kind }

// CheckAPI reports whether raw can be the Hub's base URL.
func CheckAPI(raw string) error {
	_, err := parseBase(raw)
	return err
}

func parseBase(raw string) (*url.URL, error) { return verifier.ParseBase("Hugging Face Hub", raw) }
