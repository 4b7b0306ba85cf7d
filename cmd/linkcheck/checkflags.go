package main

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/checker/github"
	"github.com/ai-reading-list/linkcheck/checker/huggingface"
)

// checkFlags are the flags shared by the commands that run a check.
type checkFlags struct {
	catalog         string
	concurrency     int
	hostConcurrency int
	hostRate        float64
	requestTimeout  time.Duration
	timeout         time.Duration
	retries         int
	maxRetryWait    time.Duration
	maxBody         int64
	userAgent       string
	headers         []string
	allowPrivate    bool
	include         []string
	exclude         []string
	arxivAPI        string
	githubAPI       string
	githubTokenEnv  string
	hfTokenEnv      string
	staleAfter      ageFlag
	changedFrom     string
	archive         bool
	history         historyFlags

	flags *pflag.FlagSet
}

func (f *checkFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	f.flags = fs
	d := checker.DefaultOptions()
	fs.StringVarP(&f.catalog, "catalog", "c", "resources.yaml", "catalog file to check; a .md or .markdown file is read as a Markdown reading list")
	fs.IntVar(&f.concurrency, "concurrency", d.Concurrency, "requests in flight at once, over all hosts")
	fs.IntVar(&f.hostConcurrency, "host-concurrency", d.HostConcurrency, "requests in flight at once per host")
	fs.Float64Var(&f.hostRate, "host-rate", d.HostRate, "requests per second per host (catalog settings.hosts override it per host)")
	fs.DurationVar(&f.requestTimeout, "request-timeout", d.RequestTimeout, "timeout of one request")
	fs.DurationVar(&f.timeout, "timeout", d.Timeout, "timeout of the whole run; results so far are reported (0 = none)")
	fs.IntVar(&f.retries, "retries", d.Retries, "retries of a transient failure (timeouts, resets, 429, 5xx)")
	fs.DurationVar(&f.maxRetryWait, "max-retry-wait", d.MaxRetryWait, "longest wait before a retry; a host whose Retry-After asks for longer is not asked again early")
	fs.Int64Var(&f.maxBody, "max-body", d.MaxBodyBytes, "bytes of a page read at most")
	fs.StringVar(&f.userAgent, "user-agent", "", "User-Agent header (default linkcheck/VERSION (+project URL))")
	fs.StringArrayVar(&f.headers, "header", nil, "extra header for one host, as HOST=Name: value (repeatable); sent only to HOST, only over https")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "check links to loopback and private addresses and intranet host names (intranet catalogs); without it they are skipped")
	fs.StringArrayVar(&f.include, "include", nil, "check only entries whose id or URL matches this regexp (repeatable)")
	fs.StringArrayVar(&f.exclude, "exclude", nil, "skip entries whose id or URL matches this regexp (repeatable)")
	fs.StringVar(&f.arxivAPI, "arxiv-api", d.ArxivAPI, "base URL of the arXiv API (for mirrors and tests)")
	fs.StringVar(&f.githubAPI, "github-api", github.DefaultAPI, "base URL of the GitHub REST API (for GitHub Enterprise and tests)")
	fs.StringVar(&f.githubTokenEnv, "github-token-env", github.DefaultTokenVar, "environment variable holding a GitHub token (sent only to the GitHub API, over https)")
	fs.StringVar(&f.hfTokenEnv, "hf-token-env", huggingface.DefaultTokenVar, "environment variable holding an optional Hugging Face token (sent only to the Hub, over https)")
	f.staleAfter = ageFlag(github.DefaultStaleAfter)
	fs.Var(&f.staleAfter, "stale-after", "a repository with no push for longer is stale: days (\"730d\"), weeks (\"104w\") or a duration")
	fs.BoolVar(&f.archive, "archive", d.Archive, "look up each gone link's newest archived copy of its live page in the Wayback Machine (--archive=false: no lookups)")
	fs.StringVar(&f.changedFrom, "changed-from", "", "check only entries added or changed since this older copy of the catalog (pull requests)")
	f.history.register(fs)
}

// options turns the flags and the catalog's settings into checker options.
// Precedence: a flag given on the command line, then the catalog's settings,
// then the checker's defaults.
func (f *checkFlags) options(e env, cat *catalog.Catalog) (checker.Options, error) {
	if err := f.checkLimitFlags(); err != nil {
		return checker.Options{}, err
	}
	opts := checker.Options{
		Timeout:        f.timeout,
		MaxRetryWait:   f.maxRetryWait,
		MaxBodyBytes:   f.maxBody,
		UserAgent:      f.userAgent,
		AllowPrivate:   f.allowPrivate,
		ArxivAPI:       f.arxivAPI,
		GitHubAPI:      f.githubAPI,
		GitHubTokenVar: f.githubTokenEnv,
		Now:            e.Now,
	}
	f.limitOptions(&opts, cat.Settings)
	if f.githubTokenEnv != "" && e.Getenv != nil {
		opts.GitHubToken = strings.TrimSpace(e.Getenv(f.githubTokenEnv))
	}
	if f.hfTokenEnv != "" && e.Getenv != nil {
		opts.HubToken = strings.TrimSpace(e.Getenv(f.hfTokenEnv))
	}
	if opts.UserAgent == "" {
		opts.UserAgent = checker.DefaultUserAgent(buildVersion())
	}
	for _, h := range f.headers {
		host, nv, ok1 := strings.Cut(h, "=")
		name, value, ok2 := strings.Cut(nv, ":")
		if !ok1 || !ok2 || strings.TrimSpace(host) == "" || strings.TrimSpace(name) == "" {
			return opts, usageError(fmt.Errorf("invalid --header %q: want HOST=Name: value", redactHeader(h)))
		}
		opts.Headers = append(opts.Headers, checker.Header{
			Host:  strings.ToLower(strings.TrimSpace(host)),
			Name:  strings.TrimSpace(name),
			Value: strings.TrimSpace(value),
		})
	}
	var err error
	if opts.Include, err = compileAll("include", f.include); err != nil {
		return opts, err
	}
	if opts.Exclude, err = compileAll("exclude", f.exclude); err != nil {
		return opts, err
	}
	if e.Hook != nil {
		e.Hook(&opts)
	}
	return opts, nil
}

func compileAll(flag string, exprs []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, x := range exprs {
		re, err := regexp.Compile(x)
		if err != nil {
			return nil, usageError(fmt.Errorf("invalid --%s %q: %w", flag, x, err))
		}
		out = append(out, re)
	}
	return out, nil
}

// redactHeader keeps a header's host and name but never its value, which may
// be a secret.
func redactHeader(h string) string {
	if i := strings.IndexByte(h, ':'); i >= 0 {
		return h[:i] + ": …"
	}
	return h
}

// ageFlag is a flag holding an age, written as catalog.ParseAge reads it.
type ageFlag time.Duration

func (a *ageFlag) String() string { return catalog.FormatAge(time.Duration(*a)) }

func (a *ageFlag) Set(s string) error {
	d, err := catalog.ParseAge(s)
	if err != nil {
		return err
	}
	*a = ageFlag(d)
	return nil
}

func (a *ageFlag) Type() string { return "age" }
