package state

import (
	"reflect"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// FuzzParse: any bytes are either refused with an error or read into a
// state that writes back to the same state.
func FuzzParse(f *testing.F) {
	good, _ := Marshal(sample())
	f.Add(good)
	f.Add([]byte(`{"schema": "linkcheck.state/v1", "targets": {"a/url": {"status": "ok", "runs": 1, "since": "2026-01-01T00:00:00Z", "last_checked": "2026-01-01T00:00:00Z"}}}`))
	f.Add([]byte(`{"schema": "linkcheck.state/v1"}`))
	two, _ := Marshal(Merge(nil, []result.Result{repo("e", "Acme/Tool", status.OK), repo("e", "acme/old", status.Broken)}, runAt(0), Options{}).State)
	f.Add(two)
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := parse("state.json", data)
		if err != nil {
			return
		}
		out, err := Marshal(s)
		if err != nil {
			t.Fatalf("Marshal of a parsed state: %v", err)
		}
		again, err := parse("state.json", out)
		if err != nil {
			t.Fatalf("parse(Marshal(s)): %v\n%s", err, out)
		}
		// Times are written to the second in UTC: compare what was written.
		out2, _ := Marshal(again)
		if string(out) != string(out2) || !reflect.DeepEqual(len(again.Targets), len(s.Targets)) {
			t.Fatalf("state does not round-trip:\n%s\n%s", out, out2)
		}
	})
}
