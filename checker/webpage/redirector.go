package webpage

import (
	"net/url"
	"strings"
)

// resolverHosts are link shorteners and identifier resolvers: their URLs
// have no page of their own, only a code or identifier that stands for a
// page elsewhere. A host listed with a path prefix resolves only there.
var resolverHosts = map[string]string{
	// Shorteners.
	"t.co": "", "bit.ly": "", "bitly.com": "", "goo.gl": "", "tinyurl.com": "", "ow.ly": "",
	"buff.ly": "", "is.gd": "", "v.gd": "", "lnkd.in": "", "rb.gy": "", "t.ly": "", "tiny.cc": "",
	"cutt.ly": "", "shorturl.at": "", "s.id": "", "amzn.to": "", "aka.ms": "", "youtu.be": "",
	"fb.me": "", "redd.it": "", "dlvr.it": "", "ift.tt": "", "trib.al": "", "g.co": "", "goo.gle": "",
	// Identifier resolvers.
	"doi.org": "", "dx.doi.org": "", "hdl.handle.net": "", "purl.org": "", "w3id.org": "",
	"n2t.net": "", "identifiers.org": "", "arxiv.org": "/abs/", "export.arxiv.org": "/abs/",
}

// redirector reports a URL that exists only to send its visitor elsewhere:
// one on a known shortener or resolver, or a shortlink-shaped one, a single
// generated code (letters and digits, like "3xYz12") on a short domain
// (nyti.ms, wapo.st, on.ft.com). A resolver's own home page is none.
func redirector(u *url.URL) bool {
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if prefix, ok := resolverHosts[host]; ok {
		code, ok := strings.CutPrefix(u.Path, prefix)
		return ok && strings.Trim(code, "/") != ""
	}
	code := strings.Trim(u.Path, "/")
	label := firstLabel(site(host))
	return len(label) <= 5 && isShortCode(code)
}

// isShortCode reports a generated link code: 4 to 16 letters, digits, '-'
// or '_', with at least one letter and one digit, so that words ("about")
// and years ("2023") are not taken for one.
func isShortCode(s string) bool {
	if len(s) < 4 || len(s) > 16 {
		return false
	}
	var letter, digit bool
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letter = true
		case r >= '0' && r <= '9':
			digit = true
		case r == '-' || r == '_':
		default:
			return false
		}
	}
	return letter && digit
}
