// Package verifier is the one interface behind which each outside service
// verifies what a catalog links to, asking the service's own API (arXiv
// papers, GitHub repositories, Hugging Face Spaces, models and datasets).
//
// The checker knows nothing of any platform. It asks each Verifier which
// targets an entry names (Claims), sends it the distinct targets of the
// run once (Verify) and turns each Verdict into a result for every entry
// that claimed the target. Verifiers send their requests through the run's
// Sender, so that they are paced with every other request to the same host
// and retried by the tool's one policy.
package verifier

import (
	"context"
	"time"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/hostpool"
	"github.com/ai-reading-list/linkcheck/status"
)

// Target is one thing a platform verifies. It is comparable, so that the
// checker asks about each target once however many entries name it.
type Target struct {
	// Kind is the platform's name, the results' target kind: "github".
	Kind string
	// Key identifies the target within its kind, in the form the
	// verifier asks its API about ("owner/repo", "spaces/owner/name").
	// Names that differ only in case are one key where the platform says
	// they are one repository.
	Key string
	// Title is the entry's title when the verdict compares it with the
	// service's (a paper's), so that entries citing one paper under two
	// titles are two targets; empty when no title is compared.
	Title string
}

// Claim is a target an entry names, and how.
type Claim struct {
	Target Target
	// Repo is the target's name as the entry writes it, for reports.
	Repo string
	// URLPrefix, when the target was read from the entry's URL, is the
	// part of that URL that names it ("https://github.com/owner/repo");
	// a renamed target's new address replaces it in the URL.
	URLPrefix string
	// CoversURL says the entry's URL is the target's own page and the
	// target's verdict is its check: the page is not fetched, unless the
	// API could not answer for the target (blocked, error, timeout).
	CoversURL bool
	// IsURL says the target was read from the entry's URL and its verdict
	// is that URL's result (an arxiv.org link, which arXiv's API answers
	// for): the result's target is the URL, and the page is never fetched.
	IsURL bool
	// Paper is a paper's arXiv ID as results name it, with any version
	// the entry pins ("1706.03762v5"), where Repo names a repository.
	Paper string
}

// Verdict is what a platform says about one target.
type Verdict struct {
	Status  status.Status
	Message string
	Code    int // the API's final HTTP status, 0 if none
	// URL is the target's page today, set when it was renamed or moved.
	URL string
	// CurrentRepo is the target's name today, set when it was renamed.
	CurrentRepo string
	PushedAt    time.Time // last push, where the platform says
	Stage       string    // a Space's runtime stage, as the API names it
	Attempts    int       // requests made for this target, retries included
	Duration    time.Duration

	// What arXiv says of a paper.
	CurrentTitle string
	Version      int       // latest version number
	VersionDate  time.Time // date of the latest version
	JournalRef   string
	DOI          string
	Similarity   float64 // the entry's title against the current one, in [0,1]
}

// Verifier checks targets against one platform's API. One that also has
// a Name ("arXiv") is named by it in messages, else by its Kind.
type Verifier interface {
	// Kind is the platform's name, the Kind of its targets.
	Kind() string
	// Claims returns the targets r names on this platform, each once.
	Claims(r *catalog.Resource) []Claim
	// Verify asks about each target and calls emit once per target, never
	// concurrently. The error is ctx's when the run was stopped, or says
	// why the targets left without a verdict could not be checked.
	Verify(ctx context.Context, targets []Target, emit func(Target, Verdict)) error
}

// Attempt is one try of a request, as the Sender's retry policy sees it,
// and Tried its end after the retries: the host pool's own types, since
// every verifier sends through it.
type (
	Attempt = hostpool.Outcome
	Tried   = hostpool.Done
)

// Sender sends a verifier's requests through the run's host pool.
type Sender interface {
	// Try runs try, one attempt of a request to the host group, until
	// the retry policy is done with it. Each attempt waits its turn in
	// the pool and counts as in flight until try returns, so try reads
	// what it needs of the answer before it returns.
	Try(ctx context.Context, group string, try func(context.Context) Attempt) Tried
}
