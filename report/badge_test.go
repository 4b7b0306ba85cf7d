package report

import (
	"bytes"
	"testing"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestNewBadge(t *testing.T) {
	res := func(ss ...status.Status) []result.Result {
		out := make([]result.Result, len(ss))
		for i, s := range ss {
			out[i] = result.Result{ID: "e", Status: s}
		}
		return out
	}
	pending := res(status.Broken, status.OK)
	pending[0].History.Pending = true
	tests := []struct {
		name          string
		results       []result.Result
		failOn        status.Set
		message, want string
	}{
		{"all ok, skipped not counted", res(status.OK, status.OK, status.Skipped), status.DefaultFailOn, "2/2 ok", badgeAllOK},
		{"attention, nothing failing", res(status.OK, status.Moved, status.Redirected), status.DefaultFailOn, "1/3 ok", badgeAttention},
		{"failing", res(status.Broken, status.OK, status.Broken), status.DefaultFailOn, "2 broken", badgeFailing},
		{"failing in severity order", res(status.Moved, status.Broken, status.Timeout), status.NewSet(status.Broken, status.Moved), "1 broken, 1 moved", badgeFailing},
		{"a watched failure does not fail yet", pending, status.DefaultFailOn, "1/2 ok", badgeAttention},
		{"nothing checked", res(status.Skipped), status.DefaultFailOn, "nothing checked", badgeNothing},
	}
	for _, tt := range tests {
		b := NewBadge(tt.results, tt.failOn)
		if b.Message != tt.message || b.Color != tt.want || b.SchemaVersion != 1 || b.Label != "links" {
			t.Errorf("NewBadge(%s) = %+v, want message %q, color %q", tt.name, b, tt.message, tt.want)
		}
	}
}

func TestBadgeGolden(t *testing.T) {
	tests := []struct {
		name   string
		run    Run
		failOn status.Set
	}{
		{"badge-failing", fixtureRun(), failOn},
		{"badge-attention", fixtureRun(), status.Set(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WriteBadge(&got, NewBadge(tt.run.Results, tt.failOn)); err != nil {
				t.Fatal(err)
			}
			matchGolden(t, tt.name, got.Bytes())
		})
	}
}
