package checker

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"maps"
	"math"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/checker/github"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/huggingface"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/checker/wayback"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
)

// Defaults of Options, exported so that command-line flags reuse them.
const (
	DefaultConcurrency     = 128
	DefaultHostConcurrency = hostpool.DefaultInFlight
	DefaultHostRate        = hostpool.DefaultRate // requests per second
	DefaultHostBurst       = hostpool.DefaultBurst
	DefaultRequestTimeout  = 20 * time.Second
	DefaultRetries         = 3
	DefaultMaxRetryWait    = 60 * time.Second
	DefaultMaxBodyBytes    = 1 << 20
	// MaxRedirects is the longest redirect chain followed; a longer one is
	// reported broken.
	MaxRedirects = webpage.MaxRedirects
)

// DefaultUserAgent identifies linkcheck to the sites it checks, with a URL
// where their operators can learn what it is.
func DefaultUserAgent(version string) string {
	if version == "" {
		version = "dev"
	}
	return "linkcheck/" + version + " (+https://github.com/ai-reading-list/linkcheck)"
}

// HostLimit overrides the politeness limits for one host. Zero fields keep
// the run's defaults.
type HostLimit struct {
	Rate        float64 // requests per second
	Burst       int     // token bucket size
	Concurrency int     // requests in flight
}

// Header is an extra request header sent only to one host, such as an API
// token for a site that blocks anonymous clients. It is sent only over
// https and never to another host, not even after a redirect.
type Header struct {
	Host  string // exact host name, lower-case, without port
	Name  string
	Value string
}

// Options configures a Checker. Start from DefaultOptions: zero limits
// take its values (no limit can be zero), but Retries is a count, and 0
// means none.
type Options struct {
	Concurrency     int     // requests in flight over all hosts
	HostConcurrency int     // requests in flight per host
	HostRate        float64 // requests per second per host
	HostBurst       int
	// Hosts overrides the limits of named hosts (lower-case, no port);
	// any of arXiv's hosts names arXiv's one host group.
	Hosts map[string]HostLimit

	RequestTimeout time.Duration // one request, including reading its body
	Timeout        time.Duration // the whole run; 0 = none
	// Retries of a transient failure: how many times it is asked again;
	// 0 (NoRetries), or a negative value, says none.
	Retries      int
	MaxRetryWait time.Duration
	MaxBodyBytes int64

	UserAgent string
	Headers   []Header

	// AllowPrivate lifts the refusal to connect to loopback, private,
	// link-local and similar addresses and to host names of private use.
	// Without it, a link naming one is skipped (Result.PrivateAddress), and
	// a public name or a redirect that leads to one is broken.
	AllowPrivate bool

	// Include and Exclude filter entries by id and URL; Exclude wins.
	// Entries filtered out are reported skipped.
	Include, Exclude []*regexp.Regexp
	// Only, when non-nil, restricts the run to these entry ids; the others
	// are reported skipped as unchanged.
	Only map[string]bool
	// Now is the clock for ignore dates; nil means time.Now.
	Now func() time.Time

	ArxivAPI string // base URL of the arXiv API
	ArxivOAI string // base URL of arXiv's OAI-PMH interface

	// GitHubAPI is the base URL of the GitHub REST API.
	GitHubAPI string
	// GitHubToken is sent as a Bearer token to the GitHub API's host only,
	// only over https; GitHubTokenVar names where it came from, for the
	// message that suggests setting one.
	GitHubToken    string
	GitHubTokenVar string
	// StaleAfter is how long a repository may go without a push before
	// it is stale; 0 means github.DefaultStaleAfter.
	StaleAfter time.Duration
	// HubAPI is the Hugging Face Hub's base URL; its API lives under
	// /api. HubToken, optional, goes to its host alone, over https.
	HubAPI   string
	HubToken string

	// Archive turns on the rescue of gone links: for each, the Wayback
	// Machine at WaybackBase is asked for the newest capture of the live
	// page, up to LastOK's answer for the result (zero: up to now).
	Archive     bool
	WaybackBase string
	LastOK      func(result.Result) time.Time

	// DialContext replaces the dialer. The private-address guard still
	// applies to the address it connects to, unless AllowPrivate. No proxy
	// applies with a replacement dialer.
	DialContext func(ctx context.Context, network, addr string) (net.Conn, error)
	// Resolver resolves names for the default dialer and, with a proxy
	// in the environment, for the guard that judges a request's host
	// before the proxy sees it; nil is the system's.
	Resolver  *net.Resolver
	TLSConfig *tls.Config
	// Arxiv replaces the arXiv client built from ArxivAPI and ArxivOAI.
	Arxiv arxiv.PaperVerifier
	// Platforms, when not nil, replaces the GitHub and Hugging Face
	// verifiers built from the options above (an empty slice: none); arXiv's
	// is always there, built from Arxiv or the options.
	Platforms []verifier.Verifier
}

