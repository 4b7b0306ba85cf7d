package webpage

import (
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// pageInfo is what a check learns from reading an HTML page.
type pageInfo struct {
	Title     string
	H1        string // the first <h1>
	Refresh   string // URL of a <meta http-equiv="refresh">, as written
	Challenge bool   // the page looks like a bot-challenge interstitial
}

// maxRefreshDelay is the longest meta-refresh delay treated as a redirect;
// a slower refresh is a page that reloads itself, not a forwarding address.
const maxRefreshDelay = 10

// scanPage reads the top of an HTML page with a tokenizer: the title, meta
// refresh and challenge markers live in the head, so it stops as soon as
// the first <h1> has been read (or the reader ends). contentType selects the
// charset decoder.
func scanPage(r io.Reader, contentType string) pageInfo {
	var p pageInfo
	if cr, err := charset.NewReader(r, contentType); err == nil {
		r = cr
	}
	z := html.NewTokenizer(r)
	var (
		capture *strings.Builder // text of the element being read, if any
		end     string           // the tag that ends the capture
		title   strings.Builder
		h1      strings.Builder
		seenH1  bool
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			p.Title, p.H1 = squash(title.String()), squash(h1.String())
			return p
		case html.TextToken:
			if capture != nil {
				capture.Write(z.Text())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if capture != nil && string(name) == end {
				capture = nil
				if end == "h1" {
					p.Title, p.H1 = squash(title.String()), squash(h1.String())
					return p
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var attrs map[string]string
			if hasAttr && attrTags[tag] {
				attrs = readAttrs(z)
			}
			switch tag {
			case "title":
				if title.Len() == 0 && tt == html.StartTagToken {
					capture, end = &title, "title"
				}
			case "h1":
				if !seenH1 && tt == html.StartTagToken {
					seenH1 = true
					capture, end = &h1, "h1"
				}
			case "meta":
				if strings.EqualFold(attrs["http-equiv"], "refresh") && p.Refresh == "" {
					if delay, u, ok := parseRefresh(attrs["content"]); ok && u != "" && delay <= maxRefreshDelay {
						p.Refresh = u
					}
				}
			case "script", "form", "div":
				if strings.Contains(attrs["src"], "challenge-platform") || strings.Contains(attrs["action"], "__cf_chl") ||
					strings.HasPrefix(attrs["id"], "cf-challenge") || strings.HasPrefix(attrs["id"], "challenge-") {
					p.Challenge = true
				}
			}
		}
	}
}

// attrTags are the elements whose attributes scanPage looks at; the
// attributes of every other tag are left unread.
var attrTags = map[string]bool{"meta": true, "script": true, "form": true, "div": true}

func readAttrs(z *html.Tokenizer) map[string]string {
	attrs := make(map[string]string)
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		attrs[string(k)] = string(v)
	}
	return attrs
}

// parseRefresh reads a meta refresh's content: "5", "0; url=/next",
// "0;URL='https://example.com/'". url is empty when there is none.
func parseRefresh(content string) (delay int, url string, ok bool) {
	s := strings.TrimSpace(content)
	i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if i < 0 {
		i = len(s)
	}
	if i == 0 {
		return 0, "", false
	}
	delay, err := strconv.Atoi(s[:i])
	if err != nil {
		return 0, "", false
	}
	rest := strings.TrimLeft(s[i:], "0123456789.") // fractional delays are allowed and ignored
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return delay, "", true
	}
	if rest[0] != ';' && rest[0] != ',' {
		return 0, "", false
	}
	rest = strings.TrimSpace(rest[1:])
	if len(rest) >= 3 && strings.EqualFold(rest[:3], "url") {
		after := strings.TrimSpace(rest[3:])
		if strings.HasPrefix(after, "=") {
			rest = strings.TrimSpace(after[1:])
		}
	}
	if n := len(rest); n >= 1 && (rest[0] == '\'' || rest[0] == '"') {
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			rest = rest[:j]
		}
	}
	return delay, strings.TrimSpace(rest), true
}

// notFoundPhrase reports whether a page title or heading reads as saying
// the page is missing: a hint that makes the page suspicious (see
// suspicious), never a verdict.
func notFoundPhrase(text string) bool {
	t := strings.ToLower(text)
	if strings.Contains(t, "not found") || strings.Contains(t, "page does not exist") ||
		strings.Contains(t, "page doesn't exist") || strings.Contains(t, "page doesn’t exist") {
		return true
	}
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r < '0' || r > '9' }) {
		if w == "404" {
			return true
		}
	}
	return false
}

// challengeTitle reports the titles of well-known bot-challenge pages.
func challengeTitle(title string) bool {
	t := strings.ToLower(title)
	for _, s := range []string{"just a moment", "attention required! | cloudflare", "ddos-guard", "checking your browser", "verifying you are human"} {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
