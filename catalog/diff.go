package catalog

import (
	"reflect"
	"slices"
	"strings"
)

// Changed returns the ids of head's resources that are new or changed
// relative to base, in head's catalog order, so that a pull request's check
// can look at just what it touched. Resources are matched by id: a renamed
// id counts as new. Removed resources are not returned. A nil base makes
// every resource new.
//
// A resource counts as changed when anything that can change its verdict
// differs: every field except the few that only describe it (verdictView
// names them), so that a field added later counts until someone decides
// otherwise. A change to the settings can change any verdict, so it makes
// every resource changed.
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
	all := base == nil || !reflect.DeepEqual(settingsView(base.Settings), settingsView(head.Settings))
	var out []string
	for i := range head.Sections {
		for j := range head.Sections[i].Resources {
			r := &head.Sections[i].Resources[j]
			old, ok := before[r.ID]
			if all || !ok || !reflect.DeepEqual(verdictView(old), verdictView(r)) {
				out = append(out, r.ID)
			}
		}
	}
	return out
}

// verdictView is r with what cannot change its verdict taken out: where it
// sits in the file (Pos, Fields, Section) and the words for people (Tags,
// Note). URLs and arXiv IDs are compared in their normal forms, so that
// "HTTPS://Example.com:443/" is no change.
func verdictView(r *Resource) Resource {
	v := *r
	v.Section, v.Pos, v.Fields = "", Pos{}, nil
	v.Tags, v.Note = nil, ""
	v.Title = strings.TrimSpace(v.Title)
	v.URL = comparableURL(v.URL)
	v.Arxiv = comparableArxiv(v.Arxiv)
	v.Alternates = nil
	for _, a := range r.Alternates {
		v.Alternates = append(v.Alternates, comparableURL(a))
	}
	slices.Sort(v.Alternates) // their order decides nothing
	v.Accept = nil
	for _, a := range r.Accept {
		a.Pos, a.Fields = Pos{}, nil
		v.Accept = append(v.Accept, a)
	}
	if r.Ignore != nil {
		ig := *r.Ignore
		ig.Pos, ig.Fields = Pos{}, nil
		v.Ignore = &ig
	}
	return v
}

// settingsView is s without positions, but with the set of keys written,
// since an explicit value and an absent one need not mean the same.
func settingsView(s Settings) Settings {
	v := s
	v.Pos, v.Fields = Pos{}, keysOnly(s.Fields)
	v.Hosts = nil
	for name, h := range s.Hosts {
		if v.Hosts == nil {
			v.Hosts = make(map[string]HostSettings, len(s.Hosts))
		}
		h.Pos, h.Fields = Pos{}, keysOnly(h.Fields)
		v.Hosts[name] = h
	}
	return v
}

func keysOnly(fields map[string]Pos) map[string]Pos {
	if len(fields) == 0 {
		return nil
	}
	out := make(map[string]Pos, len(fields))
	for k := range fields {
		out[k] = Pos{}
	}
	return out
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
