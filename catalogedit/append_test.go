package catalogedit

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

func newEntry(id string) catalog.Resource {
	return catalog.Resource{ID: id, Title: "T " + id, Kind: catalog.KindPost, URL: "https://" + id + ".test/"}
}

// TestAppendEntries adds entries to files written in different styles:
// each keeps its own bytes and gets new entries in its own style.
func TestAppendEntries(t *testing.T) {
	toA := []catalog.Section{{ID: "a", Resources: []catalog.Resource{newEntry("new")}}}
	newSec := []catalog.Section{{ID: "b", Title: "B", Resources: []catalog.Resource{newEntry("new")}}}
	tests := []struct {
		name     string
		in, want string
		sections []catalog.Section
	}{
		{"flush items, no blank lines", "version: 1\nsections:\n- id: a\n  title: A\n  resources:\n  - id: x\n    title: X\n    kind: post\n    url: https://x.test/\n",
			"version: 1\nsections:\n- id: a\n  title: A\n  resources:\n  - id: x\n    title: X\n    kind: post\n    url: https://x.test/\n  - id: new\n    title: \"T new\"\n    kind: post\n    url: https://new.test/\n", toA},
		{"blank lines between entries", "version: 1\nsections:\n  - id: a\n    title: A\n    resources:\n      - id: x\n        title: X\n        kind: post\n        url: https://x.test/\n\n      - id: y\n        title: Y\n        kind: post\n        url: https://y.test/\n",
			"version: 1\nsections:\n  - id: a\n    title: A\n    resources:\n      - id: x\n        title: X\n        kind: post\n        url: https://x.test/\n\n      - id: y\n        title: Y\n        kind: post\n        url: https://y.test/\n\n      - id: new\n        title: \"T new\"\n        kind: post\n        url: https://new.test/\n", toA},
		{"CRLF and no final line break", "version: 1\r\nsections:\r\n- id: a\r\n  title: A\r\n  resources:\r\n  - id: x\r\n    title: X\r\n    kind: post\r\n    url: https://x.test/",
			"version: 1\r\nsections:\r\n- id: a\r\n  title: A\r\n  resources:\r\n  - id: x\r\n    title: X\r\n    kind: post\r\n    url: https://x.test/\r\n  - id: new\r\n    title: \"T new\"\r\n    kind: post\r\n    url: https://new.test/", toA},
		{"after a block scalar and a comment of its own", "version: 1\nsections:\n- id: a\n  title: A\n  resources:\n  - id: x\n    title: X\n    kind: post\n    url: https://x.test/\n    note: |-\n      line one\n      # not a comment\n    # a comment about x\n# a comment for what follows\n",
			"version: 1\nsections:\n- id: a\n  title: A\n  resources:\n  - id: x\n    title: X\n    kind: post\n    url: https://x.test/\n    note: |-\n      line one\n      # not a comment\n    # a comment about x\n  - id: new\n    title: \"T new\"\n    kind: post\n    url: https://new.test/\n# a comment for what follows\n", toA},
		{"a new section before a later key", "version: 1\nsections:\n  - id: a\n    title: A\n    resources:\n      - id: x\n        title: X\n        kind: post\n        url: https://x.test/\nsettings:\n  retries: 1\n",
			"version: 1\nsections:\n  - id: a\n    title: A\n    resources:\n      - id: x\n        title: X\n        kind: post\n        url: https://x.test/\n  - id: b\n    title: B\n    resources:\n      - id: new\n        title: \"T new\"\n        kind: post\n        url: https://new.test/\nsettings:\n  retries: 1\n", newSec},
		{"a new catalog", "", "version: 1\n\nsections:\n  - id: b\n    title: B\n    resources:\n      - id: new\n        title: \"T new\"\n        kind: post\n        url: https://new.test/\n", newSec},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := AppendEntries("c.yaml", []byte(tt.in), tt.sections)
			if err != nil {
				t.Fatalf("AppendEntries: %v", err)
			}
			if string(out) != tt.want {
				t.Errorf("AppendEntries =\n%s\nwant\n%s", out, tt.want)
			}
			c, err := catalog.Parse("c.yaml", bytes.NewReader(out))
			if err != nil {
				t.Fatalf("the result does not load: %v", err)
			}
			if p := c.ValidateRules(); len(p) > 0 {
				t.Errorf("the result is invalid: %v", p)
			}
		})
	}
}

// TestAppendEntriesRefuses: lists the editor cannot extend safely are
// refused, with no bytes.
func TestAppendEntriesRefuses(t *testing.T) {
	toA := []catalog.Section{{ID: "a", Resources: []catalog.Resource{newEntry("new")}}}
	tests := []struct{ name, in, why string }{
		{"flow list of resources", "version: 1\nsections:\n- id: a\n  title: A\n  resources: [{id: x, title: X, kind: post, url: \"https://x.test/\"}]\n", "not a block list"},
		{"no resources yet", "version: 1\nsections:\n- id: a\n  title: A\n  resources: []\n", "not a block list"},
		{"last entry a flow mapping", "version: 1\nsections:\n- id: a\n  title: A\n  resources:\n  - {id: x, title: X, kind: post, url: \"https://x.test/\"}\n", "block mapping"},
		{"last value an alias", "version: 1\nsections:\n- id: a\n  title: A\n  resources:\n  - id: x\n    title: &t X\n    kind: post\n    url: https://x.test/\n    note: *t\n", "alias"},
		{"flow sections", "version: 1\nsections: []\n", "not a block list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := AppendEntries("c.yaml", []byte(tt.in), toA)
			var refused *RefusedError
			if !errors.As(err, &refused) || out != nil {
				t.Fatalf("AppendEntries = %q, %v; want a refusal", out, err)
			}
			if !strings.Contains(err.Error(), tt.why) {
				t.Errorf("refusal %q does not say %q", err, tt.why)
			}
		})
	}
}
