package arxiv

import (
	"context"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker/verifier"
)

// Kind is the kind of arXiv's targets and of its results.
const Kind = "arxiv"

// PaperVerifier checks papers against arXiv and calls emit once per
// paper; *Client is the real one.
type PaperVerifier interface {
	Verify(ctx context.Context, papers []Paper, emit func(Paper, Verdict)) error
}

var _ PaperVerifier = (*Client)(nil)

// Verifier puts arXiv behind verifier.Verifier, the interface every
// outside service is checked through: it claims an entry's arXiv ID and
// an arxiv.org link to another paper, and asks a PaperVerifier about them.
type Verifier struct {
	papers PaperVerifier
}

var _ verifier.Verifier = (*Verifier)(nil)

// NewVerifier returns the verifier that asks papers; nil serves Claims
// only.
func NewVerifier(papers PaperVerifier) *Verifier { return &Verifier{papers: papers} }

// Kind implements verifier.Verifier.
func (v *Verifier) Kind() string { return Kind }

// Name is how messages name arXiv.
func (v *Verifier) Name() string { return "arXiv" }

// Claims implements verifier.Verifier: the entry's arXiv ID, compared
// with the entry's title, and an abs, pdf or html link on arxiv.org to
// another paper than the entry's own, whose page the API answers for (a
// hundred of them in one request, where their pages would be fetched one
// every 3 s). The link to the entry's own paper is no target: the
// paper's result covers it. An ID that does not parse is no claim; the
// checker reports it.
func (v *Verifier) Claims(r *catalog.Resource) []verifier.Claim {
	var out []verifier.Claim
	own, err := catalog.ParseArxivID(r.Arxiv)
	cited := r.Arxiv != "" && err == nil
	if link, ok := catalog.ArxivIDFromURL(r.URL); r.URL != "" && ok && (!cited || link.ID != own.ID) {
		out = append(out, verifier.Claim{
			Target: verifier.Target{Kind: Kind, Key: link.String()},
			Paper:  link.String(),
			IsURL:  true,
		})
	}
	if cited {
		out = append(out, verifier.Claim{
			Target: verifier.Target{Kind: Kind, Key: own.String(), Title: r.Title},
			Paper:  own.String(),
		})
	}
	return out
}

// Verify implements verifier.Verifier.
func (v *Verifier) Verify(ctx context.Context, targets []verifier.Target, emit func(verifier.Target, verifier.Verdict)) error {
	papers := make([]Paper, 0, len(targets))
	for _, t := range targets {
		id, err := catalog.ParseArxivID(t.Key)
		if err != nil {
			continue // not one of Claims': left without a verdict
		}
		// A link has no title of its own to compare: the entry's title
		// names the entry, not necessarily the paper it links to.
		papers = append(papers, Paper{ID: id.ID, Version: id.Version, Title: t.Title, Link: t.Title == ""})
	}
	return v.papers.Verify(ctx, papers, func(p Paper, d Verdict) {
		key := catalog.ArxivID{ID: p.ID, Version: p.Version}.String()
		emit(verifier.Target{Kind: Kind, Key: key, Title: p.Title}, verifier.Verdict{
			Status:       d.Status,
			Message:      d.Message,
			Attempts:     d.Attempts,
			Duration:     d.Duration,
			CurrentTitle: d.CurrentTitle,
			Version:      d.LatestVersion,
			VersionDate:  d.VersionDate,
			JournalRef:   d.JournalRef,
			DOI:          d.DOI,
			Similarity:   d.Similarity,
		})
	})
}
