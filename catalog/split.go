package catalog

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"slices"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
	"golang.org/x/sync/errgroup"
)

// splitMinSize is the catalog size from which Parse reads the entries a
// piece at a time. A YAML node tree takes about thirteen times the bytes
// it was parsed from, so a 50,000-entry catalog (9 MB) parsed whole holds
// some 120 MB of nodes at once; read in pieces it holds the entries and a
// few pieces' nodes. The pieces are parsed on several cores, too.
const splitMinSize = 256 << 10

// pieceSize is about how many bytes of entries are parsed at a time.
const pieceSize = 64 << 10

// piece is a run of items of one entryList, parsed on its own.
type piece struct {
	list       int // index of its entryList
	first, n   int // index of its first item in the list, and how many
	start, end int // byte offsets
	line       int // 1-based line of its first item
	// What decoding it found.
	entries []Resource
	dec     *decoder
}

// parseSplit parses data as Parse would parse it whole, but with the
// entries of each section's "resources:" list parsed a piece at a time,
// concurrently, and decoded at once, so that no piece's nodes outlive it.
// The rest of the file (the skeleton: data with those lists blanked out,
// lines kept) is parsed whole. Every piece keeps its lines and columns.
//
// ok is false when the file does not have the plain shape this needs, or
// a piece means something else on its own (an alias to an anchor in
// another piece, a quoted string running past an item, a syntax error):
// the caller then parses the whole file as usual, which also gives the
// right error.
func parseSplit(name string, data []byte, workers, pieceBytes int) (c *Catalog, problems Problems, ok bool) {
	if hasOtherLineBreaks(data) {
		return nil, nil, false
	}
	lists := findEntryLists(data)
	if len(lists) == 0 {
		return nil, nil, false
	}
	doc := decodeOne(blankOut(data, lists))
	if doc == nil {
		return nil, nil, false
	}
	slots := entrySlots(doc, lists)
	if slots == nil {
		return nil, nil, false
	}
	pieces := cutPieces(lists, pieceBytes)
	for i := range lists {
		lists[i].entries = make([]Resource, len(lists[i].items))
	}
	if !decodePieces(name, data, lists, pieces, workers) {
		return nil, nil, false
	}

	d := newDecoder(name, len(data))
	d.entries = make(map[*yaml.Node][]Resource, len(lists))
	for i, slot := range slots {
		// The list's node, as the whole parse would give it: its
		// position is that of its first item.
		first := lists[i].items[0]
		*slot = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: first.line, Column: lists[i].indent + 1}
		d.entries[slot] = lists[i].entries[:0]
	}
	for _, p := range pieces {
		// Each piece decoded into its window of one array for the
		// list: closing the gaps moves entries down, never copies the
		// list.
		slot := slots[p.list]
		d.entries[slot] = append(d.entries[slot], p.entries...)
	}
	c = d.catalog(name, doc)
	used := d.aliasLimit - d.aliasNodes
	for _, p := range pieces {
		d.items = append(d.items, p.dec.items...)
		d.malformed = merge(d.malformed, p.dec.malformed)
		d.misspelt = merge(d.misspelt, p.dec.misspelt)
		used += p.dec.aliasLimit - p.dec.aliasNodes
	}
	if len(d.entries) > 0 || d.overflow || used > d.aliasLimit {
		// A list the walk never reached (under a duplicate key, say), or
		// aliases that repeat too much in all: the whole parse says what
		// is wrong, deterministically.
		return nil, nil, false
	}
	c.malformed, c.misspelt = d.malformed, d.misspelt
	return c, d.items.sorted(), true
}

// merge adds src's keys to dst, which may be nil.
func merge[K comparable](dst, src map[K]struct{}) map[K]struct{} {
	if len(src) == 0 {
		return dst
	}
	if dst == nil {
		dst = make(map[K]struct{}, len(src))
	}
	maps.Copy(dst, src)
	return dst
}

// entrySlots finds, in the skeleton doc, the value of the "resources:" key
// of each list: a section's resources key, on the list's line, with
// nothing after it. It returns nil unless every list has exactly one.
func entrySlots(doc *yaml.Node, lists []entryList) []*yaml.Node {
	byLine := make(map[int]int, len(lists))
	for i, l := range lists {
		byLine[l.keyLine] = i
	}
	slots := make([]*yaml.Node, len(lists))
	found := 0
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Kind != yaml.ScalarNode || k.Value != "sections" || v.Kind != yaml.SequenceNode {
			continue
		}
		for _, s := range root.Content[i+1].Content {
			if s.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(s.Content); j += 2 {
				k, v := s.Content[j], s.Content[j+1]
				li, ok := byLine[k.Line]
				if !ok || k.Kind != yaml.ScalarNode || k.Value != "resources" || v.Kind != yaml.ScalarNode ||
					v.Tag != "!!null" || v.Value != "" || v.Anchor != "" || slots[li] != nil {
					continue
				}
				slots[li] = v
				found++
			}
		}
	}
	if found != len(lists) {
		return nil
	}
	return slots
}

// cutPieces cuts each list at the first item starts past size bytes.
func cutPieces(lists []entryList, size int) []*piece {
	var pieces []*piece
	for i, l := range lists {
		p := &piece{list: i, start: l.items[0].off, line: l.items[0].line}
		for j, it := range l.items[1:] {
			if it.off-p.start >= size {
				p.end, p.n = it.off, j+1-p.first
				pieces = append(pieces, p)
				p = &piece{list: i, first: j + 1, start: it.off, line: it.line}
			}
		}
		p.end, p.n = l.end, len(l.items)-p.first
		pieces = append(pieces, p)
	}
	return pieces
}

// decodePieces parses and decodes every piece, workers at a time, and
// reports whether all of them are what they are in the whole file: one
// block sequence at the list's indentation.
func decodePieces(name string, data []byte, lists []entryList, pieces []*piece, workers int) bool {
	var failed atomic.Bool
	var g errgroup.Group
	g.SetLimit(max(workers, 1))
	for _, p := range pieces {
		g.Go(func() error {
			if failed.Load() {
				return nil
			}
			doc := decodeOne(data[p.start:p.end])
			if doc == nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode ||
				doc.Content[0].Line != 1 || doc.Content[0].Column != lists[p.list].indent+1 {
				failed.Store(true)
				return nil
			}
			seq := doc.Content[0]
			if slices.ContainsFunc(seq.Content, func(n *yaml.Node) bool { return n.Kind == yaml.AliasNode }) {
				// The whole parse reports them once for the list.
				failed.Store(true)
				return nil
			}
			shiftLines(seq, p.line-1)
			p.dec = newDecoder(name, len(data))
			p.entries = p.dec.appendResources(lists[p.list].entries[p.first:p.first:p.first+p.n], "", seq.Content)
			if p.dec.overflow {
				failed.Store(true)
			}
			return nil
		})
	}
	_ = g.Wait() // the pieces report failure through failed
	return !failed.Load()
}

// shiftLines moves n and the nodes under it down by lines.
func shiftLines(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		shiftLines(c, lines)
	}
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
