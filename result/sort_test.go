package result

import (
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
)

func TestSort(t *testing.T) {
	cat := catalogOf(entry("a", ""), entry("b", ""))
	rs := []Result{{ID: "zz"}, {ID: "b", Target: TargetArxiv}, {ID: "b", Target: TargetURL}, {ID: "a", Target: TargetArxiv}}
	Sort(rs, cat)
	var got []string
	for _, r := range rs {
		got = append(got, r.ID+"/"+string(r.Target))
	}
	if want := "a/arxiv b/url b/arxiv zz/"; strings.Join(got, " ") != want {
		t.Errorf("Sort = %s, want %s", strings.Join(got, " "), want)
	}
}

// An entry's targets come out in one order whatever order they were
// checked in: URL, paper, repositories by name.
func TestSortTargetsOfOneEntry(t *testing.T) {
	cat := catalogOf(entry("a", ""))
	want := "url arxiv github:acme/old github:acme/tool huggingface:acme/model"
	orders := [][]Result{
		{{ID: "a", Target: TargetGitHub, Repo: "acme/tool"}, {ID: "a", Target: TargetHuggingFace, Repo: "acme/model"},
			{ID: "a", Target: TargetGitHub, Repo: "acme/old"}, {ID: "a", Target: TargetArxiv}, {ID: "a", Target: TargetURL}},
		{{ID: "a", Target: TargetArxiv}, {ID: "a", Target: TargetGitHub, Repo: "acme/old"}, {ID: "a", Target: TargetURL},
			{ID: "a", Target: TargetGitHub, Repo: "acme/tool"}, {ID: "a", Target: TargetHuggingFace, Repo: "acme/model"}},
	}
	for _, rs := range orders {
		Sort(rs, cat)
		var got []string
		for _, r := range rs {
			name := string(r.Target)
			if r.Repo != "" {
				name += ":" + r.Repo
			}
			got = append(got, name)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("Sort = %s, want %s", strings.Join(got, " "), want)
		}
	}
}

func entry(id, url string) catalog.Resource {
	return catalog.Resource{ID: id, Title: "Title of " + id, Kind: catalog.KindPost, URL: url, Section: "s", Pos: catalog.Pos{Line: 1}}
}

func catalogOf(rs ...catalog.Resource) *catalog.Catalog {
	return &catalog.Catalog{File: "test.yaml", Version: 1, Sections: []catalog.Section{{ID: "s", Title: "S", Resources: rs}}}
}
