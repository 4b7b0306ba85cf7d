package importer

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// Read finds the links of the Markdown list src, each with its title,
// note, section and position, and counts those that are not resources.
func Read(src []byte) *List {
	// A parser per call: goldmark's are cheap to make, and sharing none
	// leaves no state between lists.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	r := &reader{src: src, at: newPositions(src), notes: make(map[ast.Node]context)}
	r.root = titleHeading(doc)
	_ = ast.Walk(doc, r.visit)
	return &r.list
}

// reader walks one document.
type reader struct {
	src  []byte
	at   positions
	list List
	// root is the list's own title, a lone level-1 heading above all
	// others: it names the links before the first section, and is not
	// part of every section's name.
	root     *ast.Heading
	rootText string
	headings []heading            // the headings above the current node, outermost first
	notes    map[ast.Node]context // by list item or table row
}

// heading is one heading of the current section's path.
type heading struct {
	level int
	text  string
}

func (r *reader) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n)
	case *ast.Link:
		r.link(n)
		return ast.WalkSkipChildren, nil
	case *ast.AutoLink:
		r.autoLink(n)
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock, *ast.RawHTML:
		r.list.Skipped[SkipHTML] += htmlLinks(r.src, n)
	}
	return ast.WalkContinue, nil
}

// heading makes n the innermost heading of the section path, unless n
// only names resources: "### 1. [A Paper](https://arxiv.org/…)" is an
// entry of the section above it, as a reader sees it, not a section of
// its own.
func (r *reader) heading(n *ast.Heading) {
	t := inlineText(r.src, n, false)
	if n == r.root {
		r.rootText = t
		return
	}
	if namesOnlyResources(r.src, n) {
		return
	}
	for len(r.headings) > 0 && r.headings[len(r.headings)-1].level >= n.Level {
		r.headings = r.headings[:len(r.headings)-1]
	}
	r.headings = append(r.headings, heading{level: n.Level, text: t})
}

// section names the current section: its headings from the outermost
// down, so that "Vision" under "Papers" reads "Papers › Vision".
func (r *reader) section() string {
	parts := make([]string, 0, len(r.headings))
	for _, h := range r.headings {
		if h.text != "" {
			parts = append(parts, h.text)
		}
	}
	switch {
	case len(parts) > 0:
		return strings.Join(parts, " › ")
	case r.rootText != "":
		return r.rootText
	}
	return "Links"
}

func (r *reader) link(n *ast.Link) {
	if onlyImages(r.src, n) {
		r.list.Skipped[SkipBadge]++
		return
	}
	dest := unescape(n.Destination)
	title := inlineText(r.src, n, false)
	pos := r.at.pos(n.Pos())
	titlePos := pos
	if off := firstTextOffset(n); off >= 0 {
		titlePos = r.at.pos(off)
	}
	r.add(n, dest, title, pos, titlePos)
	if last := len(r.list.Links) - 1; last >= 0 && r.list.Links[last].Pos == pos {
		r.list.Links[last].destStart, r.list.Links[last].destEnd = destination(r.src, n)
	}
}

