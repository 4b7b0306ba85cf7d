package webpage

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// A soft 404 is a dead page that answers 200. Its words are no proof
// ("404 Media", "When the Answer Is Not Found in the Context"), and a dead
// page may say nothing at all ("Lost? – Quiet Notes"). The proof is the
// site's own behaviour, the classic test of web archivers (Bar-Yossef et
// al., "Sic transit gloria telae", WWW 2004): ask it for a path that cannot
// exist and compare. A page whose site answers that with this same page is
// dead; a site that answers it with a real 404 serves real pages at 200.
// The question is asked only about suspicious pages (see suspicious), once
// per host per run (see softprobe.go).

// softVerdict is what the site's evidence says of a page that answered
// 2xx: Broken, when set, says why it is a soft 404 (after "soft 404: ");
// Note, when set, says why a page that might be one cannot be judged.
type softVerdict struct {
	Broken string
	Note   string
	// decided: the page's words settled it, or its site was asked about
	// it; its host's other pages (see HostPage) can add nothing.
	decided bool
}

// spaNote is said of a page whose site answers every path, its home page
// included, with one page: a single-page app renders its pages in the
// browser, so its HTML cannot tell a live page from a dead one.
const spaNote = "the site answers every path, its home page included, with this same page (a single-page app?): its HTML cannot tell whether this page exists"

// pageShape is what two answers of one site are compared by: their
// title and first heading, without the words of their own URLs (a
// not-found template often repeats the path it was asked for), and their
// size.
type pageShape struct {
	u     *url.URL
	title string
	h1    string
	size  int64 // body bytes, -1 when unknown
}

// judgePage weighs the evidence against a 2xx page at final, reached from
// orig. titles are the catalog's titles of the entries linking to it.
func (f *Fetcher) judgePage(ctx context.Context, orig, final *url.URL, p *pageInfo, size int64, titles []string) softVerdict {
	if why := saysNotFound(p); why != "" {
		return softVerdict{Broken: why, decided: true}
	}
	page := pageShape{u: final, title: p.Title, h1: p.H1, size: size}
	if f.probes == nil || !suspicious(orig, page, titles) {
		return softVerdict{}
	}
	v := f.againstTemplate(ctx, page, false)
	v.decided = true
	return v
}

// saysNotFound says why a page is nothing but a not-found message, by its
// title or first heading, or "" when it is not: the rule that needs no
// other page of the site.
func saysNotFound(p *pageInfo) string {
	if notFoundPage(p.Title) {
		return fmt.Sprintf("the page says %q", p.Title)
	}
	// A heading that opens the page's own title is the start of that
	// title ("Error 404" of "Error 404: A Short History of …"), not a
	// not-found message.
	if notFoundPage(p.H1) && !strings.Contains(strings.ToLower(p.Title), strings.ToLower(p.H1)) {
		return fmt.Sprintf("the page says %q", p.H1)
	}
	return ""
}

// againstTemplate compares a suspicious page with the page its site
// answers a made-up path with (asking for it if no link of the host has
// yet): the same page is dead, unless the site answers every path, its
// home page included, with it. sized asks for the sizes of both to be
// known and alike: a page suspected only for the title it shares with
// other pages must be more than that title.
func (f *Fetcher) againstTemplate(ctx context.Context, page pageShape, sized bool) softVerdict {
	made := f.probes.template(ctx, page.u, f.probe)
	if made == nil || !sameShape(page, *made) || (sized && (page.size < 0 || made.size < 0)) {
		return softVerdict{}
	}
	if isHomePath(pagePath(page.u.Path)) {
		return softVerdict{Note: spaNote}
	}
	if home := f.probes.home(ctx, page.u, f.landing); home != nil && sameShape(*home, *made) {
		return softVerdict{Note: spaNote}
	}
	why := "the site answers a made-up path with this same page"
	if page.title != "" {
		why += fmt.Sprintf(" (%q)", page.title)
	}
	return softVerdict{Broken: why}
}

// suspicious reports a page that may be a site's not-found template: its
// title or heading reads as not-found, or a URL whose last segment is a
// descriptive slug ("/posts/notes-on-tidy-logs") is answered with a page
// whose title and heading name fewer than half of its words, of those of
// the catalog URL the chain started from, and of the catalog's title. One
// word is not enough: a template carries the site's name ("Lost? – Quiet
// Notes"), which may well be a word of the slug.
func suspicious(orig *url.URL, page pageShape, titles []string) bool {
	if notFoundPhrase(page.title) || notFoundPhrase(page.h1) {
		return true
	}
	last := topicWords(lastSegment(page.u))
	if isHomePath(pagePath(page.u.Path)) || len(last) < minSlugWords {
		return false // a short or opaque slug ("/basket", "/p/8123", "/a64152b37c35"): words cannot tell
	}
	seen := textWords(page.title + " " + page.h1)
	if namesMost(last, seen) || namesMost(slugWords(page.u.EscapedPath()), seen) || namesMost(slugWords(orig.EscapedPath()), seen) {
		return false
	}
	for _, t := range titles {
		if namesMost(significant(textWords(t)), seen) {
			return false
		}
	}
	return true
}

