// Package catalogedit rewrites values of a catalog file in place, byte for
// byte: only the text of each value it changes is replaced, so comments,
// key order, quoting, indentation, blank lines and line endings all stay as
// the maintainer wrote them. It never re-serializes the document.
//
// Apply is the editor: a pure function from a file's bytes and a list of
// fixes to the new bytes. Plan turns the results of a check into fixes,
// only where the evidence is sound, and lists what needs a human instead.
// The two are separate so that the editor can be trusted on its own: it
// finds each entry by id, refuses a fix made against a value the file no
// longer holds, and checks that the new document differs from the old in
// exactly the values it meant to change.
//
// Run is the whole fix, as the fix command does it: it reads the file,
// plans, applies, validates the result, and writes the catalog last, after
// every other output, so that a failure leaves it as it was.
package catalogedit

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/status"
)

// Field names a value of a resource that a fix may rewrite.
type Field string

// The fields fixes rewrite.
const (
	FieldURL   Field = "url"
	FieldTitle Field = "title"
	FieldArxiv Field = "arxiv"
	// FieldGitHub is the entry's github: owner/repo, which a renamed
	// repository's new name replaces.
	FieldGitHub Field = "github"
	// FieldDOI is where a paper was published. Like FieldArchive, a fix
	// may add it: a Fix with an empty Old adds it to an entry without one.
	FieldDOI Field = "doi"
	// FieldArchive is a gone link's archived copy, added beside its url.
	FieldArchive Field = "archive"
)

// addable reports whether a fix may add field to an entry that lacks it.
func addable(field Field) bool { return field == FieldDOI || field == FieldArchive }

// Fix is one value to rewrite: entry ID's Field, from Old to New. Old is
// what the value was when the check ran; a file that no longer holds it is
// not edited there.
type Fix struct {
	ID    string
	Field Field
	Old   string
	New   string
	// Status is the finding that calls for the fix (moved, retitled,
	// updated); Evidence says what showed it ("301 → …", "arXiv v7").
	// Line is the entry's line when the fix was planned. Apply does not
	// read these three: they are for people.
	Status   status.Status
	Evidence string
	Line     int
}

// Skipped is a fix that was not applied, and why.
type Skipped struct {
	Fix    Fix
	Reason string
	// Done means the file already holds the new value: running fix
	// again finds its own work.
	Done bool
}

// edit replaces data[start:end] with text.
type edit struct {
	start, end int
	text       string
	fix        Fix
	at         catalog.Pos
	// insert is set when the edit adds a key rather than rewriting a
	// value (start == end).
	insert *insertion
}

