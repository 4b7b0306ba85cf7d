package state

import (
	"fmt"
	"strings"
)

// CorruptError means the file is a linkcheck state document (it says so)
// whose content is broken: cut short, or fields that make no sense. It is
// worth repairing: it may hold months of history.
type CorruptError struct {
	Path string
	Err  error
}

func (e *CorruptError) Error() string {
	return fmt.Sprintf("state file %s is corrupt: %v", e.Path, e.Err)
}

func (e *CorruptError) Unwrap() error { return e.Err }

// SchemaError means the file is not a state this version reads: another
// document (a saved report, a catalog, another tool's JSON, an empty file)
// or a state written by another version of linkcheck. Such a file is
// never a history to throw away: it is someone else's data.
type SchemaError struct {
	Path string
	Got  string // the document's schema, "" if it has none
	// What the file holds when it is not a JSON object with a schema, in
	// words: "a JSON array", "YAML, perhaps a catalog".
	What string
}

// want is what a state file holds, for messages.
var want = fmt.Sprintf("a JSON object with \"schema\": %q", Schema)

func (e *SchemaError) Error() string {
	switch {
	case e.What != "":
		return fmt.Sprintf("state file %s holds %s, not a linkcheck state (want %s)", e.Path, e.What, want)
	case e.OtherVersion():
		return fmt.Sprintf("state file %s has schema %q, written by another version of linkcheck; this one reads %q", e.Path, e.Got, Schema)
	case strings.HasPrefix(e.Got, "linkcheck.report/"):
		return fmt.Sprintf("state file %s is a saved linkcheck run (schema %q), not a state (want %s)", e.Path, e.Got, want)
	case e.Got == "":
		return fmt.Sprintf("state file %s is JSON without a %q field, not a linkcheck state (want %s)", e.Path, "schema", want)
	}
	return fmt.Sprintf("state file %s has schema %q, not a linkcheck state (want %s)", e.Path, e.Got, want)
}

// OtherVersion reports whether the file is a linkcheck state of another
// schema version: the linkcheck that wrote it can still read it.
func (e *SchemaError) OtherVersion() bool {
	return e.Got != Schema && strings.HasPrefix(e.Got, "linkcheck.state/")
}
