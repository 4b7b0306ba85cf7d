package report

import (
	"bytes"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// normalized is what a run looks like after a trip through JSON: times and
// durations to the millisecond, version dates to the day, similarity to
// two decimals.
func normalized(run Run) Run {
	run.StartedAt = run.StartedAt.Truncate(time.Millisecond)
	run.Duration = run.Duration.Round(time.Millisecond)
	rs := append(run.Results[:0:0], run.Results...)
	for i := range rs {
		rs[i].Duration = rs[i].Duration.Round(time.Millisecond)
		rs[i].Similarity = math.Round(rs[i].Similarity*100) / 100
		if !rs[i].VersionDate.IsZero() {
			y, m, d := rs[i].VersionDate.Date()
			rs[i].VersionDate = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		}
	}
	run.Results = rs
	return run
}

func TestJSONRoundTrip(t *testing.T) {
	ragged := fixtureRun()
	ragged.StartedAt = time.Date(2025, 6, 1, 11, 30, 0, 123456789, time.FixedZone("CEST", 2*3600))
	ragged.Duration = 42317*time.Millisecond + 600*time.Microsecond
	ragged.Partial, ragged.Stop, ragged.NotReached = true, StopTimeout, 3
	ragged.Results[0].VersionDate = time.Date(2023, 8, 2, 0, 41, 18, 0, time.UTC)
	ragged.Results[2].DOI, ragged.Results[2].CatalogDOI = "10.5555/2", "10.5555/1"

	tests := []struct {
		name string
		run  Run
	}{
		{"fixture", fixtureRun()},
		{"history", historyRun()},
		{"with target positions", located(fixtureRun())},
		{"with a trend", trendRun(3)},
		{"sub-millisecond times, partial", ragged},
		{"empty", Run{Catalog: "resources.yaml"}},
		{"with the catalog's digest", Run{Catalog: "resources.yaml", CatalogSHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tt.run, Options{Format: FormatJSON, All: true}); err != nil {
				t.Fatal(err)
			}
			got, err := ReadJSON(&buf)
			if err != nil {
				t.Fatalf("ReadJSON(Write(%s)) error: %v", tt.name, err)
			}
			want := normalized(tt.run)
			if !got.StartedAt.Equal(want.StartedAt) {
				t.Errorf("ReadJSON(Write(%s)).StartedAt = %v, want %v", tt.name, got.StartedAt, want.StartedAt)
			}
			got.StartedAt, want.StartedAt = time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ReadJSON(Write(%s)) =\n%+v\nwant\n%+v", tt.name, got, want)
			}
		})
	}
}

