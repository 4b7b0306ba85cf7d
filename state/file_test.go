package state

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// sample is a state made by the real merge, not by hand.
func sample() *State {
	first := Merge(nil, []result.Result{
		link("a", status.OK, titled("A page & <more>")),
		paper("a", status.OK, func(r *result.Result) { r.Version, r.CurrentTitle = 7, "Attention Is All You Need" }),
		link("b", status.Broken, network),
	}, runAt(0), Options{}).State
	return Merge(first, []result.Result{
		link("a", status.OK, titled("A page & <more>")),
		paper("a", status.OK, func(r *result.Result) { r.Version = 7 }),
		link("b", status.Broken, network, func(r *result.Result) { r.FinalURL = "https://b.test/" }),
	}, runAt(1), Options{}).State
}

func TestSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	want := sample()
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Load(Save(s)) = %+v\nwant %+v", got, want)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"page_title": "A page & <more>"`) {
		t.Errorf("state file escapes HTML characters:\n%s", data)
	}
}

// Keys come out sorted at every level, so that a week's changes are a
// small diff.
func TestMarshalSortsKeys(t *testing.T) {
	data, err := Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Targets map[string]json.RawMessage `json:"targets"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	checkSorted := func(what string, obj []byte) {
		dec := json.NewDecoder(strings.NewReader(string(obj)))
		dec.Token() // {
		var keys []string
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var skip json.RawMessage
			dec.Decode(&skip)
		}
		if !slices.IsSorted(keys) {
			t.Errorf("%s keys %v are not sorted", what, keys)
		}
	}
	checkSorted("top-level", data)
	for name, obj := range doc.Targets {
		checkSorted(name, obj)
	}
	if !strings.Contains(string(data), "\"a/arxiv\": {") {
		t.Errorf("want one object per target keyed ID/TARGET:\n%s", data)
	}
}

func TestLoadMissingIsFresh(t *testing.T) {
	s, err := Load(filepath.Join(t.TempDir(), "none.json"))
	if err != nil || s == nil || len(s.Targets) != 0 {
		t.Errorf("Load(missing) = %+v, %v; want an empty state", s, err)
	}
}

func TestLoadBadFiles(t *testing.T) {
	good, _ := Marshal(sample())
	tests := []struct {
		name    string
		data    string
		corrupt bool   // else a schema error
		want    string // in the message, after the path
	}{
		{"cut short", "{\"schema\": \"linkcheck.state/v1\", ", true, "is corrupt: not valid JSON: line 1, column 33: unexpected end of JSON input"},
		{"empty", "", false, "holds nothing (the file is empty), not a linkcheck state"},
		{"a report", `{"schema": "linkcheck.report/v1", "results": []}`, false, `is a saved linkcheck run (schema "linkcheck.report/v1"), not a state`},
		{"a catalog", "version: 1\nsections: []\n", false, "holds YAML, perhaps a catalog, not a linkcheck state"},
		{"a future version", `{"schema": "linkcheck.state/v2", "targets": {}}`, false, `has schema "linkcheck.state/v2", written by another version of linkcheck`},
		{"another tool", `{"schema": "https://json.schemastore.org/package"}`, false, `has schema "https://json.schemastore.org/package", not a linkcheck state`},
		{"no schema", `{"targets": {}}`, false, `is JSON without a "schema" field, not a linkcheck state`},
		{"schema not a string", `{"schema": 1}`, false, `holds JSON whose "schema" is not a string`},
		{"an array", `[]`, false, "holds a JSON array, not a linkcheck state"},
		{"an array of states", "[" + string(good) + "]", false, "holds a JSON array, not a linkcheck state"},
		{"wrong type", strings.Replace(string(good), `"runs": 2`, `"runs": "2"`, 1), true, `targets.runs: want a whole number, got a string`},
		{"unknown status", strings.Replace(string(good), `"status": "broken"`, `"status": "rotten"`, 1), true, `unknown status "rotten"`},
		{"bad key", strings.Replace(string(good), `"b/url"`, `"b-url"`, 1), true, "want a key of the form ID/TARGET"},
		{"bad time", strings.Replace(string(good), `"since": "2026-11-02T06:00:00Z"`, `"since": "last week"`, 1), true, "want an RFC 3339 time"},
		{"zero runs", strings.Replace(string(good), `"runs": 2`, `"runs": 0`, 1), true, "want runs ≥ 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.data == string(good) {
				t.Fatal("the test's replacement did not apply")
			}
			path := filepath.Join(t.TempDir(), "state.json")
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			var ce *CorruptError
			var se *SchemaError
			switch {
			case tt.corrupt && !errors.As(err, &ce):
				t.Errorf("Load = %v, want a *CorruptError", err)
			case !tt.corrupt && !errors.As(err, &se):
				t.Errorf("Load = %v, want a *SchemaError", err)
			}
			if err == nil || !strings.Contains(err.Error(), path+" ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load = %v, want an error naming the file and saying %q", err, tt.want)
			}
			if err != nil && (strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "struct")) {
				t.Errorf("Load = %v names a Go type", err)
			}
			if data, _ := os.ReadFile(path); string(data) != tt.data {
				t.Errorf("Load modified the file")
			}
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := t.TempDir() // a directory cannot be read as a file, even by root
	_, err := Load(dir)
	var ce *CorruptError
	var se *SchemaError
	if err == nil || errors.As(err, &ce) || errors.As(err, &se) || !strings.Contains(err.Error(), dir) {
		t.Errorf("Load(directory) = %v, want a read error naming it", err)
	}
}

func TestSaveFailureLeavesTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	old := []byte("previous contents\n")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	// A directory in the way of the rename: everything succeeds but the
	// last step.
	blocked := filepath.Join(dir, "blocked")
	if err := os.MkdirAll(filepath.Join(blocked, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Save(blocked, sample()); err == nil {
		t.Fatal("Save onto a non-empty directory succeeded")
	}
	if err := Save(filepath.Join(dir, "missing", "state.json"), sample()); err == nil {
		t.Fatal("Save into a missing directory succeeded")
	}
	if data, _ := os.ReadFile(path); string(data) != string(old) {
		t.Errorf("a failed save touched another file: %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("a failed save left %s behind", e.Name())
		}
	}
}

func TestSaveReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, sample()); err != nil {
		t.Fatal(err)
	}
	if s, err := Load(path); err != nil || len(s.Targets) != 3 {
		t.Errorf("Load after Save = %v targets, %v; want 3", len(s.Targets), err)
	}
}

// A state file kept behind a symbolic link (a dotfiles repository, a
// shared volume) is written through it: the link stays a link, and the
// file it names gets the history and keeps its mode.
func TestSaveThroughLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "kept", "state.json")
	if err := os.Mkdir(filepath.Dir(real), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte(`{"schema": "linkcheck.state/v1", "targets": {}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "state.json")
	if err := os.Symlink("kept/state.json", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := Save(link, sample()); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("Save replaced the link with a file (%v, %v)", fi.Mode(), err)
	}
	if s, err := Load(real); err != nil || len(s.Targets) != 3 {
		t.Errorf("the linked file after Save holds %v targets (%v), want 3", len(s.Targets), err)
	}
	if fi, err := os.Stat(real); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the linked file's mode = %v (%v), want 0600 kept", fi.Mode().Perm(), err)
	}
}
