package catalogedit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// verify parses the old and the new file and walks both trees together:
// every node must be the same (kind, style, tag, anchor, value, comments,
// children in order), except the edited values, which must read as their
// new text. It is the editor's proof that a span was found right.
func verify(old, new []byte, edits []edit) error {
	// Parsing is nearly all the cost on a large catalog; the two files
	// parse independently.
	var a, b *yaml.Node
	var aerr, err error
	var wg sync.WaitGroup
	wg.Go(func() { a, aerr = parseNode(old) })
	b, err = parseNode(new)
	wg.Wait()
	if aerr != nil {
		return fmt.Errorf("%w: the original does not parse: %v", ErrUnsafeEdit, aerr)
	}
	if err != nil {
		return fmt.Errorf("%w: the result does not parse: %v", ErrUnsafeEdit, err)
	}
	p := proof{want: make(map[catalog.Pos]string, len(edits))}
	for _, e := range edits {
		if e.insert != nil {
			if p.inserts == nil {
				p.inserts = make(map[catalog.Pos]*insertion)
			}
			p.inserts[e.insert.mapping] = e.insert
			continue
		}
		p.want[e.at] = e.fix.New
	}
	if err := p.sameTree(a, b); err != nil {
		return err
	}
	if want := len(p.want) + len(p.inserts); p.seen != want {
		return fmt.Errorf("%w: %d of %d edited values found in the result", ErrUnsafeEdit, p.seen, want)
	}
	return nil
}

// proof is what verify expects of the new tree: the rewritten values by
// their old position, and the keys added to mappings, by the mapping's.
type proof struct {
	want    map[catalog.Pos]string
	inserts map[catalog.Pos]*insertion
	seen    int
}

// parseNode parses one YAML document, keeping comments.
func parseNode(data []byte) (*yaml.Node, error) {
	var n yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&n); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &n, nil
}

func (p *proof) sameTree(a, b *yaml.Node) error {
	at := catalog.Pos{Line: a.Line, Column: a.Column}
	if a.Kind == yaml.ScalarNode {
		if v, ok := p.want[at]; ok {
			p.seen++
			if b.Kind != yaml.ScalarNode || b.Value != v {
				return fmt.Errorf("%w: the value at line %d reads %q, want %q", ErrUnsafeEdit, a.Line, b.Value, v)
			}
			return sameComments(a, b)
		}
	}
	switch {
	case a.Kind != b.Kind, a.Style != b.Style, a.Tag != b.Tag, a.Anchor != b.Anchor, a.Value != b.Value:
		return fmt.Errorf("%w: the node at line %d changed (%q became %q)", ErrUnsafeEdit, a.Line, a.Value, b.Value)
	}
	if err := sameComments(a, b); err != nil {
		return err
	}
	kids := b.Content
	if ins, ok := p.inserts[at]; ok && a.Kind == yaml.MappingNode {
		var err error
		if kids, err = p.inserted(a, b, ins); err != nil {
			return err
		}
	}
	if len(a.Content) != len(kids) {
		return fmt.Errorf("%w: the node at line %d has %d children, not %d", ErrUnsafeEdit, a.Line, len(kids), len(a.Content))
	}
	for i := range a.Content {
		if err := p.sameTree(a.Content[i], kids[i]); err != nil {
			return err
		}
	}
	return nil
}

// inserted checks that mapping b is mapping a with ins's key and value
// right after the key ins.after, and returns b's children without them,
// for the rest of the comparison.
func (p *proof) inserted(a, b *yaml.Node, ins *insertion) ([]*yaml.Node, error) {
	i := -1
	for k := 0; k+1 < len(a.Content); k += 2 {
		if a.Content[k].Kind == yaml.ScalarNode && a.Content[k].Value == ins.after {
			i = k + 2
			break
		}
	}
	if i < 0 || len(b.Content) != len(a.Content)+2 {
		return nil, fmt.Errorf("%w: the mapping at line %d did not gain %s after %s", ErrUnsafeEdit, a.Line, ins.key, ins.after)
	}
	k, v := b.Content[i], b.Content[i+1]
	switch {
	case k.Kind != yaml.ScalarNode || k.Value != ins.key || k.Style != 0 || k.Tag != "!!str",
		v.Kind != yaml.ScalarNode || v.Value != ins.value || v.Tag != "!!str" || v.Anchor != "":
		return nil, fmt.Errorf("%w: the mapping at line %d gained %q: %q, want %s: %q", ErrUnsafeEdit, a.Line, k.Value, v.Value, ins.key, ins.value)
	}
	if err := sameComments(&yaml.Node{}, k); err != nil {
		return nil, err
	}
	if err := sameComments(&yaml.Node{}, v); err != nil {
		return nil, err
	}
	p.seen++
	return append(slices.Clone(b.Content[:i]), b.Content[i+2:]...), nil
}

func sameComments(a, b *yaml.Node) error {
	if a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment {
		return fmt.Errorf("%w: a comment near line %d changed", ErrUnsafeEdit, a.Line)
	}
	return nil
}
