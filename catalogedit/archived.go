package catalogedit

import (
	"fmt"
	"maps"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// Archived is the name --only gives to writing a gone link's archived
// copy into its entry. The status of the same name is what the next check
// calls such an entry; the fix itself acts on broken links.
const Archived = "archived"

// PlanArchived adds an archive key to each entry whose link is gone
// (broken) and whose check found an archived copy of its live page: a Fix
// with an empty Old, which Apply writes as a new archive key after the
// entry's url. The copy is written as a capture of the entry's own url, as
// validate wants it, whatever spelling of the address the archive filed it
// under.
//
// An entry that already has an archive key is left alone: when the check
// found another copy (the key's copy no longer plays back), which one
// readers should get is for a human to decide, as the maintainers may
// have chosen theirs by hand.
func (p *Plan) PlanArchived(cat *catalog.Catalog, results []result.Result) {
	byID := entriesByID(cat)
	for _, res := range results {
		if res.Target != result.TargetURL || res.Status != status.Broken || res.ArchiveURL == "" {
			continue
		}
		e, ok := byID[res.ID]
		if !ok {
			continue // PlanFixes reports a gone entry that needs attention
		}
		if res.URL != e.URL {
			p.stale(e, res, FieldURL, e.URL, res.URL)
			continue
		}
		c, err := catalog.ParseCapture(res.ArchiveURL)
		if err != nil {
			p.human(e, res, fmt.Sprintf("the check's archived copy is no Wayback Machine capture: %v", err))
			continue
		}
		copyURL := catalog.Capture{Original: e.URL, At: c.At}.URL()
		switch e.Archive {
		case "":
			p.add(e, res, Fix{ID: e.ID, Field: FieldArchive, New: copyURL, Status: res.Status,
				Evidence: archivedEvidence(res, c), Line: e.Pos.Line})
		case copyURL, res.ArchiveURL:
			// The catalog names this copy already (fixed since the
			// check ran): nothing is left to do, unless the check had
			// something to say about the copy.
			if res.ArchiveNote == "" {
				p.holdsCopy(e.ID)
			}
		default:
			p.human(e, res, fmt.Sprintf("its archive no longer serves readers, and the newest capture of the live page is %s: check it and replace archive", copyURL))
		}
	}
}

// archivedEvidence says why the copy is the page readers want: "HTTP 404;
// the newest capture of the live page (2023-05-12) plays back".
func archivedEvidence(res result.Result, c catalog.Capture) string {
	return humanReason(res) + "; the newest capture of the live page (" + c.At.UTC().Format("2006-01-02") + ") plays back"
}

func (p *Plan) holdsCopy(id string) {
	if p.archived == nil {
		p.archived = make(map[string]bool)
	}
	p.archived[id] = true
}

// settled drops from the plan's human findings the gone links whose entry
// points readers at the archived copy the check found, by an applied fix
// or already: nothing is left to do by hand.
func (p *Plan) settled(applied []Fix) []Attention {
	human := p.Human
	archived := maps.Clone(p.archived)
	for _, f := range applied {
		if f.Field == FieldArchive {
			if archived == nil {
				archived = make(map[string]bool)
			}
			archived[f.ID] = true
		}
	}
	if len(archived) == 0 {
		return human
	}
	out := make([]Attention, 0, len(human))
	for _, h := range human {
		if !(archived[h.ID] && h.Status == status.Broken) {
			out = append(out, h)
		}
	}
	return out
}

// addKeys plans the keys fix adds (a paper's doi, a gone link's archive)
// that opts ask for, and counts those they leave out, so that the summary
// can say what --only did not apply.
func (p *Plan) addKeys(cat *catalog.Catalog, results []result.Result, opts Options) {
	for _, k := range []struct {
		name string
		on   bool
		plan func(*Plan, *catalog.Catalog, []result.Result)
	}{
		{Published, opts.Published, (*Plan).PlanPublished},
		{Archived, opts.Archived, (*Plan).PlanArchived},
	} {
		if k.on {
			k.plan(p, cat, results)
			continue
		}
		var left Plan
		k.plan(&left, cat, results)
		if n := len(left.Fixes); n > 0 {
			if p.LeftOutKeys == nil {
				p.LeftOutKeys = make(map[string]int)
			}
			p.LeftOutKeys[k.name] += n
		}
	}
}
