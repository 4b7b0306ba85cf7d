package importer

import (
	"fmt"
	"strings"
	"testing"
)

// benchList writes a list of about size bytes in the shape of a large
// awesome list: sections and subsections of bullet items, arXiv papers
// with code links, repositories, a table, badges and anchors.
func benchList(size int) []byte {
	var b strings.Builder
	b.WriteString("# Awesome Bench [![ci](https://img.test/ci.svg)](https://ci.test/)\n\n- [Papers](#papers)\n\n")
	for i := 0; b.Len() < size; i++ {
		if i%40 == 0 {
			fmt.Fprintf(&b, "\n## Section %d\n\n", i/40)
		}
		if i%10 == 0 {
			fmt.Fprintf(&b, "\n### Topic %d\n\n", i/10)
		}
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "- [Paper number %d on scaling](https://arxiv.org/abs/23%02d.%05d) - a **study** of scaling, `code` and more. [[code](https://github.com/org%d/repo%d)]\n", i, i%12+1, i+1, i, i)
		case 1:
			fmt.Fprintf(&b, "- **[Tool %d](https://tool%d.test/docs/getting-started.html)**: does things; see <https://tool%d.test/blog>.\n", i, i, i)
		case 2:
			fmt.Fprintf(&b, "  - Nested [post %d](https://blog.test/2024/%d/post-title-%d/) &mdash; https://mirror.test/p/%d\n", i, i, i, i)
		case 3:
			fmt.Fprintf(&b, "\n| Model | Paper |\n|---|---|\n| M%d | [paper](https://arxiv.org/pdf/23%02d.%05dv2.pdf) |\n\n", i, i%12+1, i+2)
		}
	}
	return []byte(b.String())
}

// BenchmarkImport imports a 200 KB list into a new catalog: reading,
// building and writing the entries, and validating the result.
func BenchmarkImport(b *testing.B) {
	md := benchList(200 << 10)
	b.SetBytes(int64(len(md)))
	var sum Summary
	for b.Loop() {
		var err error
		if _, sum, err = Into("resources.yaml", nil, md); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sum.Links), "links")
	b.ReportMetric(float64(sum.New), "entries")
}

// BenchmarkRead is the Markdown half of BenchmarkImport: parsing the
// 200 KB list and making its entries, with nothing written.
func BenchmarkRead(b *testing.B) {
	md := benchList(200 << 10)
	b.SetBytes(int64(len(md)))
	for b.Loop() {
		Read(md).Build(nil)
	}
}
