package state

import (
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// past is what the previous state remembers of a run's targets, by the
// index of the run's result.
type past struct {
	targets []Target
	had     []bool
	// replaced holds, for a result with no history, the target its entry
	// named instead in the previous state, when that is unambiguous: the
	// entry had one remembered target of the kind that is gone now, and
	// has one new one.
	replaced map[int]Target
}

// group is an entry's targets of one kind.
type group struct {
	id   string
	kind result.TargetKind
}

func groupOf(k Key) group { return group{k.ID, k.Target} }

// recall finds each result's history in prev: the target with the same
// key or, for a repository remembered before keys named it, the one the
// entry's only target of that kind inherits (see legacyOf).
func recall(prev *State, results []result.Result) past {
	p := past{
		targets:  make([]Target, len(results)),
		had:      make([]bool, len(results)),
		replaced: map[int]Target{},
	}
	keys := make([]Key, len(results))
	kinds := map[group]int{}
	for i, r := range results {
		keys[i] = KeyOf(r)
		kinds[groupOf(keys[i])]++
	}
	used := map[Key]bool{}
	fresh := map[group][]int{}
	for i, r := range results {
		k := keys[i]
		t, ok := prev.Targets[k]
		if !ok && kinds[groupOf(k)] == 1 {
			k = legacyOf(k)
			t, ok = prev.Targets[k]
			ok = ok && t.URL == r.URL
		}
		switch {
		case ok:
			p.targets[i], p.had[i] = t, true
			used[k] = true
		case r.Status != status.Skipped:
			fresh[groupOf(keys[i])] = append(fresh[groupOf(keys[i])], i)
		}
	}
	gone := map[group][]Key{}
	for k := range prev.Targets {
		if g := groupOf(k); !used[k] && kinds[g] > 0 {
			gone[g] = append(gone[g], k)
		}
	}
	for g, ks := range gone {
		if len(ks) == 1 && len(fresh[g]) == 1 {
			p.replaced[fresh[g][0]] = prev.Targets[ks[0]]
		}
	}
	return p
}

// legacyOf is the key under which a linkcheck that did not record a
// repository's name remembered it: the entry and the kind alone. Such a
// history is the entry's only repository of the kind, as long as the
// entry's url is the one it was checked with.
func legacyOf(k Key) Key { return Key{ID: k.ID, Target: k.Target} }