// TestJSONFiltered checks that without All only attention results (and
// an archive key that can go) are listed while the summary still counts the whole run.
func TestJSONFiltered(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, fixtureRun(), Options{Format: FormatJSON}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"total": 18`) {
		t.Errorf("json summary lacks \"total\": 18:\n%s", buf.String())
	}
	run, err := ReadJSON(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Results) != 13 {
		t.Errorf("ReadJSON(json without All) has %d results, want 13", len(run.Results))
	}
	for _, r := range run.Results {
		if !r.Status.Attention() && !archiveCanGo(r) {
			t.Errorf("json without All lists %s with status %v", r.ID, r.Status)
		}
	}
}

func TestReadJSONRejects(t *testing.T) {
	const good = `{"schema": "linkcheck.report/v1", "catalog": "r.yaml", "duration_ms": 1, "summary": {"total": 1, "ok": 1}, "results": [%s]}`
	result := func(fields string) string {
		return strings.Replace(good, "%s", `{"id": "a", "target": "url", "status": "ok"`+fields+`}`, 1)
	}
	tests := []struct {
		name       string
		in         string
		want       string
		wantSchema bool
	}{
		{"empty input", "", "not a linkcheck report: the file holds nothing (the file is empty)", true},
		{"truncated", `{"schema": "linkcheck.report/v1", "results": [`, "malformed JSON: line 1, column 46: unexpected end of JSON input", false},
		{"not an object", `[1, 2]`, "not a linkcheck report: the file holds a JSON array", true},
		{"a catalog", "version: 1\nsections: []\n", "not a linkcheck report: the file holds YAML, perhaps a catalog", true},
		{"a state file", `{"schema": "linkcheck.state/v1", "targets": {}}`, `not a linkcheck report: a state file (schema "linkcheck.state/v1")`, true},
		{"trailing garbage", result("") + "}", "malformed JSON", false},
		{"no schema", `{"results": []}`, `not a linkcheck report: no "schema" field`, true},
		{"other version", `{"schema": "linkcheck.report/v2"}`, `unsupported report schema "linkcheck.report/v2" (want "linkcheck.report/v1")`, true},
		{"other tool", `{"schema": "https://json.schemastore.org/package"}`, "unsupported report schema", true},
		{"unknown status", strings.Replace(result(""), `"ok"}`, `"fine"}`, 1), `result 1 (a): status: unknown status "fine"`, false},
		{"upper-case status", strings.Replace(result(""), `"ok"}`, `"OK"}`, 1), `unknown status "OK"`, false},
		{"unknown target", strings.Replace(result(""), `"url"`, `"ftp"`, 1), `target: unknown target "ftp"`, false},
		{"bad version date", result(`, "version_date": "2023-8-2"`), "version_date: want YYYY-MM-DD", false},
		{"bad archive date", result(`, "archived_at": "2023-05-12"`), "archived_at: want an RFC 3339 time", false},
		{"bad start", strings.Replace(result(""), `"catalog"`, `"started_at": "yesterday", "catalog"`, 1), "started_at: want an RFC 3339 time", false},
		{"negative duration", result(`, "duration_ms": -5`), "duration_ms: -5 is out of range", false},
		{"trend of unknown status", strings.Replace(result(""), `"results"`, `"trend": [{"at": "2026-11-30T06:00:00Z", "counts": {"fine": 1}}], "results"`, 1), `trend[0]: counts: "fine"`, false},
		{"negative target column", result(`, "target_line": 3, "target_column": -1`), "target_line, target_column: 3:-1 is negative", false},
		{"huge duration", result(`, "duration_ms": 9223372036854775807`), "is out of range", false},
		{"similarity out of range", result(`, "similarity": 1.5`), "similarity: 1.5 is outside [0, 1]", false},
		{"unknown summary key", strings.Replace(result(""), `"ok": 1`, `"fine": 1`, 1), `summary: unknown key "fine"`, false},
		{"short digest", strings.Replace(result(""), `"catalog"`, `"catalog_sha256": "9f86d081", "catalog"`, 1), `catalog_sha256: "9f86d081" is not a hex SHA-256`, false},
		{"upper-case digest", strings.Replace(result(""), `"catalog"`, `"catalog_sha256": "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "catalog"`, 1), "is not a hex SHA-256", false},
		{"unknown stop", strings.Replace(result(""), `"catalog"`, `"partial": true, "stopped": "crashed", "catalog"`, 1), `stopped: want "interrupted" or "timeout", got "crashed"`, false},
		{"negative not reached", strings.Replace(result(""), `"catalog"`, `"partial": true, "not_reached": -1, "catalog"`, 1), "not_reached: want 0 or more, got -1", false},
		{"wrong type", strings.Replace(result(""), `"id": "a"`, `"id": 7`, 1), "line 1, column 127: results.id: want a string, got a number", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadJSON(%q) = %v, want an error containing %q", tt.in, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "read report: ") {
				t.Errorf("ReadJSON(%q) error %q, want it to start with \"read report: \"", tt.in, err)
			}
			if strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "struct") {
				t.Errorf("ReadJSON(%q) error %q names a Go type", tt.in, err)
			}
			var se *SchemaError
			if errors.As(err, &se) != tt.wantSchema {
				t.Errorf("ReadJSON(%q) error %v: errors.As(*SchemaError) = %v, want %v", tt.in, err, !tt.wantSchema, tt.wantSchema)
			}
		})
	}
}

func TestReadJSONAcceptsMinimal(t *testing.T) {
	run, err := ReadJSON(strings.NewReader(`{"schema": "linkcheck.report/v1", "catalog": "r.yaml", "duration_ms": 0, "summary": {"total": 0}, "results": []}`))
	if err != nil {
		t.Fatalf("ReadJSON(minimal) error: %v", err)
	}
	// A run saved before catalog_sha256 existed still loads, its digest
	// unknown.
	if run.Catalog != "r.yaml" || run.CatalogSHA256 != "" || len(run.Results) != 0 || !run.StartedAt.IsZero() {
		t.Errorf("ReadJSON(minimal) = %+v, want catalog r.yaml and nothing else", run)
	}
}

// FuzzReadJSON checks that ReadJSON never panics and that whatever it
// accepts renders in every format and reads back to the same document.
func FuzzReadJSON(f *testing.F) {
	var buf bytes.Buffer
	if err := Write(&buf, fixtureRun(), Options{Format: FormatJSON, All: true}); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.String())
	f.Add(`{"schema": "linkcheck.report/v1", "results": [{"id": "a", "target": "arxiv", "status": "updated", "arxiv": "1706.03762v5", "version": 7}]}`)
	f.Add(`{"schema": "linkcheck.report/v2"}`)
	f.Add(`{"schema": "linkcheck.report/v1", "summary": {"total": -1, "broken": 1e3}}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, in string) {
		run, err := ReadJSON(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, format := range Formats() {
			if err := Write(&bytes.Buffer{}, run, Options{Format: format, All: true}); err != nil {
				t.Fatalf("Write(%s) of an accepted document failed: %v\ninput: %q", format, err, in)
			}
		}
		var first, second bytes.Buffer
		if err := Write(&first, run, Options{Format: FormatJSON, All: true}); err != nil {
			t.Fatal(err)
		}
		again, err := ReadJSON(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("ReadJSON(Write(ReadJSON(%q))) error: %v", in, err)
		}
		if err := Write(&second, again, Options{Format: FormatJSON, All: true}); err != nil {
			t.Fatal(err)
		}
		if first.String() != second.String() {
			t.Errorf("json not stable across a round trip:\nfirst:\n%s\nsecond:\n%s", first.String(), second.String())
		}
	})
}
