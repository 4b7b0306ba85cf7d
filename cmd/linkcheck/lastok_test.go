package main

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/state"
)

// TestLastOKFromHistory: the moment up to which a gone link's archived
// copy is looked for comes from the state file a run wrote: when the link
// was last ok, zero for one never ok and for a run without history.
func TestLastOKFromHistory(t *testing.T) {
	c := newCLI(t)
	statePath := filepath.Join(c.dir, "state.json")
	week0 := time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)
	c.now = func() time.Time { return week0 }
	if code, _, stderr := c.run("check", "--state", statePath, "--format", "json"); code != exitFailing {
		t.Fatalf("check exited %d, want 1 (the 404)\n%s", code, stderr)
	}
	prev, err := state.Load(statePath)
	if err != nil {
		t.Fatal(err)
	}
	mem := &memory{prev: prev}
	tests := []struct {
		name string
		mem  *memory
		r    result.Result
		want time.Time
	}{
		{"ok last run", mem, result.Result{ID: "fine-post", Target: result.TargetURL, URL: "https://ok.test/fine"}, week0},
		{"never ok", mem, result.Result{ID: "gone-post", Target: result.TargetURL, URL: "https://gone.test/post"}, time.Time{}},
		{"no history", nil, result.Result{ID: "fine-post", Target: result.TargetURL, URL: "https://ok.test/fine"}, time.Time{}},
	}
	for _, tt := range tests {
		if got := tt.mem.lastOK(tt.r); !got.Equal(tt.want) {
			t.Errorf("%s: lastOK(%s) = %v, want %v", tt.name, tt.r.ID, got, tt.want)
		}
	}
}
