package report

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// TestStreamJSONIsTheWholeDocument holds the streamed JSON to the bytes
// encoding/json writes for the whole document at once, for every shape of
// run: results listed or not, none at all, partial, with history and a
// resolved list, titles and URLs with characters HTML would escape.
func TestStreamJSONIsTheWholeDocument(t *testing.T) {
	partial := fixtureRun()
	partial.Partial, partial.Stop, partial.NotReached = true, StopInterrupted, 4
	empty := Run{Catalog: "empty.yaml", StartedAt: time.Date(2025, 6, 1, 9, 30, 0, 0, time.UTC)}
	escapes := fixtureRun()
	escapes.Results = escapes.Results[:1]
	escapes.Results[0].Title = `<b>Tom & Jerry</b> "quoted"`
	escapes.Results[0].URL = "https://example.com/a?b=1&c=<2>"
	runs := map[string]Run{
		"fixture": fixtureRun(),
		"partial": partial,
		"history": historyRun(),
		"empty":   empty,
		"escapes": escapes,
	}
	for name, run := range runs {
		for _, all := range []bool{false, true} {
			opts := Options{Format: FormatJSON, All: all}
			var got bytes.Buffer
			if err := streamJSON(&got, run, opts); err != nil {
				t.Fatalf("%s: streamJSON: %v", name, err)
			}
			want := wholeJSON(t, run, opts)
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("%s (all=%v): streamed JSON differs from the whole document:\n got: %s\nwant: %s", name, all, got.Bytes(), want)
			}
		}
	}
}

// wholeJSON encodes the run the simple way, as one value.
func wholeJSON(t *testing.T, run Run, opts Options) []byte {
	t.Helper()
	doc := jsonRun{
		jsonHead: headOf(run),
		Results:  []jsonResult{},
		Resolved: resolvedToJSON(run.Resolved),
	}
	for _, r := range listed(run.Results, opts) {
		doc.Results = append(doc.Results, toJSON(r))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
