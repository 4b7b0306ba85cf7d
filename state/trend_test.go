package state

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// Each merged run adds its counts to the trend, which keeps the last
// MaxTrend runs, oldest first, and survives a save and a load.
func TestMergeKeepsTheTrend(t *testing.T) {
	week0 := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
	var s *State
	for i := range MaxTrend + 3 {
		results := []result.Result{
			{ID: "a", Target: result.TargetURL, URL: "https://a.test/", Status: status.OK},
			{ID: "b", Target: result.TargetURL, URL: "https://b.test/", Status: status.Broken},
			{ID: "c", Target: result.TargetURL, URL: "https://c.test/", Status: status.Skipped},
		}
		if i%2 == 1 {
			results[0].Status = status.Moved
		}
		s = Merge(s, results, week0.AddDate(0, 0, 7*i), Options{}).State
	}
	if len(s.Trend) != MaxTrend {
		t.Fatalf("trend has %d runs, want %d", len(s.Trend), MaxTrend)
	}
	if first := week0.AddDate(0, 0, 7*3); !s.Trend[0].At.Equal(first) {
		t.Errorf("oldest run kept is %v, want %v (the three oldest dropped)", s.Trend[0].At, first)
	}
	last := s.Trend[len(s.Trend)-1]
	want := map[status.Status]int{status.OK: 1, status.Broken: 1, status.Skipped: 1}
	if !reflect.DeepEqual(last.Counts, want) || last.Attention() != 1 {
		t.Errorf("last run counts %v (attention %d), want %v (attention 1)", last.Counts, last.Attention(), want)
	}
	if got := s.Trend[len(s.Trend)-2]; got.Attention() != 2 {
		t.Errorf("the run before counts %v, want 2 needing attention", got.Counts)
	}
	path := filepath.Join(t.TempDir(), "state.json")
	if err := Save(path, s); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(loaded.Trend, s.Trend) {
		t.Errorf("trend after a save and a load:\n%v\nwant\n%v", loaded.Trend, s.Trend)
	}
}

// A state written before the trend was kept loads, with no trend, and the
// next run starts one.
func TestOldStateWithoutTrend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	const old = `{
  "schema": "linkcheck.state/v1",
  "targets": {
    "a/url": {"last_checked": "2026-11-23T06:00:00Z", "runs": 3, "since": "2026-11-09T06:00:00Z", "status": "broken", "url": "https://a.test/"}
  },
  "updated_at": "2026-11-23T06:00:00Z"
}
`
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatalf("Load(an old state) error: %v", err)
	}
	if len(s.Trend) != 0 || len(s.Targets) != 1 {
		t.Fatalf("old state loaded as %d targets and trend %v", len(s.Targets), s.Trend)
	}
	next := Merge(s, []result.Result{{ID: "a", Target: result.TargetURL, URL: "https://a.test/", Status: status.Broken}},
		time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC), Options{}).State
	if len(next.Trend) != 1 || next.Trend[0].Counts[status.Broken] != 1 {
		t.Errorf("the next run's trend is %v, want one run with 1 broken", next.Trend)
	}
}

func TestLoadBadTrend(t *testing.T) {
	tests := []struct{ name, trend string }{
		{"bad time", `[{"at": "last week", "counts": {}}]`},
		{"unknown status", `[{"at": "2026-11-23T06:00:00Z", "counts": {"rotten": 1}}]`},
		{"negative count", `[{"at": "2026-11-23T06:00:00Z", "counts": {"ok": -1}}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.json")
			doc := `{"schema": "linkcheck.state/v1", "targets": {}, "trend": ` + tt.trend + `}`
			if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
				t.Fatal(err)
			}
			var corrupt *CorruptError
			if _, err := Load(path); !errors.As(err, &corrupt) {
				t.Errorf("Load(trend %s) = %v, want a *CorruptError", tt.trend, err)
			}
		})
	}
}
