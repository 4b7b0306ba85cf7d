package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/report"
)

type checkOptions struct {
	checkFlags
	outputFlags
}

func newCheckCmd(e env) *cobra.Command {
	opts := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check every link and paper; exit 1 when something fails (for CI)",
		Long: `Check runs every check of the catalog: each URL (politely: per-host rate
limits, retries with back-off) and each arXiv paper against arXiv's metadata.
It prints the results that need attention and a summary; with --format json
it prints every result, ok ones included.

For each gone link (broken with an answer: 404/410, soft 404, parked, a
host that does not resolve) it looks up the newest archived copy of the
live page in the Wayback Machine, up to when the state file last saw the
link ok, and reports it ("archived copy from 2023-05-12: URL") or says
none exists; a failed lookup never changes a verdict nor fails the run.
--archive=false (or settings.archive: false) turns lookups off. An entry
whose archive key's copy plays back while its link stays gone is archived,
which fails nothing by default.

Before the first request it refuses an --output, --badge or state file that is one
of the files it reads (the catalog, the state file, --changed-from: exit 2)
and any file it could not write (exit 3), so nothing is lost and no run is
wasted.

Exit 0 when no result's status is in --fail-on, 1 when one is, 2 for an
invalid catalog or usage, 3 when it could not check (network unavailable,
interrupted or timed out: the partial report says how many targets were
not reached; unwritable output; a --format sarif report over GitHub code
scanning's limits of 25,000 results or 10 MB gzipped). When
GITHUB_STEP_SUMMARY is set the
Markdown report is appended to the job summary too, cut to GitHub's 1 MiB;
a summary that cannot be written, or that names one of the run's own files
(the catalog, the state file, --output), is only a warning.`,
		Example: `  linkcheck check
  linkcheck check --fail-on broken,moved,retitled
  linkcheck check --format json --output results.json
  linkcheck check --state .linkcheck-state.json --fail-after 2
  linkcheck check --changed-from base/resources.yaml --format github
  linkcheck check --archive=false`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runCheck(cmd.Context(), e, opts)
		},
	}
	opts.checkFlags.register(cmd)
	opts.outputFlags.register(cmd, "statuses that fail the run (exit 1), comma-separated")
	return cmd
}

func runCheck(ctx context.Context, e env, opts *checkOptions) error {
	ropts, failOn, err := opts.reportOptions(e, opts.catalog)
	if err != nil {
		return err
	}
	// Machines see the whole run; people see what needs attention.
	ropts.All = ropts.Format == report.Format("json")
	output := runFile{role: "--output", path: opts.output, write: true}
	badge := opts.badgeFile()
	run, mem, err := runChecks(ctx, e, &opts.checkFlags, failOn, runFiles{output, badge}, true)
	if err != nil {
		return err
	}
	if err := opts.emit(e, run, ropts); err != nil {
		return err
	}
	if err := opts.writeBadge(run, failOn); err != nil {
		return err
	}
	appendStepSummary(e, run, ropts, runFiles{output, badge, mem.file(),
		{role: "--catalog", path: opts.catalog},
		{role: "--changed-from", path: opts.changedFrom}})
	if run.Partial {
		return partialError(run, &opts.checkFlags, "the report is partial")
	}
	// The history is written only now: a run whose report could not be
	// written is not one to learn from either.
	if err := mem.save(); err != nil {
		return err
	}
	failing := 0
	for _, r := range run.Results {
		// A pending result is a transient failure still being watched
		// (--fail-after): shown, but not failing the run yet.
		if failOn.Has(r.Status) && !r.History.Pending {
			failing++
		}
	}
	if failing > 0 {
		return failingError(failing)
	}
	return nil
}
