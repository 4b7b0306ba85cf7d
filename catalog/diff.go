package catalog

import "strings"

// Changed returns the ids of head's resources that are new or changed
// relative to base, in head's catalog order, so that a pull request's check
// can look at just what it touched. Resources are matched by id: a renamed
// id counts as new. A resource counts as changed when its URL (compared
// normalized), arXiv ID (compared canonical, version included) or title
// differs; other edits (tags, notes) cannot break a link. Removed resources
// are not returned. A nil base makes every resource new.
func Changed(base, head *Catalog) []string {
	if head == nil {
		return nil
	}
	var before map[string]*Resource
	if base != nil {
		n, _ := base.Count()
		before = make(map[string]*Resource, n)
		for i := range base.Sections {
			for j := range base.Sections[i].Resources {
				r := &base.Sections[i].Resources[j]
				if _, dup := before[r.ID]; !dup {
					before[r.ID] = r
				}
			}
		}
	}
	var out []string
	for i := range head.Sections {
		for j := range head.Sections[i].Resources {
			r := &head.Sections[i].Resources[j]
			old, ok := before[r.ID]
			if !ok || linkChanged(old, r) {
				out = append(out, r.ID)
			}
		}
	}
	return out
}

// linkChanged reports whether a and b differ in what a check looks at.
func linkChanged(a, b *Resource) bool {
	return strings.TrimSpace(a.Title) != strings.TrimSpace(b.Title) ||
		comparableURL(a.URL) != comparableURL(b.URL) ||
		comparableArxiv(a.Arxiv) != comparableArxiv(b.Arxiv)
}

// comparableURL is the normalized URL, or the raw text when it does not
// normalize: an invalid URL still differs from a valid one.
func comparableURL(raw string) string {
	if n, err := NormalizeURL(raw); err == nil {
		return n
	}
	return raw
}

// comparableArxiv is the canonical arXiv ID, or the raw text when it does
// not parse.
func comparableArxiv(raw string) string {
	if a, err := ParseArxivID(raw); err == nil {
		return a.String()
	}
	return strings.TrimSpace(raw)
}
