package catalog

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// parseBoth parses src whole and split, with every item of every list a
// piece of its own, and fails the test if the split parse succeeds but
// builds a different catalog or finds different problems.
func parseBoth(t *testing.T, src string) (split bool) {
	t.Helper()
	data := []byte(src)
	want, wantErr := parseWhole("f.yaml", data)
	got, gotProblems, ok := parseSplit("f.yaml", data, 2, 1)
	if !ok {
		return false
	}
	var wantProblems Problems
	if wantErr != nil && !errors.As(wantErr, &wantProblems) {
		t.Fatalf("parseWhole(%q) error %v is not Problems", src, wantErr)
	}
	if want == nil {
		t.Fatalf("parseSplit accepted %q, which does not parse whole: %v", src, wantErr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("split parse of %q = %+v, want %+v", src, got, want)
	}
	if !reflect.DeepEqual(gotProblems, wantProblems) {
		t.Fatalf("split parse of %q has problems %v, want %v", src, gotProblems, wantProblems)
	}
	if gp, wp := got.Validate(testNow), want.Validate(testNow); !reflect.DeepEqual(gp, wp) {
		t.Fatalf("split parse of %q validates to %v, want %v", src, gp, wp)
	}
	return true
}

func TestParseSplit(t *testing.T) {
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
		{"one big section", "version: 1\nsections:\n" + section("a", ok("a1"), ok("a2"), ok("a3"), ok("a4"), ok("a5")), true},
		{"keys after sections", "version: 1\nsections:\n" + four + "settings:\n  retries: 2\n", true},
		{"keys after resources", "version: 1\nsections:\n  - id: a\n    resources:\n" + ok("a1") + ok("a2") + "    title: T\n", true},
		{"items at the key's indentation", "version: 1\nsections:\n  - id: a\n    title: T\n    resources:\n    - id: a1\n      title: T\n      kind: paper\n      url: https://e.com/a1\n    - id: a2\n", true},
		{"items at column 1", "version: 1\nsections:\n" + strings.ReplaceAll(four, "\n  ", "\n")[2:], true},
		{"comments and blank lines", "version: 1\nsections:\n  - id: a\n    title: T\n    resources: # the list\n\n      # first\n" + ok("a1") + "\n# at column 1\n" + ok("a2"), true},
		{"problems survive", "version: 2\nsections:\n" + four + "  - id: Bad\n    titel: x\n" + section("e", "      - {id: e1, titel: x}\n      - id: e2\n        tags: [[a], [b]]\n"), true},
		{"aliases within an entry's piece", "version: 1\nsections:\n" + section("a", "      - {id: a1, title: &t T, kind: post, url: https://e.com/, note: *t}\n"), true},
		{"aliased entries", "version: 1\nsections:\n" + section("a", "      - &r {id: r, title: T, kind: paper, url: https://e.com/}\n      - *r\n"), false},
		{"CRLF", strings.ReplaceAll("version: 1\nsections:\n"+four, "\n", "\r\n"), true},
		{"a lone CR", "version: 1\nsections:\n" + section("a", ok("a1"), "      - {id: a2, title: \"T\rU\", kind: post, url: https://e.com/}\n", ok("a3")), false},
		{"a line separator in a string", "version: 1\nsections:\n" + section("a", "      - {id: a2, title: \"T\u2028U\", kind: post, url: https://e.com/}\n", ok("a3")), false},
		{"no resources", "version: 1\nsections: []\n", false},
		{"flow resources", "version: 1\nsections:\n  - id: a\n    resources: [a, b, c, d]\n", false},
		{"anchor across pieces", "version: 1\nsections:\n" + section("a", "      - {id: r, title: &t T, kind: paper, url: https://e.com/}\n") +
			section("b") + section("c") + section("d", "      - {id: s, title: *t, kind: paper, url: https://e.com/s}\n"), false},
		{"anchor in the skeleton", "version: 1\nsettings: {state: &s x}\nsections:\n" + section("a", "      - {id: r, title: *s, kind: paper, url: https://e.com/}\n"), false},
		{"quoted string across an item boundary", "version: 1\nsections:\n" + section("a") + section("b", "      - note: \"x\n      - id: y\n        z\"\n") + section("c") + section("d"), false},
		{"duplicate resources key", "version: 1\nsections:\n  - id: a\n    resources:\n" + ok("a1") + "    resources:\n" + ok("a2"), false},
		{"second sections key", "version: 1\nsections:\n" + four + "sections:\n" + section("e", ok("e1")), false},
		{"resources outside a section", "version: 1\nsections: []\nx:\n  resources:\n" + ok("a1"), false},
		{"second document", "version: 1\nsections:\n" + four + "---\nversion: 1\n", false},
		{"syntax error", "version: 1\nsections:\n" + four + "  - id: [\n", false},
		{"syntax error in an entry", "version: 1\nsections:\n" + section("a", ok("a1"), "      - id: [\n"), false},
		// A "resources:" line inside a quoted string is text.
		{"resources line inside a string", "version: 1\nsections:\n  - id: a\n    title: \"a\n    resources:\n      - id: s1\n    \"\n", false},
		{"resources line inside a block scalar", "version: 1\nsections:\n  - id: a\n    title: |\n      resources:\n        - id: s1\n", false},
		// An item indented less than the others, or a key between items.
		{"item dedented", "version: 1\nsections:\n  - id: a\n    resources:\n" + ok("a1") + "     - id: a2\n", false},
		{"text after the items, indented less", "version: 1\nsections:\n  - id: a\n    resources:\n" + ok("a1") + "     more\n", false},
		{"key at the items' indentation", "version: 1\nsections:\n  - id: a\n    resources:\n" + ok("a1") + "      id: x\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseBoth(t, tt.src); got != tt.wantSplit {
				t.Errorf("parseSplit(%q) ok = %v, want %v", tt.src, got, tt.wantSplit)
			}
		})
	}
}