// Apply rewrites the values fixes name in the catalog file data (reported
// as name in errors) and returns the new file. Entries are found by id; a
// fix whose entry is gone, whose value is no longer Old, or whose value is
// written in a form the editor does not rewrite (an alias, a tag) is
// skipped with the reason. An error means the file could not be read as
// YAML, or the edit would have changed more than the fixed values; then no
// bytes are returned.
func Apply(name string, data []byte, fixes []Fix) (out []byte, applied []Fix, skipped []Skipped, err error) {
	cat, perr := catalog.Parse(name, bytes.NewReader(data))
	if cat == nil {
		return nil, nil, nil, fmt.Errorf("edit %s: %w", name, perr)
	}
	entries := make(map[string]*catalog.Resource)
	dups := make(map[string]bool)
	for _, s := range cat.Sections {
		for i := range s.Resources {
			r := &s.Resources[i]
			if _, ok := entries[r.ID]; ok {
				dups[r.ID] = true
			}
			entries[r.ID] = r
		}
	}
	ix := newLineIndex(data)
	var edits []edit
	skip := func(f Fix, done bool, format string, args ...any) {
		skipped = append(skipped, Skipped{Fix: f, Reason: fmt.Sprintf(format, args...), Done: done})
	}
	for _, f := range fixes {
		r, ok := entries[f.ID]
		switch {
		case !ok:
			skip(f, false, "no entry with id %q in %s any more", f.ID, name)
			continue
		case dups[f.ID]:
			skip(f, false, "id %q is not unique in %s", f.ID, name)
			continue
		}
		cur, at, ok := value(r, f.Field)
		if !ok && f.Old == "" && addable(f.Field) && f.New != "" && utf8.ValidString(f.New) {
			e, err := ix.insertSpan(r, f)
			if err != nil {
				skip(f, false, "%s's %s cannot be added: %v; add it by hand", f.ID, f.Field, err)
				continue
			}
			if slices.ContainsFunc(edits, func(o edit) bool { return o.insert != nil && o.fix.ID == f.ID && o.fix.Field == f.Field }) {
				skip(f, false, "another fix already adds %s's %s", f.ID, f.Field)
				continue
			}
			edits = append(edits, e)
			applied = append(applied, f)
			continue
		}
		switch {
		case !ok:
			skip(f, false, "%s has no %s any more", f.ID, f.Field)
			continue
		case cur == f.New:
			skip(f, true, "%s's %s is already %q", f.ID, f.Field, f.New)
			continue
		case cur != f.Old:
			skip(f, false, "%s's %s is now %q, not %q as checked: run the check again", f.ID, f.Field, cur, f.Old)
			continue
		case f.New == "" || !utf8.ValidString(f.New):
			skip(f, false, "the new %s of %s is empty or not valid UTF-8", f.Field, f.ID)
			continue
		}
		off, ok := ix.offset(at.Line, at.Column)
		if !ok {
			skip(f, false, "%s's %s: %v", f.ID, f.Field, errNoMatch)
			continue
		}
		sp, err := ix.scalarSpan(off, cur)
		if err != nil {
			skip(f, false, "%s's %s at line %d: %v; edit it by hand", f.ID, f.Field, at.Line, err)
			continue
		}
		if slices.ContainsFunc(edits, func(e edit) bool { return e.start < sp.end && sp.start < e.end }) {
			skip(f, false, "another fix already rewrites %s's %s", f.ID, f.Field)
			continue
		}
		edits = append(edits, edit{start: sp.start, end: sp.end, text: render(data, sp, f.New), fix: f, at: at})
		applied = append(applied, f)
	}
	if len(edits) == 0 {
		return data, nil, skipped, nil
	}
	out = splice(data, edits)
	if err := verify(data, out, edits); err != nil {
		return nil, nil, nil, fmt.Errorf("edit %s: %w", name, err)
	}
	return out, applied, skipped, nil
}

// value returns the entry's current value of field and its position.
func value(r *catalog.Resource, field Field) (string, catalog.Pos, bool) {
	at, ok := r.Fields[string(field)]
	if !ok {
		return "", at, false
	}
	switch field {
	case FieldURL:
		return r.URL, at, true
	case FieldTitle:
		return r.Title, at, true
	case FieldArxiv:
		return r.Arxiv, at, true
	case FieldGitHub:
		return r.GitHub, at, true
	case FieldDOI:
		return r.DOI, at, true
	case FieldArchive:
		return r.Archive, at, true
	}
	return "", at, false
}

// splice applies non-overlapping edits to data.
func splice(data []byte, edits []edit) []byte {
	edits = slices.Clone(edits)
	// Stable: an insertion after a value that is also rewritten starts
	// where that value ends, and must follow it.
	slices.SortStableFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b bytes.Buffer
	b.Grow(len(data) + 64*len(edits))
	last := 0
	for _, e := range edits {
		b.Write(data[last:e.start])
		b.WriteString(e.text)
		last = e.end
	}
	b.Write(data[last:])
	return b.Bytes()
}

// ErrUnsafeEdit means an edit would have changed the document beyond the
// values it was meant to rewrite. It is a bug in the editor, reported
// rather than written.
var ErrUnsafeEdit = errors.New("the edit would change more than the fixed values")
