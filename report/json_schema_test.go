package report

import (
	"bytes"
	"encoding/json"
	"os"
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
	sch.MatchFiles(t, "testdata/json*.golden", 4)
	sch.Refuses(t, "testdata/json.golden", []schematest.Break{
		{Name: "unknown status", From: `"status": "moved"`, To: `"status": "dead"`},
		{Name: "other schema", From: `"schema": "linkcheck.report/v1"`, To: `"schema": "linkcheck.report/v2"`},
		{Name: "summary of a status that is not", From: `"total": `, To: `"gone": 1, "total": `},
		{Name: "line zero", From: `"line": 8,`, To: `"line": 0,`},
		{Name: "no target", From: `"target": "arxiv",`, To: ``},
	})
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
