package catalogedit

import "github.com/ai-reading-list/linkcheck/catalog"

// RefusedError is a fix Run refused before writing anything, because of
// the catalog or the results rather than the machine: the catalog could
// not be read or edited safely, or the fixed catalog would be invalid.
// Running it again on the same files gives the same refusal.
type RefusedError struct {
	// Problems are the fixed catalog's, when it would be invalid.
	Problems catalog.Problems
	Err      error
}

func (e *RefusedError) Error() string { return e.Err.Error() }
func (e *RefusedError) Unwrap() error { return e.Err }

// WriteError is a fix Run could not write: the fixed catalog or Output,
// which leaves the catalog as it was (it is renamed into place last), or
// what is printed on Out once the catalog is in place.
type WriteError struct {
	Err error
}

func (e *WriteError) Error() string { return e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }
