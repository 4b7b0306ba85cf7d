package catalogedit

import (
	"errors"
	"strings"
)

// style is how a scalar is written in the file.
type style int

const (
	stylePlain  style = iota
	styleSingle       // 'single-quoted'
	styleDouble       // "double-quoted"
	// styleStrip is a literal or folded block with strip chomping (|- or
	// >-) and no indentation indicator: it holds exactly its text, so a
	// new one-line value keeps the style.
	styleStrip
	// styleBlock is any other block scalar, whose value ends in line
	// breaks that a title, url or arxiv ID never means to have.
	styleBlock
)

// span is where one scalar's text lies in the file, and how it is written.
type span struct {
	start, end int // byte offsets: [start, end) is the scalar's own text
	style      style
	// For styleStrip: where the content lines start and their indent.
	content, indent int
}

// Reasons a value's text could not be located; each means "edit by hand".
var (
	errNotScalar  = errors.New("the value has an anchor, tag or alias")
	errUnclosed   = errors.New("the quoted value has no closing quote")
	errNoMatch    = errors.New("the file's text at the value's position does not read as its value")
	errEmptyValue = errors.New("the value is empty")
)

// scalarSpan finds the text of the scalar that starts at start and whose
// value, as the loader read it, is value.
func (ix *lineIndex) scalarSpan(start int, value string) (span, error) {
	data := ix.data
	if value == "" {
		return span{}, errEmptyValue
	}
	if start >= len(data) {
		return span{}, errNoMatch
	}
	switch data[start] {
	case '&', '!', '*':
		return span{}, errNotScalar
	case '"':
		for i := start + 1; i < len(data); i++ {
			switch data[i] {
			case '\\':
				i++
			case '"':
				return span{start: start, end: i + 1, style: styleDouble}, nil
			}
		}
		return span{}, errUnclosed
	case '\'':
		for i := start + 1; i < len(data); i++ {
			if data[i] != '\'' {
				continue
			}
			if i+1 < len(data) && data[i+1] == '\'' {
				i++
				continue
			}
			return span{start: start, end: i + 1, style: styleSingle}, nil
		}
		return span{}, errUnclosed
	case '|', '>':
		return ix.blockSpan(start), nil
	}
	end, ok := matchPlain(data, start, value)
	if !ok {
		return span{}, errNoMatch
	}
	return span{start: start, end: end, style: stylePlain}, nil
}

// blockSpan finds a block scalar: its header line, then every line that is
// blank or indented at least as far as the first content line. The span
// ends with the last line that has content, so trailing blank lines and
// the line break before the next key stay.
func (ix *lineIndex) blockSpan(start int) span {
	data := ix.data
	headerEnd := ix.lineEnd(start)
	header := strings.TrimRight(strings.SplitN(string(data[start:headerEnd]), "#", 2)[0], " \t")
	sp := span{start: start, end: headerEnd, style: styleBlock}
	indent := -1
	for off := headerEnd; off < len(data); {
		off += breakLen(data, off)
		lineEnd := ix.lineEnd(off)
		n := indentAt(data, off)
		if strings.TrimSpace(string(data[off:lineEnd])) == "" {
			off = lineEnd
			continue
		}
		if indent < 0 {
			indent = n
			sp.content = off
		}
		if n < indent {
			break
		}
		sp.end = lineEnd
		off = lineEnd
	}
	if (header == "|-" || header == ">-") && indent > 0 {
		sp.style, sp.indent = styleStrip, indent
	}
	return sp
}

// matchPlain matches a plain scalar's value against the file from start
// and returns where its text ends. A plain scalar's text is its value,
// except that a line break with the blanks around it reads as one space.
func matchPlain(data []byte, start int, value string) (int, bool) {
	i := start
	for j := 0; j < len(value); {
		if value[j] == ' ' {
			k := i
			for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
				k++
			}
			if k < len(data) && breakLen(data, k) > 0 {
				k += breakLen(data, k)
				for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
					k++
				}
				if k < len(data) && breakLen(data, k) > 0 {
					return 0, false // two breaks read as a newline, not a space
				}
				i, j = k, j+1
				continue
			}
		}
		if i >= len(data) || data[i] != value[j] {
			return 0, false
		}
		i, j = i+1, j+1
	}
	if i < len(data) && breakLen(data, i) == 0 && !strings.ContainsRune(" \t,]}", rune(data[i])) {
		return 0, false
	}
	return i, true
}
