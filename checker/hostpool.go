package checker

import (
	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/arxiv"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
)

// arxivGroup is the host group of arXiv's hosts, web and API alike.
const arxivGroup = arxiv.Group

// hostGroup maps a URL's host to the group whose limits apply
// (catalog.HostGroup: the catalog validates settings.hosts by the same
// rule).
func hostGroup(host string) string { return catalog.HostGroup(host) }

// newPool returns the politeness state of one run: every request of the
// run (links, the arXiv API, any other API) goes through it.
func (c *Checker) newPool() *hostpool.Pool {
	return hostpool.New(hostpool.Config{
		Concurrency: c.opts.Concurrency,
		Limit:       func(group string) hostpool.Limit { return hostpool.Limit(c.opts.hostLimit(group)) },
		Group:       hostGroup,
		Retry:       hostpool.Policy{Retries: c.opts.Retries, MaxWait: c.opts.MaxRetryWait},
	})
}
