package checker

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/checker/github"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/huggingface"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// platformWork is one verifier's share of a run: its distinct targets and
// the entries that claimed each.
type platformWork struct {
	v       verifier.Verifier
	targets []verifier.Target
	claims  map[verifier.Target][]entryClaim
}

// entryClaim is one entry's claim of a target.
type entryClaim struct {
	entry int
	claim verifier.Claim
}

func newPlatformWork(verifiers []verifier.Verifier) []*platformWork {
	out := make([]*platformWork, len(verifiers))
	for i, v := range verifiers {
		out[i] = &platformWork{v: v, claims: make(map[verifier.Target][]entryClaim)}
	}
	return out
}

// claim asks every verifier which targets entry i names and plans them (a
// skipped entry's are skipped results at once). It reports whether one of
// them answers for the entry's URL, which is then not fetched.
func (p *plan) claim(i int, skip string) (coversURL bool) {
	r := p.res[i]
	for _, w := range p.platforms {
		for _, cl := range w.v.Claims(r) {
			coversURL = coversURL || cl.CoversURL || cl.IsURL
			if skip != "" {
				res := skipped(r, claimKind(w.v, cl), skip)
				res.Repo = cl.Repo
				p.ready = append(p.ready, res)
				continue
			}
			if _, ok := w.claims[cl.Target]; !ok {
				w.targets = append(w.targets, cl.Target)
			}
			w.claims[cl.Target] = append(w.claims[cl.Target], entryClaim{entry: i, claim: cl})
		}
	}
	return coversURL
}

// claimKind is the target kind of a claim's result: the URL's for a
// claim of the entry's URL itself, else the verifier's.
func claimKind(v verifier.Verifier, cl verifier.Claim) result.TargetKind {
	if cl.IsURL {
		return result.TargetURL
	}
	return result.TargetKind(v.Kind())
}

// name is how messages name v: by its Name when it has one ("arXiv"),
// else by its Kind.
func name(v verifier.Verifier) string {
	if n, ok := v.(interface{ Name() string }); ok {
		return n.Name()
	}
	return v.Kind()
}

