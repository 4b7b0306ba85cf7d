package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// context is what a link's list item or table row says besides its
// links: note is all of it, label the part that names the link (an item's
// lead, a row's first cell with words).
type context struct {
	note, label string
	// named is the text of its first link that names what it links
	// to, for its other links that say only "code" or "demo".
	named string
}

// context returns the context of n's list item or table row, if any.
func (r *reader) context(n ast.Node) context {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.ListItem, *east.TableRow, *east.TableHeader:
			if c, ok := r.notes[p]; ok {
				return c
			}
			c := r.containerContext(p)
			r.notes[p] = c
			return c
		case *ast.Document:
			return context{}
		}
	}
	return context{}
}

// containerContext reads a list item (its own text, not its nested
// lists') or a table row, with the links taken out. A row's first cell
// with words is its label, and the others its note.
func (r *reader) containerContext(p ast.Node) context {
	if _, ok := p.(*ast.ListItem); ok {
		t := tidyNote(inlineText(r.src, p, true))
		return context{note: t, label: r.lead(p, t), named: r.firstNamed(p)}
	}
	var cells []string
	label := ""
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if t := tidyNote(inlineText(r.src, c, true)); t != "" {
			cells = append(cells, t)
			// A date or a number ("2023.05") is no name.
			if label == "" && strings.IndexFunc(t, unicode.IsLetter) >= 0 {
				label = t
			}
		}
	}
	if len(cells) == 0 {
		return context{named: r.firstNamed(p)}
	}
	return context{note: strings.Join(cells, "; "), label: label, named: r.firstNamed(p)}
}

// lead is the part of a list item's text t that names what it links to:
// its emphasized opening ("**Attention Is All You Need** — Vaswani et
// al."), or else t up to the first dash, bar or full stop that sets off
// the rest ("Attention Is All You Need. Vaswani et al. NeurIPS 2017").
func (r *reader) lead(item ast.Node, t string) string {
	if e := openingEmphasis(r.src, item); e != nil {
		if s := tidyNote(inlineText(r.src, e, true)); s != "" {
			return s
		}
	}
	return firstClause(t)
}

// openingEmphasis is the bold or italic text a list item opens with, or
// nil.
func openingEmphasis(src []byte, item ast.Node) ast.Node {
	block := item.FirstChild()
	if block == nil {
		return nil
	}
	for c := block.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Emphasis:
			return c
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(src))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// clauseEnds are what set a name off from the rest of an item.
var clauseEnds = []string{" — ", " – ", " - ", " | ", " · "}

// firstClause is t up to the first of clauseEnds, or up to the first full
// stop after a word of three letters or more ("et al." and "Dr." end no
// name), when a word comes before it.
func firstClause(t string) string {
	end := len(t)
	for _, sep := range clauseEnds {
		if i := strings.Index(t, sep); i > 0 && i < end {
			end = i
		}
	}
	for i := 0; i < end; {
		j := strings.Index(t[i:end], ". ")
		if j < 0 {
			break
		}
		j += i
		if words := strings.Fields(t[:j]); len(words) >= 2 && utf8.RuneCountInString(words[len(words)-1]) >= 3 {
			end = j
			break
		}
		i = j + 2
	}
	return strings.TrimSpace(t[:end])
}

// firstNamed returns the text of the first link in p (not in its nested
// lists) that is not a generic word, or "".
func (r *reader) firstNamed(p ast.Node) string {
	named := ""
	_ = ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.List:
			if n != p && entering {
				return ast.WalkSkipChildren, nil
			}
		case *ast.Link:
			if t := inlineText(r.src, n, false); entering && t != "" && !isGeneric(t) {
				named = t
				return ast.WalkStop, nil
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return named
}

// emptyPairs are what brackets around a removed link leave behind.
// So are a space before punctuation and two marks in a row (": .").
var emptyPairs = strings.NewReplacer(". .", ".", "[]", "", "()", "", "[ ]", "", "( )", "", "**", "", "__", "",
	" .", ".", " ,", ",", " ;", ";", " :", ":", ":.", ".", ";.", ".", ",.", ".", ":,", ",", ",,", ",")

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
