// Package state is linkcheck's memory between runs: what each target of
// the catalog looked like last time, so that a run can tell a link that
// died this week from one dead for months, notice what was fixed, and wait
// out a flaky night before raising an alarm.
//
// The state is a small JSON document (schema linkcheck.state/v1) that Load
// reads and Save writes atomically. Merge, a pure function, folds a
// finished run into it: run results + previous state + time → annotated
// results, the new state and the targets resolved since the last run. The
// state also keeps a summary of each of the last runs (Trend), for a chart
// of the catalog's health over time.
package state

import (
	"time"

	"github.com/ai-reading-list/linkcheck/status"
)

// Schema names the state document's format. It changes only when a field
// is removed or changes meaning; fields may be added within v1.
const Schema = "linkcheck.state/v1"

// State is what later runs need to know about earlier ones.
type State struct {
	UpdatedAt time.Time // when the run that wrote it started
	Targets   map[Key]Target
	// Trend sums up the last MaxTrend complete runs, oldest first; a
	// state written before it was kept has none.
	Trend []RunSummary
}

// New returns an empty state: the history of a catalog never checked.
func New() *State { return &State{Targets: map[Key]Target{}} }

// Target is the remembered history of one target.
type Target struct {
	Status status.Status // the status of the last run that checked it
	// Since is when the first run of the current streak of Status
	// started; Runs is how many consecutive runs the streak has lasted.
	Since time.Time
	Runs  int
	// FailingRuns counts the consecutive runs that ended in a transient
	// failure, whatever the exact status (see Transient).
	FailingRuns int
	LastChecked time.Time
	LastOK      time.Time // zero if never ok

	URL       string // the URL checked (for a repository or paper: the entry's URL)
	FinalURL  string // where its redirects led
	PageTitle string // the last <title> a 2xx answer gave at URL

	Repo string // the repository checked (GitHub, Hugging Face)

	Arxiv        string // the arXiv ID checked
	ArxivVersion int    // the latest version seen
	ArxivTitle   string // arXiv's title, as last seen
}
