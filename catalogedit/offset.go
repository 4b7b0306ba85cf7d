package catalogedit

import "unicode/utf8"

// bom is the UTF-8 byte order mark, which the YAML parser skips without
// counting it as a column.
const bom = "\xEF\xBB\xBF"

// lineIndex maps the YAML parser's positions (1-based lines, 1-based
// columns counted in characters) to byte offsets in the file.
type lineIndex struct {
	data   []byte
	starts []int // byte offset of each line's first byte
}

// newLineIndex records where each line starts. Line breaks are those the
// YAML parser counts: LF, CRLF, a lone CR, and the Unicode NEL, LS and PS,
// so that line numbers agree with the parser's even in odd files.
func newLineIndex(data []byte) *lineIndex {
	first := 0
	if len(data) >= len(bom) && string(data[:len(bom)]) == bom {
		first = len(bom)
	}
	ix := &lineIndex{data: data, starts: []int{first}}
	for i := first; i < len(data); {
		if n := breakLen(data, i); n > 0 {
			i += n
			ix.starts = append(ix.starts, i)
			continue
		}
		i++
	}
	return ix
}

// breakLen returns the length of the line break at data[i:], or 0.
func breakLen(data []byte, i int) int {
	switch c := data[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xC2 && i+1 < len(data) && data[i+1] == 0x85: // NEL
		return 2
	case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9): // LS, PS
		return 3
	}
	return 0
}

// offset returns the byte offset of a 1-based line and character column,
// or false when the position lies outside the file.
func (ix *lineIndex) offset(line, col int) (int, bool) {
	if line < 1 || line > len(ix.starts) || col < 1 {
		return 0, false
	}
	off := ix.starts[line-1]
	for range col - 1 {
		if off >= len(ix.data) || breakLen(ix.data, off) > 0 {
			return 0, false
		}
		_, size := utf8.DecodeRune(ix.data[off:])
		off += size
	}
	return off, true
}

// lineEnd returns the offset of the line break (or end of file) of the line
// holding off.
func (ix *lineIndex) lineEnd(off int) int {
	for off < len(ix.data) && breakLen(ix.data, off) == 0 {
		off++
	}
	return off
}

// indentAt returns the number of spaces that start the line at off.
func indentAt(data []byte, off int) int {
	n := 0
	for off+n < len(data) && data[off+n] == ' ' {
		n++
	}
	return n
}
