package result

import (
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// TargetKind says what a result checked: a URL, an arXiv identifier, or a
// repository on a platform that has an API for it.
type TargetKind string

// The target kinds.
const (
	TargetURL   TargetKind = "url"
	TargetArxiv TargetKind = "arxiv"
	// TargetGitHub is a GitHub repository, asked of the GitHub API.
	TargetGitHub TargetKind = "github"
	// TargetHuggingFace is a Space, model or dataset, asked of the Hub API.
	TargetHuggingFace TargetKind = "huggingface"
)

// TargetKinds lists every target kind, in the order reports name them.
func TargetKinds() []TargetKind {
	return []TargetKind{TargetURL, TargetArxiv, TargetGitHub, TargetHuggingFace}
}

// Hop is one redirect of a chain: the URL that answered and its code.
type Hop struct {
	URL  string
	Code int
}

// Result is the outcome of checking one target of one catalog entry. A dead
// link is a Result, not an error.
type Result struct {
	// The catalog entry.
	ID      string
	Section string
	Title   string // the catalog's title
	Line    int    // line of the entry in the catalog
	// TargetLine and TargetColumn are where the catalog writes the
	// target: the value of the url, arxiv or github key it was read from
	// (the entry's own position when no key holds it); 0 when unknown.
	// Code scanning points an alert there, so it follows the key, not
	// the entry's first line.
	TargetLine   int
	TargetColumn int

	Target TargetKind
	URL    string // the URL checked (TargetURL), or the entry's URL
	Arxiv  string // the canonical arXiv ID checked (TargetArxiv), with "vN" when the catalog pins one

	Status    status.Status
	Code      int    // final HTTP status code, 0 if none
	FinalURL  string // where redirects led, when different from URL
	Redirects []Hop
	PageTitle string // <title> of the page, when one was read

	// arXiv metadata (TargetArxiv only).
	CurrentTitle string
	Version      int       // latest version number
	VersionDate  time.Time // date of the latest version
	JournalRef   string
	DOI          string
	// CatalogDOI is the entry's own doi key, when it has one: a report
	// compares it with the DOI arXiv records (a human decides which is
	// right; fix never overwrites it).
	CatalogDOI string
	Similarity float64 // title similarity in [0,1] when Retitled

	// Platform repository (TargetGitHub, TargetHuggingFace).
	Repo        string    // GitHub "owner/repo"; Hub "spaces/owner/name", "datasets/owner/name" or a model's "owner/name"
	CurrentRepo string    // the repository's name today, when renamed or transferred
	PushedAt    time.Time // GitHub: the last push to any branch
	Stage       string    // Hub: a Space's runtime stage ("RUNNING", "RUNTIME_ERROR")

	// Archived copy (TargetURL): for a gone link, the newest Wayback
	// Machine capture of its live page, or the catalog's archive key's
	// copy; ArchiveNote says why there is none ("no archived copy of the
	// live page", "archive lookup failed: …") or what the copy says
	// about the original ("the original is back: archive can go").
	ArchiveURL  string
	ArchivedAt  time.Time
	ArchiveNote string

	// IgnoreExpired is the until date of the entry's ignore when it has
	// expired: the entry was checked as usual, and the ignore needs
	// removing or extending.
	IgnoreExpired time.Time

	// Message says why the status was given ("HTTP 404", "redirected to the
	// site's home page", "withdrawn", the error text).
	Message  string
	Attempts int
	Duration time.Duration

	// NetworkFailure is set when no HTTP answer arrived: the DNS lookup,
	// the connection or the TLS handshake failed, was reset or timed out.
	// Such a failure may be the path's, not the page's, so it is treated
	// as transient (see History); a 404 or a soft 404 is the page's own.
	NetworkFailure bool

	// PrivateAddress is set on a result skipped because its URL names a
	// private address or a host name of private use, which the run does
	// not connect to unless Options.AllowPrivate.
	PrivateAddress bool

	// History is filled in when the run keeps a state file.
	History History
}
