package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/schematest"
	"github.com/ai-reading-list/linkcheck/status"
)

// reportSchemaFile is the JSON Schema of the document, published for
// consumers beside the field tables of docs/output.md.
const reportSchemaFile = "docs/schema/report-v1.schema.json"

// Every JSON golden is a document of the published schema, and the schema
// does catch one that is not.
func TestJSONGoldensMatchSchema(t *testing.T) {
	sch := schematest.Load(t, reportSchemaFile)
	goldens, err := filepath.Glob("testdata/json*.golden")
	if err != nil || len(goldens) < 4 {
		t.Fatalf("found %d JSON goldens (%v), want at least 4", len(goldens), err)
	}
	for _, path := range goldens {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(data); err != nil {
				t.Errorf("%s does not match %s: %v", path, reportSchemaFile, err)
			}
		})
	}
	broken := []struct{ name, from, to string }{
		{"unknown status", `"status": "moved"`, `"status": "dead"`},
		{"other schema", `"schema": "linkcheck.report/v1"`, `"schema": "linkcheck.report/v2"`},
		{"summary of a status that is not", `"total": `, `"gone": 1, "total": `},
		{"line zero", `"line": 8,`, `"line": 0,`},
		{"no target", `"target": "arxiv",`, ``},
	}
	data, err := os.ReadFile("testdata/json.golden")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Run(b.name, func(t *testing.T) {
			if !bytes.Contains(data, []byte(b.from)) {
				t.Fatalf("json.golden has no %s to break", b.from)
			}
			bad := bytes.Replace(data, []byte(b.from), []byte(b.to), 1)
			if err := sch.Validate(bad); err == nil {
				t.Errorf("the schema accepted a document with %q in place of %q", b.to, b.from)
			}
		})
	}
}

// schemaObject is the part of a JSON Schema object definition this file
// compares with the wire types.
type schemaObject struct {
	Required   []string                   `json:"required"`
	Properties map[string]json.RawMessage `json:"properties"`
	Enum       []string                   `json:"enum"`
}

type schemaDoc struct {
	schemaObject
	Defs map[string]schemaObject `json:"$defs"`
}

// The schema names every field the writer can emit, no field it cannot,
// and requires exactly those written always; its statuses are the
// vocabulary's; and docs/output.md describes each field. A field added to
// the wire types fails here until the schema and the docs have it.
func TestJSONSchemaCoversTheWireTypes(t *testing.T) {
	var doc schemaDoc
	if err := json.Unmarshal(schematest.Raw(t, reportSchemaFile), &doc); err != nil {
		t.Fatalf("%s: %v", reportSchemaFile, err)
	}
	objects := []struct {
		name string
		obj  schemaObject
		typ  reflect.Type
	}{
		{"the document", doc.schemaObject, reflect.TypeFor[jsonRun]()},
		{"$defs/result", doc.Defs["result"], reflect.TypeFor[jsonResult]()},
		{"$defs/hop", doc.Defs["hop"], reflect.TypeFor[jsonHop]()},
		{"$defs/resolved", doc.Defs["resolved"], reflect.TypeFor[jsonResolved]()},
		{"$defs/trendRun", doc.Defs["trendRun"], reflect.TypeFor[jsonTrendRun]()},
	}
	docs, err := os.ReadFile("../docs/output.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objects {
		fields, always := wireFields(o.typ)
		var named []string
		for p := range o.obj.Properties {
			named = append(named, p)
		}
		sort.Strings(named)
		if !slices.Equal(named, fields) {
			t.Errorf("%s names %v, the wire type %s writes %v", o.name, named, o.typ.Name(), fields)
		}
		required := slices.Sorted(slices.Values(o.obj.Required))
		if !slices.Equal(required, always) {
			t.Errorf("%s requires %v, the wire type %s always writes %v", o.name, required, o.typ.Name(), always)
		}
		for _, f := range fields {
			if !bytes.Contains(docs, []byte("`"+f+"`")) {
				t.Errorf("docs/output.md does not describe %s's field %s", o.name, f)
			}
		}
	}
	var names []string
	for _, s := range status.All() {
		names = append(names, s.String())
	}
	if !slices.Equal(doc.Defs["status"].Enum, names) {
		t.Errorf("the schema's statuses are %v, the vocabulary's %v", doc.Defs["status"].Enum, names)
	}
}

// wireFields lists, sorted, the JSON names of t's fields (embedded structs
// flattened, as encoding/json does) and those without omitempty.
func wireFields(t reflect.Type) (fields, always []string) {
	for f := range t.Fields() {
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			sub, subAlways := wireFields(f.Type)
			fields, always = append(fields, sub...), append(always, subAlways...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields = append(fields, name)
		if !strings.Contains(opts, "omitempty") {
			always = append(always, name)
		}
	}
	sort.Strings(fields)
	sort.Strings(always)
	return fields, always
}
