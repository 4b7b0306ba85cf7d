package catalogedit

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// verifyAppend is AppendEntries' proof: the new file's tree is the old
// one's, node for node, with only items added at the ends of the lists
// that were to grow; and the new entries read back as given, in their
// sections.
func verifyAppend(old, new []byte, sections []catalog.Section) error {
	a, err := parseNode(old)
	if err != nil {
		return fmt.Errorf("%w: the original does not parse: %v", ErrUnsafeEdit, err)
	}
	b, err := parseNode(new)
	if err != nil {
		return fmt.Errorf("%w: the result does not parse: %v", ErrUnsafeEdit, err)
	}
	grow := make(map[*yaml.Node]int)
	list := mappingValue(a.Content[0], "sections")
	byID := make(map[string]*yaml.Node, len(list.Content))
	for _, sn := range list.Content {
		if id := mappingValue(sn, "id"); id != nil {
			byID[id.Value] = sn
		}
	}
	for _, s := range sections {
		if sn, ok := byID[s.ID]; ok {
			grow[mappingValue(sn, "resources")] += len(s.Resources)
		} else {
			grow[list]++
		}
	}
	if err := sameGrown(a, b, grow); err != nil {
		return err
	}
	return readsBack(new, sections)
}

// sameGrown compares two trees as verify does, except for comments (the
// parser may attach a comment below the old last item to a new one) and
// for the lists in grow, which may end in that many more items.
func sameGrown(a, b *yaml.Node, grow map[*yaml.Node]int) error {
	switch {
	case a.Kind != b.Kind, a.Style != b.Style, a.Tag != b.Tag, a.Anchor != b.Anchor, a.Value != b.Value:
		return fmt.Errorf("%w: the node at line %d changed (%q became %q)", ErrUnsafeEdit, a.Line, a.Value, b.Value)
	}
	if want := len(a.Content) + grow[a]; len(b.Content) != want {
		return fmt.Errorf("%w: the node at line %d has %d children, not %d", ErrUnsafeEdit, a.Line, len(b.Content), want)
	}
	for i := range a.Content {
		if err := sameGrown(a.Content[i], b.Content[i], grow); err != nil {
			return err
		}
	}
	return nil
}

// readsBack checks that every new entry reads back from data with the
// values given, in its section.
func readsBack(data []byte, sections []catalog.Section) error {
	c, _ := catalog.Parse("", bytes.NewReader(data))
	if c == nil {
		return fmt.Errorf("%w: the result does not load", ErrUnsafeEdit)
	}
	got := make(map[string]catalog.Resource)
	for _, s := range c.Sections {
		for _, r := range s.Resources {
			got[s.ID+"\x00"+r.ID] = r
		}
	}
	for _, s := range sections {
		for _, want := range s.Resources {
			r, ok := got[s.ID+"\x00"+want.ID]
			switch {
			case !ok:
				return fmt.Errorf("%w: entry %s is not in section %s of the result", ErrUnsafeEdit, want.ID, s.ID)
			case r.Title != want.Title, r.Kind != want.Kind, r.URL != want.URL, r.Arxiv != want.Arxiv, r.Note != want.Note:
				return fmt.Errorf("%w: entry %s does not read back as written", ErrUnsafeEdit, want.ID)
			}
		}
	}
	return nil
}
