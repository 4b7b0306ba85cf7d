package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
	"github.com/ai-reading-list/linkcheck/internal/unidiff"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/status"
)

type fixOptions struct {
	checkFlags
	from   string
	dryRun bool
	only   string
	format string
	output string
}

func newFixCmd(e env) *cobra.Command {
	opts := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix",
		Short: "Apply what the check found to the catalog: moved links, retitled papers, newer versions",
		Long: `Fix runs every check (or, with --from, reads a saved JSON run without
touching the network) and rewrites the catalog where the evidence is sound:

  moved     url becomes where a permanent redirect led (never an http URL
            in place of an https one); a GitHub or Hugging Face repository
            renamed or transferred gets its new name in github and in a
            url that names it
  retitled  title becomes arXiv's current title, when it is the same paper
  updated   a pinned arXiv version (1706.03762v5) moves to the latest, in
            arxiv and in an arxiv.org url with the same pin

With --only, the findings left out are counted in the summary ("3
retitled not applied: --only moved"). Entries are found by id, and a
result whose value the catalog no longer holds is skipped with a warning.
Only each value's own text changes: comments, quoting, indentation and
line endings stay. The result must pass validate, or nothing is written.
Everything else (broken, blocked, timeout, error, redirected, a likely
wrong arXiv ID, two findings that disagree on a value) is listed as
needing a human.

With --dry-run it prints a unified diff and changes nothing.

A saved run must be the catalog's: the same content, or the same file
edited since; results of another catalog are refused. Before anything is
checked or written, an --output that is the catalog, the --from run or the
state file is refused, and the catalog and --output must be writable; the
catalog is replaced last, so a failure leaves it as it was. fix never
records a run in the state file.

Exit 0 when done or when there is nothing to do, 2 for an invalid catalog,
results or usage (or a fix that would make the catalog invalid), 3 when it
could not check.`,
		Example: `  linkcheck fix --dry-run
  linkcheck fix --from results.json --only moved,updated
  linkcheck fix --from results.json --format markdown --output pr-body.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runFix(cmd.Context(), e, opts)
		},
	}
	opts.checkFlags.register(cmd)
	fs := cmd.Flags()
	fs.StringVar(&opts.from, "from", "", "use a saved run (check --format json) instead of checking")
	fs.BoolVar(&opts.dryRun, "dry-run", false, "print a unified diff of the changes and write nothing")
	fs.StringVar(&opts.only, "only", catalogedit.Kinds.String(), "the findings to fix, comma-separated: moved, retitled, updated")
	fs.StringVarP(&opts.format, "format", "f", "text", "what to print: text (the changes, or the diff with --dry-run) or markdown (a pull request body)")
	fs.StringVarP(&opts.output, "output", "o", "", "write what is printed to this file (atomically) instead of stdout")
	return cmd
}

func runFix(ctx context.Context, e env, opts *fixOptions) error {
	only, err := status.ParseSet(opts.only)
	if err != nil || only == 0 || only&^catalogedit.Kinds != 0 {
		return usageError(fmt.Errorf("invalid --only %q: want some of %s", opts.only, catalogedit.Kinds))
	}
	if opts.format != "text" && opts.format != "markdown" {
		return usageError(fmt.Errorf("invalid --format %q: want text or markdown", opts.format))
	}
	if opts.flags.Changed("state") && opts.history.state != "" {
		// fix applies a run, it does not record one: a run recorded by fix
		// (--dry-run included) would count a night twice toward
		// --fail-after.
		if opts.from != "" {
			return usageError(fmt.Errorf("--state records runs as they are checked; the saved run in %s already carries its history", opts.from))
		}
		return usageError(errors.New("--state: fix records no run in the state file; check and report do"))
	}
	if opts.flags.Changed("fail-after") {
		return usageError(errors.New("--fail-after: fix keeps no history and fails on no result; check and report do"))
	}
	path := opts.catalog
	cat, err := validCatalog(e, path)
	if err != nil {
		return err
	}
	// Every file fix writes is known writable, and none is one it reads,
	// before anything is checked or written.
	writes := runFiles{
		{role: "--output", path: opts.output, write: true},
		{role: "--catalog", path: path, inPlace: !opts.dryRun},
	}
	var run report.Run
	if opts.from != "" {
		hist := stateFile(&opts.checkFlags, cat)
		hist.write = false // never written by fix, nor replaced by its output
		files := slices.Concat(writes, runFiles{hist, {role: "--from", path: opts.from}})
		if err := files.check(); err != nil {
			return err
		}
		if run, err = readRun(opts.from); err != nil {
			return err
		}
		edited, err := matchRun(run, opts.from, path)
		if err != nil {
			return err
		}
		if edited {
			fmt.Fprintf(e.Err, "linkcheck: %s has changed since the run in %s: fixing where ids and values still match\n", path, opts.from)
		}
	} else {
		if run, _, err = runChecks(ctx, e, &opts.checkFlags, status.DefaultFailOn, writes, false); err != nil {
			return err
		}
		if run.Partial {
			return partialError(run, &opts.checkFlags, "nothing was changed")
		}
		// The check loaded the catalog afresh; plan against the same bytes
		// the edit reads.
		if cat, err = validCatalog(e, path); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return usageError(fmt.Errorf("read catalog %s: %w", path, err))
	}
	plan := catalogedit.PlanFixes(cat, run.Results, only)
	out, applied, skipped, err := catalogedit.Apply(path, data, plan.Fixes)
	if err != nil {
		return &exitError{code: exitInvalid, err: fmt.Errorf("%w; nothing was written", err)}
	}
	for _, s := range plan.Stale {
		fmt.Fprintf(e.Err, "linkcheck: skipped %s (%s): %s\n", s.ID, s.Status, s.Reason)
	}
	for _, s := range skipped {
		if !s.Done {
			fmt.Fprintf(e.Err, "linkcheck: skipped %s's %s: %s\n", s.Fix.ID, s.Fix.Field, s.Reason)
		}
	}
	if len(applied) > 0 {
		if err := refuseInvalid(e, path, out); err != nil {
			return err
		}
	}
	outcome := catalogedit.Outcome{Catalog: path, Applied: applied, Human: plan.Human, DryRun: opts.dryRun,
		LeftOut: plan.LeftOut, Only: only}
	var fixed *atomicfile.Pending
	if len(applied) > 0 && !opts.dryRun {
		// Written beside the catalog now, put in place only once every
		// other output is: a failure leaves the catalog as it was.
		if fixed, err = atomicfile.Prepare(path, func(w io.Writer) error {
			_, err := w.Write(out)
			return err
		}); err != nil {
			return cannotCheck(fmt.Errorf("%w; the catalog is as it was", err))
		}
		defer fixed.Discard()
	}
	return printFix(e, opts, outcome, unidiff.Unified("a/"+diffName(path), "b/"+diffName(path), data, out, 3), fixed)
}

// refuseInvalid loads and validates the fixed catalog before anything is
// written: a move onto another entry's URL, say, would make it invalid.
// An expired ignore is left out, as when checking: a fix cannot cause it.
func refuseInvalid(e env, path string, fixed []byte) error {
	c, err := catalog.Parse(path, bytes.NewReader(fixed))
	var problems catalog.Problems
	if err != nil && !errors.As(err, &problems) {
		return &exitError{code: exitInvalid, err: fmt.Errorf("the fixed %s would not load: %w; nothing was written", path, err)}
	}
	if c != nil {
		problems = append(problems, c.ValidateRules()...)
	}
	if len(problems) == 0 {
		return nil
	}
	for _, p := range problems {
		fmt.Fprintf(e.Err, "after the fix: %s\n", p)
	}
	return &exitError{code: exitInvalid,
		err: fmt.Errorf("the fixed %s would be invalid (%d %s); nothing was written", path, len(problems), plural(len(problems), "problem", "problems"))}
}

// printFix prints the outcome: the diff (dry run) or the changes on
// stdout, what needs a human after them, warnings and the headline on
// stderr; or the whole outcome as Markdown. The fixed catalog is put in
// place after --output is written and before anything is printed.
func printFix(e env, opts *fixOptions, o catalogedit.Outcome, diff []byte, fixed *atomicfile.Pending) error {
	var buf bytes.Buffer
	var err error
	switch {
	case opts.format == "markdown":
		err = o.WriteMarkdown(&buf)
	case opts.dryRun:
		// stdout stays a patch that git apply and patch accept.
		buf.Write(diff)
		err = o.WriteHuman(e.Err)
	default:
		if err = o.WriteChanges(&buf); err == nil {
			err = o.WriteHuman(&buf)
		}
	}
	if err != nil {
		return cannotCheck(err)
	}
	if opts.output != "" {
		if err := atomicfile.WriteBytes(opts.output, buf.Bytes()); err != nil {
			return cannotCheck(fmt.Errorf("%w; the catalog is as it was", err))
		}
	}
	if err := fixed.Commit(); err != nil {
		return cannotCheck(err)
	}
	if opts.format != "markdown" {
		fmt.Fprintln(e.Err, o.Headline())
	}
	if opts.output != "" {
		return nil
	}
	if _, err := io.Copy(e.Out, &buf); err != nil {
		return cannotCheck(err)
	}
	return nil
}

// diffName is the catalog's name in the diff's ---/+++ lines: the path as
// given when relative (as git names it from the repository's root), the
// base name otherwise.
func diffName(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Base(path)
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(path)), "./")
}
