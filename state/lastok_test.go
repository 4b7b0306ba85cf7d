package state

import (
	"testing"
	"time"

	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

func TestLastOK(t *testing.T) {
	alive := time.Date(2025, 5, 12, 6, 0, 0, 0, time.UTC)
	post := result.Result{ID: "post", Target: result.TargetURL, URL: "https://e.com/post"}
	s := New()
	s.Targets[KeyOf(post)] = Target{Status: status.Broken, LastOK: alive}
	s.Targets[KeyOf(result.Result{ID: "never", Target: result.TargetURL, URL: "https://e.com/never"})] = Target{Status: status.Broken}

	tests := []struct {
		name  string
		state *State
		r     result.Result
		want  time.Time
	}{
		{"remembered", s, post, alive},
		{"the same url written otherwise", s, result.Result{ID: "post", Target: result.TargetURL, URL: "HTTPS://E.com:443/post#top"}, alive},
		{"never ok", s, result.Result{ID: "never", Target: result.TargetURL, URL: "https://e.com/never"}, time.Time{}},
		{"another url of the entry", s, result.Result{ID: "post", Target: result.TargetURL, URL: "https://e.com/other"}, time.Time{}},
		{"not remembered", s, result.Result{ID: "new", Target: result.TargetURL, URL: "https://e.com/new"}, time.Time{}},
		{"no history", nil, post, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.state.LastOK(tt.r); !got.Equal(tt.want) {
				t.Errorf("LastOK(%s) = %v, want %v", tt.r.URL, got, tt.want)
			}
		})
	}
}
