package report

import (
	"bytes"
	"fmt"
)

// SizeError is returned when Options.MaxBytes leaves no room for even the
// report's headings and summary.
type SizeError struct {
	Limit int // Options.MaxBytes
	Need  int // bytes the report takes with no rows listed
}

func (e *SizeError) Error() string {
	return fmt.Sprintf("%d bytes cannot hold the report's headings and summary (%d bytes)", e.Limit, e.Need)
}

// The notes of a section whose rows were cut, all of them or some.
const (
	noneListed = "_%d not listed here._\n"
	someListed = "\n_… and %d more not listed here._\n"
)

// fit cuts rows until the document is at most limit bytes. Sections keep
// their order of severity, so what is cut is the least severe: the report
// shows a prefix of the full one. Each section keeps its heading and count
// and says how many of its rows were left out.
func (d *mdDoc) fit(limit int) error {
	d.capped = true
	sections := d.sections()
	for _, sec := range sections {
		sec.shown = 0
	}
	// With no rows, every section's note is at its longest, and sizing
	// makes the notice so too: the skeleton's size bounds the document's
	// size less its rows.
	need := d.skeletonSize()
	if need > limit && d.chart != "" {
		// The trend is a picture of the past: the findings come first.
		d.chart = ""
		need = d.skeletonSize()
	}
	if need > limit {
		return &SizeError{Limit: limit, Need: need}
	}
	budget := limit - need
	for _, sec := range sections {
		for _, row := range sec.rows {
			cost := len(row)
			if sec.shown == 0 {
				cost += len(sec.tableHeader())
			}
			if cost > budget {
				return nil
			}
			budget -= cost
			sec.shown++
		}
	}
	return nil
}

// skeletonSize is the size of the document with no rows, plus the longest
// note the section where the cut falls can have.
func (d *mdDoc) skeletonSize() int {
	var skeleton bytes.Buffer
	d.sizing = true
	d.write(&skeleton)
	d.sizing = false
	// The skeleton counted every cut section's short note; the one section
	// where the cut falls has the longer one (and its count is no longer).
	return skeleton.Len() + len(someListed) - len(noneListed)
}
