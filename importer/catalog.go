package importer

import "github.com/ai-reading-list/linkcheck/catalog"

// Catalog is the Markdown list src as a catalog in memory, named name:
// what check and report read when --catalog is a Markdown file. Every
// entry's position is its link's line and column in the Markdown, so that
// results and annotations point at the list's own lines.
func Catalog(name string, src []byte) (*catalog.Catalog, Summary) {
	sections, sum := Read(src).Build(nil)
	return &catalog.Catalog{
		File:     name,
		Version:  catalog.SchemaVersion,
		Sections: sections,
		Fields:   map[string]catalog.Pos{"version": {Line: 1, Column: 1}, "sections": {Line: 1, Column: 1}},
	}, sum
}
