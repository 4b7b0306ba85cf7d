package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/importer"
)

// loadCatalog loads and validates a catalog with load (catalog.LoadValid
// or LoadCheckable). Problems with the catalog are returned as data (with
// the best-effort catalog); err is for a catalog that could not be read at
// all.
//
// A Markdown file (by its extension) is a reading list: it is imported in
// memory (importer.Catalog), and its entries point at its own lines.
func loadCatalog(path string, load func(string) (*catalog.Catalog, error)) (*catalog.Catalog, catalog.Problems, error) {
	if isMarkdownList(path) {
		load = loadMarkdown
	}
	cat, err := load(path)
	var problems catalog.Problems
	switch {
	case err == nil:
		return cat, nil, nil
	case errors.As(err, &problems):
		return cat, problems, nil
	default:
		return nil, nil, &exitError{code: exitInvalid, err: fmt.Errorf("%w (use --catalog to name another file)", err)}
	}
}

// validCatalog loads the catalog a command checks, fixes or reports on,
// and refuses an invalid one: each problem on stderr, then exit 2.
// Checking an invalid catalog would report its links against rules it
// breaks, and fixing one would hide its problems behind the fixes'. An
// expired ignore is no problem here (catalog.LoadCheckable): the check
// reports it with the entry, and validate fails on it.
func validCatalog(e env, path string) (*catalog.Catalog, error) {
	cat, problems, err := loadCatalog(path, catalog.LoadCheckable)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(e.Err, p.String())
		}
		return nil, &exitError{code: exitInvalid, quiet: true,
			err: fmt.Errorf("%s is invalid (%d problems): run linkcheck validate", path, len(problems))}
	}
	return cat, nil
}

// loadMarkdown reads the Markdown reading list at path as a catalog and
// validates it: an entry made of a list's link can still break a rule (an
// arxiv.org URL with an impossible ID, say).
func loadMarkdown(path string) (*catalog.Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read list %s: %w", path, err)
	}
	cat, _ := importer.Catalog(path, data)
	if problems := cat.ValidateRules(); len(problems) > 0 {
		return cat, problems
	}
	return cat, nil
}