// DefaultWaybackBase is the Wayback Machine's base URL: its CDX server
// and its playback both live there.
const DefaultWaybackBase = wayback.DefaultBase

// DefaultOptions returns the options of a check nobody tuned: the limits
// above, every request retried DefaultRetries times, the default
// User-Agent and arXiv's own endpoints. The command line's flags take
// their defaults from it.
func DefaultOptions() Options {
	return Options{
		Concurrency:     DefaultConcurrency,
		HostConcurrency: DefaultHostConcurrency,
		HostRate:        DefaultHostRate,
		HostBurst:       DefaultHostBurst,
		RequestTimeout:  DefaultRequestTimeout,
		Retries:         DefaultRetries,
		MaxRetryWait:    DefaultMaxRetryWait,
		MaxBodyBytes:    DefaultMaxBodyBytes,
		UserAgent:       DefaultUserAgent(""),
		ArxivAPI:        arxiv.DefaultBaseURL,
		ArxivOAI:        arxiv.DefaultOAIBaseURL,
		Archive:         true,
		WaybackBase:     DefaultWaybackBase,
	}
}

// withDefaults validates o and fills in its zero fields from
// DefaultOptions, Retries aside. Every problem is reported, not just the
// first.
func (o Options) withDefaults() (Options, error) {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	nonNegative := func(name string, v float64) {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			bad("invalid %s %v: must not be negative", name, v)
		}
	}
	nonNegative("concurrency", float64(o.Concurrency))
	nonNegative("host concurrency", float64(o.HostConcurrency))
	nonNegative("host rate", o.HostRate)
	nonNegative("host burst", float64(o.HostBurst))
	nonNegative("request timeout", float64(o.RequestTimeout))
	nonNegative("timeout", float64(o.Timeout))
	nonNegative("max retry wait", float64(o.MaxRetryWait))
	nonNegative("max body bytes", float64(o.MaxBodyBytes))
	nonNegative("stale after", float64(o.StaleAfter))
	if o.GitHubAPI != "" {
		if err := github.CheckAPI(o.GitHubAPI); err != nil {
			errs = append(errs, err)
		}
	}
	if o.HubAPI != "" {
		if err := huggingface.CheckAPI(o.HubAPI); err != nil {
			errs = append(errs, err)
		}
	}
	if o.WaybackBase != "" {
		if _, err := verifier.ParseBase("Wayback Machine", o.WaybackBase); err != nil {
			errs = append(errs, err)
		}
	}
	// Limits apply per host group, so an override named after any of
	// arXiv's hosts is arXiv's; two names for one group would be ambiguous.
	groups := make(map[string]HostLimit, len(o.Hosts))
	namedBy := make(map[string]string, len(o.Hosts))
	for _, host := range slices.Sorted(maps.Keys(o.Hosts)) {
		l := o.Hosts[host]
		if host == "" || host != strings.ToLower(host) || strings.Contains(host, ":") {
			bad("invalid host %q in host limits: want a lower-case name without port", host)
		}
		nonNegative("rate for host "+host, l.Rate)
		nonNegative("burst for host "+host, float64(l.Burst))
		nonNegative("concurrency for host "+host, float64(l.Concurrency))
		g := hostGroup(host)
		if other, dup := namedBy[g]; dup {
			bad("host limits for %s and %s both apply to %s: give one", other, host, g)
		}
		namedBy[g], groups[g] = host, l
	}
	o.Hosts = groups
	for _, h := range o.Headers {
		if h.Host == "" || h.Host != strings.ToLower(h.Host) {
			bad("invalid header host %q: want a lower-case host name", h.Host)
		}
		if !matchableHost(h.Host) {
			bad("header host %q can never match a request's host: give the host name alone, without scheme, port or path", h.Host)
		}
		if h.Name == "" || strings.ContainsAny(h.Name, " :\r\n") {
			bad("invalid header name %q", h.Name)
		}
		if strings.ContainsAny(h.Value, "\r\n") {
			bad("invalid value for header %s: contains a line break", h.Name)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return o, err
	}

	d := DefaultOptions()
	setDefault(&o.Concurrency, d.Concurrency)
	setDefault(&o.HostConcurrency, d.HostConcurrency)
	setDefault(&o.HostRate, d.HostRate)
	setDefault(&o.HostBurst, d.HostBurst)
	setDefault(&o.RequestTimeout, d.RequestTimeout)
	setDefault(&o.MaxRetryWait, d.MaxRetryWait)
	setDefault(&o.MaxBodyBytes, d.MaxBodyBytes)
	setDefault(&o.UserAgent, d.UserAgent)
	setDefault(&o.ArxivAPI, d.ArxivAPI)
	setDefault(&o.ArxivOAI, d.ArxivOAI)
	setDefault(&o.WaybackBase, d.WaybackBase)
	o.Retries = max(o.Retries, 0) // a count: fewer than none is none
	if o.Now == nil {
		o.Now = time.Now
	}
	return o, nil
}