// TestParseSplitLines checks that a large catalog, read in pieces, puts
// its problems on the lines the whole parse would.
func TestParseSplitLines(t *testing.T) {
	data := benchCatalog(3000)
	if len(data) < splitMinSize {
		t.Fatalf("benchmark catalog of %d bytes is below splitMinSize: make it larger", len(data))
	}
	src := strings.Replace(string(data), "        title: A resource about agents, number 2999\n", "        titel: A resource about agents, number 2999\n", 1)
	c, err := Parse("f.yaml", strings.NewReader(src))
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 1 || c == nil {
		t.Fatalf("Parse = %v, %v, want a catalog and one problem", c, err)
	}
	line := strings.Count(src[:strings.Index(src, "titel:")], "\n") + 1
	want := Problem{File: "f.yaml", Line: line, Column: 9, Message: "unknown key \"titel\" in resource: did you mean `title`?"}
	if ps[0] != want {
		t.Errorf("Parse problem = %v, want %v", ps[0], want)
	}
	if _, _, ok := parseSplit("f.yaml", []byte(src), 2, pieceSize); !ok {
		t.Errorf("parseSplit refused the benchmark catalog")
	}
}

// FuzzParseSplit checks that whenever the split parse accepts a file it
// means the same as the whole parse.
func FuzzParseSplit(f *testing.F) {
	sec := "  - id: s\n    title: T\n    resources:\n" + ok("a") + ok("b")
	f.Add("version: 1\nsections:\n" + sec + sec + sec + sec)
	f.Add("version: 1\nsections:\n" + sec + sec + "settings: {}\n" + sec + sec)
	f.Add("sections: # c\n- id: a\n  resources:\n  - id: b\n  - id: c\n- id: d\nversion: 1\n")
	f.Add("sections:\n  - 0\n  - \n  !")
	f.Fuzz(func(t *testing.T, src string) {
		parseBoth(t, src)
	})
}

// TestParseSplitMutations is FuzzParseSplit's check over a fixed set of
// random line edits of a small catalog (lines dropped, repeated, swapped,
// indented, or given a YAML indicator), so that every run covers shapes
// the table above does not.
func TestParseSplitMutations(t *testing.T) {
	base := strings.Split(strings.Replace(string(benchCatalog(30)), "  - id: section-0\n",
		"  - id: s\n    title: T\n    resources:\n      - {id: x, title: y, kind: post, url: \"https://x/\"}\n  - id: section-0\n", 1), "\n")
	r := rand.New(rand.NewPCG(1, 2))
	frags := []string{"\"", "'", "[", "]", "{", "}", "- ", "#", "&a ", "*a", ": ", "|", ">", "\t", "  ", "resources:", "---", "? ", "!!str ", "%"}
	split := 0
	for range 600 {
		lines := slices.Clone(base)
		for range 1 + r.IntN(3) {
			i := r.IntN(len(lines))
			switch r.IntN(6) {
			case 0:
				lines = slices.Delete(lines, i, i+1)
			case 1:
				lines = slices.Insert(lines, i, lines[i])
			case 2:
				lines[i] = " " + lines[i]
			case 3:
				lines[i] = strings.TrimPrefix(lines[i], " ")
			case 4:
				at := r.IntN(len(lines[i]) + 1)
				lines[i] = lines[i][:at] + frags[r.IntN(len(frags))] + lines[i][at:]
			case 5:
				j := r.IntN(len(lines))
				lines[i], lines[j] = lines[j], lines[i]
			}
		}
		if parseBoth(t, strings.Join(lines, "\n")) {
			split++
		}
	}
	// Most edits leave a catalog the split parse reads: the comparison
	// must have been made.
	if split < 100 {
		t.Errorf("parseSplit accepted %d of 600 edited catalogs, want at least 100", split)
	}
}
