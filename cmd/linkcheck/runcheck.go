package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/status"
)

// runChecks loads the catalog, checks it and returns the run in catalog
// order. An interrupted run (Ctrl-C, --timeout) returns its partial results
// with Partial set and no error: the caller reports them, then exits 3.
// With a state file, a completed run's results carry their history, and
// the caller saves the returned memory once the report is out.
func runChecks(ctx context.Context, e env, f *checkFlags, failOn status.Set) (report.Run, *memory, error) {
	// An expired ignore does not stop a check: the entry is checked and
	// its result says the ignore expired. validate fails on it.
	cat, problems, err := loadCatalog(f.catalog, catalog.LoadCheckable)
	if err != nil {
		return report.Run{}, nil, err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(e.Err, p.String())
		}
		return report.Run{}, nil, &exitError{code: exitInvalid, quiet: true,
			err: fmt.Errorf("%s is invalid (%d problems): run linkcheck validate", f.catalog, len(problems))}
	}
	opts, err := f.options(e, cat)
	if err != nil {
		return report.Run{}, nil, err
	}
	if f.changedFrom != "" {
		if opts.Only, err = changedSince(f.changedFrom, cat, e); err != nil {
			return report.Run{}, nil, err
		}
	}
	mem, err := openHistory(e, f, cat)
	if err != nil {
		return report.Run{}, nil, err
	}
	c, err := checker.New(opts)
	if err != nil {
		return report.Run{}, nil, usageError(err)
	}

	total := c.Plan(cat)
	if e.LimitMemory != nil {
		e.LimitMemory(total)
	}
	// Room for every result at once: growing the list by appending would
	// hold a large run's results twice while it is copied.
	run := report.Run{Catalog: f.catalog, StartedAt: e.Now(), Results: make([]checker.Result, 0, total)}
	bar := newProgress(e, total, failOn)
	checkErr := c.Check(ctx, cat, func(r checker.Result) {
		run.Results = append(run.Results, r)
		bar.add(r)
	})
	bar.finish()
	run.Duration = e.Now().Sub(run.StartedAt)
	checker.Sort(run.Results, cat)

	switch {
	case checkErr == nil:
	case errors.Is(checkErr, checker.ErrNetworkUnavailable):
		// Reporting every link as broken would blame the catalog for the
		// runner's outage.
		return report.Run{}, nil, cannotCheck(fmt.Errorf("%w: nothing was reported; try again when the network is back", checkErr))
	case errors.Is(checkErr, context.Canceled), errors.Is(checkErr, context.DeadlineExceeded):
		run.Partial = true
	default:
		return report.Run{}, nil, cannotCheck(checkErr)
	}
	notePrivate(e.Err, run.Results)
	mem.record(&run)
	return run, mem, nil
}

// changedSince returns the ids of entries added or changed since the catalog
// at basePath. A missing base file means the catalog is new: everything is
// checked.
func changedSince(basePath string, head *catalog.Catalog, e env) (map[string]bool, error) {
	base, err := catalog.Load(basePath)
	var problems catalog.Problems
	switch {
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(e.Err, "linkcheck: %s does not exist: checking every entry\n", basePath)
		base = &catalog.Catalog{}
	case errors.As(err, &problems) && base != nil:
		// A broken base catalog still tells which entries existed.
	case err != nil:
		return nil, usageError(fmt.Errorf("--changed-from: %w", err))
	}
	only := make(map[string]bool)
	for _, id := range catalog.Changed(base, head) {
		only[id] = true
	}
	return only, nil
}
