package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
	"github.com/ai-reading-list/linkcheck/checker"
)

// Exit codes: the tool's contract with CI, documented in README.md.
const (
	exitOK          = 0 // nothing to fail on
	exitFailing     = 1 // a result's status is in --fail-on
	exitInvalid     = 2 // invalid catalog or usage
	exitCannotCheck = 3 // could not check: network down, interrupted or timed out, unwritable output
)

// exitError carries an exit code through cobra's error return.
type exitError struct {
	code int
	err  error
	// quiet errors were already explained on stderr.
	quiet bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks err as the user's mistake in flags or arguments.
func usageError(err error) error { return &exitError{code: exitInvalid, err: err} }

// cannotCheck marks err as a failure to run the check (exit 3).
func cannotCheck(err error) error { return &exitError{code: exitCannotCheck, err: err} }

// failingError reports that results failed the policy; the report already
// said which.
func failingError(n int) error {
	return &exitError{code: exitFailing, err: fmt.Errorf("%d failing result(s)", n), quiet: true}
}

// exitCode is the one place that maps a command's error to an exit code.
func exitCode(err error) int {
	var ee *exitError
	var problems catalog.Problems
	var refused *catalogedit.RefusedError
	var unwritten *catalogedit.WriteError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &problems), errors.As(err, &refused):
		return exitInvalid
	case errors.As(err, &unwritten):
		return exitCannotCheck
	case errors.Is(err, checker.ErrNetworkUnavailable),
		errors.Is(err, context.Canceled),
		errors.Is(err, context.DeadlineExceeded):
		return exitCannotCheck
	default:
		// What is left comes from cobra itself (unknown command or flag,
		// bad arguments): the commands type every runtime error they return.
		return exitInvalid
	}
}

// isQuiet reports whether err was already explained to the user.
func isQuiet(err error) bool {
	var ee *exitError
	return errors.As(err, &ee) && ee.quiet
}
