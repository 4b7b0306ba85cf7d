package catalogedit

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// doc wraps resource lines (indented for a block sequence item) in a
// catalog with one section.
func doc(resources string) string {
	return "version: 1 # schema\nsections:\n  - id: s\n    title: S\n    resources:\n" + resources
}

// Every case edits one value of a catalog written in some YAML style and
// wants the file byte for byte: only the value's own text changes.
func TestApplyStyles(t *testing.T) {
	tests := []struct {
		name     string
		in, want string
		fix      Fix
	}{
		{
			name: "plain url",
			in:   doc("      - id: a\n        title: A\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a/"},
			want: doc("      - id: a\n        title: A\n        kind: post\n        url: https://new.test/a/\n"),
		},
		{
			name: "trailing comment on the edited line",
			in:   doc("      - id: a\n        title: A\n        kind: post\n        url: https://old.test/a   # moved in 2024?\n        tags: [x]\n"),
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a"},
			want: doc("      - id: a\n        title: A\n        kind: post\n        url: https://new.test/a   # moved in 2024?\n        tags: [x]\n"),
		},
		{
			name: "plain value that needs quotes now",
			in:   doc("      - id: a\n        title: Old title\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "Old title", New: "ReAct: Synergizing Reasoning and Acting #2"},
			want: doc("      - id: a\n        title: \"ReAct: Synergizing Reasoning and Acting #2\"\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "plain value that would read as a number",
			in:   doc("      - id: a\n        title: Old\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "Old", New: "2001"},
			want: doc("      - id: a\n        title: \"2001\"\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "single-quoted stays single-quoted",
			in:   doc("      - id: a\n        title: 'Old: a title'\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "Old: a title", New: "It's new: a title"},
			want: doc("      - id: a\n        title: 'It''s new: a title'\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "double-quoted with escapes",
			in:   doc("      - id: a\n        title: \"Old \\\"quoted\\\" \\u00e9 title\" # note\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "Old \"quoted\" é title", New: "New \"quoted\" \\ title\x01"},
			want: doc("      - id: a\n        title: \"New \\\"quoted\\\" \\\\ title\\x01\" # note\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "double-quoted arxiv pin",
			in:   doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: \"1706.03762v5\"\n"),
			fix:  Fix{ID: "a", Field: FieldArxiv, Old: "1706.03762v5", New: "1706.03762v7"},
			want: doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: \"1706.03762v7\"\n"),
		},
		{
			name: "plain arxiv pin with a prefix",
			in:   doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: arXiv:1706.03762v5\n"),
			fix:  Fix{ID: "a", Field: FieldArxiv, Old: "arXiv:1706.03762v5", New: "arXiv:1706.03762v7"},
			want: doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: arXiv:1706.03762v7\n"),
		},
		{
			name: "flow mapping in a block sequence",
			in:   doc("      - {id: a, title: A, kind: post, url: https://old.test/a}\n      - {id: b, title: B, kind: post, url: https://old.test/b}\n"),
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a?x=1,2"},
			want: doc("      - {id: a, title: A, kind: post, url: \"https://new.test/a?x=1,2\"}\n      - {id: b, title: B, kind: post, url: https://old.test/b}\n"),
		},
		{
			name: "flow sequence of flow mappings, wide characters before the value",
			in:   "version: 1\nsections:\n  - id: s\n    title: S\n    resources: [{id: a, title: \"Café ☕ 智能体\", kind: post, url: https://old.test/a}, {id: b, title: B, kind: post, url: https://old.test/b}]\n",
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a"},
			want: "version: 1\nsections:\n  - id: s\n    title: S\n    resources: [{id: a, title: \"Café ☕ 智能体\", kind: post, url: https://new.test/a}, {id: b, title: B, kind: post, url: https://old.test/b}]\n",
		},
		{
			name: "block sequence of tags and a folded note around the edit",
			in:   doc("      - id: a\n        title: Old\n        kind: post\n        tags:\n          - x\n          - y\n        note: >\n          A folded\n          note.\n\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "Old", New: "New"},
			want: doc("      - id: a\n        title: New\n        kind: post\n        tags:\n          - x\n          - y\n        note: >\n          A folded\n          note.\n\n        url: https://old.test/a\n"),
		},
		{
			name: "CRLF line endings",
			in:   strings.ReplaceAll(doc("      - id: a\n        title: A\n        kind: post\n        url: https://old.test/a # c\n"), "\n", "\r\n"),
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a"},
			want: strings.ReplaceAll(doc("      - id: a\n        title: A\n        kind: post\n        url: https://new.test/a # c\n"), "\n", "\r\n"),
		},
		{
			name: "plain title over two lines becomes one",
			in:   doc("      - id: a\n        title: A long title\n          over two lines\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "A long title over two lines", New: "A short title"},
			want: doc("      - id: a\n        title: A short title\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "double-quoted title over two lines, CRLF",
			in:   strings.ReplaceAll(doc("      - id: a\n        title: \"A long title\n          over two lines\"\n        kind: post\n        url: https://old.test/a\n"), "\n", "\r\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "A long title over two lines", New: "Short"},
			want: strings.ReplaceAll(doc("      - id: a\n        title: \"Short\"\n        kind: post\n        url: https://old.test/a\n"), "\n", "\r\n"),
		},
		{
			name: "folded title with strip chomping keeps its style",
			in:   doc("      - id: a\n        title: >- # folded\n          A long title\n          over two lines\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "A long title over two lines", New: "A new title"},
			want: doc("      - id: a\n        title: >- # folded\n          A new title\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "literal title with clip chomping becomes one line",
			in:   doc("      - id: a\n        title: |\n          Old\n\n        kind: post\n        url: https://old.test/a\n"),
			fix:  Fix{ID: "a", Field: FieldTitle, Old: "Old\n", New: "New"},
			want: doc("      - id: a\n        title: New\n\n        kind: post\n        url: https://old.test/a\n"),
		},
		{
			name: "byte order mark",
			in:   "\uFEFF" + doc("      - {id: a, title: A, kind: post, url: https://old.test/a}\n"),
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a"},
			want: "\uFEFF" + doc("      - {id: a, title: A, kind: post, url: https://new.test/a}\n"),
		},
		{
			name: "no newline at the end of the file",
			in:   strings.TrimSuffix(doc("      - id: a\n        title: A\n        kind: post\n        url: https://old.test/a\n"), "\n"),
			fix:  Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a"},
			want: strings.TrimSuffix(doc("      - id: a\n        title: A\n        kind: post\n        url: https://new.test/a\n"), "\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped, err := Apply("resources.yaml", []byte(tt.in), []Fix{tt.fix})
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if len(applied) != 1 || len(skipped) != 0 {
				t.Fatalf("Apply applied %v, skipped %v; want the fix applied", applied, skipped)
			}
			if string(out) != tt.want {
				t.Errorf("Apply =\n%q\nwant\n%q", out, tt.want)
			}
			if got := fieldOf(t, out, tt.fix.ID, tt.fix.Field); got != tt.fix.New {
				t.Errorf("the result's %s reads %q, want %q", tt.fix.Field, got, tt.fix.New)
			}
			// Idempotence: the same fix again finds its own work.
			again, applied, skipped, err := Apply("resources.yaml", out, []Fix{tt.fix})
			if err != nil || len(applied) != 0 || len(skipped) != 1 || !skipped[0].Done || !bytes.Equal(again, out) {
				t.Errorf("second Apply: applied %v, skipped %+v, err %v, changed %v; want nothing done", applied, skipped, err, !bytes.Equal(again, out))
			}
		})
	}
}

// fieldOf loads data with the catalog loader and returns entry id's field.
func fieldOf(t *testing.T, data []byte, id string, f Field) string {
	t.Helper()
	cat, err := catalog.Parse("resources.yaml", bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the result does not load: %v\n%s", err, data)
	}
	for _, r := range cat.Resources() {
		if r.ID == id {
			v, _, _ := value(&r, f)
			return v
		}
	}
	t.Fatalf("the result has no entry %s", id)
	return ""
}

// Entries are found by id wherever they are now; a fix made against
// another value, or for an entry that is gone, is skipped and nothing is
// written in its place.
func TestApplyFindsEntriesByID(t *testing.T) {
	in := doc("      - id: new-entry\n        title: Inserted since the check\n        kind: post\n        url: https://old.test/a\n" +
		"      - id: a\n        title: A\n        kind: post\n        url: https://old.test/a2\n" +
		"      - id: b\n        title: B\n        kind: post\n        url: https://edited.test/b\n")
	fixes := []Fix{
		{ID: "a", Field: FieldURL, Old: "https://old.test/a2", New: "https://new.test/a2"},
		{ID: "b", Field: FieldURL, Old: "https://old.test/b", New: "https://new.test/b"},
		{ID: "gone", Field: FieldURL, Old: "https://old.test/gone", New: "https://new.test/gone"},
		{ID: "a", Field: FieldArxiv, Old: "1706.03762v5", New: "1706.03762v7"},
	}
	out, applied, skipped, err := Apply("resources.yaml", []byte(in), fixes)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(in, "https://old.test/a2", "https://new.test/a2", 1)
	if string(out) != want {
		t.Errorf("Apply =\n%s\nwant\n%s", out, want)
	}
	if len(applied) != 1 || applied[0].ID != "a" {
		t.Errorf("applied %v, want only a's url", applied)
	}
	reasons := []string{"is now \"https://edited.test/b\", not \"https://old.test/b\"", "no entry with id \"gone\"", "a has no arxiv"}
	if len(skipped) != len(reasons) {
		t.Fatalf("skipped %+v, want %d", skipped, len(reasons))
	}
	for i, r := range reasons {
		if !strings.Contains(skipped[i].Reason, r) || skipped[i].Done {
			t.Errorf("skipped[%d] = %+v, want a warning saying %q", i, skipped[i], r)
		}
	}
}

func TestApplyRefusesWhatItCannotEditSafely(t *testing.T) {
	tests := []struct {
		name, in string
		fix      Fix
		reason   string
	}{
		{"anchor", doc("      - id: a\n        title: &t Old\n        kind: post\n        url: https://old.test/a\n"),
			Fix{ID: "a", Field: FieldTitle, Old: "Old", New: "New"}, "anchor, tag or alias"},
		{"tag", doc("      - id: a\n        title: !!str Old\n        kind: post\n        url: https://old.test/a\n"),
			Fix{ID: "a", Field: FieldTitle, Old: "Old", New: "New"}, "anchor, tag or alias"},
		{"duplicate id", doc("      - {id: a, title: A, kind: post, url: https://old.test/a}\n      - {id: a, title: A, kind: post, url: https://old.test/a}\n"),
			Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: "https://new.test/a"}, "not unique"},
		{"empty new value", doc("      - {id: a, title: A, kind: post, url: https://old.test/a}\n"),
			Fix{ID: "a", Field: FieldURL, Old: "https://old.test/a", New: ""}, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped, err := Apply("resources.yaml", []byte(tt.in), []Fix{tt.fix})
			if err != nil {
				t.Fatal(err)
			}
			if len(applied) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, tt.reason) || string(out) != tt.in {
				t.Errorf("Apply: applied %v, skipped %+v; want it skipped because of %q and the file unchanged", applied, skipped, tt.reason)
			}
		})
	}
}

func TestApplyInvalidYAML(t *testing.T) {
	_, _, _, err := Apply("resources.yaml", []byte("version: 1\nsections: [\n"), []Fix{{ID: "a", Field: FieldURL, Old: "x", New: "y"}})
	var problems catalog.Problems
	if !errors.As(err, &problems) {
		t.Errorf("Apply on broken YAML: err = %v, want catalog problems", err)
	}
}

// The proof that a span was found right: a splice that touches anything
// but the value is caught, and caught for what it changed. Every stray
// edit rides along with a correct edit of the url, so that only the stray
// part can make the proof fail.
func TestVerifyCatchesStrayEdits(t *testing.T) {
	in := []byte(doc("      # head of a\n      - id: a # the entry\n        title: A\n        kind: post\n" +
		"        url: https://old.test/a # moved?\n        # foot of a\n\n      - {id: b, title: B, kind: post, url: https://old.test/b}\n"))
	const old, new = "https://old.test/a", "https://new.test/a"
	start := bytes.Index(in, []byte(old))
	url := edit{start: start, end: start + len(old), text: new, fix: Fix{New: new}, at: catalog.Pos{Line: 10, Column: 14}}
	// stray replaces the first from in the file with to.
	stray := func(from, to string) edit {
		i := bytes.Index(in, []byte(from))
		if i < 0 {
			t.Fatalf("%q is not in the test's file", from)
		}
		return edit{start: i, end: i + len(from), text: to}
	}
	tests := []struct {
		name  string
		extra []edit // spliced in besides the url's edit, never announced to verify
		want  string // what the error says; "" for none
	}{
		{"the value only", nil, ""},
		{"into the key before", []edit{{start: start - len("url: "), end: start}}, "the result does not parse"},
		{"another value changed", []edit{stray("title: A", "title: B")}, `the node at line 8 changed ("A" became "B")`},
		{"a line comment lost", []edit{stray(" # the entry", "")}, "comment near line 7 changed"},
		{"a line comment reworded", []edit{stray("# the entry", "# an entry")}, "comment near line 7 changed"},
		{"a head comment reworded", []edit{stray("# head of a", "# head of b")}, "comment near line 7 changed"},
		{"a foot comment reworded", []edit{stray("# foot of a", "# foot of c")}, "comment near line 10 changed"},
		{"the edited value's own comment reworded", []edit{stray("# moved?", "# moved!")}, "comment near line 10 changed"},
		{"a key added", []edit{stray("kind: post\n", "kind: post\n        note: N\n")}, "has 10 children, not 8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := splice(in, append([]edit{url}, tt.extra...))
			err := verify(in, out, []edit{url})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("verify = %v, want no error", err)
			case tt.want != "" && (!errors.Is(err, ErrUnsafeEdit) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("verify = %v, want ErrUnsafeEdit saying %q", err, tt.want)
			}
		})
	}
}
