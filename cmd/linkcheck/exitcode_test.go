package main

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
	"github.com/ai-reading-list/linkcheck/checker"
)

// exitCode maps every typed error a command returns, wrapped or not, to
// the exit code the README promises.
func TestExitCode(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"none", nil, exitOK},
		{"failing results", failingError(2), exitFailing},
		{"usage", usageError(boom), exitInvalid},
		{"cannot check", cannotCheck(boom), exitCannotCheck},
		{"catalog problems", catalog.Problems{{File: "c.yaml", Line: 1, Column: 1, Message: "bad"}}, exitInvalid},
		{"a fix refused", &catalogedit.RefusedError{Err: boom}, exitInvalid},
		{"a fix refused, wrapped", fmt.Errorf("fix: %w", &catalogedit.RefusedError{Err: boom}), exitInvalid},
		{"a fix not written", &catalogedit.WriteError{Err: boom}, exitCannotCheck},
		{"a fix not written, wrapped", fmt.Errorf("fix: %w", &catalogedit.WriteError{Err: boom}), exitCannotCheck},
		{"a fix stopped", fmt.Errorf("fix c.yaml stopped before writing: %w", context.Canceled), exitCannotCheck},
		{"network down", fmt.Errorf("check: %w", checker.ErrNetworkUnavailable), exitCannotCheck},
		{"timed out", context.DeadlineExceeded, exitCannotCheck},
		{"cobra's own", boom, exitInvalid},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%s: %v) = %d, want %d", tt.name, tt.err, got, tt.want)
		}
	}
}
