package catalogedit

import (
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestPlanPublished(t *testing.T) {
	const cat = `version: 1
sections:
  - id: papers
    title: Papers
    resources:
      - {id: bare, title: A, kind: paper, arxiv: 2303.11366}
      - {id: same, title: B, kind: paper, arxiv: 2005.14165, doi: 10.5555/ABC}
      - {id: other, title: C, kind: paper, arxiv: 2305.10601, doi: 10.5555/1}
      - {id: moved-id, title: D, kind: paper, arxiv: 2201.11903}
`
	paper := func(id, arxiv, doi string) result.Result {
		return result.Result{ID: id, Target: result.TargetArxiv, Arxiv: arxiv, Status: status.OK, DOI: doi}
	}
	tests := []struct {
		name              string
		res               result.Result
		fix, human, stale string // the one fix's New, or what the Attention says
	}{
		{"no doi in the catalog", paper("bare", "2303.11366", "10.5555/3666122.3666499"), "10.5555/3666122.3666499", "", ""},
		{"the same doi, in another case", paper("same", "2005.14165", "10.5555/abc"), "", "", ""},
		{"another doi", paper("other", "2305.10601", "10.5555/2"), "", "differs from arXiv's 10.5555/2", ""},
		{"arXiv's own doi", paper("bare", "2303.11366", "10.48550/arXiv.2303.11366"), "", "", ""},
		{"no doi at all", paper("bare", "2303.11366", "not a doi"), "", "", ""},
		{"no arXiv doi", paper("bare", "2303.11366", ""), "", "", ""},
		{"a link's result", result.Result{ID: "bare", Target: result.TargetURL, DOI: "10.5555/1"}, "", "", ""},
		{"the arxiv changed since", paper("moved-id", "2201.11904", "10.5555/1"), "", "", "run the check again"},
		{"the entry is gone", paper("gone", "2303.11366", "10.5555/1"), "", "", ""},
	}
	c, err := catalog.Parse("c.yaml", strings.NewReader(cat))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Plan
			p.PlanPublished(c, []result.Result{tt.res})
			switch {
			case tt.fix != "" && (len(p.Fixes) != 1 || p.Fixes[0].New != tt.fix || p.Fixes[0].Old != "" || p.Fixes[0].Field != FieldDOI):
				t.Errorf("fixes = %+v, want one adding doi %s", p.Fixes, tt.fix)
			case tt.fix == "" && len(p.Fixes) != 0:
				t.Errorf("fixes = %+v, want none", p.Fixes)
			}
			if got := attentions(p.Human); (tt.human == "") != (got == "") || !strings.Contains(got, tt.human) {
				t.Errorf("human = %q, want %q", got, tt.human)
			}
			if got := attentions(p.Stale); (tt.stale == "") != (got == "") || !strings.Contains(got, tt.stale) {
				t.Errorf("stale = %q, want %q", got, tt.stale)
			}
		})
	}
}

func attentions(as []Attention) string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID+": "+a.Reason)
	}
	return strings.Join(out, "\n")
}
