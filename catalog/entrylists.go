package catalog

import "bytes"

// entryList is the block sequence under a "resources:" key: where its
// items are, found by reading lines, before any YAML is parsed.
type entryList struct {
	keyLine    int         // 1-based line of the "resources:" key
	start, end int         // byte offsets: after the key's line, and the end
	items      []itemStart // each "- " line that starts an item
	indent     int         // columns before each item's "-"
	// entries has room for an entry per item; each piece decodes into
	// its own window of it.
	entries []Resource
}

// itemStart is where an item of an entryList starts.
type itemStart struct{ off, line int }

// findEntryLists finds the block sequences under "resources:" keys by
// their lines: a "resources:" key alone on its line, followed by items
// ("- ") at one indentation, at least the key's, each running until the
// next item or a line indented less. What the lines seemed to say is
// checked against the parse (entrySlots, decodePieces).
func findEntryLists(data []byte) []entryList {
	var lists []entryList
	var cur *entryList
	keyIndent := 0
	for off, lineNo := 0, 1; off < len(data); lineNo++ {
		next := len(data)
		if end := bytes.IndexByte(data[off:], '\n'); end >= 0 {
			next = off + end + 1
		}
		line := bytes.TrimRight(data[off:next], "\r\n")
		content := bytes.TrimLeft(line, " ")
		indent := len(line) - len(content)
		if cur != nil {
			switch {
			case len(content) == 0 || content[0] == '#':
				// Blank lines and comments belong to no item in particular.
				off = next
				continue
			case cur.indent < 0 && isItemStart(content) && indent >= keyIndent:
				cur.indent = indent
				cur.items = append(cur.items, itemStart{off, lineNo})
				off = next
				continue
			case cur.indent < 0:
				cur = nil // not a block sequence
			case indent > cur.indent:
				off = next
				continue
			case indent == cur.indent && isItemStart(content):
				cur.items = append(cur.items, itemStart{off, lineNo})
				off = next
				continue
			default:
				cur.end = off
				lists = append(lists, *cur)
				cur = nil
			}
		}
		if isEntriesKey(content) {
			cur, keyIndent = &entryList{keyLine: lineNo, start: next, indent: -1}, indent
		}
		off = next
	}
	if cur != nil && cur.indent >= 0 {
		cur.end = len(data)
		lists = append(lists, *cur)
	}
	return lists
}

// isEntriesKey matches "resources:" with nothing after it but spaces or a
// comment (no anchor, tag or inline value).
func isEntriesKey(content []byte) bool {
	rest, ok := bytes.CutPrefix(content, []byte("resources:"))
	if !ok {
		return false
	}
	trimmed := bytes.TrimLeft(rest, " ")
	return len(trimmed) == 0 || (trimmed[0] == '#' && len(trimmed) < len(rest))
}

func isItemStart(content []byte) bool {
	return content[0] == '-' && (len(content) == 1 || content[1] == ' ')
}

// blankOut returns data with each list's lines replaced by their line
// breaks only.
func blankOut(data []byte, lists []entryList) []byte {
	out := make([]byte, 0, len(data)/8)
	at := 0
	for _, l := range lists {
		out = append(out, data[at:l.start]...)
		out = append(out, bytes.Repeat([]byte{'\n'}, bytes.Count(data[l.start:l.end], []byte{'\n'}))...)
		at = l.end
	}
	return append(out, data[at:]...)
}
