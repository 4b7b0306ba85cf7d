// Package schematest holds the JSON Schema documents linkcheck's output is
// checked against in tests (SARIF's, and linkcheck's own report schema
// under docs/schema), so that every test reads them the same way.
package schematest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Schema is a compiled JSON Schema.
type Schema struct{ s *jsonschema.Schema }

// Load compiles the schema in file, a path from the module's root, and
// fails the test when it cannot.
func Load(t testing.TB, file string) *Schema {
	t.Helper()
	path := filepath.Join(moduleRoot(t), filepath.FromSlash(file))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("read %s: %v", file, err)
	}
	c := jsonschema.NewCompiler()
	// The schema is known by its file, whatever $id it names, so that a
	// test never fetches anything.
	url := "file://" + filepath.ToSlash(path)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile %s: %v", file, err)
	}
	return &Schema{s}
}

// Validate says why data is not a document of the schema, or nil.
func (s *Schema) Validate(data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	err = s.s.Validate(inst)
	var v *jsonschema.ValidationError
	if errors.As(err, &v) {
		// Its Error names only the schema; the detailed form names
		// each failing place of the document and why.
		return fmt.Errorf("%#v", v)
	}
	return err
}

// Raw is the schema document itself, for tests that read its properties.
func Raw(t testing.TB, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// moduleRoot is where go.mod stands, above the test's package directory,
// so that tests of any package read the same files.
func moduleRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("schematest: no go.mod above the test's directory")
		}
		dir = up
	}
}
