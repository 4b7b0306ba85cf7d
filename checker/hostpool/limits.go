package hostpool

import (
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// A host's pace is decided here, and only here: which hosts share a group
// (GroupOf), the limit of a group nobody tuned (DefaultLimit), the
// published policies of the sites that have one (arXiv's), and how a
// run's own settings come on top (Limits).

// The limit of a host group nobody set one for: two requests a second,
// two at once, which any site serving people can take.
const (
	DefaultRate     = 2.0 // requests per second, as seen by the server
	DefaultBurst    = 2
	DefaultInFlight = 2
)

// DefaultLimit is the limit of a host group nobody set one for.
func DefaultLimit() Limit {
	return Limit{Rate: DefaultRate, Burst: DefaultBurst, Concurrency: DefaultInFlight}
}

// ArxivGroup is the host group of all of arXiv's hosts, its web pages,
// its API and OAI-PMH alike: arXiv's policy covers them together.
const ArxivGroup = "arxiv.org"

// ArxivInterval is arXiv's terms of use: one request every 3 s, counted
// between arrivals at arXiv.
const ArxivInterval = 3 * time.Second

// ArxivLimit is arXiv's published policy as a group's limit: one
// connection, one request every ArxivInterval. A Pool counts each request
// from when its answer came back, so that arXiv sees its requests 3 s
// apart whatever the network's latency.
func ArxivLimit() Limit {
	return Limit{Rate: 1 / ArxivInterval.Seconds(), Burst: 1, Concurrency: 1}
}

// WaybackGroup is the host group of the Wayback Machine, its CDX server
// and its playback alike: one host, one pace.
const WaybackGroup = catalog.WaybackHost

// WaybackLimit is the pace the Internet Archive's heavy clients are asked
// to keep (it publishes no limit, and answers more with 429): one request
// a second, no burst, two in flight. A run asks it only about gone links,
// a few requests each, so the pace costs little.
func WaybackLimit() Limit {
	return Limit{Rate: 1, Burst: 1, Concurrency: 2}
}

// GroupOf returns the host group of a host name: the host in lower case
// without a trailing dot, and ArxivGroup for any of arXiv's hosts. It is
// catalog.HostGroup, the one rule, so that validate judges settings.hosts
// by the groups the pool paces.
func GroupOf(host string) string { return catalog.HostGroup(host) }

// Limits decides every host group's limit for one run, in this order: the
// run's default, then the published policy of a site that has one
// (ArxivLimit for ArxivGroup, WaybackLimit for WaybackGroup, then Sites), then the run's Overrides. Each
// step replaces only the fields it sets (non-zero).
type Limits struct {
	// Default is the limit of any group not named below; its zero fields
	// take DefaultLimit's.
	Default Limit
	// Sites holds the policies a run learns of sites it talks to, by
	// group: an API host that asks for one request at a time.
	Sites map[string]Limit
	// Overrides are the run's own settings, by group.
	Overrides map[string]Limit
}

// Of returns the limit of group. It fits Config.Limit.
func (l Limits) Of(group string) Limit {
	lim := overlay(DefaultLimit(), l.Default)
	switch group {
	case ArxivGroup:
		lim = ArxivLimit()
	case WaybackGroup:
		lim = WaybackLimit()
	}
	if s, ok := l.Sites[group]; ok {
		lim = overlay(lim, s)
	}
	if ov, ok := l.Overrides[group]; ok {
		lim = overlay(lim, ov)
	}
	return lim
}

// overlay returns base with the fields top sets.
func overlay(base, top Limit) Limit {
	if top.Rate != 0 {
		base.Rate = top.Rate
	}
	if top.Burst != 0 {
		base.Burst = top.Burst
	}
	if top.Concurrency != 0 {
		base.Concurrency = top.Concurrency
	}
	return base
}
