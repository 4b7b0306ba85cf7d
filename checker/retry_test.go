package checker

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
	"github.com/ai-reading-list/linkcheck/status"
)

// TestRetriesOption: Retries counts the tries after the first; zero, or a
// negative value, means none.
func TestRetriesOption(t *testing.T) {
	w := fakeweb.New(t)
	w.Handle("boom.example", fakeweb.Status(http.StatusInternalServerError))
	tests := []struct{ retries, attempts int }{
		{-1, 1},
		{0, 1},
		{1, 2},
		{DefaultOptions().Retries, 1 + DefaultRetries},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.retries), func(t *testing.T) {
			o := testOptions(w)
			o.Retries = tt.retries
			before := w.Requests("boom.example")
			r := checkOne(t, newChecker(t, o), "https://boom.example/")
			sent := w.Requests("boom.example") - before
			if r.Status != status.Error || r.Attempts != tt.attempts || sent != tt.attempts {
				t.Errorf("check with Retries %d = %v after %d attempts, %d requests; want error after %d",
					tt.retries, r.Status, r.Attempts, sent, tt.attempts)
			}
		})
	}
}
