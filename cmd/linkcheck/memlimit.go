package main

import (
	"runtime/debug"
)

// A run keeps every result until it is reported, and Go's garbage
// collector lets the heap grow to twice what is live before it collects:
// a 20,000-link run holds about 45 MB but would take 120 MB of memory. A
// soft limit makes the collector work more often instead (cheap next to a
// link check's network waits). It grows with the catalog, so that a larger
// run is never starved into collecting all the time: about twice the few
// kilobytes each target keeps live.
const (
	baseMemoryLimit      = 80 << 20
	memoryLimitPerTarget = 4 << 10
)

// memoryLimit returns the soft memory limit for a run of targets results.
func memoryLimit(targets int) int64 {
	return max(baseMemoryLimit, int64(targets)*memoryLimitPerTarget)
}

// limitMemory sets the process's soft memory limit for a run of targets
// results, unless GOMEMLIMIT says otherwise. It is wired by main only:
// the limit is the whole process's, which tests running commands
// in-process must not change.
func limitMemory(getenv func(string) string) func(targets int) {
	if getenv("GOMEMLIMIT") != "" {
		return nil
	}
	return func(targets int) { debug.SetMemoryLimit(memoryLimit(targets)) }
}
