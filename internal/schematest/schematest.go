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

// MatchFiles fails the test for each file matching pattern (a path glob
// from the test's directory) that is not a document of the schema, and
// when fewer than least files match.
func (s *Schema) MatchFiles(t *testing.T, pattern string, least int) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) < least {
		t.Fatalf("found %d files matching %s (%v), want at least %d", len(files), pattern, err, least)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(data); err != nil {
				t.Errorf("%s does not match the schema: %v", path, err)
			}
		})
	}
}

// Break turns a valid document into one the schema must refuse: the first
// From in it becomes To.
type Break struct{ Name, From, To string }

// Refuses fails the test for each break of the valid document at path
// that the schema accepts, so that a schema too loose to catch anything
// cannot pass for a check.
func (s *Schema) Refuses(t *testing.T, path string, breaks []Break) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range breaks {
		t.Run(b.Name, func(t *testing.T) {
			if !bytes.Contains(data, []byte(b.From)) {
				t.Fatalf("%s has no %s to break", path, b.From)
			}
			bad := bytes.Replace(data, []byte(b.From), []byte(b.To), 1)
			if err := s.Validate(bad); err == nil {
				t.Errorf("the schema accepted %s with %q in place of %q", path, b.To, b.From)
			}
		})
	}
}
