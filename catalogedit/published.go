package catalogedit

import (
	"fmt"
	"strings"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
)

// Published is the name --only gives to adding where a paper was
// published. It is no status: a paper arXiv records as published may be
// ok, or retitled, or anything else.
const Published = "published"

// arxivDOIPrefix starts the DOIs arXiv registers for its own preprints:
// they name the preprint, not where it was published.
const arxivDOIPrefix = "10.48550/"

// PlanPublished adds to p the DOI arXiv records for each checked paper
// whose entry has none: a Fix with an empty Old, which Apply writes as a
// new doi key after the entry's arxiv (or url). An entry whose doi
// differs from arXiv's needs a human: either may be the one that is
// wrong. arXiv's own DOIs (10.48550/arXiv.…) and values that are no DOI
// are left out.
func (p *Plan) PlanPublished(cat *catalog.Catalog, results []result.Result) {
	byID := entriesByID(cat)
	for _, res := range results {
		doi := strings.TrimSpace(res.DOI)
		if res.Target != result.TargetArxiv || doi == "" ||
			strings.HasPrefix(strings.ToLower(doi), arxivDOIPrefix) || !catalog.IsDOI(doi) {
			continue
		}
		e, ok := byID[res.ID]
		if !ok {
			continue // PlanFixes reports a gone entry that needs attention
		}
		if e.Arxiv != "" && !samePaper(e.Arxiv, res.Arxiv) {
			p.stale(e, res, FieldArxiv, e.Arxiv, res.Arxiv)
			continue
		}
		switch {
		case e.DOI == "":
			p.add(e, res, Fix{ID: e.ID, Field: FieldDOI, New: doi, Status: res.Status,
				Evidence: publishedEvidence(res), Line: e.Pos.Line})
		case !strings.EqualFold(e.DOI, doi): // DOIs ignore case
			p.Human = append(p.Human, Attention{ID: e.ID, Line: e.Pos.Line, Status: res.Status,
				Reason: fmt.Sprintf("the catalog's doi %s differs from arXiv's %s: check which is right", e.DOI, doi)})
		}
	}
}

// samePaper reports whether the catalog's arxiv value and the checked one
// name the same paper, whatever version either pins.
func samePaper(written, checked string) bool {
	a, err := catalog.ParseArxivID(written)
	b, err2 := catalog.ParseArxivID(checked)
	return err != nil || err2 != nil || a.ID == b.ID
}

// publishedEvidence says where the DOI comes from: "arXiv 2303.11366
// records it (NeurIPS 2023)".
func publishedEvidence(res result.Result) string {
	ev := "arXiv " + paperID(res.Arxiv) + " records it"
	if ref := strings.Join(strings.Fields(res.JournalRef), " "); ref != "" {
		ev += " (" + ref + ")"
	}
	return ev
}

// finding is what people read as the kind of a fix: "published" for an
// added doi, "archived" for an added archive, else the status that called
// for it.
func (f Fix) finding() string {
	switch f.Field {
	case FieldDOI:
		return Published
	case FieldArchive:
		return Archived
	}
	return f.Status.String()
}
