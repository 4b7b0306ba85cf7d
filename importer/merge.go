package importer

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
)

// InvalidError is an import whose result would not be a valid catalog:
// the catalog was invalid already, or an entry made could not be one.
type InvalidError struct {
	Problems catalog.Problems
	// Before is set when the catalog was invalid before the import.
	Before bool
}

func (e *InvalidError) Error() string {
	n := fmt.Sprintf("%d %s", len(e.Problems), plural(len(e.Problems), "problem", "problems"))
	if e.Before {
		return "the catalog is invalid (" + n + "): run linkcheck validate"
	}
	return "the catalog would be invalid (" + n + ")"
}

// Into adds the links of the Markdown list md that the catalog file data
// (named name; empty for a new catalog) does not hold yet, and returns
// the new file: new entries at the end of their sections, new sections at
// the end, the existing text unchanged byte for byte
// (catalogedit.AppendEntries). The result is validated; an invalid one is
// an *InvalidError, one that cannot be written safely a
// *catalogedit.RefusedError, and no bytes come back with either. Importing
// the same list again, or one with no new link, returns data as it is.
func Into(name string, data, md []byte) ([]byte, Summary, error) {
	var existing *catalog.Catalog
	if len(bytes.TrimSpace(data)) > 0 {
		c, err := catalog.Parse(name, bytes.NewReader(data))
		var problems catalog.Problems
		if err != nil && !errors.As(err, &problems) {
			return nil, Summary{}, fmt.Errorf("read catalog %s: %w", name, err)
		}
		if c != nil {
			problems = append(problems, c.ValidateRules()...)
		}
		if c == nil || len(problems) > 0 {
			return nil, Summary{}, &InvalidError{Problems: problems, Before: true}
		}
		existing = c
	}
	sections, sum := Read(md).Build(existing)
	if len(sections) == 0 {
		return data, sum, nil
	}
	out, err := catalogedit.AppendEntries(name, data, sections)
	if err != nil {
		return nil, sum, err
	}
	c, err := catalog.Parse(name, bytes.NewReader(out))
	var problems catalog.Problems
	if err != nil && !errors.As(err, &problems) {
		return nil, sum, fmt.Errorf("read the new catalog: %w", err)
	}
	if c != nil {
		problems = append(problems, c.ValidateRules()...)
	}
	if len(problems) > 0 {
		return nil, sum, &InvalidError{Problems: problems}
	}
	return out, sum, nil
}
