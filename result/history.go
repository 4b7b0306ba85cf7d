package result

import "time"

// Change says how a result's status compares with the previous run's.
type Change string

// The changes. The zero Change means the run kept no history.
const (
	ChangeNew  Change = "new"  // the status differs from the last run's, or there is no history
	ChangeSame Change = "same" // the status is the last run's
)

// History places a result in the catalog's history across runs. The
// checker leaves it zero; a run that keeps a state file (package state)
// fills it in, and the zero value means no history was kept.
type History struct {
	Change Change
	// Since is the first run of the current streak of this status; Runs
	// counts the runs of the streak, this one included.
	Since time.Time
	Runs  int
	// FailingRuns counts the consecutive runs that ended in a transient
	// failure (timeout, error, or broken without an HTTP answer), whatever
	// the exact status, this one included; 0 when this run did not.
	FailingRuns int
	// Pending marks a transient failure that has not lasted FailAfter
	// runs yet: it keeps its status but does not fail the run.
	Pending   bool
	FailAfter int // the runs a transient failure must last to count; set when Pending
	// PreviousTitle is the page's <title> in the last run, set only when
	// it changed substantially since.
	PreviousTitle string
}

// Kept reports whether the result was compared with an earlier run.
func (h History) Kept() bool { return h.Change != "" }
