package report

import (
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestPublished(t *testing.T) {
	tests := []struct {
		name string
		r    result.Result
		want string
	}{
		{"journal and doi", result.Result{Target: result.TargetArxiv, JournalRef: "NeurIPS 2023", DOI: "10.5555/3666122.3666499"},
			"published: NeurIPS 2023 (doi 10.5555/3666122.3666499)"},
		{"journal only", result.Result{Target: result.TargetArxiv, JournalRef: "ICLR\n  2023"}, "published: ICLR 2023"},
		{"doi only", result.Result{Target: result.TargetArxiv, DOI: "10.1109/ICSTW55395.2022.00035"},
			"published: doi 10.1109/ICSTW55395.2022.00035"},
		{"arXiv's own doi", result.Result{Target: result.TargetArxiv, DOI: "10.48550/arXiv.2305.16291"}, ""},
		{"neither", result.Result{Target: result.TargetArxiv}, ""},
		{"not a paper", result.Result{Target: result.TargetURL, JournalRef: "NeurIPS 2023"}, ""},
		{"the catalog's doi differs", result.Result{Target: result.TargetArxiv, JournalRef: "NeurIPS 2023", DOI: "10.5555/2", CatalogDOI: "10.5555/1"},
			"published: NeurIPS 2023 (doi 10.5555/2); catalog doi 10.5555/1 differs from arXiv's 10.5555/2"},
		{"the catalog's doi in another case", result.Result{Target: result.TargetArxiv, DOI: "10.5555/ABC", CatalogDOI: "10.5555/abc"},
			"published: doi 10.5555/ABC"},
		{"a catalog doi, none on arXiv", result.Result{Target: result.TargetArxiv, CatalogDOI: "10.5555/1"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := published(tt.r); got != tt.want {
				t.Errorf("published(%+v) = %q, want %q", tt.r, got, tt.want)
			}
		})
	}
}

func TestFoundNamesPublication(t *testing.T) {
	tests := []struct {
		name string
		r    result.Result
		want string
	}{
		{"ok paper", result.Result{Target: result.TargetArxiv, Status: status.OK, Version: 1, JournalRef: "NeurIPS 2023"},
			"v1; published: NeurIPS 2023"},
		{"updated paper", result.Result{Target: result.TargetArxiv, Arxiv: "2303.11366v1", Status: status.Updated, Version: 4, JournalRef: "NeurIPS 2023", DOI: "10.5555/1"},
			"v1 → v4; published: NeurIPS 2023 (doi 10.5555/1)"},
		{"unpublished paper", result.Result{Target: result.TargetArxiv, Status: status.OK, Version: 2}, "v2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := found(tt.r).String(); got != tt.want {
				t.Errorf("found(%s) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

// A paper whose catalog doi differs from arXiv's is listed for a person
// even when it is fine, with what to do.
func TestDOIDiffersIsListed(t *testing.T) {
	tests := []struct {
		name       string
		r          result.Result
		listed     bool
		suggestion string
	}{
		{"differs", result.Result{Target: result.TargetArxiv, Status: status.OK, DOI: "10.5555/2", CatalogDOI: "10.5555/1"},
			true, "check which doi is right, arXiv's or the catalog's"},
		{"agrees", result.Result{Target: result.TargetArxiv, Status: status.OK, DOI: "10.5555/1", CatalogDOI: "10.5555/1"}, false, ""},
		{"arXiv's own doi", result.Result{Target: result.TargetArxiv, Status: status.OK, DOI: "10.48550/arXiv.2303.11366", CatalogDOI: "10.5555/1"}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := needsListing(tt.r); got != tt.listed {
				t.Errorf("needsListing(%s) = %v, want %v", tt.name, got, tt.listed)
			}
			if got := suggestion(tt.r); got != tt.suggestion {
				t.Errorf("suggestion(%s) = %q, want %q", tt.name, got, tt.suggestion)
			}
		})
	}
}
