package importer

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlineText is the text a reader sees in n's inline content: markup
// removed, escapes and entities resolved, images and raw HTML left out,
// blanks collapsed. With dropLinks, links (and their text) are left out
// too, leaving what a list item says about them.
func inlineText(src []byte, n ast.Node, dropLinks bool) string {
	var b strings.Builder
	writeInline(&b, src, n, dropLinks)
	return collapse(b.String())
}

func writeInline(b *strings.Builder, src []byte, n ast.Node, dropLinks bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if c.IsRaw() {
				b.Write(v)
			} else {
				b.WriteString(unescape(v))
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.Image, *ast.RawHTML:
			b.WriteByte(' ')
		case *ast.AutoLink:
			if !dropLinks {
				b.Write(c.Label(src))
			}
			b.WriteByte(' ')
		case *ast.Link:
			if !dropLinks {
				writeInline(b, src, c, dropLinks)
			}
			b.WriteByte(' ')
		case *ast.List:
			// A nested list's items are notes of their own links.
		default:
			writeInline(b, src, c, dropLinks)
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
		}
	}
}

// unescape resolves a Markdown text's backslash escapes and character
// references, as a renderer would.
func unescape(v []byte) string {
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	return string(v)
}

// collapse turns every run of blanks and control characters into one
// space, and trims the ends: a title or note is one line of text.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsPrint(r) && r != '\u00A0' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// note is what the list item or table row holding n says besides its
// links, or "".
func (r *reader) note(n ast.Node) string {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem, *east.TableRow, *east.TableHeader:
			if s, ok := r.notes[p]; ok {
				return s
			}
			s := r.containerNote(p)
			r.notes[p] = s
			return s
		case *ast.Document:
			return ""
		}
	}
	return ""
}

// containerNote is the text of a list item (its own, not its nested
// lists') or of a table row's cells, with the links taken out.
func (r *reader) containerNote(p ast.Node) string {
	if _, ok := p.(*ast.ListItem); ok {
		return tidyNote(inlineText(r.src, p, true))
	}
	var cells []string
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if t := tidyNote(inlineText(r.src, c, true)); t != "" {
			cells = append(cells, t)
		}
	}
	return strings.Join(cells, "; ")
}

// emptyPairs are what brackets around a removed link leave behind.
var emptyPairs = strings.NewReplacer("[]", "", "()", "", "[ ]", "", "( )", "", "**", "", "__", "")

// tidyNote trims what joined the links to the words ("— ", ": ", "|")
// and returns "" when no word is left.
func tidyNote(s string) string {
	for {
		t := emptyPairs.Replace(s)
		if t == s {
			break
		}
		s = t
	}
	s = collapse(strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("-–—:|,;·•/", r)
	}))
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !connectives[strings.ToLower(w)] {
			return s
		}
	}
	// Only the words that joined links are left ("see … and …").
	return ""
}

// connectives are the words that join links in a list item and say
// nothing about them on their own.
var connectives = map[string]bool{
	"a": true, "an": true, "and": true, "or": true, "the": true, "with": true, "see": true,
	"also": true, "by": true, "in": true, "of": true, "on": true, "at": true, "via": true, "vs": true,
}
