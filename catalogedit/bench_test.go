package catalogedit

import (
	"bytes"
	"fmt"
	"testing"
)

// benchCatalog writes a catalog of n resources in sections of 100, every
// tenth one with a trailing comment, a third of them arXiv papers.
func benchCatalog(n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nsections:\n")
	for i := 0; i < n; i++ {
		if i%100 == 0 {
			fmt.Fprintf(&b, "  - id: section-%d\n    title: Section %d\n    resources:\n", i/100, i/100)
		}
		fmt.Fprintf(&b, "      - id: resource-%d\n        title: 'A resource about agents, number %d'\n        kind: post\n", i, i)
		fmt.Fprintf(&b, "        url: https://blog.example.com/posts/%d", i)
		if i%10 == 0 {
			b.WriteString("  # from the newsletter")
		}
		b.WriteString("\n")
		if i%3 == 0 {
			fmt.Fprintf(&b, "        arxiv: \"23%02d.%05dv1\"\n", i%12+1, i/12+1)
		}
	}
	return b.Bytes()
}

// BenchmarkApply100k rewrites 1,000 values (urls, titles, arXiv pins)
// spread over a 100,000-entry catalog.
func BenchmarkApply100k(b *testing.B) {
	data := benchCatalog(100_000)
	var fixes []Fix
	for i := 0; i < 100_000; i += 100 {
		id := fmt.Sprintf("resource-%d", i)
		switch i % 3 {
		case 0:
			a := fmt.Sprintf("23%02d.%05d", i%12+1, i/12+1)
			fixes = append(fixes, Fix{ID: id, Field: FieldArxiv, Old: a + "v1", New: a + "v2"})
		case 1:
			fixes = append(fixes, Fix{ID: id, Field: FieldTitle, Old: fmt.Sprintf("A resource about agents, number %d", i), New: "It's retitled"})
		default:
			fixes = append(fixes, Fix{ID: id, Field: FieldURL, Old: fmt.Sprintf("https://blog.example.com/posts/%d", i), New: fmt.Sprintf("https://new.example.com/p/%d", i)})
		}
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		_, applied, skipped, err := Apply("bench.yaml", data, fixes)
		if err != nil || len(applied) != len(fixes) {
			b.Fatalf("Apply: %d applied, skipped %v, err %v", len(applied), skipped[:min(len(skipped), 3)], err)
		}
	}
}
