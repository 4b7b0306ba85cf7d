package state

import "fmt"

// CorruptError means the file holds something that is not a valid state
// document: not JSON, or fields that make no sense.
type CorruptError struct {
	Path string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("state file %s is corrupt: %v", e.Path, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// SchemaError means the file is JSON of another schema: another tool's
// file, or a state written by a linkcheck this version does not know.
type SchemaError struct {
	Path string
	Got  string // the document's schema, "" if it has none
}

func (e *SchemaError) Error() string {
	if e.Got == "" {
		return fmt.Sprintf("state file %s is not a linkcheck state: no %q field (want %q)", e.Path, "schema", Schema)
	}
	return fmt.Sprintf("state file %s has schema %q, want %q", e.Path, e.Got, Schema)
}
