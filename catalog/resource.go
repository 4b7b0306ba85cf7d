package catalog

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/ai-reading-list/linkcheck/status"
)

// dateLayout is the only form "until" takes: a date, no time of day, so that
// an ignore lasts through the whole day it names.
const dateLayout = "2006-01-02"

// sections decodes the list of sections.
func (d *decoder) sections(v *yaml.Node) []Section {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.bad(v, "sections must be a list of sections")
		return nil
	}
	out := make([]Section, 0, len(v.Content))
	var aliases []*yaml.Node
	for _, sn := range v.Content {
		if sn.Kind == yaml.AliasNode {
			aliases = append(aliases, sn)
			continue
		}
		if sn.Kind != yaml.MappingNode {
			d.bad(sn, "each section must be a mapping with id, title and resources, not %s", describe(sn))
			continue
		}
		s := Section{Pos: posOf(sn), Fields: make(map[string]Pos, 3)}
		var resources *yaml.Node
		d.mapping(sn, "section", sectionKeys, func(key string, _, fv *yaml.Node) {
			s.Fields[key] = posOf(fv)
			switch key {
			case "id":
				s.ID = d.str(key, fv)
			case "title":
				s.Title = d.str(key, fv)
			case "resources":
				// Decoded after the loop so resources get the section's
				// id wherever the key sits in the mapping.
				resources = fv
			}
		})
		if resources != nil {
			s.Resources = d.resources(s.ID, resources)
		}
		out = append(out, s)
	}
	d.aliasedItems(aliases, "a section", "write each section out once")
	return out
}

// resources decodes one section's list of resources.
func (d *decoder) resources(section string, v *yaml.Node) []Resource {
	if out, ok := d.entries[v]; ok {
		delete(d.entries, v)
		for i := range out {
			out[i].Section = section
		}
		return out
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.bad(v, "resources must be a list of resources")
		return nil
	}
	return d.appendResources(make([]Resource, 0, len(v.Content)), section, v.Content)
}

// appendResources decodes the items of a list of resources onto out.
func (d *decoder) appendResources(out []Resource, section string, items []*yaml.Node) []Resource {
	var aliases []*yaml.Node
	for _, rn := range items {
		if rn.Kind == yaml.AliasNode {
			aliases = append(aliases, rn)
			continue
		}
		if rn.Kind != yaml.MappingNode {
			d.bad(rn, "each resource must be a mapping with id, title, kind and url or arxiv, not %s", describe(rn))
			continue
		}
		out = append(out, d.resource(section, rn))
	}
	d.aliasedItems(aliases, "an entry", "list each entry once, in full")
	return out
}

// aliasedItems reports the items of one list of sections or entries that
// are aliases, once for the list, at the first. Such an item would repeat
// a section or an entry already listed (a duplicate, whatever else is
// wrong with it), and nested aliases could repeat one billions of times.
func (d *decoder) aliasedItems(aliases []*yaml.Node, what, hint string) {
	if len(aliases) == 0 {
		return
	}
	more := ""
	if n := len(aliases) - 1; n > 0 {
		more = fmt.Sprintf(", and %d more in this list", n)
	}
	d.addAt(aliases[0], "%s cannot be an alias (*%s%s): %s", what, aliases[0].Value, more, hint)
}

