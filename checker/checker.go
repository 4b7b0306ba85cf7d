// Package checker runs the check of a catalog: it plans the targets of
// every entry, sends every request of the run through one hostpool.Pool
// (a global bound on requests in flight, per-host bounds and pacing,
// adaptive back-off when a host says 429, one retry policy), hands each
// URL to the page check (package webpage) and each paper and repository
// to the verifier that claims it (package verifier: arXiv, GitHub, Hugging
// Face), and turns what they found into results (package result). The
// transport it builds keeps requests off private addresses (package
// netguard).
//
// A dead link is a result.Result, not an error: Check returns an error
// only when the run itself fails (cancelled, out of time, or no network
// at all).
package checker

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"sync"

	"golang.org/x/net/publicsuffix"
	"golang.org/x/sync/errgroup"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/netguard"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
)

// maxHeaderBytes bounds a response's headers; no honest page needs more.
const maxHeaderBytes = 256 << 10

// Checker checks catalogs. It is safe for concurrent use, but each Check
// keeps its own politeness state, so concurrent runs do not pace each other.
type Checker struct {
	opts      Options
	transport *http.Transport
	// proxy picks a request's proxy; nil when none can apply.
	proxy netguard.ProxyFunc
	// rt sends over transport, judging a request's host before a proxy
	// sees it; every client of the Checker sends through it.
	rt     http.RoundTripper
	client *http.Client
}

// New returns a Checker for opts, after validating them and filling in the
// defaults.
func New(opts Options) (*Checker, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("invalid checker options: %w", err)
	}
	c := &Checker{opts: o}
	if o.DialContext == nil {
		c.proxy = netguard.EnvironmentProxy()
	}
	c.transport = newTransport(&o, c.proxy)
	c.rt = c.guarded(c.transport)
	// Redirects are followed by hand, hop by hop, so that every hop is
	// recorded, paced by its own host and judged.
	c.client = &http.Client{
		Transport:     c.rt,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c, nil
}

// guarded returns next behind the proxy guard, or next itself when no
// request can go through a proxy or private addresses are allowed.
func (c *Checker) guarded(next http.RoundTripper) http.RoundTripper {
	if c.proxy == nil || c.opts.AllowPrivate {
		return next
	}
	return netguard.NewGuard(next, c.proxy, c.opts.Resolver)
}

// newTransport clones http.DefaultTransport so that SSL_CERT_FILE keeps
// working, and routes requests through proxy (the environment's
// HTTP_PROXY, HTTPS_PROXY and NO_PROXY), nil for none: a replacement
// dialer routes connections itself.
func newTransport(o *Options, proxy netguard.ProxyFunc) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	if proxy != nil {
		tr.Proxy = func(r *http.Request) (*url.URL, error) { return proxy(r.URL) }
	}
	tr.DialContext = netguard.NewDialer(o.DialContext, o.Resolver, o.AllowPrivate)
	tr.ForceAttemptHTTP2 = true
	tr.MaxIdleConnsPerHost = o.HostConcurrency
	for _, l := range o.Hosts {
		tr.MaxIdleConnsPerHost = max(tr.MaxIdleConnsPerHost, l.Concurrency)
	}
	tr.MaxResponseHeaderBytes = maxHeaderBytes
	if o.TLSConfig != nil {
		tr.TLSClientConfig = o.TLSConfig.Clone()
	}
	return tr
}

// Check checks every target of cat and calls emit once per Result as soon
// as it is known (a host's 2xx pages once all its links are checked, since
// its pages are judged together: see webpage.HostPages); emit is never called
// concurrently. Results come in no
// particular order (see Sort). The error is nil, or wraps ctx's error when
// the run was cancelled or ran out of time (the results emitted so far
// stand), or is a *NetworkError when no host could be reached at all.
func (c *Checker) Check(ctx context.Context, cat *catalog.Catalog, emit func(result.Result)) error {
	if c.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.opts.Timeout)
		defer cancel()
	}
	// Idle keep-alive connections would outlive the run as goroutines.
	defer c.transport.CloseIdleConnections()
	conns := webpage.NewConns(c.transport)
	defer conns.CloseIdleConnections()

	pool := c.newPool()
	p := c.plan(cat, c.platforms(pool))
	out := c.newRescuer(ctx, &emitter{fn: c.noteExpiredIgnores(cat, emit)}, pool)
	for _, r := range p.ready {
		out.emit(r)
	}
	f := webpage.NewFetcher(c.pageConfig(), c.runClient(conns), pool, conns)

	var g errgroup.Group // the tasks never fail: failures are results
	for _, w := range p.platforms {
		if len(w.targets) > 0 {
			g.Go(func() error {
				c.verifyPlatform(ctx, p, w, f, out)
				return nil
			})
		}
	}
	g.Go(func() error {
		c.runQueues(ctx, f, p, out)
		return nil
	})
	_ = g.Wait()
	out.wait()

	if err := ctx.Err(); err != nil {
		return fmt.Errorf("check stopped before it finished: %w", err)
	}
	return pool.NetworkDown()
}

