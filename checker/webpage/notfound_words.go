package webpage

import (
	"strings"
	"unicode"
)

// A page's words are a hint, never a verdict: "404 Media" is a news site,
// "When the Answer Is Not Found in the Context" a paper. notFoundPhrase
// (page.go) only makes a page suspicious, and the site is then asked for a
// made-up path (see softprobe.go). The one exception is a page that is
// nothing but a not-found message: notFoundPage.

// notFoundCores are the messages a not-found page consists of, normalized
// by notFoundCore: lower case, words only, without "404", "error", "http"
// and a leading "oops", "sorry" and the like.
var notFoundCores = map[string]bool{
	"not found": true, "page not found": true, "file not found": true, "document not found": true,
	"post not found": true, "article not found": true, "content not found": true, "nothing found": true,
	"page does not exist": true, "this page does not exist": true, "the page does not exist": true,
	"page doesnt exist": true, "this page doesnt exist": true,
	"that page cant be found": true, "this page cant be found": true, "page cant be found": true,
	"page cannot be found": true, "the page cannot be found": true,
	"page could not be found": true, "the page could not be found": true,
	"the page you requested could not be found": true, "the page you are looking for could not be found": true,
	"the page you were looking for could not be found": true,
	"this page could not be found":                     true, "the requested page could not be found": true,
	"we couldnt find that page": true, "we cant find that page": true, "we couldnt find this page": true,
	// The same in the languages catalogs link to most.
	"seite nicht gefunden": true, "nicht gefunden": true, "page introuvable": true, "page non trouvée": true,
	"página no encontrada": true, "pagina non trovata": true, "página não encontrada": true,
	"页面不存在": true, "页面未找到": true, "找不到页面": true, "ページが見つかりません": true,
}

// notFoundCores404 are the messages that say not-found only next to a
// "404" ("404 Page", "Page 404").
var notFoundCores404 = map[string]bool{"page": true, "page error": true}

// interjections may open a not-found message ("Oops! Page not found").
var interjections = map[string]bool{"oops": true, "ooops": true, "whoops": true, "sorry": true, "uh": true, "oh": true, "hmm": true, "ouch": true}

// titleSeparators part a page's own title from its site's name.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " « ", " » ", " • "}

// maxSiteWords is the longest site name next to a not-found message: "Not
// Found – Quiet Notes" is a not-found page, "Error 404 – A Short History
// of the Web's Most Famous Status Code" an article.
const maxSiteWords = 5

// notFoundPage reports a title or first heading that is essentially only a
// not-found message: "404", "Page not found", "404 Not Found | Site", "Not
// Found – Site", "Oops! That page can’t be found.". Such a page is a soft
// 404 whatever its site does with other paths: some platforms answer a
// removed post with a 200 "Page not found" while unknown paths get a real
// 404.
func notFoundPage(text string) bool {
	text = squash(text)
	if text == "" {
		return false
	}
	if isNotFoundCore(text) {
		return true
	}
	parts := splitTitle(text)
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, msg := range []string{parts[0], parts[len(parts)-1]} {
		if !isNotFoundCore(msg) {
			continue
		}
		site := parts[1:]
		if i == 1 {
			site = parts[:len(parts)-1]
		}
		short := true
		for _, s := range site {
			short = short && len(strings.Fields(s)) <= maxSiteWords
		}
		if short {
			return true
		}
	}
	return false
}

// splitTitle splits a title at its separators.
func splitTitle(text string) []string {
	parts := []string{text}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isNotFoundCore reports a text that is one of notFoundCores once "404",
// "error", "http", other numbers and a leading interjection are left out,
// or that is only "404" with those around it. "HTTP 404" alone is the
// status code's name, the title of articles about it ("HTTP 404 -
// Wikipedia"); an error page says "error" or "not found" too.
func isNotFoundCore(text string) bool {
	var (
		words                     []string
		had404, hadHTTP, hadError bool
	)
	for _, w := range strings.FieldsFunc(strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(text)),
		func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch {
		case w == "404":
			had404 = true
		case w == "http":
			hadHTTP = true
		case w == "error":
			hadError = true
		case strings.Trim(w, "0123456789") == "": // "Error 404 (Not Found)!!1"
		case interjections[w] && len(words) == 0:
		default:
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return had404 && (hadError || !hadHTTP)
	}
	core := strings.Join(words, " ")
	return notFoundCores[core] || (had404 && notFoundCores404[core])
}