// namesMost reports whether seen holds at least half of want's words, and
// one at least.
func namesMost(want, seen []string) bool {
	n := 0
	for _, w := range want {
		if sharesWord([]string{w}, seen) {
			n++
		}
	}
	return n > 0 && 2*n >= len(want)
}

// minSlugWords is how many words a URL's last segment must have to say
// what its page is about: one word ("/basket", "/releases") is as often a
// part of the site as a topic.
const minSlugWords = 2

// lastSegment is the last non-empty segment of u's path, escaped.
func lastSegment(u *url.URL) string {
	p := strings.TrimRight(u.EscapedPath(), "/")
	return p[strings.LastIndexByte(p, '/')+1:]
}

// sameShape reports whether a and b are one page of their site: the same
// title and heading once the words of either URL are removed, and sizes
// within a tenth (plus the room a repeated path takes) when both are
// known. Two pages without title, heading or known size are not compared.
func sameShape(a, b pageShape) bool {
	drop := make(map[string]bool)
	for _, u := range []*url.URL{a.u, b.u} {
		for _, w := range allWords(u.EscapedPath() + " " + u.RawQuery) {
			drop[w] = true
		}
	}
	at, bt := without(a.title, drop), without(b.title, drop)
	ah, bh := without(a.h1, drop), without(b.h1, drop)
	if at != bt || ah != bh {
		return false
	}
	if a.size < 0 || b.size < 0 {
		return at != "" || ah != ""
	}
	d := a.size - b.size
	if d < 0 {
		d = -d
	}
	return d <= 512+max(a.size, b.size)/10
}

// without is text's words, lower-cased, less those in drop.
func without(text string, drop map[string]bool) string {
	var kept []string
	for _, w := range allWords(text) {
		if !drop[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// allWords splits text (a title, or a URL's path and query, unescaped)
// into lower-case words of letters and digits.
func allWords(text string) []string {
	if s, err := url.PathUnescape(text); err == nil {
		text = s
	}
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// textWords are the words of a title or heading that can name a topic:
// three letters or more.
func textWords(text string) []string {
	var out []string
	for _, w := range allWords(text) {
		if len([]rune(w)) >= 3 {
			out = append(out, w)
		}
	}
	return out
}

// slugWords are the words of an escaped URL path that say what the page
// is about: words of letters only (an ID such as "a64152b37c35" or a date
// says nothing), less the words that name a site's structure ("posts",
// "blog") and stop words.
func slugWords(path string) []string {
	var out []string
	for _, w := range topicWords(path) {
		if !pathWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// topicWords are the words of text of three letters or more, without
// digits, that are not stop words.
func topicWords(text string) []string {
	var out []string
	for _, w := range textWords(text) {
		if !stopWords[w] && strings.IndexFunc(w, unicode.IsDigit) < 0 {
			out = append(out, w)
		}
	}
	return out
}

// significant drops stop words.
func significant(words []string) []string {
	var out []string
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// sharesWord reports a word of a found in b, allowing for endings
// ("agent" in "Agents", "transformers" in "Transformer").
func sharesWord(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || (min(len(x), len(y)) >= 4 && (strings.HasPrefix(x, y) || strings.HasPrefix(y, x))) {
				return true
			}
		}
	}
	return false
}

// pathWords name the parts of a site rather than a page's topic.
var pathWords = map[string]bool{
	"post": true, "posts": true, "blog": true, "blogs": true, "news": true, "article": true, "articles": true,
	"page": true, "pages": true, "html": true, "htm": true, "php": true, "aspx": true, "asp": true, "index": true,
	"docs": true, "doc": true, "wiki": true, "category": true, "tag": true, "tags": true, "entry": true,
	"entries": true, "story": true, "stories": true, "content": true, "view": true, "watch": true, "item": true,
	"amp": true, "www": true, "pub": true, "public": true, "static": true, "file": true, "files": true,
}

// stopWords carry no topic.
var stopWords = map[string]bool{
	"the": true, "and": true, "for": true, "with": true, "from": true, "into": true, "about": true, "your": true,
	"you": true, "how": true, "what": true, "why": true, "our": true, "are": true, "not": true, "its": true,
	"this": true, "that": true, "via": true, "using": true, "use": true, "all": true, "new": true, "one": true,
}
