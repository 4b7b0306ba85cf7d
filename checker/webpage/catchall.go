package webpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/ai-reading-list/linkcheck/result"
)

// Many sites retire a page by redirecting it to their home page or to a
// generic catch-all page rather than answering 404. catchAll tells that
// apart from the redirects that lead a link exactly where it was meant to
// go.

// catchAllPaths are the generic pages sites send every unknown URL to
// (index files count as the home page, see pagePath). Together with the
// root and a bare locale landing ("/en/", "/de-de"), a redirect from a deep
// URL to one of them means the page is gone.
var catchAllPaths = map[string]bool{
	"home": true, "404": true, "404.html": true, "not-found": true, "notfound": true,
	"error": true, "errors/404": true, "page-not-found": true,
}

// indexFiles are the names a server gives a directory's own page:
// "/docs/index.html" is "/docs/".
var indexFiles = map[string]bool{
	"index.html": true, "index.htm": true, "index.php": true, "index.shtml": true,
	"index.asp": true, "index.aspx": true, "default.asp": true, "default.aspx": true, "default.htm": true,
}

// catchAll reports a chain that retired a page: a deep URL that ended at a
// site's home page (its root, an index file, a bare locale landing) or at a
// catch-all page. These are not retirements:
//   - a URL that is a home page itself ("/", "/index.html", "/home", "/en/"):
//     wherever it lands is a home page moving or a locale switch;
//   - the same page reached another way ("/docs/index.html" → "/docs/",
//     case, trailing slash, "www.");
//   - a section that moved to a subdomain of its own ("/blog" →
//     "blog.example.com/");
//   - a shortlink or identifier resolver (see redirector) that led to
//     another site's home page (not its catch-all page): that is where it
//     pointed. The page a resolver leads to is judged in its place, so a
//     shortlink to a deep page that then lands on the home page is still
//     a retired page, and a resolver sending a code to its own home page
//     is a dead link.
func catchAll(orig *url.URL, hops []result.Hop, final *url.URL) bool {
	origin := landingOrigin(orig, hops, final)
	if origin == final {
		// Shortlinks led straight here: a home page is where they
		// pointed, a catch-all page is still a dead end.
		return isCatchAllPath(pagePath(final.Path))
	}
	op := pagePath(origin.Path)
	// A query on an index file or a landing picks a page of its own
	// ("/index.php?title=Page"); only on the root is it taken for noise.
	if isHomePath(op) && (origin.RawQuery == "" || strings.Trim(origin.Path, "/") == "") {
		return false
	}
	fp := pagePath(final.Path)
	home := isHomePath(fp)
	if sameSite(origin, final) {
		if strings.EqualFold(op, fp) && (origin.RawQuery == "" || origin.RawQuery == final.RawQuery) {
			return false // the same page, reached another way
		}
		if home && !strings.Contains(op, "/") && strings.EqualFold(firstLabel(final.Hostname()), op) &&
			!strings.EqualFold(origin.Hostname(), final.Hostname()) {
			return false // the section has a subdomain of its own now
		}
	}
	return home || isCatchAllPath(fp)
}

// landingOrigin returns the URL whose landing is judged: the catalog's, or,
// when the chain starts with shortlinks or resolvers that left their own
// site, the first URL they led to (final itself when they led straight
// there).
func landingOrigin(orig *url.URL, hops []result.Hop, final *url.URL) *url.URL {
	if sameSite(orig, final) {
		return orig
	}
	chain := make([]*url.URL, 0, len(hops)+1)
	for _, h := range hops {
		u, err := url.Parse(h.URL)
		if err != nil {
			return orig
		}
		chain = append(chain, u)
	}
	chain = append(chain, final)
	for _, u := range chain {
		if !redirector(u) {
			return u
		}
	}
	return orig
}

// pagePath is the page a URL path names, for comparing landings: without
// its slashes at either end and without an index file name, so "/" and
// "/index.html" are both "", "/docs/index.html" is "docs".
func pagePath(p string) string {
	p = strings.Trim(p, "/")
	dir, last := "", p
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		dir, last = p[:i], p[i+1:]
	}
	if indexFiles[strings.ToLower(last)] {
		p = strings.Trim(dir, "/")
	}
	return p
}

// isHomePath reports a page path of a site's home page: the root, "home",
// or a bare locale landing ("en", "en-us").
func isHomePath(p string) bool {
	p = strings.ToLower(p)
	return p == "" || p == "home" || isLocale(p)
}

// isCatchAllPath reports a generic catch-all page, also under a locale
// ("en/404").
func isCatchAllPath(p string) bool {
	p = strings.ToLower(p)
	if lang, rest, ok := strings.Cut(p, "/"); ok && isLocale(lang) {
		p = rest
	}
	return catchAllPaths[p]
}

// sameSite reports whether a and b belong to one site: the same
// registrable domain (example.com for www.example.com and
// blog.example.com, but alice.github.io and bob.github.io are two sites).
func sameSite(a, b *url.URL) bool {
	return strings.EqualFold(site(a.Hostname()), site(b.Hostname()))
}

func site(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host // an IP address, a single label, a public suffix itself
}

func firstLabel(host string) string {
	l, _, _ := strings.Cut(host, ".")
	return l
}

// isLocale reports language landings like "en", "en-us", "zh-hans". The
// language must be one of the common ones in locales, so that short words
// ("/ok", "/go") are not mistaken for one.
func isLocale(s string) bool {
	lang, region, hasRegion := strings.Cut(s, "-")
	if !locales[lang] {
		return false
	}
	return !hasRegion || (len(region) >= 2 && len(region) <= 4 && isLower(region))
}

var locales = map[string]bool{
	"ar": true, "cs": true, "da": true, "de": true, "el": true, "en": true, "es": true, "fi": true,
	"fr": true, "he": true, "hi": true, "hu": true, "id": true, "it": true, "ja": true, "ko": true,
	"nb": true, "nl": true, "no": true, "pl": true, "pt": true, "ro": true, "ru": true, "sv": true,
	"th": true, "tr": true, "uk": true, "vi": true, "zh": true,
}

func isLower(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
