package importer

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
)

// Editor fixes a Markdown list in place, as catalogedit does a YAML
// catalog: it rewrites the destination of an inline link whose page moved
// or whose pinned arXiv version is out of date, and nothing else, byte
// for byte. What the list says in its own words (titles, notes), what it
// does not hold (a DOI, a repository's name) and links written in another
// form (a reference link, a bare URL, which is its own title) are skipped
// with the reason, for a human.
type Editor struct{}

// Load reads a Markdown list as the catalog check made of it, with its
// problems.
func (Editor) Load(name string, data []byte) (*catalog.Catalog, error) {
	c, _ := Catalog(name, data)
	if p := c.ValidateRules(); len(p) > 0 {
		return c, p
	}
	return c, nil
}

// entryLinks builds the list's entries and the link each was made of.
func entryLinks(l *List) (map[string]catalog.Resource, map[string]Link) {
	byPos := make(map[catalog.Pos]Link, len(l.Links))
	for _, ln := range l.Links {
		byPos[ln.Pos] = ln
	}
	sections, _ := l.Build(nil)
	entries := make(map[string]catalog.Resource)
	links := make(map[string]Link)
	for _, s := range sections {
		for _, r := range s.Resources {
			entries[r.ID] = r
			links[r.ID] = byPos[r.Pos]
		}
	}
	return entries, links
}

// Apply rewrites the links fixes name in the Markdown list data (named
// name) and returns the new list. It proves the edit by reading the
// result again: the same entries, in the same sections, with the same
// words, and only the fixed URLs (and the arXiv versions they pin)
// changed; otherwise it returns an error and no bytes.
func (Editor) Apply(name string, data []byte, fixes []catalogedit.Fix) (out []byte, applied []catalogedit.Fix, skipped []catalogedit.Skipped, err error) {
	entries, links := entryLinks(Read(data))
	skip := func(f catalogedit.Fix, done bool, format string, args ...any) {
		skipped = append(skipped, catalogedit.Skipped{Fix: f, Reason: fmt.Sprintf(format, args...), Done: done})
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	newURL := map[string]string{} // entry id → its new url
	// URLs first: an arXiv version is fixed with the url that pins it.
	order := slices.Clone(fixes)
	slices.SortStableFunc(order, func(a, b catalogedit.Fix) int {
		return boolInt(a.Field != catalogedit.FieldURL) - boolInt(b.Field != catalogedit.FieldURL)
	})
	for _, f := range order {
		r, ok := entries[f.ID]
		if !ok {
			skip(f, false, "no entry with id %q in %s any more", f.ID, name)
			continue
		}
		ln := links[f.ID]
		switch f.Field {
		case catalogedit.FieldURL:
			switch {
			case r.URL == f.New:
				skip(f, true, "%s's url is already %q", f.ID, f.New)
			case r.URL != f.Old:
				skip(f, false, "%s's url is now %q, not %q as checked: run the check again", f.ID, r.URL, f.Old)
			case ln.destEnd == 0 || ln.Bare:
				skip(f, false, "%s is a reference link or a bare URL in %s: edit it by hand", f.ID, name)
			case string(data[ln.destStart:ln.destEnd]) != r.URL:
				skip(f, false, "%s's url is written with escapes in %s: edit it by hand", f.ID, name)
			case !destinationSafe(f.New):
				skip(f, false, "the new url of %s cannot be written as a link destination as it is: edit it by hand", f.ID)
			default:
				edits = append(edits, edit{ln.destStart, ln.destEnd, f.New})
				newURL[f.ID] = f.New
				applied = append(applied, f)
			}
		case catalogedit.FieldArxiv:
			u, moved := newURL[f.ID]
			if id, ok := catalog.ArxivIDFromURL(u); moved && ok && id.String() == f.New {
				applied = append(applied, f)
				continue
			}
			skip(f, false, "in a Markdown list an entry's arXiv ID is its link's: it changes with its url")
		default:
			skip(f, false, "a Markdown list has no %s of its own to fix: edit %s by hand", f.Field, name)
		}
	}
	if len(edits) == 0 {
		return data, applied, skipped, nil
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var buf bytes.Buffer
	prev := 0
	for _, e := range edits {
		if e.start < prev {
			return nil, nil, nil, fmt.Errorf("edit %s: %w: two fixes edit the same text", name, catalogedit.ErrUnsafeEdit)
		}
		buf.Write(data[prev:e.start])
		buf.WriteString(e.text)
		prev = e.end
	}
	buf.Write(data[prev:])
	out = buf.Bytes()
	if err := sameExceptURLs(entries, out, newURL); err != nil {
		return nil, nil, nil, fmt.Errorf("edit %s: %w", name, err)
	}
	return out, applied, skipped, nil
}

// sameExceptURLs reads the edited list and holds it to the old entries:
// the same ids, sections, titles, kinds and notes, and the same URLs
// but for the ones moved.
func sameExceptURLs(old map[string]catalog.Resource, out []byte, moved map[string]string) error {
	now, _ := entryLinks(Read(out))
	if len(now) != len(old) {
		return fmt.Errorf("%w: the list has %d entries after the edit, not %d", catalogedit.ErrUnsafeEdit, len(now), len(old))
	}
	for id, o := range old {
		n, ok := now[id]
		want := o.URL
		if u, ok := moved[id]; ok {
			want = u
		}
		switch {
		case !ok:
			return fmt.Errorf("%w: entry %s is gone after the edit", catalogedit.ErrUnsafeEdit, id)
		case n.URL != want, n.Title != o.Title, n.Section != o.Section, n.Kind != o.Kind, n.Note != o.Note:
			return fmt.Errorf("%w: entry %s reads differently after the edit", catalogedit.ErrUnsafeEdit, id)
		}
	}
	return nil
}

// destinationSafe reports whether url can be written as an inline link's
// destination as it is: no blanks or controls, no characters Markdown
// would read as markup or escapes there, and balanced parentheses.
func destinationSafe(url string) bool {
	depth := 0
	for _, r := range url {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r), strings.ContainsRune("<>\\`", r):
			return false
		case r == '(':
			depth++
		case r == ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
