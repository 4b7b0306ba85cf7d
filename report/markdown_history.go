package report

import (
	"strings"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
)

// Headers of the history's tables: failures of several statuses share one
// table, so they name the status.
const (
	mdFailingHeader  = "| Status | Entry | Line | URL | Found | Suggested fix |\n|---|---|---|---|---|---|\n"
	mdResolvedHeader = "| Entry | Line | URL | Was |\n|---|---|---|---|\n"
)

// historySections takes the results that fail the run (their status is in
// FailOn) out of results and lays them out as a maintainer reads a
// tracking issue: new since the last run, still failing, then what was
// resolved. The other results are returned for the usual status sections.
func historySections(run Run, opts Options, results []result.Result) (lead []*mdSection, rest []result.Result) {
	var fresh, still []result.Result
	for _, r := range results {
		switch {
		case !opts.FailOn.Has(r.Status):
			rest = append(rest, r)
		case r.History.Change == result.ChangeSame:
			still = append(still, r)
		default:
			fresh = append(fresh, r)
		}
	}
	add := func(heading, header, note string, rows []string) {
		if len(rows) > 0 {
			lead = append(lead, &mdSection{heading: heading, header: header, note: note, rows: rows, shown: len(rows)})
		}
	}
	add("New since last run", mdFailingHeader, failNote(opts, fresh), failingRows(run, opts, fresh))
	add("Still failing", mdFailingHeader, failNote(opts, still), failingRows(run, opts, still))
	add("Resolved since last run", mdResolvedHeader, "", resolvedRows(run, opts, run.Resolved))
	return lead, rest
}

// failingRows are the usual rows with the status first.
func failingRows(run Run, opts Options, results []result.Result) []string {
	rows := markdownRows(run, opts, results)
	for i, r := range results {
		rows[i] = "| " + r.Status.String() + " " + rows[i]
	}
	return rows
}

// resolvedTarget is what a resolved row names: the target that was
// fixed (the repository of a platform target, not the entry's website).
func resolvedTarget(r state.Resolved) result.Result {
	return result.Result{Target: r.Target, URL: r.URL, Arxiv: r.Arxiv, Repo: r.Repo}
}

func resolvedRows(run Run, opts Options, resolved []state.Resolved) []string {
	rows := make([]string, len(resolved))
	for i, r := range resolved {
		cells := []string{
			cell(r.ID),
			lineLink(run.Catalog, r.Line, opts.LinkBase),
			targetLink(resolvedTarget(r)),
			cell(resolvedFinding(r.Previous, r.Since.UTC().Format(dateLayout), r.Runs)),
		}
		rows[i] = "| " + strings.Join(cells, " | ") + " |\n"
	}
	return rows
}
