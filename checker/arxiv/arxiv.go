// Package arxiv verifies papers against arXiv's own metadata: that each ID
// exists, that its title still matches, which version is the latest, and
// whether it was withdrawn. It talks to the arXiv API in batches and within
// arXiv's published rate policy.
//
// A paper exists when an entry's <id> names it; neither totalResults nor
// entry positions count, and an ID left out of a batch answer is asked for
// again on its own before it is called Broken. Titles are compared after
// normalization (TeX read as the Unicode it prints, then NFKC, case
// folding, punctuation and dashes dropped); Similarity is the Jaccard index of the two titles' word sets.
// A changed title is looked up in the paper's older versions (IDvK) to
// tell a retitle from a wrong ID.
//
// Withdrawals show only in the arXiv comment. A comment stating that the
// paper itself is withdrawn ("This paper has been withdrawn", "Withdrawn:
// …") is taken at its word; one that merely mentions a withdrawal (of a
// section, a lemma, from a conference) is confirmed with one OAI-PMH arXivRaw record
// (last version 0kb or source flag I), and when OAI-PMH cannot answer the
// paper is reported Error rather than guessed either way.
//
// Failures to reach arXiv are never evidence about a paper: they give
// Error, not Broken.
package arxiv

import (
	"net/http"
	"time"

	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/status"
)

// Defaults of the arXiv client.
const (
	DefaultBaseURL    = "https://export.arxiv.org/api/query"
	DefaultOAIBaseURL = "https://oaipmh.arxiv.org/oai"
	DefaultBatchSize  = 100
	// DefaultInterval is arXiv's terms of use: one request every 3 s,
	// counted between arrivals at arXiv (see Limit).
	DefaultInterval = hostpool.ArxivInterval
	// DefaultRetries is how many times a failed request is repeated.
	DefaultRetries = hostpool.DefaultRetries
	// DefaultMaxRetryWait caps one back-off; arXiv asking for a longer
	// wait is reported instead of asked again early.
	DefaultMaxRetryWait = hostpool.DefaultMaxWait
	// DefaultTimeout bounds one request: arXiv's edge is known to stall
	// about 15 s before answering 429.
	DefaultTimeout = 30 * time.Second
	// DefaultUserAgent identifies linkcheck to arXiv, as its API terms ask.
	DefaultUserAgent = "linkcheck/1 (+https://github.com/ai-reading-list/linkcheck)"
)

// Paper is one catalog paper to verify.
type Paper struct {
	ID      string // canonical arXiv ID without version ("1706.03762", "hep-th/9901001")
	Version int    // version pinned by the catalog, 0 if none
	Title   string // the catalog's title
	// Link marks a paper known only from an arxiv.org link: its existence,
	// withdrawal and pinned version are checked, but there is no title of
	// its own to compare (the entry's title names the entry, not
	// necessarily this paper).
	Link bool
}

// Verdict is what arXiv says about one Paper.
type Verdict struct {
	Status        status.Status // OK, Broken, Retitled, Updated or Error
	CurrentTitle  string
	LatestVersion int
	VersionDate   time.Time
	JournalRef    string
	DOI           string
	Similarity    float64 // catalog title vs current title, in [0,1]
	Message       string
	Attempts      int // API requests this paper's verdict took part in
	Duration      time.Duration
}

// Group is the host group of every arXiv request in a hostpool.Pool: the
// API, OAI-PMH and arxiv.org pages share one pace.
const Group = hostpool.ArxivGroup

// Limit returns arXiv's published policy as a host group limit
// (hostpool.ArxivLimit): one connection, one request every 3 s.
func Limit() hostpool.Limit { return hostpool.ArxivLimit() }

// Config configures a Client. Zero fields take the defaults above.
type Config struct {
	BaseURL    string
	OAIBaseURL string
	HTTPClient *http.Client
	UserAgent  string
	// Pool paces and retries every API and OAI-PMH request, in host group
	// Group, by linkcheck's one policy; a run passes its own so that
	// arXiv's requests and its other arxiv.org traffic share one pace and
	// feed one network-down detection. When nil the client makes one with
	// Limit, Retries, MaxRetryWait and Clock.
	Pool      *hostpool.Pool
	BatchSize int
	// Retries is how many times a failed request is repeated; negative
	// means never. Used only when Pool is nil.
	Retries      int
	MaxRetryWait time.Duration
	// Clock paces requests and times them; nil means real time. Tests
	// inject a fake one so that thousands of paced requests finish at once.
	Clock Clock
}

// Clock is the time source of pacing, back-off and timings.
type Clock = hostpool.Clock
