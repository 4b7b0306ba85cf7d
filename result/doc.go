// Package result holds what a run produced: one Result per target checked,
// the History a state file adds to it, and the order reports list them in.
// It is plain data and imports no HTTP code, so keeping history, fixing a
// catalog and rendering a report never depend on the engine that checked.
package result
