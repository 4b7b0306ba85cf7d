package result

import (
	"sort"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// Sort orders results deterministically: by their entry's place in the
// catalog, then the URL result before the arXiv one. Results of entries the
// catalog does not hold go last, by ID.
func Sort(results []Result, cat *catalog.Catalog) {
	pos := make(map[string]int)
	i := 0
	for _, s := range cat.Sections {
		for _, r := range s.Resources {
			if _, ok := pos[r.ID]; !ok {
				pos[r.ID] = i
			}
			i++
		}
	}
	rank := func(r Result) int {
		if p, ok := pos[r.ID]; ok {
			return p
		}
		return i
	}
	sort.SliceStable(results, func(a, b int) bool {
		ra, rb := rank(results[a]), rank(results[b])
		if ra != rb {
			return ra < rb
		}
		if results[a].ID != results[b].ID {
			return results[a].ID < results[b].ID
		}
		if ta, tb := targetOrder(results[a].Target), targetOrder(results[b].Target); ta != tb {
			return ta < tb
		}
		// An entry may name two repositories (github: and a github.com
		// url): they come in the order the API answered, which varies.
		return results[a].Repo < results[b].Repo
	})
}

// targetOrder ranks an entry's targets as reports list them: its URL, its
// paper, then its repositories.
func targetOrder(t TargetKind) int {
	for i, k := range TargetKinds() {
		if k == t {
			return i
		}
	}
	return len(TargetKinds())
}
