package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// TestSyntaxErrorLine checks that a YAML syntax error is reported at the
// line holding the mistake, marked "<<" in each source, not at the start
// of the block around it.
func TestSyntaxErrorLine(t *testing.T) {
	resources := "version: 1\nsections:\n  - id: s\n    title: S\n    resources:\n"
	tests := []struct {
		name string
		src  string
		msg  string
	}{
		{"dedented key in a list item", "version: 1\nsections:\n  - id: a\n   title: x <<\n",
			"did not find expected '-' indicator"},
		{"dedented key deep in a list", resources + "      - id: a\n        title: A\n      - id: b\n        title: B\n       kind: post <<\n",
			"did not find expected '-' indicator"},
		{"item dedented below its list", resources + "      - id: a\n        title: A\n     - id: b <<\n",
			"did not find expected key"},
		{"list item where a key belongs", "version: 1\n- a <<\n",
			"did not find expected key"},
		{"text after a quoted value", resources + "      - id: a\n        title: \"A\" and B <<\n",
			"did not find expected key"},
		{"tab indentation of a list", "version: 1\nsections:\n\t- id: a <<\n",
			"found character that cannot start any token"},
		{"tab indentation of a key", "version: 1\nsections:\n  - id: a\n\ttitle: x <<\n",
			"found a tab character that violates indentation"},
		{"unclosed double quote", resources + "      - id: a\n        title: \"A <<\n        kind: post\n",
			"found unexpected end of stream"},
		{"unclosed single quote", resources + "      - id: a\n        title: 'A <<\n        kind: post\n      - id: b\n",
			"found unexpected end of stream"},
		{"unclosed bracket", "version: 1\nsections: [a <<\nfoo: 1\n",
			"did not find expected ',' or ']'"},
		{"unclosed brace", resources + "      - {id: a, title: A <<\n      - id: b\n",
			"did not find expected ',' or '}'"},
		{"two values on one line", resources + "      - id: a\n        title: A: B <<\n",
			"mapping values are not allowed in this context"},
		{"key without a colon", resources + "      - id: a\n        title A <<\n        kind: post\n",
			"could not find expected ':'"},
		{"indented top-level key", "version: 1\n  sections: [] <<\n",
			"mapping values are not allowed in this context"},
		{"mistake in a second document", "version: 1\nsections: []\n---\n- a\n- b\nc: d <<\n",
			"did not find expected '-' indicator"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := strings.Split(tt.src, "\n")
			line, col := 0, 0
			for i, l := range lines {
				if strings.HasSuffix(l, " <<") {
					line, col = i+1, len(l)-len(strings.TrimLeft(l, " "))+1
					lines[i] = strings.TrimSuffix(l, " <<")
				}
			}
			src := strings.Join(lines, "\n")
			want := fmt.Sprintf("c.yaml:%d:%d: invalid YAML: %s", line, col, tt.msg)
			got := problemLines(t, src)
			if len(got) == 0 || got[0] != want {
				t.Errorf("problems of\n%s\n= %q\nwant first %q", src, got, want)
			}
		})
	}
}

// TestSyntaxErrorLineLarge is TestSyntaxErrorLine for a catalog large
// enough to be read in pieces, whose mistakes are looked for piece by
// piece first.
func TestSyntaxErrorLineLarge(t *testing.T) {
	big := string(benchCatalog(3000))
	if len(big) < splitMinSize {
		t.Fatalf("benchmark catalog of %d bytes is below splitMinSize: make it larger", len(big))
	}
	// replace changes the first line starting with old, or fails.
	replace := func(src, old, new string) string {
		i := strings.Index(src, "\n"+old)
		if i < 0 {
			t.Fatalf("no line %q in the benchmark catalog", old)
		}
		return src[:i+1] + new + src[i+1+len(old):]
	}
	tests := []struct {
		name string
		src  string
		msg  string
	}{
		{"dedented key in an entry", replace(big, "        title: A resource about agents, number 2900\n", "       title: A resource about agents, number 2900 <<\n"),
			"did not find expected '-' indicator"},
		{"dedented key in a section", replace(big, "    title: Section 20\n", "   title: Section 20 <<\n"),
			"did not find expected '-' indicator"},
		{"an alias across pieces, then a mistake", replace(replace(big,
			"      - id: resource-1\n", "      - id: &first resource-1\n"),
			"        title: A resource about agents, number 2950\n", "        title: *first\n       note: n <<\n"),
			"did not find expected '-' indicator"},
	}
	// A tag handle declared at the top: the piece using it cannot be
	// read on its own, yet the file's mistake is further down.
	tagged := "%TAG !e! tag:example.com,2026:\n---\n" + replace(replace(big,
		"        title: A resource about agents, number 2940\n", "        title: !e!name A resource about agents, number 2940\n"),
		"        title: A resource about agents, number 2950\n", "       title: A resource about agents, number 2950 <<\n")
	tests = append(tests, struct {
		name string
		src  string
		msg  string
	}{"a tag handle of the file, then a mistake", tagged, "did not find expected '-' indicator"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line := strings.Count(tt.src[:strings.Index(tt.src, " <<")], "\n") + 1
			src := strings.Replace(tt.src, " <<", "", 1)
			lines := strings.Split(src, "\n")
			col := len(lines[line-1]) - len(strings.TrimLeft(lines[line-1], " ")) + 1
			want := fmt.Sprintf("c.yaml:%d:%d: invalid YAML: %s", line, col, tt.msg)
			got := problemLines(t, src)
			if len(got) == 0 || got[0] != want {
				t.Errorf("problems = %q, want first %q", got, want)
			}
		})
	}
}
