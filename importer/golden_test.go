package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden imports each list of testdata/*.md into a new catalog and
// compares it, and the summary, with the golden files beside it; then
// imports the list again into its own result, which must change nothing.
func TestGolden(t *testing.T) {
	lists, err := filepath.Glob("testdata/*.md")
	if err != nil || len(lists) == 0 {
		t.Fatalf("no lists in testdata: %v", err)
	}
	for _, list := range lists {
		name := strings.TrimSuffix(filepath.Base(list), ".md")
		t.Run(name, func(t *testing.T) {
			md, err := os.ReadFile(list)
			if err != nil {
				t.Fatal(err)
			}
			out, sum, err := Into("resources.yaml", nil, md)
			if err != nil {
				t.Fatalf("Into: %v", err)
			}
			golden(t, "testdata/"+name+".yaml", out)
			golden(t, "testdata/"+name+".summary", []byte(sum.String()+"\n"))

			again, sum2, err := Into("resources.yaml", out, md)
			if err != nil {
				t.Fatalf("Into its own result: %v", err)
			}
			if !bytes.Equal(again, out) || sum2.New != 0 || sum2.Already+sum2.Repeats != sum.Links {
				t.Errorf("importing again changed the catalog or made entries: %s", sum2)
			}
			if _, err := catalog.Parse("resources.yaml", bytes.NewReader(out)); err != nil {
				t.Errorf("the result does not load: %v", err)
			}
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n%s", path, got)
	}
}

// TestIntoExisting adds a list to a hand-written catalog: its text stays
// byte for byte, links it has already are left out, new entries join
// their sections and new sections come last.
func TestIntoExisting(t *testing.T) {
	data, err := os.ReadFile("testdata/into/resources.yaml")
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile("testdata/into/list.md")
	if err != nil {
		t.Fatal(err)
	}
	out, sum, err := Into("resources.yaml", data, md)
	if err != nil {
		t.Fatalf("Into: %v", err)
	}
	golden(t, "testdata/into/want.yaml", out)
	if got, want := sum.String(), "7 links → 4 new entries in 3 sections (1 new section; 2 already there; 1 repeated; skipped: 1 badge)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if !isSubsequence(data, out) {
		t.Errorf("the catalog's own text did not survive byte for byte")
	}
	again, _, err := Into("resources.yaml", out, md)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("importing again changed the catalog (err %v)", err)
	}
}

// isSubsequence reports whether every byte of a appears in b in order:
// b is a with text inserted, nothing removed or changed.
func isSubsequence(a, b []byte) bool {
	i := 0
	for j := 0; i < len(a) && j < len(b); j++ {
		if a[i] == b[j] {
			i++
		}
	}
	return i == len(a)
}