// resource decodes one resource mapping.
func (d *decoder) resource(section string, m *yaml.Node) Resource {
	r := Resource{Section: section, Pos: posOf(m), Fields: make(map[string]Pos, len(m.Content)/2)}
	d.mapping(m, "resource", resourceKeys, func(key string, _, v *yaml.Node) {
		r.Fields[key] = posOf(v)
		switch key {
		case "id":
			r.ID = d.str(key, v)
		case "title":
			r.Title = d.str(key, v)
		case "kind":
			r.Kind = internKind(d.str(key, v))
		case "url":
			r.URL = d.str(key, v)
		case "arxiv":
			// The raw text, never a float: unquoted 1706.10000 must not
			// lose its trailing zeros.
			r.Arxiv = d.str(key, v)
		case "github":
			r.GitHub = d.str(key, v)
		case "doi":
			r.DOI = d.str(key, v)
		case "archive":
			r.Archive = d.str(key, v)
		case "tags":
			r.Tags = d.strList(key, v)
		case "note":
			r.Note = d.str(key, v)
		case "alternates":
			r.Alternates = d.alternates(&r, v)
		case "accept":
			r.Accept = d.acceptList(v)
		case "ignore":
			r.Ignore = d.ignore(v)
		}
	})
	return r
}

// internKind returns the constant for a known kind, so that the entries
// of a large catalog share a handful of strings rather than hold one each.
func internKind(s string) Kind {
	for _, k := range [...]Kind{KindPaper, KindPost, KindBlog, KindLeaderboard, KindTool, KindRepo, KindTalk, KindSystemCard, KindDataset} {
		if string(k) == s {
			return k
		}
	}
	return Kind(s)
}

// alternates decodes the alternate URLs, recording each one's position as
// Fields["alternates[i]"] so that Validate can point at the bad one.
func (d *decoder) alternates(r *Resource, v *yaml.Node) []string {
	list := d.strList("alternates", v)
	if len(list) == 0 {
		return list
	}
	i := 0
	for _, e := range v.Content {
		e = target(e)
		if e != nil && e.Kind == yaml.ScalarNode && e.Tag != "!!null" {
			r.Fields[alternateKey(i)] = posOf(e)
			i++
		}
	}
	return list
}

func alternateKey(i int) string { return "alternates[" + strconv.Itoa(i) + "]" }

// acceptList decodes the accept list.
func (d *decoder) acceptList(v *yaml.Node) []Accept {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		d.bad(v, "accept must be a list of {status or code, reason} items")
		return nil
	}
	out := make([]Accept, 0, len(v.Content))
	for _, an := range v.Content {
		an = d.resolve(an)
		if an == nil {
			continue
		}
		if an.Kind != yaml.MappingNode {
			d.bad(an, "each accept item must be a mapping with status or code, and reason")
			continue
		}
		a := Accept{Pos: posOf(an), Fields: make(map[string]Pos, 2)}
		d.mapping(an, "accept item", acceptKeys, func(key string, _, fv *yaml.Node) {
			a.Fields[key] = posOf(fv)
			switch key {
			case "status":
				name := d.str(key, fv)
				if fv.Kind != yaml.ScalarNode {
					return
				}
				s, err := status.Parse(name)
				if err != nil {
					d.bad(fv, "%v", err)
					return
				}
				a.Status = s
			case "code":
				a.Code, _ = d.integer(key, fv)
			case "reason":
				a.Reason = d.str(key, fv)
			}
		})
		out = append(out, a)
	}
	return out
}

// ignore decodes an ignore mapping.
func (d *decoder) ignore(v *yaml.Node) *Ignore {
	if v.Kind != yaml.MappingNode {
		d.bad(v, "ignore must be a mapping with reason and until")
		return nil
	}
	ig := &Ignore{Pos: posOf(v), Fields: make(map[string]Pos, 2)}
	d.mapping(v, "ignore", ignoreKeys, func(key string, _, fv *yaml.Node) {
		ig.Fields[key] = posOf(fv)
		switch key {
		case "reason":
			ig.Reason = d.str(key, fv)
		case "until":
			raw := d.str(key, fv)
			if fv.Kind != yaml.ScalarNode {
				return
			}
			t, err := time.Parse(dateLayout, raw)
			switch {
			case raw == "":
				d.bad(fv, "until must be a date YYYY-MM-DD")
				return
			case err != nil:
				d.bad(fv, "until %q must be a date YYYY-MM-DD", raw)
				return
			}
			ig.Until = t
		}
	})
	return ig
}
