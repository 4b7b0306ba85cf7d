package main

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// TestMain lets testscript run linkcheck as a real subprocess. The test
// binary prints "[exit N]" on stderr for a non-zero exit so that scripts
// can assert the exact exit code, which is part of the tool's contract.
func TestMain(m *testing.M) {
	fakeweb.RequireLoopback()
	testscript.Main(m, map[string]func(){
		"linkcheck": func() {
			e := systemEnv()
			if v := os.Getenv("LINKCHECK_TEST_NOW"); v != "" {
				now, err := time.Parse(time.DateOnly, v)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(99)
				}
				e.Now = func() time.Time { return now }
			}
			code := run(context.Background(), os.Args[1:], e)
			if code != 0 {
				fmt.Fprintf(os.Stderr, "[exit %d]\n", code)
			}
			os.Exit(code)
		},
	})
}

func TestScripts(t *testing.T) {
	web := fixWeb(t)
	testscript.Run(t, testscript.Params{
		Dir:  "testdata/script",
		Cmds: map[string]func(*testscript.TestScript, bool, []string){"fakecheck": fakecheckCmd(web)},
		Setup: func(env *testscript.Env) error {
			env.Setenv("LINKCHECK_TEST_NOW", "2026-11-27")
			env.Setenv("NO_COLOR", "")
			return nil
		},
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
	})
}
