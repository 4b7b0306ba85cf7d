package catalogedit

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// AppendEntries adds new entries to the catalog file data (reported as
// name), byte for byte: each section's entries go after the last entry of
// the section of the same id, and a section the file does not have goes
// after its last section, each written in the style of its neighbours
// (their indentation, blank lines between entries, line breaks). Not one
// byte of the file changes; AppendEntries proves it by reading the result
// back: every node of the file is still there, unchanged, and the new
// entries read as given. An empty data makes a new catalog.
//
// An error (a *RefusedError) means the entries could not be placed
// safely (a section's resources are not a block list, say); then no bytes
// are returned. Whether the result is a valid catalog is the caller's to
// check, with the rest of its rules.
func AppendEntries(name string, data []byte, sections []catalog.Section) ([]byte, error) {
	if len(sections) == 0 {
		return data, nil
	}
	var out []byte
	var err error
	if len(bytes.TrimSpace(data)) == 0 {
		out = newCatalog(sections)
		err = readsBack(out, sections)
	} else if out, err = appendEntries(data, sections); err == nil {
		err = verifyAppend(data, out, sections)
	}
	if err != nil {
		return nil, &RefusedError{Err: fmt.Errorf("add entries to %s: %w", name, err)}
	}
	return out, nil
}

// layout is how a file writes a list of mappings: the text before an
// item's first key ("  - "), the indentation of its other keys, and
// whether a blank line comes before each item.
type layout struct {
	prefix string
	indent int
	blank  bool
}

// The layout of a new catalog, resources.yaml's own.
var (
	newSectionLayout = layout{prefix: "  - ", indent: 4, blank: true}
	newEntryLayout   = layout{prefix: "      - ", indent: 8, blank: true}
)

// newCatalog writes a catalog of sections from nothing.
func newCatalog(sections []catalog.Section) []byte {
	var b strings.Builder
	b.WriteString("version: 1\n\nsections:")
	for i, s := range sections {
		lay := newSectionLayout
		lay.blank = i > 0
		writeSection(&b, "\n", lay, newEntryLayout, s)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

func appendEntries(data []byte, sections []catalog.Section) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("the file does not parse: %w", err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the file is not a mapping with version and sections")
	}
	list := mappingValue(doc.Content[0], "sections")
	if list == nil || list.Kind != yaml.SequenceNode || list.Style&yaml.FlowStyle != 0 || len(list.Content) == 0 {
		return nil, errors.New("sections is not a block list holding a section: add the first section by hand")
	}
	ix := newLineIndex(data)
	existing := make(map[string]*yaml.Node, len(list.Content))
	for _, sn := range list.Content {
		if id := mappingValue(sn, "id"); id != nil && id.Kind == yaml.ScalarNode {
			existing[id.Value] = sn
		}
	}
	var inserts []edit
	var added []catalog.Section
	for _, s := range sections {
		sn, ok := existing[s.ID]
		if !ok {
			added = append(added, s)
			continue
		}
		res := mappingValue(sn, "resources")
		if res == nil || res.Kind != yaml.SequenceNode || res.Style&yaml.FlowStyle != 0 || len(res.Content) == 0 {
			return nil, fmt.Errorf("section %s's resources (line %d) are not a block list holding an entry: add its first entry by hand", s.ID, sn.Line)
		}
		at, lay, err := ix.listEnd(res)
		if err != nil {
			return nil, fmt.Errorf("section %s: %w", s.ID, err)
		}
		var b strings.Builder
		for _, r := range s.Resources {
			writeEntry(&b, ix.lineBreak(at), lay, r)
		}
		inserts = append(inserts, edit{start: at, end: at, text: b.String()})
	}
	if len(added) > 0 {
		at, secLay, err := ix.listEnd(list)
		if err != nil {
			return nil, fmt.Errorf("the sections: %w", err)
		}
		entLay := ix.entryLayout(list, secLay)
		var b strings.Builder
		for _, s := range added {
			writeSection(&b, ix.lineBreak(at), secLay, entLay, s)
		}
		inserts = append(inserts, edit{start: at, end: at, text: b.String()})
	}
	// Entries of the last section and new sections may share an offset:
	// splice keeps them in the order they were added, entries first.
	return splice(data, inserts), nil
}

// mappingValue returns the value of key in mapping m, or nil.
func mappingValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
