package catalog

import (
	"bytes"
	"errors"
	"io"
	"sync"

	"go.yaml.in/yaml/v3"
)

// splitMinSize is the catalog size from which Parse spreads YAML parsing
// over several cores. The YAML parser is most of a large load's cost, and
// a catalog is mostly one long list of sections that can be parsed apart.
const splitMinSize = 256 << 10

// region is the block sequence under the top-level "sections:" key: the
// byte range holding its items and where each item starts.
type region struct {
	line       int   // 1-based line of the "sections:" key
	start, end int   // byte offsets: after the "sections:" line, and the end
	items      []int // byte offset of each "- " line that starts an item
	indent     int   // columns before each item's "-"
}

// decodeSplit parses data as one YAML document by parsing the sections list
// in up to parts pieces concurrently, with the rest of the file parsed on
// its own, and grafting the pieces' items into one tree. Every piece keeps
// its lines and columns: the text moved elsewhere is replaced by as many
// empty lines. ok is false when the file does not have the plain shape this
// needs, or any piece fails to parse (an anchor used across pieces, a
// quoted string spanning an item boundary, a syntax error): the caller then
// parses the whole file as usual, which also gives the right error.
func decodeSplit(data []byte, parts int) (doc *yaml.Node, ok bool) {
	reg, found := findSections(data)
	parts = min(parts, len(reg.items))
	if !found || parts < 2 {
		return nil, false
	}
	// Cut at the item starts nearest to equal shares of the bytes.
	cuts := []int{reg.start}
	for i, k := 0, 1; k < parts && i < len(reg.items); i++ {
		if at := reg.items[i]; at >= reg.start+k*(reg.end-reg.start)/parts && at > cuts[len(cuts)-1] {
			cuts = append(cuts, at)
			k++
		}
	}
	cuts = append(cuts, reg.end)

	texts := make([][]byte, 0, len(cuts))
	texts = append(texts, blankOut(data, reg.start, reg.end))
	for i := 0; i+1 < len(cuts); i++ {
		texts = append(texts, padTo(data, cuts[i], cuts[i+1]))
	}
	docs := make([]*yaml.Node, len(texts))
	var wg sync.WaitGroup
	for i, text := range texts {
		wg.Go(func() { docs[i] = decodeOne(text) })
	}
	wg.Wait()

	for _, d := range docs {
		if d == nil {
			return nil, false
		}
	}
	main := docs[0]
	if len(main.Content) != 1 || main.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	var slot *yaml.Node
	root := main.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "sections" {
			if slot != nil || k.Line != reg.line {
				return nil, false
			}
			slot = root.Content[i+1]
		}
	}
	if slot == nil || slot.Kind != yaml.ScalarNode || slot.Tag != "!!null" {
		return nil, false
	}
	var items []*yaml.Node
	for _, d := range docs[1:] {
		if len(d.Content) != 1 || d.Content[0].Kind != yaml.SequenceNode || d.Content[0].Column != reg.indent+1 {
			return nil, false
		}
		items = append(items, d.Content[0].Content...)
	}
	first := docs[1].Content[0]
	*slot = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.Line, Column: first.Column, Content: items}
	return main, true
}

// decodeOne parses text that must hold exactly one YAML document, or
// returns nil.
func decodeOne(text []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var doc, next yaml.Node
	if dec.Decode(&doc) != nil || !errors.Is(dec.Decode(&next), io.EOF) {
		return nil
	}
	return &doc
}

// findSections locates the items of a top-level "sections:" block sequence.
func findSections(data []byte) (region, bool) {
	var reg region
	inRegion := false
	for off, lineNo := 0, 1; off < len(data); lineNo++ {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		line := bytes.TrimRight(data[off:next], "\r\n")
		content := bytes.TrimLeft(line, " ")
		indent := len(line) - len(content)
		switch {
		case !inRegion:
			if isSectionsKey(line) {
				inRegion, reg.line, reg.start, reg.indent = true, lineNo, next, -1
			}
		case len(content) == 0 || content[0] == '#':
			// Blank lines and comments belong to no item in particular.
		case reg.indent < 0 && isItemStart(content):
			reg.indent = indent
			reg.items = append(reg.items, off)
		case reg.indent < 0:
			return region{}, false // not a block sequence
		case indent == reg.indent && isItemStart(content):
			reg.items = append(reg.items, off)
		case indent == 0:
			// The next top-level key: what follows is parsed with the
			// rest of the file, just as it would be whole.
			reg.end = off
			return reg, len(reg.items) > 0
		case indent <= reg.indent:
			return region{}, false // not a shape worth reasoning about
		}
		off = next
	}
	reg.end = len(data)
	return reg, inRegion && len(reg.items) > 0
}

// isSectionsKey matches "sections:" at column 1 with nothing after it but
// spaces or a comment (no anchor, tag or inline value).
func isSectionsKey(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("sections:"))
	if !ok {
		return false
	}
	rest = bytes.TrimLeft(rest, " ")
	return len(rest) == 0 || (rest[0] == '#' && len(rest) < len(line)-len("sections:"))
}

func isItemStart(content []byte) bool {
	return content[0] == '-' && (len(content) == 1 || content[1] == ' ')
}

// blankOut returns data with [from, to) replaced by its newlines only.
func blankOut(data []byte, from, to int) []byte {
	n := bytes.Count(data[from:to], []byte{'\n'})
	out := make([]byte, 0, from+n+len(data)-to)
	out = append(out, data[:from]...)
	out = append(out, bytes.Repeat([]byte{'\n'}, n)...)
	return append(out, data[to:]...)
}

// padTo returns data[from:to] preceded by as many newlines as come before
// from, so that its lines keep their numbers.
func padTo(data []byte, from, to int) []byte {
	n := bytes.Count(data[:from], []byte{'\n'})
	out := make([]byte, 0, n+to-from)
	out = append(out, bytes.Repeat([]byte{'\n'}, n)...)
	return append(out, data[from:to]...)
}
