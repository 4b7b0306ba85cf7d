package main

import (
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/ai-reading-list/linkcheck/checker"
)

// env is everything a command takes from the outside world, so that tests
// can run commands in-process with buffers, a fake clock and a fake web.
type env struct {
	In        io.Reader
	Out, Err  io.Writer
	OutIsTTY  bool
	ErrIsTTY  bool
	Getenv    func(string) string
	Now       func() time.Time
	TermWidth func() int
	// Hook adjusts the checker's options before a run; tests point the
	// checker at a fake web through it. Nil in production.
	Hook func(*checker.Options)
	// LimitMemory, when set, is told how many results a run will keep
	// (see limitMemory). Nil in tests.
	LimitMemory func(targets int)
}

func systemEnv() env {
	return env{
		In:       os.Stdin,
		Out:      os.Stdout,
		Err:      os.Stderr,
		OutIsTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrIsTTY: term.IsTerminal(int(os.Stderr.Fd())),
		Getenv:   os.Getenv,
		Now:      time.Now,
		// The soft memory limit is the process's: only a real run sets it.
		LimitMemory: limitMemory(os.Getenv),
		TermWidth: func() int {
			if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
				return w
			}
			return 0
		},
	}
}
