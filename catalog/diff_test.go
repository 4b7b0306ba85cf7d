package catalog

import (
	"slices"
	"testing"
)

func TestChanged(t *testing.T) {
	cat := func(rs ...Resource) *Catalog {
		return &Catalog{Sections: []Section{{ID: "s", Title: "S", Resources: rs}}}
	}
	attention := Resource{ID: "attention", Title: "Attention Is All You Need", URL: "https://arxiv.org/abs/1706.03762", Arxiv: "1706.03762"}
	bert := Resource{ID: "bert", Title: "BERT", URL: "https://arxiv.org/abs/1810.04805"}
	react := Resource{ID: "react", Title: "ReAct", Arxiv: "2210.03629"}
	with := func(r Resource, edit func(*Resource)) Resource { edit(&r); return r }

	tests := []struct {
		name       string
		base, head *Catalog
		want       []string
	}{
		{"unchanged", cat(attention, bert), cat(attention, bert), nil},
		{"added", cat(attention), cat(attention, bert), []string{"bert"}},
		{"removed", cat(attention, bert), cat(attention), nil},
		{"renamed id", cat(attention), cat(with(attention, func(r *Resource) { r.ID = "transformer" })), []string{"transformer"}},
		{"changed url", cat(attention, bert), cat(attention, with(bert, func(r *Resource) { r.URL = "https://aclanthology.org/N19-1423/" })), []string{"bert"}},
		{"changed arxiv", cat(react), cat(with(react, func(r *Resource) { r.Arxiv = "2210.03629v3" })), []string{"react"}},
		{"changed title", cat(react), cat(with(react, func(r *Resource) { r.Title = "ReAct: Synergizing Reasoning and Acting" })), []string{"react"}},
		{"same url normalized", cat(bert), cat(with(bert, func(r *Resource) { r.URL = "HTTPS://arxiv.org:443/abs/1810.04805#abstract" })), nil},
		{"same arxiv canonical", cat(react), cat(with(react, func(r *Resource) { r.Arxiv = "arXiv:2210.03629" })), nil},
		{"tags and notes do not count", cat(react), cat(with(react, func(r *Resource) { r.Tags = []string{"agents"}; r.Note = "n" })), nil},
		{"moved to another section", cat(attention, bert), &Catalog{Sections: []Section{{ID: "a", Resources: []Resource{bert}}, {ID: "b", Resources: []Resource{attention}}}}, nil},
		{"head order", cat(attention), cat(react, attention, bert), []string{"react", "bert"}},
		{"nil base", nil, cat(attention, bert), []string{"attention", "bert"}},
		{"nil head", cat(attention), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Changed(tt.base, tt.head); !slices.Equal(got, tt.want) {
				t.Errorf("Changed() = %q, want %q", got, tt.want)
			}
		})
	}
}