// Plan returns how many Results Check will emit for cat, short of the page
// checks of repositories a platform's API could not answer for (a rate
// limit, an outage), which only the run can tell.
func (c *Checker) Plan(cat *catalog.Catalog) (total int) {
	verifiers := c.platforms(nil)
	for _, s := range cat.Sections {
		for i := range s.Resources {
			r := &s.Resources[i]
			hasURL, hasArxiv := targets(r)
			for _, v := range verifiers {
				for _, cl := range v.Claims(r) {
					total++
					hasURL = hasURL && !cl.CoversURL && !cl.IsURL
				}
			}
			if hasURL {
				total++
			}
			if _, err := catalog.ParseArxivID(r.Arxiv); hasArxiv && err != nil {
				total++ // an ID that does not parse, which no verifier claims
			}
		}
	}
	return total
}

// emitter serializes calls of the caller's emit.
type emitter struct {
	mu sync.Mutex
	fn func(result.Result)
}

func (e *emitter) emit(r result.Result) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.fn(r)
}

// runQueues works through the URL jobs host by host. Hosts are started
// longest queue first, at most activeHosts of them at once: the longest
// queues bound the run, and the short ones fill the time beside them
// without keeping a connection open to every host of a large catalog at
// once. A host's queue is worked by twice its concurrency of goroutines,
// so that URLs waiting out a back-off between tries do not keep the host's
// other URLs from its free slots (the pool still bounds what is in flight).
// Once the queue is done, its pages are compared with each other (see
// webpage.HostPages) and the host's idle connections are closed.
func (c *Checker) runQueues(ctx context.Context, f *webpage.Fetcher, p *plan, out *rescuer) {
	var hosts errgroup.Group
	hosts.SetLimit(activeHosts(c.opts.Concurrency))
	for _, q := range p.queues {
		if ctx.Err() != nil {
			break
		}
		hosts.Go(func() error {
			var (
				jobs  errgroup.Group
				pages webpage.HostPages
			)
			jobs.SetLimit(2 * c.opts.hostLimit(q.group).Concurrency)
			for _, j := range q.jobs {
				if ctx.Err() != nil {
					break
				}
				jobs.Go(func() error {
					o, pg := f.Fetch(ctx, j.url, p.titles(j))
					if ctx.Err() != nil {
						return nil // an interrupted check proves nothing
					}
					if pg != nil && pages.Add(j.entries, o, pg) {
						return nil // judged with the host's other pages
					}
					out.url(p.entries(j.entries), o)
					return nil
				})
			}
			err := jobs.Wait()
			// A page held back was fetched in full: if the run stops
			// while it is compared, it stands as its own check found it.
			for _, h := range pages.Settle(ctx, f) {
				out.url(p.entries(h.Entries), h.Outcome)
			}
			f.Done(q.group)
			return err
		})
	}
	_ = hosts.Wait()
}

// activeHosts is how many hosts' queues are worked at once: enough to keep
// every global slot busy while most hosts wait for their next turn (at the
// default 2 requests/s and answers within a few tenths of a second, a host
// keeps a slot busy a third of the time or less), and few enough that a catalog of
// thousands of hosts does not open a connection to each of them at once.
func activeHosts(concurrency int) int { return max(2*concurrency, 64) }

// runClient returns the client of one run: the Checker's, over the run's
// per-host connections, with a cookie jar of its own. Many news and publisher sites answer a first visit with
// a redirect to the same URL and a cookie, and serve the page once the
// cookie comes back; without a jar that is an endless loop. The jar lives
// in memory for the run only, follows RFC 6265's scoping (with the public
// suffix list, so no cookie spans all of github.io or co.uk), and is never
// written anywhere. http.Client consults it on every request, and so on
// every hop, since redirects are followed by hand one request at a time.
func (c *Checker) runClient(conns *webpage.Conns) *http.Client {
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List}) // never fails
	client := *c.client
	client.Jar = jar
	client.Transport = c.guarded(conns)
	return &client
}

// pageConfig is what the page check needs of the options.
func (c *Checker) pageConfig() webpage.Config {
	return webpage.Config{
		RequestTimeout: c.opts.RequestTimeout,
		MaxBodyBytes:   c.opts.MaxBodyBytes,
		UserAgent:      c.opts.UserAgent,
		Headers:        c.opts.headersFor,
	}
}