// destination finds where an inline link's destination is written: right
// after the "](" that closes the link's text (past the markup that closes
// with it, "**" or "`"), past blanks and a "<". It returns 0, 0 when
// there is none there, as for a reference link.
func destination(src []byte, n *ast.Link) (int, int) {
	start := n.Pos()
	if start < 0 || start >= len(src) || len(n.Destination) == 0 {
		return 0, 0
	}
	off := start + 1 // past "["
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = max(off, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	for off < len(src) && strings.IndexByte("*_`~", src[off]) >= 0 {
		off++
	}
	if !bytes.HasPrefix(src[off:], []byte("](")) {
		return 0, 0
	}
	d := off + 2
	for d < len(src) && (src[d] == ' ' || src[d] == '\t' || src[d] == '\n') {
		d++
	}
	if d < len(src) && src[d] == '<' {
		d++
	}
	if !bytes.HasPrefix(src[d:], n.Destination) {
		return 0, 0
	}
	return d, d + len(n.Destination)
}

func (r *reader) autoLink(n *ast.AutoLink) {
	if n.AutoLinkType == ast.AutoLinkEmail {
		r.list.Skipped[SkipMailto]++
		return
	}
	pos := r.at.pos(autoLinkOffset(r.src, n))
	r.add(n, string(n.URL(r.src)), "", pos, pos)
}

// add records a link to dest, or counts why it is not a resource.
func (r *reader) add(n ast.Node, dest, title string, pos, titlePos catalog.Pos) {
	if skip, ok := classify(dest); !ok {
		r.list.Skipped[skip]++
		return
	}
	bare := title == ""
	if bare {
		title = titleFromURL(dest)
	}
	ctx := r.context(n)
	r.list.Links = append(r.list.Links, Link{
		URL:      dest,
		Title:    title,
		Note:     ctx.note,
		Label:    ctx.label,
		Bare:     bare,
		Named:    ctx.named,
		Section:  r.section(),
		Pos:      pos,
		TitlePos: titlePos,
	})
}

// autoLinkOffset is where an autolink starts: its "<", or the first
// character of a bare URL (which the parser may place a byte early).
func autoLinkOffset(src []byte, n *ast.AutoLink) int {
	off := n.Pos()
	if off < 0 || off >= len(src) || src[off] == '<' {
		return off
	}
	label := n.Label(src)
	end := min(off+len(label)+4, len(src))
	if i := bytes.Index(src[off:end], label); i >= 0 {
		return off + i
	}
	return off
}

// classify tells a link to an http(s) page (ok) from one that is not a
// resource, and why.
func classify(dest string) (Skip, bool) {
	d := strings.TrimSpace(dest)
	if strings.HasPrefix(d, "#") {
		return SkipAnchor, false
	}
	u, err := url.Parse(d)
	if err != nil {
		if i := strings.Index(d, ":"); i > 0 && !strings.ContainsAny(d[:i], "/?#") {
			if skip, ok := classifyScheme(strings.ToLower(d[:i])); !ok {
				return skip, false
			}
			return SkipInvalid, false // http(s), but no URL
		}
		return SkipRelative, false
	}
	if u.Scheme == "" {
		if strings.HasPrefix(d, "//") {
			return SkipOther, false
		}
		return SkipRelative, false
	}
	if skip, ok := classifyScheme(strings.ToLower(u.Scheme)); !ok {
		return skip, false
	}
	if d != dest || !utf8.ValidString(d) || catalog.CheckURL(dest) != nil {
		return SkipInvalid, false
	}
	return 0, true
}

func classifyScheme(scheme string) (Skip, bool) {
	switch scheme {
	case "http", "https":
		return 0, true
	case "mailto":
		return SkipMailto, false
	}
	return SkipOther, false
}

// namesOnlyResources reports whether heading h links to a resource and
// says nothing besides its links but numbers, marks and symbols ("1.",
// "📄", "[2023]").
func namesOnlyResources(src []byte, h *ast.Heading) bool {
	if strings.IndexFunc(inlineText(src, h, true), unicode.IsLetter) >= 0 {
		return false
	}
	found := false
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			_, ok := classify(unescape(n.Destination))
			found = ok && !onlyImages(src, n)
		case *ast.AutoLink:
			_, ok := classify(string(n.URL(src)))
			found = ok && n.AutoLinkType != ast.AutoLinkEmail
		}
		if found {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// onlyImages reports whether a link's content is images and blanks: a
// badge, which links to a build or a licence, not to a resource.
func onlyImages(src []byte, n ast.Node) bool {
	images := 0
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			images++
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(src))) != "" {
				return false
			}
		default:
			return false
		}
	}
	return images > 0
}

// firstTextOffset is the byte offset of a link's first text, or -1.
func firstTextOffset(n ast.Node) int {
	off := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && t.Segment.Len() > 0 {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}

// titleHeading returns the list's title: the one level-1 heading of the
// document when it comes before every other heading, or nil.
func titleHeading(doc ast.Node) *ast.Heading {
	var first, h1 *ast.Heading
	count := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if first == nil {
			first = h
		}
		if h.Level == 1 {
			count++
			h1 = h
		}
		return ast.WalkSkipChildren, nil
	})
	if count == 1 && h1 == first {
		return h1
	}
	return nil
}
