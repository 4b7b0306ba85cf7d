package catalogedit

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// FuzzApply rewrites every url, title and arxiv of whatever catalog the
// fuzzer makes up to a made-up value, and adds an archive with it where
// an entry has none. The editor may refuse a fix, but
// what it writes must always load, with each applied value reading as its
// new text, and a file it did not change must come back as it was.
func FuzzApply(f *testing.F) {
	seeds := []string{
		doc("      - id: a\n        title: 'Old: a title' # c\n        kind: post\n        url: https://old.test/a\n        arxiv: \"1706.03762v5\"\n"),
		doc("      - {id: a, title: A, kind: post, url: https://old.test/a}\n"),
		doc("      - id: a\n        title: >-\n          A long\n          title\n        url: \"https://old.test/a\"\n"),
		"version: 1\r\nsections: [{id: s, title: S, resources: [{id: a, title: T, url: x}]}]\r\n",
	}
	// The head of the bundled catalog: its real styles, small enough for
	// the fuzzer to mutate quickly.
	if real, err := os.ReadFile("../resources.yaml"); err == nil {
		seeds = append(seeds, string(real[:min(len(real), 3000)]))
	}
	for _, s := range seeds {
		f.Add([]byte(s), "https://new.test/a,b")
		f.Add([]byte(s), "It's: new #1")
		f.Add([]byte(s), "1706.03762v7")
	}
	f.Fuzz(func(t *testing.T, data []byte, newValue string) {
		cat, _ := catalog.Parse("resources.yaml", bytes.NewReader(data))
		if cat == nil {
			return
		}
		var fixes []Fix
		for _, r := range cat.Resources() {
			for _, field := range []Field{FieldURL, FieldTitle, FieldArxiv, FieldGitHub} {
				if old, _, ok := value(&r, field); ok {
					fixes = append(fixes, Fix{ID: r.ID, Field: field, Old: old, New: newValue})
				}
			}
			// A key fix adds, where the entry has none.
			if _, _, ok := value(&r, FieldArchive); !ok {
				fixes = append(fixes, Fix{ID: r.ID, Field: FieldArchive, New: newValue})
			}
		}
		out, applied, _, err := Apply("resources.yaml", data, fixes)
		if errors.Is(err, ErrUnsafeEdit) {
			t.Fatalf("Apply refused its own edit: %v", err)
		}
		if err != nil {
			return
		}
		if len(applied) == 0 {
			if !bytes.Equal(out, data) {
				t.Fatalf("Apply applied nothing but changed the file")
			}
			return
		}
		got, _ := catalog.Parse("resources.yaml", bytes.NewReader(out))
		if got == nil {
			t.Fatalf("the result does not load:\n%q", out)
		}
		byID := make(map[string]catalog.Resource)
		for _, r := range got.Resources() {
			if _, dup := byID[r.ID]; !dup {
				byID[r.ID] = r
			}
		}
		for _, fx := range applied {
			r := byID[fx.ID]
			if v, _, _ := value(&r, fx.Field); v != fx.New {
				t.Fatalf("%s's %s reads %q, want %q", fx.ID, fx.Field, v, fx.New)
			}
		}
	})
}
