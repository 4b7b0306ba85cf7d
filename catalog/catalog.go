// Package catalog loads and validates a linkcheck catalog (resources.yaml):
// the curated list of papers, posts, leaderboards and tools whose links
// linkcheck keeps honest.
//
// Loading (Parse, Load) turns YAML into a Catalog and keeps the position of
// every node; validation (Validate) reports every problem at once, each with
// its file:line:col. The two are separate so that tools can load a catalog
// with problems and still show what they can.
package catalog

import (
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// SchemaVersion is the only catalog schema version this package reads.
const SchemaVersion = 1

// Pos is a 1-based position in the catalog file.
type Pos struct {
	Line   int
	Column int
}

// Catalog is a parsed resources.yaml.
type Catalog struct {
	// File is the name positions are reported against (e.g. "resources.yaml").
	File     string
	Version  int
	Settings Settings
	Sections []Section
	// Fields holds the position of each top-level key's value.
	Fields map[string]Pos

	// malformed holds the positions of values Parse already reported as
	// unreadable (wrong type, bad format), so that Validate does not report
	// the same value a second time as empty or out of range.
	malformed map[Pos]struct{}
	// misspelt holds required keys that an unknown key in the same mapping
	// was taken to be a typo of ("titel"): one mistake, reported once.
	misspelt map[misspelling]struct{}
}

// misspelling is a key suggested for an unknown key of the mapping at Pos.
type misspelling struct {
	at  Pos
	key string
}

// Settings holds catalog-wide defaults for checks. Zero values mean "not set
// here": the checker's defaults, or command-line flags, apply.
type Settings struct {
	Concurrency     int           // global requests in flight
	HostConcurrency int           // requests in flight per host
	HostRate        float64       // requests per second per host
	RequestTimeout  time.Duration // per request
	Retries         int
	// StaleAfter is how long a repository may go without a push before
	// it is stale; 0 when not set.
	StaleAfter time.Duration
	// Hosts overrides the per-host limits for named hosts (lower-case, no
	// port), e.g. "arxiv.org".
	Hosts map[string]HostSettings
	// State is the file that keeps the history between runs (see
	// package state), as written: relative to the catalog's directory.
	State string
	// Archive is whether gone links are looked up in the Wayback Machine
	// for an archived copy; it counts only when Fields has "archive"
	// (absent, lookups are on).
	Archive bool
	Pos     Pos
	// Fields holds the position of each key's value; it also tells an
	// explicit zero ("retries: 0") from an absent key.
	Fields map[string]Pos
}

// HostSettings are the politeness limits for one host.
type HostSettings struct {
	Rate        float64 // requests per second; 0 = default
	Burst       int     // token bucket size; 0 = default
	Concurrency int     // requests in flight; 0 = default
	// Pos is the position of the host name (the key), which is what a
	// problem with the entry is usually about.
	Pos    Pos
	Fields map[string]Pos
}

// Section groups resources under a heading of the reading list.
type Section struct {
	ID        string
	Title     string
	Resources []Resource
	Pos       Pos
	Fields    map[string]Pos
}

// Kind is what sort of resource an entry is.
type Kind string

// The closed set of kinds.
const (
	KindPaper       Kind = "paper"
	KindPost        Kind = "post"
	KindBlog        Kind = "blog"
	KindLeaderboard Kind = "leaderboard"
	KindTool        Kind = "tool"
	KindRepo        Kind = "repo"
	KindTalk        Kind = "talk"
	KindSystemCard  Kind = "system-card"
	KindDataset     Kind = "dataset"
)

// Kinds lists every valid kind.
func Kinds() []Kind {
	return []Kind{KindPaper, KindPost, KindBlog, KindLeaderboard, KindTool, KindRepo, KindTalk, KindSystemCard, KindDataset}
}

// Resource is one entry of the catalog.
type Resource struct {
	ID     string
	Title  string
	Kind   Kind
	URL    string // may be empty when Arxiv is set
	Arxiv  string // as written in the file; may be empty when URL is set
	GitHub string // owner/repo
	// DOI is where the work was published, as a bare DOI ("10.1145/…"),
	// not a doi.org URL: it names the version a reader may cite.
	DOI string
	// Archive is a Wayback Machine capture of the page at URL
	// ("https://web.archive.org/web/20230512083000/https://…"), for a
	// link that died: readers are sent to the copy while the original
	// stays gone.
	Archive string
	Tags    []string
	Note    string
	// Alternates are other URLs known to lead to the same resource: a
	// redirect to one of them is expected, not a move.
	Alternates []string
	Accept     []Accept
	Ignore     *Ignore

	// Section is the ID of the section holding the resource.
	Section string
	// Pos is the position of the resource's mapping (its first key).
	Pos Pos
	// Fields holds the position of each key's value, by key name, so that
	// later checks can point at the offending field; each alternate's is
	// under "alternates[i]".
	Fields map[string]Pos
}

// Accept makes an extra status or HTTP code count as fine for one entry.
// Exactly one of Status and Code is set.
type Accept struct {
	Status status.Status
	Code   int
	Reason string
	Pos    Pos
	Fields map[string]Pos
}

// Ignore skips an entry until a date.
type Ignore struct {
	Reason string
	Until  time.Time // a date, at UTC midnight
	Pos    Pos
	Fields map[string]Pos
}

// Resources returns every resource in catalog order.
func (c *Catalog) Resources() []Resource {
	n := 0
	for _, s := range c.Sections {
		n += len(s.Resources)
	}
	out := make([]Resource, 0, n)
	for _, s := range c.Sections {
		out = append(out, s.Resources...)
	}
	return out
}

// Count returns the number of resources and of sections.
func (c *Catalog) Count() (resources, sections int) {
	for _, s := range c.Sections {
		resources += len(s.Resources)
	}
	return resources, len(c.Sections)
}
