package importer

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
)

// FuzzImport: any Markdown imports without a panic into a catalog that
// validates, the same list gives the same bytes, and importing it again
// into its own result changes nothing; fixing its links in place either
// refuses or leaves a valid list.
func FuzzImport(f *testing.F) {
	for _, p := range []string{"testdata/cases.md", "testdata/into/list.md"} {
		if md, err := os.ReadFile(p); err == nil {
			f.Add(md)
		}
	}
	f.Add([]byte("- [x](https://a.test/) y\n  - <https://b.test/>\n"))
	f.Add([]byte("# T\n## A\n| a | [b](https://arxiv.org/abs/hep-th/9711200v2) |\n|-|-|\n"))
	f.Add([]byte("[r]: https://a.test/ \"t\"\n[r] [r][] ![i](https://i.test/)\n"))
	f.Fuzz(func(t *testing.T, md []byte) {
		out, sum, err := Into("resources.yaml", nil, md)
		if err != nil {
			t.Fatalf("Into(%q): %v", md, err)
		}
		if sum.New == 0 {
			if out != nil {
				t.Fatalf("no entries, but a catalog: %q", out)
			}
			return
		}
		c, err := catalog.Parse("resources.yaml", bytes.NewReader(out))
		if err != nil {
			t.Fatalf("the catalog does not load: %v\n%s", err, out)
		}
		if p := c.ValidateRules(); len(p) > 0 {
			t.Fatalf("the catalog is invalid: %v\n%s", p, out)
		}
		if n, _ := c.Count(); n != sum.New {
			t.Fatalf("%d entries, summary says %d", n, sum.New)
		}
		same, _, err := Into("resources.yaml", nil, md)
		if err != nil || !bytes.Equal(same, out) {
			t.Fatalf("a second import of the same list differs (err %v)", err)
		}
		again, sum2, err := Into("resources.yaml", out, md)
		if err != nil || !bytes.Equal(again, out) || sum2.New != 0 {
			t.Fatalf("importing again changed the catalog: %v, %s", err, sum2)
		}
		mem, _ := Catalog("README.md", md)
		if p := mem.ValidateRules(); len(p) > 0 {
			t.Fatalf("the list as a catalog is invalid: %v", p)
		}
		// Moving every link: fix edits the list or refuses, and what it
		// writes reads back as a valid list.
		var fixes []catalogedit.Fix
		for _, r := range mem.Resources() {
			fixes = append(fixes, catalogedit.Fix{ID: r.ID, Field: catalogedit.FieldURL, Old: r.URL, New: r.URL + "moved/"})
		}
		fixed, applied, _, err := Editor{}.Apply("README.md", md, fixes)
		switch {
		case err != nil && !errors.Is(err, catalogedit.ErrUnsafeEdit):
			t.Fatalf("fix: %v", err)
		case err == nil && len(applied) > 0:
			if _, err := (Editor{}).Load("README.md", fixed); err != nil {
				t.Fatalf("the fixed list is invalid: %v", err)
			}
		}
	})
}
