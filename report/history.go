package report

import (
	"fmt"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// hasHistory reports whether the run was compared with an earlier one (a
// state file was kept), which changes how markdown lays out failures.
func hasHistory(run Run) bool {
	if len(run.Resolved) > 0 {
		return true
	}
	for _, r := range run.Results {
		if r.History.Kept() {
			return true
		}
	}
	return false
}

// historyNote is " · new", " · since 2025-05-18, 3 runs" or " · watching (1
// of 2 runs)": where a result stands in the history, "" without one.
// "Watching" promises that the result fails the run once it has lasted: it
// is said only of a status in FailOn. A pending timeout under the default
// --fail-on broken will never fail the run, so it reads like any warning.
func historyNote(opts Options, r result.Result) string {
	h := r.History
	switch {
	case !h.Kept():
		return ""
	case h.Pending && opts.FailOn.Has(r.Status):
		return fmt.Sprintf(" · watching (%d of %d runs)", h.FailingRuns, h.FailAfter)
	case h.Change == result.ChangeNew:
		return " · new"
	}
	return fmt.Sprintf(" · since %s, %d runs", h.Since.UTC().Format(dateLayout), h.Runs)
}

// failNote is the note a heading gets when its results fail the run. A
// group of pending results only (transient failures being watched) does
// not fail it yet, and says so.
func failNote(opts Options, results []result.Result) string {
	failing, pending := 0, 0
	for _, r := range results {
		switch {
		case !opts.FailOn.Has(r.Status):
		case r.History.Pending:
			pending++
		default:
			failing++
		}
	}
	switch {
	case failing > 0 && pending > 0:
		return fmt.Sprintf(" · fails the run · %d watching", pending)
	case failing > 0:
		return " · fails the run"
	case pending > 0:
		return " · watching, not failing yet"
	}
	return ""
}

// resolvedFinding is what a resolved target was: "was broken since
// 2025-05-18 (2 runs)".
func resolvedFinding(previous status.Status, since string, runs int) string {
	return fmt.Sprintf("was %s since %s (%s)", previous, since, pluralRuns(runs))
}

func pluralRuns(n int) string {
	if n == 1 {
		return "1 run"
	}
	return fmt.Sprintf("%d runs", n)
}
