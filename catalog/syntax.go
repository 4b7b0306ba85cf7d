package catalog

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlErrorLine finds the line in yaml's syntax errors ("yaml: line 12:
// did not find expected key"); yaml reports no column.
var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parserProblems are the messages of yaml's parser, as opposed to its
// scanner. yaml numbers the line of a parser error from 0 and that of a
// scanner error from 1, and both name the start of the construct being
// read ("while parsing a block collection") rather than the mistake when
// they have one: a bad indentation on line 40 of a list that starts on
// line 3 comes back as "line 2".
var parserProblems = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found duplicate %TAG directive",
	"found incompatible YAML document",
	"found undefined tag handle",
}

// syntaxError turns a yaml parse error of data into a problem at the line
// of the mistake, at its first non-blank column (yaml gives no column);
// errors without a line default to 1.
func (d *decoder) syntaxError(data []byte, err error) {
	line, msg := yamlLine(err)
	pos := Pos{1, 1}
	if line > 0 {
		line = findMistake(data, err, line)
		pos = Pos{line, firstColumn(data, line)}
	}
	d.add(pos, "invalid YAML: %s", msg)
}

// yamlLine returns the 1-based line a yaml error names, or 0, and its
// message without the prefixes.
func yamlLine(err error) (line int, msg string) {
	msg = err.Error()
	if m := yamlErrorLine.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n > 0 {
			line = n
		}
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if line > 0 && slices.Contains(parserProblems, msg) {
		line++
	}
	return line, msg
}

// findMistake is mistakeLine, made cheaper for a large file. Every probe
// of mistakeLine parses a prefix of the file, up to the mistake: a dozen
// parses of a 10 MB catalog take seconds. The pieces parseSplit would
// read (the skeleton and each run of entries) are parsed on their own
// instead, once, and the first mistake found in one is checked against
// the whole file with two probes.
func findMistake(data []byte, err error, from int) int {
	if len(data) < splitMinSize || hasOtherLineBreaks(data) {
		return mistakeLine(data, err, from)
	}
	want := err.Error()
	same := func(n int) bool {
		e := firstError(prefixLines(data, n))
		return e != nil && e.Error() == want
	}
	for _, line := range pieceMistakes(data) {
		if line >= from && same(line) && (line == from || !same(line-1)) {
			return line
		}
	}
	return mistakeLine(data, err, from)
}

// pieceMistakes returns, in order, the lines of the mistakes found by
// parsing the skeleton and each piece of entries of data on its own: at
// most one in the skeleton and the first with a line in the pieces.
func pieceMistakes(data []byte) []int {
	lists := findEntryLists(data)
	var lines []int
	skeleton := blankOut(data, lists)
	if e := firstError(skeleton); e != nil {
		if at, _ := yamlLine(e); at > 0 {
			lines = append(lines, mistakeLine(skeleton, e, at))
		}
	}
	for _, p := range cutPieces(lists, pieceSize) {
		text := data[p.start:p.end]
		// An error without a line (an alias to an anchor in another
		// piece) is no mistake of the whole file.
		if e := firstError(text); e != nil {
			if at, _ := yamlLine(e); at > 0 {
				lines = append(lines, mistakeLine(text, e, at)+p.line-1)
				break
			}
		}
	}
	slices.Sort(lines)
	return lines
}

// mistakeLine returns the line where data stops being YAML: the first line
// from which on the text parses into the same error, searched from the
// line yaml named, which is at or above it. A prefix ending before the
// mistake parses, or fails differently (it ends inside the construct);
// one ending after it fails at the same token, in the same way. For a
// construct left open (a quote, a bracket) that is the line it opens on.
func mistakeLine(data []byte, err error, from int) int {
	want := err.Error()
	lines := bytes.Count(data, []byte{'\n'}) + 1
	if from >= lines || hasOtherLineBreaks(data) {
		return from
	}
	same := func(n int) bool {
		e := firstError(prefixLines(data, n))
		return e != nil && e.Error() == want
	}
	// Gallop from the named line, then halve: the mistake is usually a
	// few lines below it, and every probe parses a prefix of the file.
	lo, hi, step := from-1, from, 1
	for !same(hi) {
		if hi == lines {
			return from
		}
		lo, hi, step = hi, min(hi+step, lines), step*2
	}
	for hi-lo > 1 {
		if mid := lo + (hi-lo)/2; same(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// firstError parses every document of data and returns the first error.
func firstError(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// prefixLines returns the first n lines of data, line breaks included.
func prefixLines(data []byte, n int) []byte {
	off := 0
	for range n {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return data
		}
		off += i + 1
	}
	return data[:off]
}

// firstColumn returns the column of the first non-blank character of line
// (1-based) of data, or 1.
func firstColumn(data []byte, line int) int {
	text := data[len(prefixLines(data, line-1)):]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	for i, c := range text {
		if c != ' ' && c != '\r' {
			return i + 1
		}
	}
	return 1
}

// hasOtherLineBreaks reports whether data breaks lines with anything but
// "\n" or "\r\n": yaml also counts a lone "\r", NEL, LS and PS, so lines
// found by counting "\n" would not be yaml's.
func hasOtherLineBreaks(data []byte) bool {
	for rest := data; ; {
		i := bytes.IndexByte(rest, '\r')
		if i < 0 {
			break
		}
		if i+1 == len(rest) || rest[i+1] != '\n' {
			return true
		}
		rest = rest[i+1:]
	}
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}
