package catalogedit

import (
	"errors"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// Every case adds a doi to entry a and wants the file byte for byte: one
// new key in the entry's own style, every other byte as it was.
func TestApplyInsertsDOI(t *testing.T) {
	add := Fix{ID: "a", Field: FieldDOI, New: "10.5555/3666122.3666499"}
	tests := []struct {
		name     string
		in, want string
		fixes    []Fix
	}{
		{
			name:  "block mapping, after arxiv",
			in:    doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: \"2303.11366\"\n        tags: [x]\n      - id: b\n        title: B\n        kind: post\n        url: https://e.test/b\n"),
			fixes: []Fix{add},
			want:  doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: \"2303.11366\"\n        doi: 10.5555/3666122.3666499\n        tags: [x]\n      - id: b\n        title: B\n        kind: post\n        url: https://e.test/b\n"),
		},
		{
			name:  "comment on the anchor line stays there",
			in:    doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366 # v1 was the old title\n"),
			fixes: []Fix{add},
			want:  doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366 # v1 was the old title\n        doi: 10.5555/3666122.3666499\n"),
		},
		{
			name:  "after url when there is no arxiv",
			in:    doc("      - id: a\n        url: https://arxiv.org/abs/2303.11366\n        title: A\n        kind: paper\n"),
			fixes: []Fix{add},
			want:  doc("      - id: a\n        url: https://arxiv.org/abs/2303.11366\n        doi: 10.5555/3666122.3666499\n        title: A\n        kind: paper\n"),
		},
		{
			name:  "last line without a line break",
			in:    doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366"),
			fixes: []Fix{add},
			want:  doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n        doi: 10.5555/3666122.3666499"),
		},
		{
			name:  "CRLF line endings",
			in:    strings.ReplaceAll(doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n"), "\n", "\r\n"),
			fixes: []Fix{add},
			want:  strings.ReplaceAll(doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n        doi: 10.5555/3666122.3666499\n"), "\n", "\r\n"),
		},
		{
			name:  "anchor value spread over lines",
			in:    doc("      - id: a\n        kind: paper\n        arxiv: 2303.11366\n        title: >-\n          Reflexion: Language Agents\n          with Verbal Reinforcement Learning\n        tags: [x]\n"),
			fixes: []Fix{add},
			want:  doc("      - id: a\n        kind: paper\n        arxiv: 2303.11366\n        doi: 10.5555/3666122.3666499\n        title: >-\n          Reflexion: Language Agents\n          with Verbal Reinforcement Learning\n        tags: [x]\n"),
		},
		{
			name:  "flow mapping",
			in:    doc("      - {id: a, title: A, kind: paper, arxiv: '2303.11366', tags: [x]}\n      - {id: b, title: B, kind: post, url: https://e.test/b}\n"),
			fixes: []Fix{add},
			want:  doc("      - {id: a, title: A, kind: paper, arxiv: '2303.11366', doi: 10.5555/3666122.3666499, tags: [x]}\n      - {id: b, title: B, kind: post, url: https://e.test/b}\n"),
		},
		{
			name:  "a DOI that needs quotes",
			in:    doc("      - {id: a, title: A, kind: paper, arxiv: '2303.11366'}\n"),
			fixes: []Fix{{ID: "a", Field: FieldDOI, New: "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0,x"}},
			want:  doc("      - {id: a, title: A, kind: paper, arxiv: '2303.11366', doi: \"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0,x\"}\n"),
		},
		{
			name: "with a version update of the same entry",
			in:   doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366v1\n"),
			fixes: []Fix{
				{ID: "a", Field: FieldArxiv, Old: "2303.11366v1", New: "2303.11366v4"},
				add,
			},
			want: doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366v4\n        doi: 10.5555/3666122.3666499\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped, err := Apply("c.yaml", []byte(tt.in), tt.fixes)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if len(skipped) > 0 || len(applied) != len(tt.fixes) {
				t.Fatalf("Apply applied %d, skipped %+v; want all %d applied", len(applied), skipped, len(tt.fixes))
			}
			if string(out) != tt.want {
				t.Errorf("Apply =\n%q\nwant\n%q", out, tt.want)
			}
		})
	}
}

func TestApplyInsertSkips(t *testing.T) {
	tests := []struct {
		name, in string
		fix      Fix
		done     bool
	}{
		{"doi already there", doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n        doi: 10.5555/1\n"),
			Fix{ID: "a", Field: FieldDOI, New: "10.5555/1"}, true},
		{"another doi there", doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n        doi: 10.5555/2\n"),
			Fix{ID: "a", Field: FieldDOI, New: "10.5555/1"}, false},
		{"anchor behind an alias", doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: &x 2303.11366\n        note: *x\n"),
			Fix{ID: "a", Field: FieldDOI, New: "10.5555/1"}, false},
		{"not an insertable field", doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n"),
			Fix{ID: "a", Field: FieldGitHub, New: "o/r"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped, err := Apply("c.yaml", []byte(tt.in), []Fix{tt.fix})
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if len(applied) != 0 || len(skipped) != 1 || skipped[0].Done != tt.done || string(out) != tt.in {
				t.Errorf("Apply applied %v, skipped %+v, changed the file %v; want one skip (done %v) and the file as it was",
					applied, skipped, string(out) != tt.in, tt.done)
			}
		})
	}
}

// The proof refuses an insertion that is not exactly the key planned.
func TestVerifyInsertion(t *testing.T) {
	old := doc("      - id: a\n        title: A\n        kind: paper\n        arxiv: 2303.11366\n        tags: [x]\n")
	f := Fix{ID: "a", Field: FieldDOI, New: "10.5555/1"}
	tests := []struct {
		name, text string
		ok         bool
	}{
		{"as planned", "\n        doi: 10.5555/1", true},
		{"another value", "\n        doi: 10.5555/2", false},
		{"another key", "\n        dio: 10.5555/1", false},
		{"with a comment", "\n        doi: 10.5555/1 # added", false},
		{"nested too deep", "\n          doi: 10.5555/1", false},
	}
	at := strings.Index(old, "2303.11366") + len("2303.11366")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins := &insertion{mapping: catalogPos(t, old), after: "arxiv", key: "doi", value: f.New}
			e := edit{start: at, end: at, text: tt.text, fix: f, insert: ins}
			err := verify([]byte(old), splice([]byte(old), []edit{e}), []edit{e})
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrUnsafeEdit)) {
				t.Errorf("verify(%s) = %v, want ok %v", tt.name, err, tt.ok)
			}
		})
	}
}

// catalogPos is where the parser places entry a's mapping in data.
func catalogPos(t *testing.T, data string) catalog.Pos {
	t.Helper()
	cat, err := catalog.Parse("c.yaml", strings.NewReader(data))
	if cat == nil {
		t.Fatal(err)
	}
	for _, r := range cat.Resources() {
		if r.ID == "a" {
			return r.Pos
		}
	}
	t.Fatal("no entry a")
	return catalog.Pos{}
}
