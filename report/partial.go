package report

import "fmt"

// Stop says why a run ended before it had checked every target.
type Stop string

// The reasons a run stops early. The zero Stop, from a run saved before
// reasons were recorded, reads as interrupted.
const (
	StopInterrupted Stop = "interrupted" // a signal: Ctrl-C, a cancelled CI job
	StopTimeout     Stop = "timeout"     // the run's own time limit (--timeout)
)

// Stopped says how a partial run ended: "timed out with 3 of 7 targets not
// reached". Whoever decides whether to trust the report needs both the
// reason (a timeout is the run's own setting, a signal someone's act) and
// how much is missing.
func (r Run) Stopped() string {
	what := "interrupted"
	if r.Stop == StopTimeout {
		what = "timed out"
	}
	if n := notReached(r); n != "" {
		what += " with " + n
	}
	return what
}

// partialTitle names a partial run's end in a heading: "Timed out".
func partialTitle(r Run) string {
	if r.Stop == StopTimeout {
		return "Timed out"
	}
	return "Interrupted"
}

// notReached is "3 of 7 targets not reached", or "" when the run did not
// record it (a run saved by an older linkcheck).
func notReached(r Run) string {
	if r.NotReached <= 0 {
		return ""
	}
	return fmt.Sprintf("%d of %d targets not reached", r.NotReached, len(r.Results)+r.NotReached)
}

// partialNote is the sentence after "partial results" in a report.
func partialNote(r Run) string {
	if n := notReached(r); n != "" {
		return n
	}
	return "not every target was checked"
}
