package catalogedit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
	want := make(map[catalog.Pos]string, len(edits))
	for _, e := range edits {
		want[e.at] = e.fix.New
	}
	seen := 0
	if err := sameTree(a, b, want, &seen); err != nil {
		return err
	}
	if seen != len(want) {
		return fmt.Errorf("%w: %d of %d edited values found in the result", ErrUnsafeEdit, seen, len(want))
	}
	return nil
}

// parseNode parses one YAML document, keeping comments.
func parseNode(data []byte) (*yaml.Node, error) {
	var n yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&n); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return &n, nil
}

func sameTree(a, b *yaml.Node, want map[catalog.Pos]string, seen *int) error {
	at := catalog.Pos{Line: a.Line, Column: a.Column}
	if a.Kind == yaml.ScalarNode {
		if v, ok := want[at]; ok {
			*seen++
			if b.Kind != yaml.ScalarNode || b.Value != v {
				return fmt.Errorf("%w: the value at line %d reads %q, want %q", ErrUnsafeEdit, a.Line, b.Value, v)
			}
			return sameComments(a, b)
		}
	}
	switch {
	case a.Kind != b.Kind, a.Style != b.Style, a.Tag != b.Tag, a.Anchor != b.Anchor, a.Value != b.Value:
		return fmt.Errorf("%w: the node at line %d changed (%q became %q)", ErrUnsafeEdit, a.Line, a.Value, b.Value)
	case len(a.Content) != len(b.Content):
		return fmt.Errorf("%w: the node at line %d has %d children, not %d", ErrUnsafeEdit, a.Line, len(b.Content), len(a.Content))
	}
	if err := sameComments(a, b); err != nil {
		return err
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], want, seen); err != nil {
			return err
		}
	}
	return nil
}

func sameComments(a, b *yaml.Node) error {
	if a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment {
		return fmt.Errorf("%w: a comment near line %d changed", ErrUnsafeEdit, a.Line)
	}
	return nil
}
