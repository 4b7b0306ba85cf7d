package catalog

import (
	"reflect"
	"strings"
	"testing"
)

// parseBoth parses src whole and split into parts pieces, and fails the
// test if the split parse succeeds but builds a different catalog or finds
// different problems.
func parseBoth(t *testing.T, src string, parts int) (split bool) {
	t.Helper()
	data := []byte(src)
	whole := newDecoder("f.yaml", len(data))
	wholeDoc := whole.decodeWhole(data)
	splitDoc, ok := decodeSplit(data, parts)
	if !ok {
		return false
	}
	if wholeDoc == nil || len(whole.items) > 0 {
		t.Fatalf("decodeSplit accepted %q, which does not parse whole: %v", src, whole.items)
	}
	sd := newDecoder("f.yaml", len(data))
	want, got := whole.catalog("f.yaml", wholeDoc), sd.catalog("f.yaml", splitDoc)
	want.malformed, want.misspelt = whole.malformed, whole.misspelt
	got.malformed, got.misspelt = sd.malformed, sd.misspelt
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("split parse of %q = %+v, want %+v", src, got, want)
	}
	whole.items = whole.items.sorted()
	sd.items = sd.items.sorted()
	if !reflect.DeepEqual(sd.items, whole.items) {
		t.Fatalf("split parse of %q has problems %v, want %v", src, sd.items, whole.items)
	}
	if gp, wp := got.Validate(testNow), want.Validate(testNow); !reflect.DeepEqual(gp, wp) {
		t.Fatalf("split parse of %q validates to %v, want %v", src, gp, wp)
	}
	return true
}

func TestDecodeSplit(t *testing.T) {
	section := func(id string, resources ...string) string {
		return "  - id: " + id + "\n    title: T\n    resources:\n" + strings.Join(resources, "")
	}
	four := section("a", ok("a1"), ok("a2")) + section("b", ok("b1")) + "# between\n\n" + section("c", ok("c1")) + section("d", ok("d1"))
	tests := []struct {
		name      string
		src       string
		wantSplit bool
	}{
		{"plain", "version: 1\nsections:\n" + four, true},
		{"keys after sections", "version: 1\nsections:\n" + four + "settings:\n  retries: 2\n", true},
		{"items at column 1", "version: 1\nsections:\n" + strings.ReplaceAll(four, "\n  ", "\n")[2:], true},
		{"problems survive", "version: 2\nsections:\n" + four + "  - id: Bad\n    titel: x\n" + section("e"), true},
		{"CRLF", strings.ReplaceAll("version: 1\nsections:\n"+four, "\n", "\r\n"), true},
		{"too few items", "version: 1\nsections:\n" + section("a", ok("a1")), false},
		{"no sections key", "version: 1\n", false},
		{"flow sections", "version: 1\nsections: [a, b, c, d]\n", false},
		{"anchor across pieces", "version: 1\nsections:\n" + section("a", "      - &r {id: r, title: T, kind: paper, url: https://e.com/}\n") +
			section("b") + section("c") + section("d", "      - *r\n"), false},
		{"quoted string across an item boundary", "version: 1\nsections:\n" + section("a") + section("b", "      - note: \"x\n  - id: y\n z\"\n") + section("c") + section("d"), false},
		{"second sections key", "version: 1\nsections:\n" + four + "sections:\n", false},
		{"second document", "version: 1\nsections:\n" + four + "---\nversion: 1\n", false},
		{"syntax error", "version: 1\nsections:\n" + four + "  - id: [\n", false},
		// A "sections:" line inside a quoted string is text, and the real
		// key comes later.
		{"sections line inside a string", "version: 1\nnote: \"a\nsections:\n  - id: s1\n  - id: s2\n  - id: s3\n  - id: s4\n\"\nsections:\n", false},
		// An item at column 1 after indented ones would become the
		// value of the blanked-out key.
		{"item dedented to column 1", "version: 1\nsections:\n" + four + "- id: e\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseBoth(t, tt.src, 4); got != tt.wantSplit {
				t.Errorf("decodeSplit(%q) ok = %v, want %v", tt.src, got, tt.wantSplit)
			}
		})
	}
}

// FuzzDecodeSplit checks that whenever the split parse accepts a file it
// means the same as the whole parse.
func FuzzDecodeSplit(f *testing.F) {
	sec := "  - id: s\n    title: T\n    resources:\n" + ok("a")
	f.Add("version: 1\nsections:\n" + sec + sec + sec + sec)
	f.Add("version: 1\nsections:\n" + sec + sec + "settings: {}\n" + sec + sec)
	f.Add("sections: # c\n- id: a\n- id: b\n- id: c\n- id: d\nversion: 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		parseBoth(t, src, 2)
	})
}
