package catalogedit

import "github.com/ai-reading-list/linkcheck/catalog"

// Editor applies fixes to one format of catalog file. Run uses the YAML
// catalog's own (Apply, and validation of the result) unless Options
// name another, such as a Markdown reading list's.
type Editor interface {
	// Apply is as the package's Apply: the new file, or an error and no
	// bytes when the edit cannot be proved safe.
	Apply(name string, data []byte, fixes []Fix) (out []byte, applied []Fix, skipped []Skipped, err error)
	// Load reads a file of this format as a catalog, with its problems,
	// so that Run can refuse a fix that would make it invalid.
	Load(name string, data []byte) (*catalog.Catalog, error)
}
