package catalog

import "net/url"

// archive checks the entry's archive key: a Wayback Machine capture of the
// entry's own url, so that a check can play it back in the link's place and
// the link and its copy never drift apart. norm is the entry's normalized
// url, empty when the url is missing or invalid (already reported).
func (v *validator) archive(r *Resource, hasURL bool, norm string) {
	at := fieldPos(r.Fields, "archive", r.Pos)
	if !v.required("archive", r.Archive, r.Fields, r.Pos) {
		return
	}
	c, err := ParseCapture(r.Archive)
	if err != nil {
		v.add(at, "archive %q must be a Wayback Machine capture: https://%s/web/YYYYMMDDhhmmss/URL", r.Archive, WaybackHost)
		return
	}
	if !hasURL {
		v.add(at, "archive needs url: it is a copy of the page at url")
		return
	}
	if norm == "" {
		return
	}
	if !sameArchivedPage(c.Original, norm) {
		v.add(at, "archive %q is a capture of %s, not of url %s (compared normalized): archive the entry's own url", r.Archive, c.Original, norm)
	}
}

// sameArchivedPage reports whether a capture's original URL is the page at
// norm, a normalized catalog URL. The scheme does not count: the Wayback
// Machine files http and https captures of a page under one key, and plays
// either back for both.
func sameArchivedPage(original, norm string) bool {
	o, err := parseCatalogURL(original)
	if err != nil {
		return false
	}
	n, err := url.Parse(norm)
	if err != nil {
		return false
	}
	o.Scheme, n.Scheme = "https", "https"
	return normalized(o) == normalized(n)
}
