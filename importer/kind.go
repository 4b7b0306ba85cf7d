package importer

import (
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// paperHosts publish papers: a link to them is a paper.
var paperHosts = map[string]bool{
	"openreview.net":   true,
	"aclanthology.org": true,
	"doi.org":          true,
	"dx.doi.org":       true,
}

// githubPages are GitHub's own pages, whose paths look like owner/repo
// but name no repository.
var githubPages = map[string]bool{
	"about": true, "apps": true, "collections": true, "enterprise": true, "features": true,
	"marketplace": true, "orgs": true, "pricing": true, "settings": true, "sponsors": true,
	"topics": true, "trending": true, "users": true, "login": true, "security": true,
}

// hfPages are Hugging Face's own pages, which are not models.
var hfPages = map[string]bool{
	"blog": true, "docs": true, "learn": true, "papers": true, "posts": true, "tasks": true,
	"models": true, "organizations": true, "join": true, "login": true, "pricing": true,
	"settings": true, "collections": true,
}

// guess returns the kind of the page at u, and the arXiv paper it is, if
// any: a paper on arXiv, OpenReview, the ACL Anthology or behind a DOI; a
// repository on GitHub; a Space (a tool), a data set or a model (a
// repository) on Hugging Face; a post otherwise.
func guess(u *url.URL) (catalog.Kind, catalog.ArxivID) {
	if id, ok := catalog.ArxivIDFromURL(u.String()); ok {
		return catalog.KindPaper, id
	}
	host := strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")), "www.")
	segs := segments(u.Path)
	switch {
	case paperHosts[host]:
		return catalog.KindPaper, catalog.ArxivID{}
	case host == "github.com" && len(segs) >= 2 && !githubPages[strings.ToLower(segs[0])]:
		return catalog.KindRepo, catalog.ArxivID{}
	case host == "huggingface.co" && len(segs) >= 2:
		switch strings.ToLower(segs[0]) {
		case "spaces":
			return catalog.KindTool, catalog.ArxivID{}
		case "datasets":
			return catalog.KindDataset, catalog.ArxivID{}
		}
		if !hfPages[strings.ToLower(segs[0])] {
			return catalog.KindRepo, catalog.ArxivID{}
		}
	}
	return catalog.KindPost, catalog.ArxivID{}
}

// segments are the non-empty parts of a URL path.
func segments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// titleFromURL gives a bare URL a title made of the page's own words: an
// arXiv paper's ID, a repository's owner/name, or the last part of the
// path with its separators as spaces ("/blog/scaling-laws.html" is
// "scaling laws"), or else the host.
func titleFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return collapse(raw)
	}
	kind, id := guess(u)
	segs := segments(u.Path)
	switch {
	case !id.IsZero():
		return "arXiv " + id.String()
	case kind == catalog.KindRepo && u.Hostname() != "" && len(segs) >= 2 && strings.Contains(strings.ToLower(u.Hostname()), "github"):
		return segs[0] + "/" + segs[1]
	case (kind == catalog.KindTool || kind == catalog.KindDataset) && len(segs) >= 3:
		return segs[1] + "/" + segs[2]
	case kind == catalog.KindRepo && len(segs) >= 2:
		return segs[0] + "/" + segs[1]
	}
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if un, err := url.PathUnescape(s); err == nil {
			s = un
		}
		s = strings.TrimSuffix(s, path.Ext(s))
		s = collapse(strings.Map(func(r rune) rune {
			if r == '-' || r == '_' || r == '+' {
				return ' '
			}
			return r
		}, s))
		if strings.Trim(s, "0123456789 ") != "" && !isGeneric(s) {
			return s
		}
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// generic are the words a list writes as a link's text when the words
// that name the resource are beside it: "Attention Is All You Need
// [paper] [code]".
var generic = map[string]bool{
	"paper": true, "pdf": true, "arxiv": true, "code": true, "github": true, "repo": true,
	"repository": true, "link": true, "here": true, "website": true, "site": true,
	"homepage": true, "project": true, "project page": true, "blog": true, "post": true,
	"demo": true, "video": true, "slides": true, "dataset": true, "data": true, "model": true,
	"models": true, "hugging face": true, "huggingface": true, "hf": true, "official": true,
	"official code": true, "docs": true, "documentation": true, "web": true, "page": true,
	"abs": true, "html": true, "index": true, "readme": true, "openreview": true,
	"acl anthology": true, "doi": true, "colab": true, "notebook": true, "issue": true,
	// The words of the phrases above, for "[arxiv][pdf]" or "Hugging
	// Face model".
	"hugging": true, "face": true, "acl": true, "anthology": true,
}

// isGeneric reports whether a link's text is only generic words: "PDF",
// "[arxiv][pdf]", "code & data", "Project page".
func isGeneric(text string) bool {
	named := false
	for _, w := range wordsOf(text) {
		switch {
		case generic[w]:
			named = true
		case !connectives[w]:
			return false
		}
	}
	return named
}

// wordsOf is s's words in lower case: its runs of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
