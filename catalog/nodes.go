package catalog

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// decoder walks a YAML node tree into a Catalog, collecting structural
// problems as it goes. It works on nodes rather than struct decoding so that
// every value keeps its line and column.
type decoder struct {
	problemList
	malformed map[Pos]struct{}
	misspelt  map[misspelling]struct{}
	// aliasNodes is how many more nodes aliases may repeat (see resolve);
	// overflow is set once they went past it, which makes the file
	// unreadable.
	aliasNodes, aliasLimit int
	overflow               bool
	// entries holds lists of entries decoded already, by the node that
	// stands for them (see parseSplit); each is taken once.
	entries map[*yaml.Node][]Resource
}

// newDecoder returns a decoder for a file called name of size bytes.
func newDecoder(name string, size int) *decoder {
	limit := aliasBudget(size)
	return &decoder{problemList: problemList{file: name}, aliasNodes: limit, aliasLimit: limit}
}

// aliasBudget is how many nodes the aliases of a file of size bytes may
// repeat in all. Each repeated node becomes a value of its own (an alias
// is not shared, it is copied), so a few lines of nested aliases could
// otherwise expand to billions; an eighth of the bytes lets aliases at
// most about double the memory of a load, and the floor leaves a small
// file free to share its tags and accept lists.
func aliasBudget(size int) int { return max(10_000, size/8) }

func posOf(n *yaml.Node) Pos { return Pos{Line: n.Line, Column: n.Column} }

// addAt reports a problem at node n.
func (d *decoder) addAt(n *yaml.Node, format string, args ...any) {
	d.add(posOf(n), format, args...)
}

// bad reports a value that could not be read and remembers its position,
// so that Validate does not report it again (as empty, say).
func (d *decoder) bad(n *yaml.Node, format string, args ...any) {
	d.addAt(n, format, args...)
	if d.malformed == nil {
		d.malformed = make(map[Pos]struct{})
	}
	d.malformed[posOf(n)] = struct{}{}
}

// resolve follows an alias to the node it names, counting the nodes it
// repeats against the decoder's budget. Past the budget it reports the
// alias once, and it and every later alias read as nothing.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	if n == nil || n.Kind != yaml.AliasNode {
		return n
	}
	if d.overflow {
		return nil
	}
	t := target(n)
	if t != nil {
		d.aliasNodes -= 1 + len(t.Content)
	}
	if d.aliasNodes < 0 {
		d.overflow = true
		d.addAt(n, "aliases repeat more than %d values (this one goes past): write the values out", d.aliasLimit)
		return nil
	}
	return t
}

// target follows an alias to the node it names, without counting it.
func target(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// mapping calls fn for each key of the mapping m that is in known, in file
// order. It reports keys that are not strings, unknown keys (with a
// suggestion) and duplicate keys; for a duplicate only the first is used.
// where names the mapping in messages ("resource", "settings").
func (d *decoder) mapping(m *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	pairs := len(m.Content) / 2
	// Most mappings have a handful of keys: a quadratic scan for duplicates
	// beats allocating a set for each of a hundred thousand resources.
	var seen map[string]*yaml.Node
	if pairs > 16 {
		seen = make(map[string]*yaml.Node, pairs)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, raw := d.resolve(m.Content[i]), m.Content[i+1]
		if k != nil && raw.Kind == yaml.AliasNode && holdsEntries(where, k.Value) {
			d.addAt(raw, "%s cannot be an alias (*%s): write the list out", k.Value, raw.Value)
			raw = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: raw.Line, Column: raw.Column}
		}
		v := d.resolve(raw)
		if k == nil || v == nil {
			continue
		}
		if k.Kind != yaml.ScalarNode {
			d.addAt(k, "keys in %s must be strings", where)
			continue
		}
		if first := d.firstKey(m, i, k.Value, seen); first != nil {
			d.addAt(k, "duplicate key %q in %s (first at line %d)", k.Value, where, first.Line)
			continue
		}
		i := slices.Index(known, k.Value)
		if i < 0 {
			d.unknownKey(m, k, where, known)
			continue
		}
		// The known key's string, not the node's copy of it: a large
		// catalog keeps several of them in the Fields of every entry.
		fn(known[i], k, v)
	}
}

// holdsEntries reports whether key of the mapping named where holds the
// catalog's sections or a section's entries. Neither may be an alias, nor
// may a section or an entry: the same entry listed twice is a duplicate,
// and a few nested aliases could list it billions of times.
func holdsEntries(where, key string) bool {
	return where == "catalog" && key == "sections" || where == "section" && key == "resources"
}

// unknownKey reports key node k of mapping m as unknown, and remembers the
// key it was probably meant to be.
func (d *decoder) unknownKey(m, k *yaml.Node, where string, known []string) {
	meant := suggest(k.Value, known)
	d.addAt(k, "%s", unknownKeyMessage(k.Value, meant, where, known))
	if meant == "" {
		return
	}
	if d.misspelt == nil {
		d.misspelt = make(map[misspelling]struct{})
	}
	d.misspelt[misspelling{posOf(m), meant}] = struct{}{}
}

// isMisspelt reports whether key is missing from the mapping at pos only
// because it was misspelt, which has been reported already.
func isMisspelt(set map[misspelling]struct{}, at Pos, key string) bool {
	_, ok := set[misspelling{at, key}]
	return ok
}

// firstKey returns the earlier key node named key in m, if any, before the
// pair at index i. With a non-nil seen it records key instead of scanning.
func (d *decoder) firstKey(m *yaml.Node, i int, key string, seen map[string]*yaml.Node) *yaml.Node {
	if seen != nil {
		if first, ok := seen[key]; ok {
			return first
		}
		seen[key] = m.Content[i]
		return nil
	}
	for j := 0; j < i; j += 2 {
		if k := target(m.Content[j]); k != nil && k.Kind == yaml.ScalarNode && k.Value == key {
			return k
		}
	}
	return nil
}

// str reads a string field. Any scalar counts, by its text as written, so
// that "title: 1984" or "note: yes" stay what the author typed; null reads
// as the empty string, which Validate reports where a value is required.
func (d *decoder) str(name string, v *yaml.Node) string {
	if v.Kind != yaml.ScalarNode {
		d.bad(v, "%s must be a string, not %s", name, describe(v))
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	return v.Value
}

// strList reads a list of strings such as tags.
func (d *decoder) strList(name string, v *yaml.Node) []string {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.bad(v, "%s must be a list of strings", name)
		return nil
	}
	out := make([]string, 0, len(v.Content))
	reported := false
	for _, e := range v.Content {
		e = d.resolve(e)
		if e == nil {
			continue
		}
		if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
			// The message is about the list: once is enough, however
			// many of its items (or aliases to one) are wrong.
			if !reported {
				d.bad(e, "%s must be a list of strings", name)
				reported = true
			}
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

// integer reads an integer scalar.
func (d *decoder) integer(name string, v *yaml.Node) (int, bool) {
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil {
		d.bad(v, "%s must be an integer", name)
		return 0, false
	}
	return n, true
}

// boolean reads true or false.
func (d *decoder) boolean(name string, v *yaml.Node) bool {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&b) != nil {
		d.bad(v, "%s must be true or false", name)
		return false
	}
	return b
}

// describe names a node's type for messages ("a list", "a mapping").
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		}
		return "a string"
	}
	return "empty"
}
