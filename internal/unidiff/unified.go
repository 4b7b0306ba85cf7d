package unidiff

import (
	"bytes"
	"fmt"
)

// Unified returns the unified diff of texts a and b under the names aName
// and bName (the "---" and "+++" lines), with context unchanged lines
// around each change, as diff -u and git diff write it: hunks headed
// "@@ -l,s +l,s @@", a count of 1 left out, and "\ No newline at end of
// file" after a last line that has none. Equal texts give nil. Line
// endings are kept as they are, so a CRLF file diffs as CRLF.
func Unified(aName, bName string, a, b []byte, context int) []byte {
	if bytes.Equal(a, b) {
		return nil
	}
	al, bl := splitLines(a), splitLines(b)
	ai, bi := intern(al, bl)
	lines := flatten(script(ai, bi))

	var out bytes.Buffer
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
	var changes []int
	for i, l := range lines {
		if l.kind != opEqual {
			changes = append(changes, i)
		}
	}
	for s := 0; s < len(changes); {
		e := s
		for e+1 < len(changes) && changes[e+1]-changes[e]-1 <= 2*context {
			e++
		}
		from := max(0, changes[s]-context)
		to := min(len(lines)-1, changes[e]+context)
		writeHunk(&out, lines[from:to+1], al, bl)
		s = e + 1
	}
	return out.Bytes()
}

// line is one line of the edit script: equal (a[i] = b[j]), deleted
// (a[i]; j is where b stands) or inserted (b[j]; i is where a stands).
type line struct {
	kind opKind
	i, j int
}

func flatten(ops []op) []line {
	var out []line
	for _, o := range ops {
		for k := range o.n {
			switch o.kind {
			case opEqual:
				out = append(out, line{opEqual, o.i + k, o.j + k})
			case opDelete:
				out = append(out, line{opDelete, o.i + k, o.j})
			case opInsert:
				out = append(out, line{opInsert, o.i, o.j + k})
			}
		}
	}
	return out
}

func writeHunk(out *bytes.Buffer, h []line, al, bl [][]byte) {
	aCount, bCount := 0, 0
	for _, l := range h {
		if l.kind != opInsert {
			aCount++
		}
		if l.kind != opDelete {
			bCount++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(h[0].i, aCount), hunkRange(h[0].j, bCount))
	for _, l := range h {
		switch l.kind {
		case opEqual:
			writeLine(out, ' ', al[l.i])
		case opDelete:
			writeLine(out, '-', al[l.i])
		case opInsert:
			writeLine(out, '+', bl[l.j])
		}
	}
}

// hunkRange writes a hunk's start line and count; an empty range starts
// at the line before it, as diff writes it.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

func writeLine(out *bytes.Buffer, prefix byte, text []byte) {
	out.WriteByte(prefix)
	out.Write(text)
	if !bytes.HasSuffix(text, []byte("\n")) {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines splits after each LF, keeping it (and any CR before it).
func splitLines(text []byte) [][]byte {
	var out [][]byte
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}

// intern numbers the distinct lines of both texts, so that the edit script
// compares integers.
func intern(a, b [][]byte) ([]int, []int) {
	ids := make(map[string]int)
	num := func(lines [][]byte) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[string(l)]
			if !ok {
				id = len(ids)
				ids[string(l)] = id
			}
			out[i] = id
		}
		return out
	}
	return num(a), num(b)
}
