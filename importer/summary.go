package importer

import (
	"fmt"
	"strings"
)

// Summary counts what an import found and made.
type Summary struct {
	Links    int // links to http(s) pages, repeats included
	New      int // entries made
	Sections int // sections the new entries are in
	NewSecs  int // of which new sections
	Already  int // links the catalog holds already
	Repeats  int // links the list repeats
	Skipped  [numSkips]int
}

// String is the one-line summary an import prints: "412 links → 398 new
// entries in 23 sections (9 already there, 5 repeated; skipped: 12
// badges, 31 anchors, 2 relative)". Counts that are zero are left out.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s → %d new %s in %d %s", s.Links, plural(s.Links, "link", "links"),
		s.New, plural(s.New, "entry", "entries"), s.Sections, plural(s.Sections, "section", "sections"))
	var found, skipped []string
	if s.NewSecs > 0 && s.NewSecs != s.Sections {
		found = append(found, fmt.Sprintf("%d new %s", s.NewSecs, plural(s.NewSecs, "section", "sections")))
	}
	if s.Already > 0 {
		found = append(found, fmt.Sprintf("%d already there", s.Already))
	}
	if s.Repeats > 0 {
		found = append(found, fmt.Sprintf("%d repeated", s.Repeats))
	}
	for k := Skip(0); k < numSkips; k++ {
		if n := s.Skipped[k]; n > 0 {
			skipped = append(skipped, fmt.Sprintf("%d %s", n, k.noun(n)))
		}
	}
	if len(skipped) > 0 {
		found = append(found, "skipped: "+strings.Join(skipped, ", "))
	}
	if len(found) > 0 {
		b.WriteString(" (" + strings.Join(found, "; ") + ")")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
