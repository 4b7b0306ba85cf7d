package main

import (
	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/result"
)

// noteCatalogDOIs gives each paper's result its entry's own doi, so that
// a report can say when it differs from the DOI arXiv records: neither is
// overwritten, a person decides.
func noteCatalogDOIs(results []result.Result, cat *catalog.Catalog) {
	dois := make(map[string]string)
	for _, r := range cat.Resources() {
		if _, dup := dois[r.ID]; !dup && r.DOI != "" {
			dois[r.ID] = r.DOI
		}
	}
	if len(dois) == 0 {
		return
	}
	for i := range results {
		if results[i].Target == result.TargetArxiv {
			results[i].CatalogDOI = dois[results[i].ID]
		}
	}
}
