package catalogedit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
	"github.com/ai-reading-list/linkcheck/titles"
)

// Kinds are the findings fix can act on: the only statuses whose evidence
// says what the new value is.
var Kinds = status.NewSet(status.Moved, status.Retitled, status.Updated)

// Attention is a result fix leaves alone, and why.
type Attention struct {
	ID     string
	Line   int // the entry's line in the catalog as it is now, 0 if gone
	Status status.Status
	Reason string
}

// Plan is what to do with one check's results: the fixes to apply, the
// results that no longer match the catalog (it was edited since), and the
// findings that need a person.
type Plan struct {
	Fixes []Fix
	Stale []Attention
	Human []Attention

	// LeftOut counts the findings fix could act on that the kinds asked
	// for left out (--only), by status.
	LeftOut map[status.Status]int
	// LeftOutKeys counts the keys fix could have added that the options
	// left out, by the name --only gives them (Published, Archived).
	LeftOutKeys map[string]int

	// archived holds the entries that already point readers at the
	// archived copy their gone link's check found (PlanArchived).
	archived map[string]bool

	// disputed holds the values ("id\x00field") two findings would
	// rewrite differently: neither is applied.
	disputed map[string]bool
}

// PlanFixes turns results into fixes for the statuses in kinds (a subset of
// Kinds), each only when the evidence is sound:
//
//   - moved: url becomes the final URL of a chain of permanent redirects
//     (301, 308, http to https; a detour back to the same address, as a
//     cookie wall makes, aside) that ended in a 2xx answer, never an http
//     URL in place of an https one; for a renamed or transferred
//     repository, the github field and a url that names the repository
//     take the new name (see rename);
//   - retitled: title becomes arXiv's current title, only when it is the
//     same paper (a titles.Similarity of at least titles.AnotherWork, the
//     checker's own rule); a likely wrong ID needs a human;
//   - updated: the pinned version moves to the latest, in arxiv and in an
//     arxiv.org url that pins the same version.
//
// A finding of a kind fix acts on but kinds leaves out is counted in
// LeftOut, and not otherwise planned: it neither is fixed nor needs a
// human this time.
//
// Entries are matched by id in cat, never by line; a result whose entry is
// gone, or whose checked value is no longer the catalog's, is stale.
// Every other result that needs attention (broken, stale, blocked,
// timeout, error, redirected) needs a human.
func PlanFixes(cat *catalog.Catalog, results []result.Result, kinds status.Set) Plan {
	byID := entriesByID(cat)
	var p Plan
	for _, res := range results {
		e, ok := byID[res.ID]
		if !ok {
			if res.Status.Attention() {
				p.Stale = append(p.Stale, Attention{ID: res.ID, Status: res.Status,
					Reason: "no entry with this id in the catalog any more"})
			}
			continue
		}
		// A retitled paper may also have a newer version, which --only
		// updated still applies; its title is then left out (retitle).
		if Kinds.Has(res.Status) && !kinds.Has(res.Status) &&
			(res.Status != status.Retitled || !kinds.Has(status.Updated)) {
			p.leaveOut(res.Status)
			continue
		}
		switch res.Status {
		case status.Moved:
			p.move(e, res)
		case status.Retitled:
			if p.retitle(e, res, kinds.Has(status.Retitled)) && kinds.Has(status.Updated) {
				p.update(e, res)
			}
		case status.Updated:
			p.update(e, res)
		default:
			// Broken, stale, blocked, timeout, error, redirected: no
			// evidence says what the value should be.
			if res.Status.Attention() {
				p.human(e, res, humanReason(res))
			}
		}
	}
	return p
}

func (p *Plan) leaveOut(s status.Status) {
	if p.LeftOut == nil {
		p.LeftOut = make(map[status.Status]int)
	}
	p.LeftOut[s]++
}

func (p *Plan) human(e catalog.Resource, res result.Result, reason string) {
	p.Human = append(p.Human, Attention{ID: e.ID, Line: e.Pos.Line, Status: res.Status, Reason: reason})
}

func (p *Plan) stale(e catalog.Resource, res result.Result, field Field, now, checked string) {
	p.Stale = append(p.Stale, Attention{ID: e.ID, Line: e.Pos.Line, Status: res.Status,
		Reason: fmt.Sprintf("its %s is now %q, not %q as checked: run the check again", field, now, checked)})
}

// humanReason says what a result that fix does not act on found.
func humanReason(res result.Result) string {
	what := res.Message
	if what == "" {
		what = res.Status.String()
	}
	if res.Status == status.Redirected && res.FinalURL != "" && !strings.Contains(what, res.FinalURL) {
		what += " → " + res.FinalURL
	}
	// A gone link with no archived copy (or none found) stays dead for
	// readers: the reason says so.
	if res.ArchiveNote != "" && res.ArchiveURL == "" {
		what += "; " + res.ArchiveNote
	}
	return what
}

