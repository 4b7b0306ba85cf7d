package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/report"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
)

// historyFlags are the flags of the memory between runs.
type historyFlags struct {
	state     string
	failAfter int
}

func (h *historyFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&h.state, "state", "", "keep the history between runs in this file (default: the catalog's settings.state; \"\" for none)")
	fs.IntVar(&h.failAfter, "fail-after", 1, "a transient failure (timeout, error, host that does not resolve) whose status is in --fail-on fails the run only once it has lasted this many runs; it delays, never adds: with --fail-on broken only a host that does not resolve (or only to private addresses) waits; needs --state above 1")
}

// memory is a run's history: the state read before the run and, once the
// run has completed, the state to write after it.
type memory struct {
	path      string
	role      string // how the user gave it: "--state" or "settings.state"
	failAfter int
	prev      *state.State
	next      *state.State
	fresh     bool // no history yet
}

// stateFile is the state file of a run: the flag, else the catalog's
// settings.state relative to the catalog; a path "" for none.
func stateFile(f *checkFlags, cat *catalog.Catalog) runFile {
	if !f.flags.Changed("state") && cat.Settings.State != "" {
		path := cat.Settings.State
		if !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(f.catalog), path)
		}
		return runFile{role: "settings.state", path: path, write: true}
	}
	return runFile{role: "--state", path: f.history.state, write: true}
}

// openHistory checks --fail-after against the state file and reads it.
// Nil without a state file. Every problem is exit 2, before anything is
// checked.
func openHistory(f *checkFlags, file runFile) (*memory, error) {
	h, path := f.history, file.path
	switch {
	case h.failAfter < 1:
		return nil, usageError(fmt.Errorf("invalid --fail-after %d: want 1 (fail at once) or more runs", h.failAfter))
	case h.failAfter > 1 && path == "":
		return nil, usageError(fmt.Errorf("--fail-after %d needs --state FILE (or settings.state in the catalog): without a history every failure is a first one", h.failAfter))
	case path == "":
		return nil, nil
	}
	prev, err := state.Load(path)
	if err != nil {
		return nil, usageError(stateHint(path, err))
	}
	fresh := len(prev.Targets) == 0 && prev.UpdatedAt.IsZero()
	return &memory{path: path, role: file.role, failAfter: h.failAfter, prev: prev, fresh: fresh}, nil
}

// file is the state file as one of the run's files; none without one.
func (m *memory) file() runFile {
	if m == nil {
		return runFile{}
	}
	return runFile{role: m.role, path: m.path, write: true}
}

// announce says on stderr that a run starts a history, once the state
// file is known to be writable: only then is it true, and only for a run
// that completes (an interrupted one writes no state).
func (m *memory) announce(e env) {
	if m != nil && m.fresh {
		fmt.Fprintf(e.Err, "linkcheck: no history in %s yet: this run starts it if it completes\n", m.path)
	}
}

// stateHint says what to do about a state file that cannot be used. The
// file is left as it is: a corrupt state may hold months of history worth
// repairing, and a file that is not a state at all (a saved run, the
// catalog) is someone's data: deleting it is never suggested.
func stateHint(path string, err error) error {
	var corrupt *state.CorruptError
	var schema *state.SchemaError
	switch {
	case errors.As(err, &corrupt):
		return fmt.Errorf("%w: repair it, or delete it to start a fresh history", err)
	case errors.As(err, &schema) && schema.OtherVersion():
		return fmt.Errorf("%w: run the linkcheck that wrote it, or give --state another file", err)
	case errors.As(err, &schema):
		return fmt.Errorf("%w: give --state the state file, or a path that does not exist yet to start a history there", err)
	}
	return fmt.Errorf("%w: check the path and its permissions, or give --state another file", err)
}

// lastOK is when the history last saw r's target ok; zero without a
// history.
func (m *memory) lastOK(r result.Result) time.Time {
	if m == nil {
		return time.Time{}
	}
	return m.prev.LastOK(r)
}

// record folds a completed run into the history: the results gain their
// History and the run its resolved list. A partial run is left alone and
// will not be written.
func (m *memory) record(run *report.Run) {
	if m == nil || run.Partial {
		return
	}
	merged := state.Merge(m.prev, run.Results, run.StartedAt, state.Options{FailAfter: m.failAfter})
	run.Results = merged.Results
	run.Resolved = merged.Resolved
	run.Trend = merged.State.Trend
	m.next = merged.State
}

// save writes the history of a completed run; nothing otherwise.
func (m *memory) save() error {
	if m == nil || m.next == nil {
		return nil
	}
	if err := state.Save(m.path, m.next); err != nil {
		return cannotCheck(err)
	}
	return nil
}
