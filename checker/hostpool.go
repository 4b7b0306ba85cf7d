package checker

import "github.com/ai-reading-list/linkcheck/checker/hostpool"

// hostGroup maps a URL's host to the group whose limits apply.
func hostGroup(host string) string { return hostpool.GroupOf(host) }

// newPool returns the politeness state of one run: every request of the
// run (links, the arXiv API, any other API) goes through it.
func (c *Checker) newPool() *hostpool.Pool {
	return hostpool.New(hostpool.Config{
		Concurrency: c.opts.Concurrency,
		Limit:       c.opts.limits().Of,
		Group:       hostGroup,
		Retry:       hostpool.Policy{Retries: c.opts.Retries, MaxWait: c.opts.MaxRetryWait},
	})
}