// platforms returns the run's verifiers: arXiv's, then Options.Platforms
// or the GitHub and Hugging Face clients, all sending through pool. With a
// nil pool they serve Claims only.
func (c *Checker) platforms(pool *hostpool.Pool) []verifier.Verifier {
	papers := arxiv.NewVerifier(c.papers(pool))
	if c.opts.Platforms != nil {
		return append([]verifier.Verifier{papers}, c.opts.Platforms...)
	}
	var sender verifier.Sender
	if pool != nil {
		sender = poolSender{pool: pool}
	}
	// API requests follow redirects hop by hop, each paced, so that a
	// token never follows one to another host.
	client := &http.Client{
		Transport:     c.rt,
		Timeout:       c.opts.RequestTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	gh := github.New(github.Config{
		API:        c.opts.GitHubAPI,
		Token:      c.opts.GitHubToken,
		TokenVar:   c.opts.GitHubTokenVar,
		StaleAfter: c.opts.StaleAfter,
		Now:        c.opts.Now,
		Client:     client,
		Sender:     sender,
		UserAgent:  c.opts.UserAgent,
	})
	hf := huggingface.New(huggingface.Config{
		API:       c.opts.HubAPI,
		Token:     c.opts.HubToken,
		Client:    client,
		Sender:    sender,
		UserAgent: c.opts.UserAgent,
	})
	return []verifier.Verifier{papers, gh, hf}
}

// papers returns the run's arXiv client: the one in Options, or the real
// client sending through the run's pool, in arXiv's host group: one pace
// with the run's arxiv.org links, the run's retry policy, and its
// network-down detection. It shares the checker's transport (its dialer,
// TLS settings and private-address guard), but with its own http.Client
// because, unlike link checks, API calls should follow redirects by
// themselves. With a nil pool there is none: Claims need no client.
func (c *Checker) papers(pool *hostpool.Pool) arxiv.PaperVerifier {
	switch {
	case c.opts.Arxiv != nil:
		return c.opts.Arxiv
	case pool == nil:
		return nil
	}
	return arxiv.New(arxiv.Config{
		BaseURL:    c.opts.ArxivAPI,
		OAIBaseURL: c.opts.ArxivOAI,
		HTTPClient: &http.Client{Transport: c.rt, Timeout: c.opts.RequestTimeout},
		UserAgent:  c.opts.UserAgent,
		Pool:       pool,
	})
}

// verifyPlatform verifies one platform's targets and emits a Result for
// every entry claiming each. Targets left without a verdict get an error
// result, unless the run was stopped. An entry whose URL is a target's own
// page, which the API's verdict stands for, gets its page checked like
// any link when the API could not answer for the target.
func (c *Checker) verifyPlatform(ctx context.Context, p *plan, w *platformWork, f *webpage.Fetcher, out *rescuer) {
	var (
		mu    sync.Mutex
		done  = make(map[verifier.Target]bool, len(w.targets))
		pages []int // entries whose page stands in for a silent API
	)
	report := func(t verifier.Target, v verifier.Verdict) {
		mu.Lock()
		if done[t] || w.claims[t] == nil {
			mu.Unlock()
			return
		}
		done[t] = true
		for _, ec := range w.claims[t] {
			if ec.claim.CoversURL && !apiAnswered(v) {
				pages = append(pages, ec.entry)
			}
		}
		mu.Unlock()
		for _, ec := range w.claims[t] {
			out.emit(platformResult(p.res[ec.entry], w.v, ec.claim, v))
		}
	}
	err := w.v.Verify(ctx, w.targets, report)
	if ctx.Err() != nil {
		return
	}
	msg := name(w.v) + " gave no verdict"
	if err != nil {
		msg = name(w.v) + " verification failed: " + webpage.ErrText(err)
	}
	for _, t := range w.targets {
		report(t, verifier.Verdict{Status: status.Error, Message: msg})
	}
	if len(pages) > 0 {
		c.runQueues(ctx, f, pagePlan(p, pages), out)
	}
}

// apiAnswered reports a verdict about the target itself. Blocked (a rate
// limit, a refusal), error and timeout say the API did not answer for it:
// they are no evidence about the target, so its page is checked instead.
func apiAnswered(v verifier.Verdict) bool {
	switch v.Status {
	case status.Blocked, status.Error, status.Timeout:
		return false
	}
	return true
}

// pagePlan is the URL work of entries whose pages are checked after all,
// one job per distinct URL, queued by host group as in plan.
func pagePlan(p *plan, entries []int) *plan {
	work := newURLWork()
	for _, i := range entries {
		work.add(p.res[i].URL, i)
	}
	return &plan{res: p.res, queues: work.ordered()}
}

// platformResult is an entry's view of a target's verdict. A renamed
// target's new address replaces the part of the entry's URL that named
// it, so that a moved repository URL says where to go.
func platformResult(r *catalog.Resource, vr verifier.Verifier, cl verifier.Claim, v verifier.Verdict) result.Result {
	res := baseResult(r, claimKind(vr, cl))
	res.Repo = cl.Repo
	res.Arxiv = cl.Paper // the pinned version stays: "v5 → v7" needs both ends
	res.Status = v.Status
	res.Message = webpage.Redact(v.Message)
	res.Code = v.Code
	res.CurrentRepo = v.CurrentRepo
	res.PushedAt = v.PushedAt
	res.Stage = v.Stage
	res.CurrentTitle = v.CurrentTitle
	res.Version = v.Version
	res.VersionDate = v.VersionDate
	res.JournalRef = v.JournalRef
	res.DOI = v.DOI
	res.Similarity = v.Similarity
	res.Attempts = v.Attempts
	res.Duration = v.Duration
	if v.URL != "" && cl.URLPrefix != "" && strings.HasPrefix(r.URL, cl.URLPrefix) {
		res.FinalURL = webpage.Redact(v.URL + strings.TrimPrefix(r.URL, cl.URLPrefix))
	}
	if res.Status == status.Unknown {
		res.Status, res.Message = status.Error, name(vr)+" gave no status"
	}
	accept(r, &res)
	return res
}

// githubGroup is the host group of the GitHub API, which gets its own
// politeness slot: one request at a time, as GitHub asks.
func (o *Options) githubGroup() string {
	u, err := url.Parse(cmp.Or(o.GitHubAPI, github.DefaultAPI))
	if err != nil {
		return ""
	}
	return hostGroup(u.Hostname())
}
