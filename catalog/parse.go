package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"go.yaml.in/yaml/v3"
)

// Load reads and parses the catalog at path; positions are reported against
// path as given. Problems with the content come back as a Problems error
// together with the best-effort catalog, as from Parse; failure to read the
// file is any other error, with no catalog.
func Load(path string) (*Catalog, error) {
	// ReadFile reads into a buffer of the file's size, where reading
	// from an io.Reader grows one, copying, to up to twice that.
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", path, err)
	}
	return parseData(path, data)
}

// LoadValid loads the catalog at path and validates it as of now. When
// anything is wrong it returns the catalog (if the YAML could be read at all)
// and a Problems error holding every structural and semantic problem, sorted.
func LoadValid(path string, now time.Time) (*Catalog, error) {
	c, err := Load(path)
	return validated(c, err, func(c *Catalog) Problems { return c.Validate(now) })
}

// LoadCheckable is LoadValid without the ignores' end dates
// (ValidateRules): a check does not refuse a catalog for an expired
// ignore, it checks the entry and reports the expired ignore with it.
func LoadCheckable(path string) (*Catalog, error) {
	c, err := Load(path)
	return validated(c, err, (*Catalog).ValidateRules)
}

// validated adds validate's problems to those of a Parse or Load that
// returned c and err.
func validated(c *Catalog, err error, validate func(*Catalog) Problems) (*Catalog, error) {
	var structural Problems
	if err != nil && !errors.As(err, &structural) {
		return nil, err
	}
	if c == nil {
		return nil, err
	}
	all := append(structural, validate(c)...)
	all = all.sorted()
	return c, all.asError()
}

// Parse decodes a catalog from r; name is the file name problems are
// reported against. Structural problems (YAML syntax, an empty file, unknown
// keys, wrong types, a missing version) are returned as a Problems error
// together with the best-effort catalog, which is non-nil whenever the YAML
// itself parsed, so that callers can report them along with Validate's.
func Parse(name string, r io.Reader) (*Catalog, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", name, err)
	}
	return parseData(name, data)
}

// parseData is Parse of data read already.
func parseData(name string, data []byte) (*Catalog, error) {
	if len(data) >= splitMinSize {
		if c, problems, ok := parseSplit(name, data, min(runtime.GOMAXPROCS(0), 8), pieceSize); ok {
			return c, problems.asError()
		}
	}
	return parseWhole(name, data)
}

// parseWhole is Parse with data parsed as one tree.
func parseWhole(name string, data []byte) (*Catalog, error) {
	d := newDecoder(name, len(data))
	doc := d.decodeWhole(data)
	if doc == nil {
		return nil, d.items.asError()
	}
	if doc.Kind == 0 {
		return &Catalog{File: name}, d.items.asError()
	}
	c := d.catalog(name, doc)
	if d.overflow {
		// What the aliases would expand to cannot be read, like a
		// syntax error, and checking the rest would only add noise.
		return nil, d.items.sorted().asError()
	}
	c.malformed, c.misspelt = d.malformed, d.misspelt
	d.items = d.items.sorted()
	return c, d.items.asError()
}

// decodeWhole parses data as a single YAML document. It returns nil after a
// syntax error, and a zero node for an empty file, having reported either.
func (d *decoder) decodeWhole(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.add(Pos{1, 1}, "catalog is empty")
			return &doc
		}
		d.syntaxError(data, err)
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		d.addAt(&next, "catalog must be a single YAML document: remove this second one")
	case !errors.Is(err, io.EOF):
		d.syntaxError(data, err)
	}
	return &doc
}

// catalog decodes the document node.
func (d *decoder) catalog(name string, doc *yaml.Node) *Catalog {
	c := &Catalog{File: name, Fields: make(map[string]Pos, 3)}
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = d.resolve(root.Content[0])
	}
	if root == nil || root.Kind == yaml.DocumentNode {
		d.add(Pos{1, 1}, "catalog is empty")
		return c
	}
	if root.Kind != yaml.MappingNode {
		d.addAt(root, "catalog must be a mapping with version and sections, not %s", describe(root))
		return c
	}
	d.mapping(root, "catalog", catalogKeys, func(key string, k, v *yaml.Node) {
		c.Fields[key] = posOf(v)
		switch key {
		case "version":
			c.Version, _ = d.integer("version", v)
		case "settings":
			c.Settings = d.settings(v)
		case "sections":
			c.Sections = d.sections(v)
		}
	})
	if _, ok := c.Fields["version"]; !ok && !isMisspelt(d.misspelt, posOf(root), "version") {
		d.addAt(root, "missing version: add \"version: %d\" at the top", SchemaVersion)
	}
	if _, ok := c.Fields["sections"]; !ok && !isMisspelt(d.misspelt, posOf(root), "sections") {
		d.addAt(root, "missing sections: list the resources under sections")
	}
	return c
}
