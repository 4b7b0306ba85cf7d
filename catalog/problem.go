package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Problem is one thing wrong with a catalog, at a position. Editors and CI
// annotations understand the "file:line:col: message" form of String.
type Problem struct {
	File    string
	Line    int
	Column  int
	Message string
}

// String returns "file:line:col: message".
func (p Problem) String() string {
	var b strings.Builder
	b.Grow(len(p.File) + len(p.Message) + 16)
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteByte(':')
	}
	b.WriteString(strconv.Itoa(p.Line))
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(p.Column))
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Problems is a list of problems, sorted by line, column and message. It is
// an error so that loaders can return every problem at once; callers tell
// it from an I/O error with errors.As.
type Problems []Problem

// Error lists the problems, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// sorted orders the problems by position, then message, so that output is
// stable whatever order the checks ran in, and drops repeats: a value
// reached through several aliases is one mistake.
func (ps Problems) sorted() Problems {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			strings.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(ps)
}

// asError returns ps as an error, or nil when there are none: a nil
// Problems stored in an error interface would not compare equal to nil.
func (ps Problems) asError() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// problemList collects problems against one file.
type problemList struct {
	file  string
	items Problems
}

func (l *problemList) add(pos Pos, format string, args ...any) {
	l.items = append(l.items, Problem{
		File:    l.file,
		Line:    pos.Line,
		Column:  pos.Column,
		Message: fmt.Sprintf(format, args...),
	})
}
