package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// runChecks loads the catalog, checks it and returns the run in catalog
// order. An interrupted run (Ctrl-C, --timeout) returns its partial results
// with Partial, Stop and NotReached set and no error: the caller reports
// them, then exits 3 (partialError).
// With a state file (and record set), a completed run's results carry their
// history, and the caller saves the returned memory once the report is out.
// writes are the files the command writes besides the state file: they
// are checked with the catalog, the state file and --changed-from before
// the first request.
func runChecks(ctx context.Context, e env, f *checkFlags, failOn status.Set, writes runFiles, record bool) (report.Run, *memory, error) {
	cat, err := validCatalog(e, f.catalog)
	if err != nil {
		return report.Run{}, nil, err
	}
	opts, err := f.options(e, cat)
	if err != nil {
		return report.Run{}, nil, err
	}
	hist := stateFile(f, cat)
	// A run not recorded (fix) leaves the state file alone, and its
	// outputs must not replace it either.
	hist.write = record
	files := slices.Concat(writes, runFiles{hist,
		{role: "--catalog", path: f.catalog},
		{role: "--changed-from", path: f.changedFrom}})
	if err := files.distinct(); err != nil {
		return report.Run{}, nil, err
	}
	digest, err := catalogDigest(f.catalog)
	if err != nil {
		return report.Run{}, nil, err
	}
	if f.changedFrom != "" {
		if opts.Only, err = changedSince(f.changedFrom, cat, e); err != nil {
			return report.Run{}, nil, err
		}
	}
	var mem *memory
	if record {
		if mem, err = openHistory(f, hist); err != nil {
			return report.Run{}, nil, err
		}
	}
	// A gone link's archived copy is looked for up to when the history
	// last saw it ok; without a history, up to now. (A test's hook may
	// have set its own.)
	if opts.LastOK == nil {
		opts.LastOK = mem.lastOK
	}
	c, err := checker.New(opts)
	if err != nil {
		return report.Run{}, nil, usageError(err)
	}
	// After the state file is read, so that one that cannot be is named
	// as such (exit 2).
	if err := files.writable(); err != nil {
		return report.Run{}, nil, err
	}
	mem.announce(e)

	total := c.Plan(cat)
	if e.LimitMemory != nil {
		e.LimitMemory(total)
	}
	// Room for every result at once: growing the list by appending would
	// hold a large run's results twice while it is copied.
	run := report.Run{Catalog: f.catalog, CatalogSHA256: digest, StartedAt: e.Now(), Results: make([]result.Result, 0, total)}
	bar := newProgress(e, total, failOn)
	checkErr := c.Check(ctx, cat, func(r result.Result) {
		run.Results = append(run.Results, r)
		bar.add(r)
	})
	bar.finish()
	run.Duration = e.Now().Sub(run.StartedAt)
	result.Sort(run.Results, cat)
	noteCatalogDOIs(run.Results, cat)

	switch {
	case checkErr == nil:
	case errors.Is(checkErr, checker.ErrNetworkUnavailable):
		// Reporting every link as broken would blame the catalog for the
		// runner's outage.
		return report.Run{}, nil, cannotCheck(fmt.Errorf("%w: nothing was reported; try again when the network is back", checkErr))
	case errors.Is(checkErr, context.DeadlineExceeded):
		// Only --timeout sets a deadline on the run.
		run.Partial, run.Stop = true, report.StopTimeout
	case errors.Is(checkErr, context.Canceled):
		run.Partial, run.Stop = true, report.StopInterrupted
	default:
		return report.Run{}, nil, cannotCheck(checkErr)
	}
	if run.Partial {
		run.NotReached = max(total-len(run.Results), 0)
	}
	notePrivate(e.Err, run.Results)
	mem.record(&run)
	return run, mem, nil
}

// partialError is the exit 3 of a run that stopped early: why, how much it
// did not reach, and then what became of its output.
func partialError(run report.Run, f *checkFlags, then string) error {
	why := run.Stopped()
	if run.Stop == report.StopTimeout {
		why += fmt.Sprintf(" (--timeout %s)", f.timeout)
	}
	return cannotCheck(fmt.Errorf("%s: %s", why, then))
}

// changedSince returns the ids of entries added or changed since the catalog
// at basePath. A missing base file means the catalog is new: everything is
// checked.
func changedSince(basePath string, head *catalog.Catalog, e env) (map[string]bool, error) {
	load := catalog.Load
	if isMarkdownList(basePath) {
		load = loadMarkdown
	}
	base, err := load(basePath)
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
