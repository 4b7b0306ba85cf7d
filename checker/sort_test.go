package checker

import (
	"strings"
	"testing"
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
