package checker

import "github.com/ai-reading-list/linkcheck/checker/hostpool"

// ErrNetworkUnavailable is returned (wrapped, see NetworkError) when no
// host could be reached at all: the machine is offline, so the run's
// results say nothing about the links.
var ErrNetworkUnavailable = hostpool.ErrNetworkUnavailable

// NetworkError reports a run in which every host attempted (links, the
// arXiv API, any other API) failed at the network level.
// errors.Is(err, ErrNetworkUnavailable) holds.
type NetworkError = hostpool.NetworkError
