package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A saved run names the catalog it was made from, by path and by a digest
// of its bytes; fix and report --from -c hold it to the catalog they are
// given.
func TestSavedRunBelongsToItsCatalog(t *testing.T) {
	c := newCLI(t)
	at := func(name string) string { return filepath.Join(c.dir, name) }
	t.Chdir(c.dir)
	if code, _, stderr := c.run("check", "-c", "resources.yaml", "--format", "json", "-o", "results.json"); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	saved, err := os.ReadFile(at("results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(saved, &doc); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(testCatalog))
	if doc["catalog"] != "resources.yaml" || doc["catalog_sha256"] != hex.EncodeToString(sum[:]) {
		t.Fatalf("the saved run names catalog %v, sha256 %v; want resources.yaml and %x", doc["catalog"], doc["catalog_sha256"], sum)
	}
	delete(doc, "catalog_sha256")
	old, _ := json.Marshal(doc)
	writeFile(t, at("old-results.json"), string(old))

	// Another catalog: one of its entries has an id of the run's, with
	// another URL; the run's fix for it must not land there.
	other := strings.Replace(testCatalog, "url: https://old.test/post", "url: https://old.test/elsewhere", 1)
	writeFile(t, at("other.yaml"), other)
	writeFile(t, at("copy.yaml"), testCatalog)
	writeFile(t, at("invalid.yaml"), "version: 1\nsections: [\n")
	edited := strings.Replace(testCatalog, "title: A fine post", "title: A fine post, retitled", 1)

	tests := []struct {
		name    string
		args    []string
		code    int
		want    string // in stderr
		catalog string // the file that must be left as it was, or "" when it may change
	}{
		{"fix from another catalog's run", []string{"fix", "-c", "other.yaml", "--from", "results.json"}, exitInvalid,
			"results.json is a run of resources.yaml (sha256 " + hex.EncodeToString(sum[:6]) + "), not of other.yaml", "other.yaml"},
		{"fix --dry-run from another catalog's run", []string{"fix", "-c", "other.yaml", "--from", "results.json", "--dry-run"}, exitInvalid, "not of other.yaml", "other.yaml"},
		{"report -c another catalog", []string{"report", "-c", "other.yaml", "--from", "results.json"}, exitInvalid, "results.json is a run of resources.yaml", ""},
		{"report -c an invalid catalog", []string{"report", "-c", "invalid.yaml", "--from", "results.json"}, exitInvalid, "invalid.yaml", ""},
		{"report -c a missing catalog", []string{"report", "-c", "missing.yaml", "--from", "results.json"}, exitInvalid, "missing.yaml", ""},
		{"report -c the run's catalog", []string{"report", "-c", "resources.yaml", "--from", "results.json"}, exitOK, "", ""},
		{"fix a copy of the run's catalog", []string{"fix", "-c", "copy.yaml", "--from", "results.json"}, exitOK, "1 change to copy.yaml", ""},
		{"fix from a run saved without a digest", []string{"fix", "-c", "other.yaml", "--from", "old-results.json", "--dry-run"}, exitOK, "skipped moved-post", "other.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before []byte
			if tt.catalog != "" {
				before, _ = os.ReadFile(at(tt.catalog))
			}
			code, _, stderr := c.run(tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("linkcheck %v = exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
			}
			if tt.catalog != "" {
				if after, _ := os.ReadFile(at(tt.catalog)); string(after) != string(before) {
					t.Errorf("%s changed:\n%s", tt.catalog, after)
				}
			}
		})
	}

	// The run's own catalog, edited since: still fixed where ids and
	// values match, as ever, and said so.
	writeFile(t, at("resources.yaml"), edited)
	code, _, stderr := c.run("report", "-c", "resources.yaml", "--from", "results.json")
	if code != exitOK || !strings.Contains(stderr, "resources.yaml has changed since the run in results.json") {
		t.Errorf("report -c (edited) --from = exit %d, stderr %q; want 0 and a note that the catalog changed", code, stderr)
	}
	code, _, stderr = c.run("fix", "--from", "results.json")
	if code != exitOK || !strings.Contains(stderr, "resources.yaml has changed since the run in results.json") {
		t.Errorf("fix --from (edited) = exit %d, stderr %q; want 0 and a note that the catalog changed", code, stderr)
	}
	if got, _ := os.ReadFile(at("resources.yaml")); !strings.Contains(string(got), "url: https://ok.test/new-home") || !strings.Contains(string(got), "A fine post, retitled") {
		t.Errorf("the edited catalog was not fixed where it matched:\n%s", got)
	}
	// Edited into an invalid catalog, it is not silently taken as the run's.
	writeFile(t, at("resources.yaml"), strings.Replace(testCatalog, "id: fine-post", "id: Fine_Post", 1))
	code, _, stderr = c.run("report", "-c", "resources.yaml", "--from", "results.json")
	if code != exitInvalid || !strings.Contains(stderr, "kebab-case") {
		t.Errorf("report -c (invalid) --from = exit %d, stderr %q; want 2 and the catalog's problem", code, stderr)
	}
}

// report --from without --catalog links each line to the catalog the run
// names, not to the default resources.yaml.
func TestReportFromLinksToTheRunsCatalog(t *testing.T) {
	c := newCLI(t)
	t.Chdir(c.dir)
	if err := os.Mkdir("lists", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join("lists", "agents.yaml"), testCatalog)
	if code, _, stderr := c.run("check", "-c", "lists/agents.yaml", "--format", "json", "-o", "results.json"); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	var out, errb strings.Builder
	github := map[string]string{"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc123"}
	code := run(t.Context(), []string{"report", "--from", "results.json", "--format", "markdown"}, env{
		In: strings.NewReader(""), Out: &out, Err: &errb,
		Getenv: func(k string) string { return github[k] },
		Now:    time.Now,
	})
	if code != exitOK {
		t.Fatalf("report --from exited %d: %s", code, errb.String())
	}
	if want := "(https://github.com/o/r/blob/abc123/lists/agents.yaml#L"; !strings.Contains(out.String(), want) {
		t.Errorf("report --from links lines elsewhere than %q:\n%s", want, out.String())
	}
}
