package importer

import (
	"errors"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalogedit"
)

const fixList = `# List

## Posts

- [Moved post](https://old.test/post) - it moved.
- [Reference][ref] and <https://auto.test/x>
- [Escaped](https://esc.test/?a=1&amp;b=2)
- [Other](https://other.test/)
- [Paper](https://arxiv.org/abs/1706.03762v5)
- [Ref two][r2] then [Deeper](https://ref2.test/deeper)

[ref]: https://ref.test/
[r2]: https://ref2.test/
`

// TestEditorApply rewrites a Markdown list's links in place, or says why
// not.
func TestEditorApply(t *testing.T) {
	url := func(id, old, new string) catalogedit.Fix {
		return catalogedit.Fix{ID: id, Field: catalogedit.FieldURL, Old: old, New: new}
	}
	tests := []struct {
		name    string
		fixes   []catalogedit.Fix
		want    string // the line changed, "" for none
		skipped string // a word of the reason, "" for none
	}{
		{"moved inline link", []catalogedit.Fix{url("moved-post", "https://old.test/post", "https://new.test/post")},
			"- [Moved post](https://new.test/post) - it moved.", ""},
		{"new arXiv version", []catalogedit.Fix{
			{ID: "paper", Field: catalogedit.FieldArxiv, Old: "1706.03762v5", New: "1706.03762v7"},
			url("paper", "https://arxiv.org/abs/1706.03762v5", "https://arxiv.org/abs/1706.03762v7")},
			"- [Paper](https://arxiv.org/abs/1706.03762v7)", ""},
		{"arXiv version alone", []catalogedit.Fix{{ID: "paper", Field: catalogedit.FieldArxiv, Old: "1706.03762v5", New: "1706.03762v7"}},
			"", "changes with its url"},
		{"reference link", []catalogedit.Fix{url("reference", "https://ref.test/", "https://ref2.test/")}, "", "reference link"},
		{"reference link before an inline one", []catalogedit.Fix{url("ref-two", "https://ref2.test/", "https://ref3.test/")}, "", "reference link"},
		{"autolink", []catalogedit.Fix{url("x", "https://auto.test/x", "https://auto2.test/x")}, "", "bare URL"},
		{"escaped destination", []catalogedit.Fix{url("escaped", "https://esc.test/?a=1&b=2", "https://esc2.test/")}, "", "escapes"},
		{"stale", []catalogedit.Fix{url("moved-post", "https://older.test/", "https://new.test/post")}, "", "run the check again"},
		{"unsafe new url", []catalogedit.Fix{url("moved-post", "https://old.test/post", "https://new.test/a b")}, "", "cannot be written"},
		{"title", []catalogedit.Fix{{ID: "other", Field: catalogedit.FieldTitle, Old: "Other", New: "Another"}}, "", "no title"},
		{"gone", []catalogedit.Fix{url("nope", "https://x.test/", "https://y.test/")}, "", "no entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, applied, skipped, err := Editor{}.Apply("README.md", []byte(fixList), tt.fixes)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			changed := diffLines(fixList, string(out))
			if tt.want == "" && changed != "" || tt.want != "" && changed != tt.want {
				t.Errorf("changed line %q, want %q", changed, tt.want)
			}
			if tt.skipped == "" && len(skipped) > 0 || tt.skipped != "" && (len(skipped) != 1 || !strings.Contains(skipped[0].Reason, tt.skipped)) {
				t.Errorf("skipped %+v, want one saying %q", skipped, tt.skipped)
			}
			if tt.skipped == "" && len(applied) != len(tt.fixes) {
				t.Errorf("applied %d of %d fixes", len(applied), len(tt.fixes))
			}
		})
	}
}

// TestEditorProof: an edit that would change more than its link (here a
// move onto another entry's URL, which makes the two one entry) is
// refused, with no bytes.
func TestEditorProof(t *testing.T) {
	fix := catalogedit.Fix{ID: "moved-post", Field: catalogedit.FieldURL, Old: "https://old.test/post", New: "https://other.test/"}
	out, _, _, err := Editor{}.Apply("README.md", []byte(fixList), []catalogedit.Fix{fix})
	if !errors.Is(err, catalogedit.ErrUnsafeEdit) || out != nil {
		t.Fatalf("Apply = %d bytes, %v; want ErrUnsafeEdit", len(out), err)
	}
}

// diffLines returns the one line of b that differs from a's, or "".
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return bl[i]
		}
	}
	return ""
}
