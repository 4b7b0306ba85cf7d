package catalog

import (
	"regexp"
	"strings"
)

// githubRepo is GitHub's own rule for owner names (letters, digits, single
// inner hyphens, at most 39) and a lenient one for repository names.
var githubRepo = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}/[A-Za-z0-9._-]+$`)

// firstSeen remembers where an id or URL first appeared, for duplicate
// messages.
type firstSeen struct {
	id   string
	line int
}

// sections checks sections and their resources, and duplicates across the
// whole file.
func (v *validator) sections() {
	sectionIDs := make(map[string]int, len(v.c.Sections))
	n, _ := v.c.Count()
	ids := make(map[string]int, n)
	urls := make(map[string]firstSeen, n)
	for i := range v.c.Sections {
		s := &v.c.Sections[i]
		if v.id(s.ID, s.Fields, s.Pos) {
			if first, ok := sectionIDs[s.ID]; ok {
				v.add(fieldPos(s.Fields, "id", s.Pos), "duplicate section id %q (first at line %d)", s.ID, first)
			} else {
				sectionIDs[s.ID] = fieldPos(s.Fields, "id", s.Pos).Line
			}
		}
		v.required("title", s.Title, s.Fields, s.Pos)
		for j := range s.Resources {
			r := &s.Resources[j]
			if v.id(r.ID, r.Fields, r.Pos) {
				if first, ok := ids[r.ID]; ok {
					v.add(fieldPos(r.Fields, "id", r.Pos), "duplicate id %q (first at line %d)", r.ID, first)
				} else {
					ids[r.ID] = fieldPos(r.Fields, "id", r.Pos).Line
				}
			}
			v.resource(r, urls)
		}
	}
}

// required reports a missing or blank required string field. It returns
// whether the value is present and non-blank.
func (v *validator) required(key, value string, fields map[string]Pos, at Pos) bool {
	if strings.TrimSpace(value) != "" {
		return true
	}
	switch {
	case has(fields, key, false):
		v.add(fieldPos(fields, key, at), "%s must not be empty", key)
	case !isMisspelt(v.c.misspelt, at, key):
		v.add(at, "missing %s", key)
	}
	return false
}

// id checks an id's presence and form; it returns whether the id is usable
// for duplicate detection.
func (v *validator) id(id string, fields map[string]Pos, at Pos) bool {
	if !v.required("id", id, fields, at) {
		return false
	}
	if !isKebab(id) {
		v.add(fieldPos(fields, "id", at), "id %q must be kebab-case: lower-case letters and digits joined by single hyphens", id)
	}
	return true
}

// isKebab reports whether s is kebab-case, [a-z0-9]+(-[a-z0-9]+)*: ids end
// up in anchors, file names and command lines, so they stay plain. It is
// written out rather than a regexp because it runs for every entry.
func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// resource checks one resource's own fields; urls carries the normalized
// URLs seen so far.
func (v *validator) resource(r *Resource, urls map[string]firstSeen) {
	v.required("title", r.Title, r.Fields, r.Pos)
	v.kind(r)

	hasURL := has(r.Fields, "url", r.URL != "")
	hasArxiv := has(r.Fields, "arxiv", r.Arxiv != "")
	if !hasURL && !hasArxiv && !isMisspelt(v.c.misspelt, r.Pos, "url") && !isMisspelt(v.c.misspelt, r.Pos, "arxiv") {
		v.add(r.Pos, "missing url or arxiv: a resource needs at least one")
	}
	urlPos := fieldPos(r.Fields, "url", r.Pos)
	var norm string
	var fromURL ArxivID // the paper an arxiv.org url points to
	if hasURL && v.required("url", r.URL, r.Fields, r.Pos) {
		if u, err := parseCatalogURL(r.URL); err != nil {
			v.add(urlPos, "url %q %v", r.URL, err)
		} else {
			fromURL, _ = arxivIDFromParsedURL(u) // before normalized changes u
			norm = normalized(u)
			if first, ok := urls[norm]; ok {
				v.add(urlPos, "duplicate url (same as %q at line %d)", first.id, first.line)
			} else {
				urls[norm] = firstSeen{id: r.ID, line: urlPos.Line}
			}
		}
	}
	if hasArxiv && v.required("arxiv", r.Arxiv, r.Fields, r.Pos) {
		a, err := ParseArxivID(r.Arxiv)
		switch {
		case err != nil:
			v.add(fieldPos(r.Fields, "arxiv", r.Pos), "%v", err)
		case !fromURL.IsZero() && arxivDisagree(fromURL, a):
			// Reported at arxiv: the URL was most likely copied from a
			// browser and the ID typed.
			v.add(fieldPos(r.Fields, "arxiv", r.Pos), "arxiv %s disagrees with url, which points to arXiv %s: make them agree", a, fromURL)
		}
	}
	if has(r.Fields, "github", r.GitHub != "") && !githubRepo.MatchString(r.GitHub) {
		hint := ""
		if strings.Contains(r.GitHub, "github.com") {
			hint = ", not a URL"
		}
		v.add(fieldPos(r.Fields, "github", r.Pos), "github %q must look like owner/repo%s", r.GitHub, hint)
	}
	if has(r.Fields, "doi", r.DOI != "") {
		v.doi(r)
	}
	if has(r.Fields, "archive", r.Archive != "") {
		v.archive(r, hasURL, norm)
	}
	v.alternates(r, norm)
	for i := range r.Accept {
		v.accept(&r.Accept[i])
	}
	if r.Ignore != nil {
		v.ignore(r.Ignore)
	}
}

// doi checks the entry's DOI: a bare DOI, as arXiv and publishers print
// it, so that fix can compare it with arXiv's and readers can resolve it.
func (v *validator) doi(r *Resource) {
	at := fieldPos(r.Fields, "doi", r.Pos)
	if !v.required("doi", r.DOI, r.Fields, r.Pos) || IsDOI(r.DOI) {
		return
	}
	hint := ""
	if lower := strings.ToLower(r.DOI); strings.Contains(lower, "doi.org/") || strings.HasPrefix(lower, "doi:") {
		hint = ", without doi.org or doi:"
	}
	v.add(at, "doi %q must look like 10.NNNN/suffix%s", r.DOI, hint)
}

// arxivDisagree reports whether two IDs name different papers, or
// different versions when both pin one.
func arxivDisagree(a, b ArxivID) bool {
	return a.ID != b.ID || (a.Version > 0 && b.Version > 0 && a.Version != b.Version)
}

func (v *validator) kind(r *Resource) {
	if !v.required("kind", string(r.Kind), r.Fields, r.Pos) {
		return
	}
	for _, k := range Kinds() {
		if r.Kind == k {
			return
		}
	}
	v.add(fieldPos(r.Fields, "kind", r.Pos), "unknown kind %q: want one of %s", r.Kind, kindList())
}

func kindList() string {
	names := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

// alternates checks each alternate URL like url, and that it differs from
// url (whose normalized form is norm) and from the other alternates.
func (v *validator) alternates(r *Resource, norm string) {
	var seen map[string]bool
	for i, alt := range r.Alternates {
		at := fieldPos(r.Fields, alternateKey(i), fieldPos(r.Fields, "alternates", r.Pos))
		if strings.TrimSpace(alt) == "" {
			v.add(at, "alternate must not be empty")
			continue
		}
		u, err := parseCatalogURL(alt)
		if err != nil {
			v.add(at, "alternate %q %v", alt, err)
			continue
		}
		n := normalized(u)
		switch {
		case n == norm:
			v.add(at, "alternate %q is the same as url: remove it", alt)
		case seen[n]:
			v.add(at, "duplicate alternate %q", alt)
		default:
			if seen == nil {
				seen = make(map[string]bool, len(r.Alternates))
			}
			seen[n] = true
		}
	}
}
