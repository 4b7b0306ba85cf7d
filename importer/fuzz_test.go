package importer

import (
	"bytes"
	"os"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// FuzzImport: any Markdown imports without a panic into a catalog that
// validates, the same list gives the same bytes, and importing it again
// into its own result changes nothing.
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
	})
}