// NoRetries is the Retries that says "no retries".
const NoRetries = 0

func setDefault[T comparable](v *T, def T) {
	var zero T
	if *v == zero {
		*v = def
	}
}

// matchableHost reports whether host can equal a URL's Hostname(), which
// headersFor compares it with: no scheme, port, path or userinfo; an IPv6
// address without brackets.
func matchableHost(host string) bool {
	if net.ParseIP(host) != nil {
		return true
	}
	return host != "" && !strings.ContainsAny(host, ":/?#@[] \t")
}

// limits hands the run's limits to the pool's package, which decides each
// host group's: the run's defaults, a site's published policy, then the
// overrides (o.Hosts, by group once withDefaults has run).
func (o *Options) limits() hostpool.Limits {
	l := hostpool.Limits{
		Default: hostpool.Limit{Rate: o.HostRate, Burst: o.HostBurst, Concurrency: o.HostConcurrency},
		// GitHub asks API clients to send one request at a time.
		Sites: map[string]hostpool.Limit{o.githubGroup(): {Burst: github.Concurrency, Concurrency: github.Concurrency}},
	}
	if len(o.Hosts) > 0 {
		l.Overrides = make(map[string]hostpool.Limit, len(o.Hosts))
		for group, h := range o.Hosts {
			l.Overrides[group] = hostpool.Limit(h)
		}
	}
	return l
}

// hostLimit returns the limits of a host group, as the pool gets them.
func (o *Options) hostLimit(group string) HostLimit { return HostLimit(o.limits().Of(group)) }

// headersFor returns the extra headers meant for host.
func (o *Options) headersFor(host string) http.Header {
	var h http.Header
	for _, x := range o.Headers {
		if x.Host == host {
			if h == nil {
				h = make(http.Header)
			}
			h.Add(x.Name, x.Value)
		}
	}
	return h
}
