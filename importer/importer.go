// Package importer turns a Markdown reading list (an "awesome" list: a
// README of headings and bullet lists of links) into catalog entries.
//
// The Markdown is read by a CommonMark parser with GitHub's extensions
// (goldmark), never by patterns over the text, so that a link means what
// it means on GitHub: links in code spans and code blocks are not links;
// reference links, autolinks and the bare URLs GitHub links are. Read finds
// the links; Build makes entries of them, one per URL or arXiv paper,
// with ids that validate and stay the same for the same list. Into adds
// the new ones to a catalog file (through catalogedit.AppendEntries, byte
// for byte); Catalog is a list as a catalog in memory, whose positions are
// the Markdown's own lines and columns, for checking it directly; and
// Editor lets fix rewrite a list's moved links in place.
package importer

import "github.com/ai-reading-list/linkcheck/catalog"

// Link is one link of a list that can become an entry: an http(s) URL.
type Link struct {
	URL   string // as written, after Markdown's escapes and entities
	Title string // the link's text, inline markup removed
	Note  string // the rest of its list item's or table row's text
	// Label is what names the link when its own text does not ("paper",
	// a bare URL): its list item's text, or its table row's first cell.
	Label string
	// Named is the text of the first link of its list item or table row
	// that names what it links to: "DPO" for "[DPO](…) ([code](…))".
	Named string
	// Bare is set for a bare URL, or a link with no text: its title is
	// made of the URL's words.
	Bare bool
	// Section is the title of the section it falls under, made from the
	// headings above it.
	Section string
	Pos     catalog.Pos // of the link's first character in the Markdown
	// TitlePos is where the link's text starts (Pos for a bare URL).
	TitlePos catalog.Pos

	// destStart and destEnd are where an inline link's destination is
	// written, as bytes of the Markdown: what fix rewrites. Both are 0
	// when it is elsewhere (a reference link's definition) or is the
	// link's text too (a bare URL).
	destStart, destEnd int
}

// Skip is why a link is not a resource.
type Skip int

// The reasons a link is left out, in the order the summary lists them.
const (
	SkipBadge    Skip = iota // its content is only images
	SkipAnchor               // an in-page anchor, "#…"
	SkipRelative             // a path within the repository
	SkipMailto               // an e-mail address
	SkipOther                // another scheme (ftp:, javascript:)
	SkipInvalid              // http(s), but not a URL linkcheck fetches (spaces, credentials, no host)
	SkipHTML                 // an <a href> in raw HTML, which is not Markdown
	numSkips
)

// String names the reason, in the plural the summary uses.
func (s Skip) String() string { return s.noun(2) }

// noun names the reason for n links: "1 badge", "12 badges".
func (s Skip) noun(n int) string {
	switch s {
	case SkipBadge:
		return plural(n, "badge", "badges")
	case SkipAnchor:
		return plural(n, "anchor", "anchors")
	case SkipRelative:
		return "relative"
	case SkipMailto:
		return "mailto"
	case SkipOther:
		return plural(n, "other scheme", "other schemes")
	case SkipInvalid:
		return "invalid"
	case SkipHTML:
		return "in HTML"
	}
	return "unknown"
}

// List is what Read found in a Markdown list.
type List struct {
	// Links are the links to http(s) pages, in document order, repeats
	// included.
	Links []Link
	// Skipped counts the links left out, by reason.
	Skipped [numSkips]int
}
