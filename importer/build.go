package importer

import (
	"net/url"
	"slices"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
)

// Build makes entries of l's links, in list order: one per URL (as the
// catalog normalizes it) or arXiv paper, the first of repeated links
// winning. Links existing (nil for none) already holds are left out, and
// ids and section ids avoid the ones it has. Each new entry's section is
// the existing section of the same id or title, or a new one, in the order
// the list first uses them.
func (l *List) Build(existing *catalog.Catalog) ([]catalog.Section, Summary) {
	sum := Summary{Links: len(l.Links), Skipped: l.Skipped}
	have := newKeys(existing)
	taken, sectionIDs, existingSections := newIDs(), newIDs(), map[string]bool{}
	bySection := map[string]string{} // section title, folded → id
	if existing != nil {
		for _, s := range existing.Sections {
			sectionIDs.taken[s.ID] = true
			existingSections[s.ID] = true
			if _, ok := bySection[fold(s.Title)]; !ok {
				bySection[fold(s.Title)] = s.ID
			}
			for _, r := range s.Resources {
				taken.taken[r.ID] = true
			}
		}
	}
	var out []catalog.Section
	index := map[string]int{} // section id → index in out
	newSec := map[string]bool{}
	for _, ln := range l.Links {
		r, keys := entry(ln)
		switch {
		case have.has(have.catalog, keys):
			sum.Already++
			continue
		case have.has(have.list, keys):
			sum.Repeats++
			continue
		}
		have.add(keys)
		sid, ok := bySection[fold(ln.Section)]
		if !ok {
			base := slug(ln.Section)
			if base == "" {
				base = "section"
			}
			if existingSections[base] {
				sid = base
			} else {
				sid = sectionIDs.unique(base)
				newSec[sid] = true
			}
			bySection[fold(ln.Section)] = sid
		}
		r.Section = sid
		r.ID = taken.unique(entryBase(r))
		i, ok := index[sid]
		if !ok {
			i = len(out)
			index[sid] = i
			out = append(out, catalog.Section{ID: sid, Title: ln.Section, Pos: ln.Pos,
				Fields: map[string]catalog.Pos{"id": ln.Pos, "title": ln.Pos, "resources": ln.Pos}})
		}
		out[i].Resources = append(out[i].Resources, r)
		sum.New++
	}
	sum.Sections = len(out)
	for _, s := range out {
		if newSec[s.ID] {
			sum.NewSecs++
		}
	}
	return out, sum
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// entry makes the entry for one link, without its id and section, and the
// keys that tell it apart from others.
func entry(ln Link) (catalog.Resource, []string) {
	kind, arxiv := catalog.KindPost, catalog.ArxivID{}
	if u, err := url.Parse(ln.URL); err == nil { // Read passes only URLs that parse
		kind, arxiv = guess(u)
	}
	title, note := ln.Title, ln.Note
	words := wordsOf(title)
	if kind == catalog.KindPost && isGeneric(title) && (slices.Contains(words, "paper") || slices.Contains(words, "pdf")) {
		// "[paper](https://jmlr.org/…)": the list says what its host does not.
		kind = catalog.KindPaper
	}
	// A paper is what the words that name an item name; its other links
	// say what they are beside that name: "Reflexion (code)".
	what := ""
	if kind != catalog.KindPaper {
		what = " (" + strings.Join(words, " ") + ")"
	}
	if ln.Label == "" && ln.Named != "" && ln.Named != title && isGeneric(title) && what != "" {
		// "[DPO](…) ([code](…))": the item's first link names it; a
		// paper that link does not name is another work.
		title = ln.Named + what
	}
	if ln.Label != "" && len(ln.Label) <= 160 {
		switch {
		case isGeneric(title):
			// "Attention Is All You Need [paper] [code]": the words
			// beside the link name it.
			title, note = ln.Label+what, restOf(note, ln.Label)
		case ln.Bare && !isGeneric(ln.Label):
			// "Lilian Weng, Agents: https://…"
			title, note = ln.Label, restOf(note, ln.Label)
		}
	}
	if note == title {
		note = ""
	}
	r := catalog.Resource{
		Title: title,
		Kind:  kind,
		URL:   ln.URL,
		Note:  note,
		Pos:   ln.Pos,
		Fields: map[string]catalog.Pos{
			"id": ln.Pos, "title": ln.TitlePos, "kind": ln.Pos, "url": ln.Pos,
		},
	}
	if note != "" {
		r.Fields["note"] = ln.Pos
	}
	var keys []string
	if !arxiv.IsZero() {
		r.Arxiv = arxiv.String()
		r.Fields["arxiv"] = ln.Pos
		keys = append(keys, "arxiv:"+arxiv.ID)
	}
	if n, err := catalog.NormalizeURL(ln.URL); err == nil {
		keys = append(keys, "url:"+n)
	}
	return r, keys
}

// restOf is a note without the label taken from it as the title: an
// item's lead and what joined it to the rest ("— ", ". "), or a row's
// cell.
func restOf(note, label string) string {
	if rest, ok := strings.CutPrefix(note, label); ok {
		return tidyNote(strings.TrimLeft(rest, ". "))
	}
	cells := strings.Split(note, "; ")
	if i := slices.Index(cells, label); i >= 0 {
		return strings.Join(slices.Delete(cells, i, i+1), "; ")
	}
	return note
}

// entryBase is the id an entry would have if no other took it: its
// title's slug, or its URL's when the title has no ASCII word.
func entryBase(r catalog.Resource) string {
	if s := slug(r.Title); s != "" {
		return s
	}
	if s := slug(titleFromURL(r.URL)); s != "" {
		return s
	}
	return "entry"
}

// keys are the URLs and arXiv papers seen: in the catalog, or earlier in
// the list.
type keys struct {
	catalog map[string]bool
	list    map[string]bool
}

func newKeys(c *catalog.Catalog) keys {
	k := keys{catalog: map[string]bool{}, list: map[string]bool{}}
	if c == nil {
		return k
	}
	for _, r := range c.Resources() {
		for _, raw := range append([]string{r.URL}, r.Alternates...) {
			if n, err := catalog.NormalizeURL(raw); err == nil && raw != "" {
				k.catalog["url:"+n] = true
			}
			if id, ok := catalog.ArxivIDFromURL(raw); ok && raw != "" {
				k.catalog["arxiv:"+id.ID] = true
			}
		}
		if id, err := catalog.ParseArxivID(r.Arxiv); err == nil && r.Arxiv != "" {
			k.catalog["arxiv:"+id.ID] = true
		}
	}
	return k
}

// has reports whether one of ks is in seen.
func (k keys) has(seen map[string]bool, ks []string) bool {
	for _, s := range ks {
		if seen[s] {
			return true
		}
	}
	return false
}

func (k keys) add(ks []string) {
	for _, s := range ks {
		k.list[s] = true
	}
}
