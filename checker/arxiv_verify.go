package checker

import (
	"context"
	"net/http"
	"sync"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/webpage"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// verifier returns the run's arXiv verifier: the one in Options, or the
// real client sending through the run's pool, in arXiv's host group: one
// pace with the run's arxiv.org links, the run's retry policy, and its
// network-down detection. It shares the checker's transport (its dialer,
// TLS settings and private-address guard), but with its own http.Client
// because, unlike link checks, API calls should follow redirects by
// themselves.
func (c *Checker) verifier(pool *hostpool.Pool) ArxivVerifier {
	if c.opts.Arxiv != nil {
		return c.opts.Arxiv
	}
	return arxiv.New(arxiv.Config{
		BaseURL:    c.opts.ArxivAPI,
		OAIBaseURL: c.opts.ArxivOAI,
		HTTPClient: &http.Client{Transport: c.rt, Timeout: c.opts.RequestTimeout},
		UserAgent:  c.opts.UserAgent,
		Pool:       pool,
	})
}

var _ ArxivVerifier = (*arxiv.Client)(nil)

// verifyArxiv verifies the plan's papers and emits one Result per entry
// citing each. Papers the verifier left without a verdict (it failed, or
// skipped them) get an error result, so that every planned result is
// emitted, unless the run was stopped.
func (c *Checker) verifyArxiv(ctx context.Context, p *plan, pool *hostpool.Pool, out *emitter) {
	var (
		mu   sync.Mutex
		done = make(map[arxiv.Paper]bool, len(p.papers))
	)
	report := func(paper arxiv.Paper, v arxiv.Verdict) {
		mu.Lock()
		if done[paper] || (p.byPaper[paper] == nil && p.byLink[paper] == nil) {
			mu.Unlock()
			return
		}
		done[paper] = true
		mu.Unlock()
		for _, i := range p.byPaper[paper] {
			out.emit(arxivResult(p.res[i], paper, v))
		}
		for _, i := range p.byLink[paper] {
			out.emit(arxivLinkResult(p.res[i], paper, v))
		}
	}
	err := c.verifier(pool).Verify(ctx, p.papers, report)
	if ctx.Err() != nil {
		return
	}
	msg := "arXiv gave no verdict"
	if err != nil {
		msg = "arXiv verification failed: " + webpage.ErrText(err)
	}
	for _, paper := range p.papers {
		report(paper, arxiv.Verdict{Status: status.Error, Message: msg})
	}
}

func arxivResult(r *catalog.Resource, paper arxiv.Paper, v arxiv.Verdict) result.Result {
	return paperResult(baseResult(r, result.TargetArxiv), r, paper, v)
}

// arxivLinkResult is the result of an entry's arxiv.org URL, which arXiv's
// API answered for: a URL result that carries what arXiv said.
func arxivLinkResult(r *catalog.Resource, paper arxiv.Paper, v arxiv.Verdict) result.Result {
	return paperResult(baseResult(r, result.TargetURL), r, paper, v)
}

func paperResult(res result.Result, r *catalog.Resource, paper arxiv.Paper, v arxiv.Verdict) result.Result {
	// The pinned version stays: "v5 → v7" needs both ends.
	res.Arxiv = catalog.ArxivID{ID: paper.ID, Version: paper.Version}.String()
	res.Status = v.Status
	res.CurrentTitle = v.CurrentTitle
	res.Version = v.LatestVersion
	res.VersionDate = v.VersionDate
	res.JournalRef = v.JournalRef
	res.DOI = v.DOI
	res.Similarity = v.Similarity
	res.Message = v.Message
	res.Attempts = v.Attempts
	res.Duration = v.Duration
	if res.Status == status.Unknown {
		res.Status, res.Message = status.Error, "arXiv gave no status"
	}
	accept(r, &res)
	return res
}
