package catalogedit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
	"github.com/ai-reading-list/linkcheck/internal/unidiff"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// Format is what Run prints.
type Format string

const (
	// FormatText is the changes, one a line, then the findings left to a
	// human; with DryRun, a unified diff of the catalog instead (and the
	// findings on Options.Err, so that what is printed stays a patch).
	FormatText Format = "text"
	// FormatMarkdown is a pull request body (Outcome.WriteMarkdown).
	FormatMarkdown Format = "markdown"
)

// Options say which findings Run fixes and where it prints.
type Options struct {
	// Only are the findings to fix, some of Kinds; zero is all of them,
	// unless Published or Archived is set: then only those keys are
	// added.
	Only status.Set
	// Published adds the DOI arXiv records to papers whose entry has
	// none (PlanPublished).
	Published bool
	// Archived adds the archived copy a check found to gone links whose
	// entry has none (PlanArchived).
	Archived bool
	// DryRun writes nothing but Output: Run prints what it would change.
	DryRun bool
	// Format is what Run prints; "" is FormatText.
	Format Format
	// Output, when set, is the file that gets what Run prints instead of
	// Out. It is replaced atomically, before the catalog is.
	Output string
	// Out gets what Run prints: the changes, the diff or the Markdown. Err
	// gets what is for the person at the terminal: the problems a refused
	// fix would cause, the findings left to a human in a dry run, and last
	// the outcome in one line. Nil discards.
	Out, Err io.Writer
	// Warn, when set, is told of each result not applied although it
	// might have been: its entry is gone, its value changed since the
	// check, or the value is written in a form the editor leaves alone.
	Warn func(msg string)
	// Editor, when set, edits and loads a catalog of another format (a
	// Markdown list); nil is the YAML catalog's own.
	Editor Editor
}

// Run applies the results of a check of the catalog file at path to that
// file, and prints what it did. cat is that file, loaded and found valid
// (catalog.LoadCheckable): fixing an invalid catalog would hide its
// problems behind the fixes'.
//
// Run reads the file, plans the fixes the evidence allows (PlanFixes),
// applies them (Apply, which proves that nothing but the fixed values
// changed) and validates the result. Only then does it write: the fixed
// catalog beside the catalog, Output, and last the catalog renamed into
// place, so that on any failure the catalog is byte for byte as it was.
// With DryRun the catalog is never written.
//
// A fix refused because of the catalog or the results (it cannot be read
// or edited safely, or the fixed catalog would be invalid) is a
// *RefusedError; one that could not be written, a *WriteError. Nothing is
// written once ctx is done.
func Run(ctx context.Context, path string, cat *catalog.Catalog, results []result.Result, opts Options) (Outcome, error) {
	if opts.Only == 0 && !opts.Published && !opts.Archived {
		opts.Only = Kinds
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Err == nil {
		opts.Err = io.Discard
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Outcome{}, &RefusedError{Err: fmt.Errorf("read catalog %s: %w", path, err)}
	}
	plan := PlanFixes(cat, results, opts.Only)
	plan.addKeys(cat, results, opts)
	apply := Apply
	if opts.Editor != nil {
		apply = opts.Editor.Apply
	}
	fixed, applied, skipped, err := apply(path, data, plan.Fixes)
	if err != nil {
		return Outcome{}, &RefusedError{Err: fmt.Errorf("%w; nothing was written", err)}
	}
	if opts.Warn != nil {
		for _, s := range plan.Stale {
			opts.Warn(fmt.Sprintf("skipped %s (%s): %s", s.ID, s.Status, s.Reason))
		}
		for _, s := range skipped {
			if !s.Done {
				opts.Warn(fmt.Sprintf("skipped %s's %s: %s", s.Fix.ID, s.Fix.Field, s.Reason))
			}
		}
	}
	if len(applied) > 0 {
		if err := validFix(path, fixed, opts.Editor); err != nil {
			var refused *RefusedError
			if errors.As(err, &refused) {
				for _, p := range refused.Problems {
					fmt.Fprintf(opts.Err, "after the fix: %s\n", p)
				}
			}
			return Outcome{}, err
		}
	}
	o := Outcome{Catalog: path, Applied: applied, Human: plan.settled(applied), DryRun: opts.DryRun,
		LeftOut: plan.LeftOut, LeftOutKeys: plan.LeftOutKeys, Only: opts.Only, Published: opts.Published, Archived: opts.Archived}
	if err := ctx.Err(); err != nil {
		return o, fmt.Errorf("fix %s stopped before writing: %w", path, err)
	}
	var diff []byte
	if opts.DryRun && opts.Format != FormatMarkdown {
		diff = unidiff.Unified("a/"+diffName(path), "b/"+diffName(path), data, fixed, 3)
	}
	var pending *atomicfile.Pending
	if len(applied) > 0 && !opts.DryRun {
		if pending, err = atomicfile.Prepare(path, func(w io.Writer) error {
			_, err := w.Write(fixed)
			return err
		}); err != nil {
			return o, &WriteError{Err: fmt.Errorf("%w; the catalog is as it was", err)}
		}
		defer pending.Discard()
	}
	return o, o.print(opts, diff, pending)
}

// validFix loads and validates the fixed catalog before anything is
// written: a move onto another entry's URL, say, would make it invalid.
// An expired ignore is left out, as when checking: a fix cannot cause it.
func validFix(path string, fixed []byte, editor Editor) error {
	var c *catalog.Catalog
	var err error
	if editor != nil {
		c, err = editor.Load(path, fixed)
	} else {
		c, err = catalog.Parse(path, bytes.NewReader(fixed))
	}
	var problems catalog.Problems
	if err != nil && !errors.As(err, &problems) {
		return &RefusedError{Err: fmt.Errorf("the fixed %s would not load: %w; nothing was written", path, err)}
	}
	if c != nil {
		problems = append(problems, c.ValidateRules()...)
	}
	if len(problems) == 0 {
		return nil
	}
	return &RefusedError{Problems: problems,
		Err: fmt.Errorf("the fixed %s would be invalid (%d %s); nothing was written", path, len(problems), plural(len(problems), "problem", "problems"))}
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
