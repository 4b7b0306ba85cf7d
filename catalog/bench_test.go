package catalog

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"
)

// benchCatalog writes a valid catalog of n resources in sections of 100,
// shaped like the real list: every entry has id, title, kind and url; a
// third are arXiv papers; some have tags, notes, alternates, accept lists.
func benchCatalog(n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nsettings:\n  concurrency: 32\n  host_rate: 2/s\n  hosts:\n    arxiv.org: {rate: 1/3s, burst: 1}\nsections:\n")
	for i := 0; i < n; i++ {
		if i%100 == 0 {
			fmt.Fprintf(&b, "  - id: section-%d\n    title: Section %d\n    resources:\n", i/100, i/100)
		}
		fmt.Fprintf(&b, "      - id: resource-%d\n        title: A resource about agents, number %d\n", i, i)
		switch i % 3 {
		case 0:
			// Unique new-style IDs: months 01-12 of 2023, 5-digit numbers.
			id := fmt.Sprintf("23%02d.%05d", i%12+1, i/12+1)
			fmt.Fprintf(&b, "        kind: paper\n        url: https://arxiv.org/abs/%s\n        arxiv: \"%s\"\n", id, id)
		case 1:
			fmt.Fprintf(&b, "        kind: post\n        url: https://blog.example.com/posts/%d\n        tags: [agents, evaluation]\n", i)
		default:
			fmt.Fprintf(&b, "        kind: tool\n        url: https://tools.example.org/t/%d\n        github: example/tool-%d\n", i, i)
			if i%10 == 2 {
				fmt.Fprintf(&b, "        alternates: [https://mirror.example.org/t/%d]\n        accept:\n          - {status: blocked, reason: bot wall}\n", i)
			}
		}
	}
	return b.Bytes()
}

func TestBenchCatalogIsValid(t *testing.T) {
	data := benchCatalog(1000)
	c, err := Parse("bench.yaml", bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Parse(bench catalog) = %v", err)
	}
	if ps := c.Validate(testNow); ps != nil {
		t.Fatalf("Validate(bench catalog) = %v", ps)
	}
	if n, s := c.Count(); n != 1000 || s != 10 {
		t.Errorf("Count() = %d, %d, want 1000, 10", n, s)
	}
}

// BenchmarkLoad100k measures Parse+Validate of a 100,000-entry catalog.
func BenchmarkLoad100k(b *testing.B) {
	data := benchCatalog(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c, err := Parse("bench.yaml", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if ps := c.Validate(testNow); ps != nil {
			b.Fatal(ps)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/entry")
}

// BenchmarkParse100k compares the two ways Parse can read a 100,000-entry
// catalog: one tree of the whole file, or the entries a piece at a time
// over the machine's cores. It is what justifies keeping parseSplit; run
// with -benchmem, B/op is what each allocates in all.
func BenchmarkParse100k(b *testing.B) {
	data := benchCatalog(100_000)
	b.Run("whole", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := parseWhole("bench.yaml", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("split", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, _, ok := parseSplit("bench.yaml", data, min(runtime.GOMAXPROCS(0), 8), pieceSize); !ok {
				b.Fatal("parseSplit refused the benchmark catalog")
			}
		}
	})
}
