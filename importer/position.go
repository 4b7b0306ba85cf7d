package importer

import (
	"sort"
	"unicode/utf8"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// positions turns byte offsets of the Markdown into 1-based lines and
// columns, columns counted in characters as editors and GitHub's
// annotations count them.
type positions struct {
	src    []byte
	starts []int // byte offset of each line's first byte
}

func newPositions(src []byte) positions {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return positions{src: src, starts: starts}
}

// pos returns the position of byte offset off; an unknown offset (-1) is
// the start of the file.
func (p positions) pos(off int) catalog.Pos {
	if off < 0 || off > len(p.src) {
		return catalog.Pos{Line: 1, Column: 1}
	}
	line := sort.Search(len(p.starts), func(i int) bool { return p.starts[i] > off }) - 1
	return catalog.Pos{Line: line + 1, Column: utf8.RuneCount(p.src[p.starts[line]:off]) + 1}
}
