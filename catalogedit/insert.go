package catalogedit

import (
	"fmt"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// insertion is a key a fix adds to an entry's mapping: Key with the
// value New, placed right after the key After, so that the entry reads
// as a person would have written it ("doi" beside "arxiv").
type insertion struct {
	mapping catalog.Pos // the entry's mapping, as the parser placed it
	after   string
	key     string
	value   string
}

// anchors are the keys an added field is written after, in order of
// preference: a doi beside the paper's arxiv (every paper has one of
// these), an archive beside the url it is a copy of (which it needs).
func anchors(field Field) []string {
	if field == FieldArchive {
		return []string{"url"}
	}
	return []string{"arxiv", "url", "title", "id"}
}

// noAnchor says that an entry has none of the keys a field is written
// after.
func noAnchor(field Field) error {
	keys := anchors(field)
	list := keys[0]
	if n := len(keys); n > 1 {
		list = strings.Join(keys[:n-1], ", ") + " or " + keys[n-1]
	}
	return fmt.Errorf("the entry has no single-line %s to write it after", list)
}

// insertSpan plans adding f.Field to entry r: a zero-length edit after
// the value of one of its anchor keys (anchors), in the entry's own style. In a
// block mapping the key goes on a line of its own below the anchor's
// value, at the indentation of the entry's keys, with the file's line
// break; in a flow mapping ("{id: a, arxiv: …}") it follows the anchor's
// value as ", doi: …".
func (ix *lineIndex) insertSpan(r *catalog.Resource, f Fix) (edit, error) {
	data := ix.data
	start, ok := ix.offset(r.Pos.Line, r.Pos.Column)
	if !ok {
		return edit{}, errNoMatch
	}
	flow := start < len(data) && data[start] == '{'
	for _, key := range anchors(f.Field) {
		cur, at, ok := value(r, Field(key))
		if !ok || cur == "" {
			continue
		}
		off, ok := ix.offset(at.Line, at.Column)
		if !ok {
			return edit{}, errNoMatch
		}
		sp, err := ix.scalarSpan(off, cur)
		if err != nil {
			return edit{}, fmt.Errorf("its %s: %w", key, err)
		}
		ins := &insertion{mapping: r.Pos, after: key, key: string(f.Field), value: f.New}
		text := string(f.Field) + ": " + render(data, span{style: stylePlain}, f.New)
		if flow {
			return edit{start: sp.end, end: sp.end, text: ", " + text, fix: f, insert: ins}, nil
		}
		end := ix.lineEnd(sp.end)
		indent := strings.Repeat(" ", max(r.Pos.Column-1, 0))
		return edit{start: end, end: end, text: ix.lineBreak(end) + indent + text, fix: f, insert: ins}, nil
	}
	return edit{}, noAnchor(f.Field)
}

// lineBreak is the break that ends the line at off, or the file's first
// one when that line is the last: an added line keeps the file's endings.
func (ix *lineIndex) lineBreak(off int) string {
	if off < len(ix.data) {
		return string(ix.data[off : off+breakLen(ix.data, off)])
	}
	if len(ix.starts) > 1 {
		next := ix.starts[1]
		for n := 3; n >= 1; n-- {
			if i := next - n; i >= ix.starts[0] && breakLen(ix.data, i) == n {
				return string(ix.data[i:next])
			}
		}
	}
	return "\n"
}
