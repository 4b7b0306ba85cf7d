package checker

import (
	"context"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// poolSender lets the platform verifiers send through the run's host pool:
// each attempt waits its host group's turn (so API requests to a host are
// paced with its page checks), feeds the group's adaptive back-off and the
// network-down detection, and is retried by the one retry policy.
type poolSender struct {
	pool *hostpool.Pool
}

var _ verifier.Sender = poolSender{}

// Try implements verifier.Sender. host is a host name; arXiv's hosts share
// one group as everywhere else.
func (s poolSender) Try(ctx context.Context, host string, try func(context.Context) verifier.Attempt) verifier.Tried {
	return s.pool.Try(ctx, s.pool.Group(host), try)
}
