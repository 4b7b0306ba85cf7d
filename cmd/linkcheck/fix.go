package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
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
	if opts.from != "" && opts.flags.Changed("state") && opts.history.state != "" {
		// As for report: a saved run is not checked again, so there is
		// nothing to record, and silence would suggest otherwise.
		return usageError(fmt.Errorf("--state records runs as they are checked; the saved run in %s already carries its history", opts.from))
	}
	path := opts.catalog
	cat, err := validCatalog(e, path)
	if err != nil {
		return err
	}
	var run report.Run
	var mem *memory
	if opts.from != "" {
		if run, err = readRun(opts.from); err != nil {
			return err
		}
	} else {
		if run, mem, err = runChecks(ctx, e, &opts.checkFlags, status.DefaultFailOn); err != nil {
			return err
		}
		if run.Partial {
			return cannotCheck(fmt.Errorf("interrupted after %d results: nothing was changed", len(run.Results)))
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
	if len(applied) > 0 && !opts.dryRun {
		if err := writeCatalog(path, out); err != nil {
			return cannotCheck(err)
		}
	}
	if err := printFix(e, opts, outcome, unidiff.Unified("a/"+diffName(path), "b/"+diffName(path), data, out, 3)); err != nil {
		return err
	}
	// A completed check is one to learn from, as for check and report.
	return mem.save()
}

// validCatalog loads and validates the catalog as check does (an expired
// ignore aside); fixing an invalid one would hide its problems behind the
// fixes' (exit 2).
func validCatalog(e env, path string) (*catalog.Catalog, error) {
	cat, problems, err := loadCatalog(path, catalog.LoadCheckable)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(e.Err, p.String())
		}
		return nil, &exitError{code: exitInvalid, quiet: true,
			err: fmt.Errorf("%s is invalid (%d problems): run linkcheck validate", path, len(problems))}
	}
	return cat, nil
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
// stderr; or the whole outcome as Markdown.
func printFix(e env, opts *fixOptions, o catalogedit.Outcome, diff []byte) error {
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
	if opts.format != "markdown" {
		fmt.Fprintln(e.Err, o.Headline())
	}
	if opts.output != "" {
		if err := writeFileAtomic(opts.output, buf.Bytes()); err != nil {
			return cannotCheck(err)
		}
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

// writeCatalog replaces the catalog atomically, keeping its permissions.
func writeCatalog(path string, data []byte) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := writeFileAtomic(path, data); err != nil {
		return err
	}
	if fi.Mode().Perm() != 0o644 {
		if err := os.Chmod(path, fi.Mode().Perm()); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}
