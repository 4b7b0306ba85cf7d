package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/report"
)

type reportOptions struct {
	checkFlags
	outputFlags
	from string
	all  bool
}

func newReportCmd(e env) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Show every entry that needs a maintainer's attention",
		Long: `Report runs every check (or, with --from, re-renders a saved JSON run
without touching the network) and prints every entry that needs attention,
grouped by status from the most severe: broken, moved, retitled, updated,
stale, blocked, timeout, error, redirected. Each line names the entry, its line in
the catalog, what was expected and what was found; a gone link, its archived
copy or why it has none (see check --help and --archive). Archived entries
(a dead link whose archive key's copy plays back) need no attention: --all
lists them, and the summary counts them.

With --from and an explicit --catalog, the saved run must be that
catalog's (the same content, or the same file edited since); another
catalog's run is refused. An --output that is one of the files read is
refused before anything is checked.

Exit 0 unless the report could not be made (2 for an invalid catalog or
usage, 3 when it could not check).`,
		Example: `  linkcheck report
  linkcheck report --all
  linkcheck report --from results.json --format markdown --output issue.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runReport(cmd.Context(), e, opts)
		},
	}
	opts.checkFlags.register(cmd)
	opts.outputFlags.register(cmd, "statuses shown as failures (github ::error lines, Markdown's first tables)")
	cmd.Flags().StringVar(&opts.from, "from", "", "render a saved run (check --format json) instead of checking")
	cmd.Flags().BoolVarP(&opts.all, "all", "a", false, "include ok, archived and skipped entries")
	return cmd
}

func runReport(ctx context.Context, e env, opts *reportOptions) error {
	ropts, failOn, err := opts.reportOptions(e, opts.catalog)
	if err != nil {
		return err
	}
	ropts.All = opts.all
	output := runFile{role: "--output", path: opts.output, write: true}
	var run report.Run
	var mem *memory
	if opts.from != "" {
		if opts.flags.Changed("state") && opts.history.state != "" {
			return usageError(fmt.Errorf("--state records runs as they are checked; the saved run in %s already carries its history", opts.from))
		}
		files := runFiles{output, opts.badgeFile(), {role: "--from", path: opts.from}, {role: "--catalog", path: opts.catalog}}
		if err := files.check(); err != nil {
			return err
		}
		if run, err = readRun(opts.from); err != nil {
			return err
		}
		if opts.flags.Changed("catalog") {
			if err := checkRunCatalog(e, run, opts.from, opts.catalog); err != nil {
				return err
			}
		} else if run.Catalog != "" {
			// The run names its catalog; lines link to that one, and
			// code scanning's alerts point into it.
			ropts.LinkBase = githubLinkBase(e, run.Catalog)
			if ropts.Format == report.FormatSARIF {
				ropts.ArtifactURI = repoRelative(run.Catalog)
			}
		}
	} else if run, mem, err = runChecks(ctx, e, &opts.checkFlags, failOn, runFiles{output, opts.badgeFile()}, true); err != nil {
		return err
	}
	if err := opts.emit(e, run, ropts); err != nil {
		return err
	}
	if err := opts.writeBadge(run, failOn); err != nil {
		return err
	}
	if err := mem.save(); err != nil {
		return err
	}
	if run.Partial && opts.from == "" {
		return partialError(run, &opts.checkFlags, "the report is partial")
	}
	return nil
}