// move plans a moved link's new url, or a renamed repository's new name
// (see rename).
func (p *Plan) move(e catalog.Resource, res result.Result) {
	switch res.Target {
	case result.TargetURL:
	case result.TargetGitHub, result.TargetHuggingFace:
		p.rename(e, res)
		return
	default:
		p.human(e, res, humanReason(res))
		return
	}
	if res.URL != e.URL {
		if e.URL != res.FinalURL { // else fixed already
			p.stale(e, res, FieldURL, e.URL, res.URL)
		}
		return
	}
	to := res.FinalURL
	switch {
	case to == "" || to == e.URL:
		p.human(e, res, "moved, but the check recorded no new address")
		return
	case res.Code < 200 || res.Code > 299:
		p.human(e, res, fmt.Sprintf("moved to %s, which answered %d", to, res.Code))
		return
	}
	if why := unusable(e.URL, to); why != "" {
		p.human(e, res, "moved to "+why)
		return
	}
	if hop := temporaryHop(res.Redirects, to); hop != "" {
		p.human(e, res, fmt.Sprintf("moved, but the chain also has %s: check it by hand", hop))
		return
	}
	if e.Archive != "" {
		// The archive is a copy of the old url and must stay one: the
		// original is back at a new address, so the copy can go, which
		// fix does not decide.
		p.human(e, res, fmt.Sprintf("moved to %s, which answers again: remove archive and replace url", to))
		return
	}
	p.add(e, res, Fix{ID: e.ID, Field: FieldURL, Old: e.URL, New: to,
		Status: status.Moved, Evidence: chain(res), Line: e.Pos.Line})
}

// add plans f unless another finding already rewrites the same value: two
// that agree are one fix (a repository's page and its API both saw the
// rename); two that disagree leave the value to a human.
func (p *Plan) add(e catalog.Resource, res result.Result, f Fix) {
	key := f.ID + "\x00" + string(f.Field)
	if p.disputed[key] {
		return
	}
	for i, g := range p.Fixes {
		if g.ID != f.ID || g.Field != f.Field {
			continue
		}
		if g.New != f.New {
			p.Fixes = slices.Delete(p.Fixes, i, i+1)
			if p.disputed == nil {
				p.disputed = make(map[string]bool)
			}
			p.disputed[key] = true
			p.human(e, res, fmt.Sprintf("two findings disagree on the new %s: %s (%s: %s) or %s (%s: %s)",
				f.Field, g.New, g.Status, g.Evidence, f.New, f.Status, f.Evidence))
		}
		return
	}
	p.Fixes = append(p.Fixes, f)
}

// chain writes a redirect chain as evidence: "301 https://a → https://b (200)".
func chain(res result.Result) string {
	var b strings.Builder
	for _, h := range res.Redirects {
		fmt.Fprintf(&b, "%d %s → ", h.Code, h.URL)
	}
	fmt.Fprintf(&b, "%s (%d)", res.FinalURL, res.Code)
	return b.String()
}

// retitle plans a retitled paper's new title and reports whether the
// result is about the same paper (so its version may be trusted too).
func (p *Plan) retitle(e catalog.Resource, res result.Result, apply bool) bool {
	if res.Target != result.TargetArxiv {
		p.human(e, res, humanReason(res))
		return false
	}
	current := strings.Join(strings.Fields(res.CurrentTitle), " ")
	if res.Title != e.Title && e.Title != current { // equal: fixed already
		p.stale(e, res, FieldTitle, e.Title, res.Title)
		return false
	}
	switch {
	case current == "":
		p.human(e, res, "retitled, but the check recorded no current title")
		return false
	case titles.Similarity(e.Title, current) < titles.AnotherWork:
		p.human(e, res, fmt.Sprintf("arXiv's title is “%s”, which shares little with the catalog's: the arXiv ID probably points at another paper; check the ID", current))
		return false
	}
	switch {
	case current == e.Title:
	case apply:
		p.add(e, res, Fix{ID: e.ID, Field: FieldTitle, Old: e.Title, New: current,
			Status: status.Retitled, Evidence: fmt.Sprintf("arXiv %s's current title (similarity %.2f)", paperID(e.Arxiv), res.Similarity), Line: e.Pos.Line})
	default:
		p.leaveOut(status.Retitled) // --only updated: the version alone
	}
	return true
}

// paperID is the catalog's arXiv value as arXiv names the paper: the same
// "2302.04761" whether the catalog wrote "arXiv:2302.04761" or a URL.
func paperID(written string) string {
	if a, err := catalog.ParseArxivID(written); err == nil {
		return a.String()
	}
	return written
}

// entriesByID indexes the catalog's entries by id; validate refuses a
// repeated id, and where one slips through the first entry holds it.
func entriesByID(cat *catalog.Catalog) map[string]catalog.Resource {
	byID := make(map[string]catalog.Resource)
	for _, r := range cat.Resources() {
		if _, dup := byID[r.ID]; !dup {
			byID[r.ID] = r
		}
	}
	return byID
}
