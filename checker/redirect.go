package checker

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ai-reading-list/linkcheck/status"
)

// metaRefreshCode is the code recorded for a hop taken by following a
// <meta http-equiv="refresh">: the page itself answered 200.
const metaRefreshCode = http.StatusOK

// catchAllPaths are the generic pages sites send every unknown URL to.
// Together with the root and a bare locale landing ("/en/", "/de-de"),
// a redirect from a deep URL to one of them means the page is gone.
var catchAllPaths = map[string]bool{
	"/index.html": true, "/index.htm": true, "/index.php": true,
	"/home": true, "/404": true, "/404.html": true, "/not-found": true,
	"/notfound": true, "/error": true, "/errors/404": true, "/page-not-found": true,
}

// judgeChain says what a redirect chain means when its last answer was
// fine. hops are the answers that sent the check on (a meta refresh is a
// hop with code 200); final is where the chain ended. In order: a deep URL
// sent to a site's home or catch-all page is broken; a chain with a 301 or
// 308, or an upgrade from http to https of the same host and path, is a
// move; anything else (302, 303, 307, meta refresh) is a temporary
// redirect.
func judgeChain(orig *url.URL, hops []Hop, final *url.URL) (status.Status, string) {
	if len(hops) == 0 {
		return status.OK, ""
	}
	if catchAll(orig, final) {
		if p := strings.Trim(final.Path, "/"); p == "" {
			return status.Broken, "redirected to the site's home page"
		}
		return status.Broken, fmt.Sprintf("redirected to the site's catch-all page %s", final.Path)
	}
	var (
		permanent int
		upgraded  string
		meta      bool
	)
	for i, h := range hops {
		next := final.String()
		if i+1 < len(hops) {
			next = hops[i+1].URL
		}
		switch h.Code {
		case http.StatusMovedPermanently, http.StatusPermanentRedirect:
			if permanent == 0 {
				permanent = h.Code
			}
		case metaRefreshCode:
			meta = true
		}
		if upgraded == "" && isHTTPSUpgrade(h.URL, next) {
			upgraded = next
		}
	}
	switch {
	case permanent != 0:
		return status.Moved, fmt.Sprintf("moved permanently (%d) to %s", permanent, final)
	case upgraded != "":
		return status.Moved, "moved to https: use " + upgraded
	case meta:
		return status.Redirected, "redirected by meta refresh to " + final.String()
	}
	return status.Redirected, fmt.Sprintf("redirected (%d) to %s", hops[0].Code, final)
}

// sameResource reports whether a and b name the same resource: equal
// after normalization (scheme and host case, default port, empty path,
// fragment).
func sameResource(a, b *url.URL) bool {
	return normalizeURL(a.String()) == normalizeURL(b.String())
}

// isHTTPSUpgrade reports whether to is from with its scheme upgraded to
// https and nothing else changed.
func isHTTPSUpgrade(from, to string) bool {
	f, err1 := url.Parse(from)
	t, err2 := url.Parse(to)
	if err1 != nil || err2 != nil || f.Scheme != "http" || t.Scheme != "https" {
		return false
	}
	return strings.EqualFold(f.Hostname(), t.Hostname()) &&
		strings.TrimSuffix(f.EscapedPath(), "/") == strings.TrimSuffix(t.EscapedPath(), "/") &&
		f.RawQuery == t.RawQuery
}

// catchAll reports a deep URL (at least one non-empty path segment) that
// ended at a site's root, a generic page in catchAllPaths, or a bare locale
// landing such as "/en/".
func catchAll(orig, final *url.URL) bool {
	op := strings.Trim(orig.Path, "/")
	if op == "" {
		return false
	}
	fp := strings.ToLower(strings.TrimSuffix(final.Path, "/"))
	if strings.EqualFold(orig.Hostname(), final.Hostname()) && strings.EqualFold(op, strings.Trim(final.Path, "/")) {
		return false // the same page, reached another way
	}
	return fp == "" || catchAllPaths[fp] || isLocale(strings.TrimPrefix(fp, "/"))
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
