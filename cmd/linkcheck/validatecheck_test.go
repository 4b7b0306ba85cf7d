package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/checker"
)

// TestValidateAgreesWithCheck: for each catalog, validate says valid only
// when check accepts it (check may still fail on its results, exit 1, but
// never refuses it, exit 2).
func TestValidateAgreesWithCheck(t *testing.T) {
	withSettings := func(settings string) string {
		return strings.Replace(testCatalog, "version: 1\n", "version: 1\nsettings:\n"+settings, 1)
	}
	tests := []struct {
		name    string
		catalog string
		valid   bool
		message string // in validate's output when invalid
	}{
		{"no settings", testCatalog, true, ""},
		{"arXiv limits under one name", withSettings("  hosts:\n    export.arxiv.org: {rate: 1/5s}\n"), true, ""},
		{"arxiv.org and export.arxiv.org", withSettings("  hosts:\n    arxiv.org: {rate: 1/3s}\n    export.arxiv.org: {rate: 1/5s}\n"), false,
			`hosts "arxiv.org" and "export.arxiv.org" both set the limits of arxiv.org`},
		{"a host with and without its dot", withSettings("  hosts:\n    ok.test: {rate: 1}\n    ok.test.: {rate: 2}\n"), false,
			`hosts "ok.test" and "ok.test." both set the limits of ok.test`},
		{"a host with a port", withSettings("  hosts:\n    ok.test:443: {rate: 1}\n"), false, `host "ok.test:443" must be a lower-case host name`},
		{"zero retries", withSettings("  retries: 0\n"), true, ""},
		{"zero concurrency", withSettings("  concurrency: 0\n"), false, "concurrency must be at least 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			path := filepath.Join(c.dir, "resources.yaml")
			writeFile(t, path, tt.catalog)
			vcode, stdout, stderr := c.run("validate", "--catalog", path)
			if valid := vcode == exitOK; valid != tt.valid {
				t.Fatalf("validate exited %d, want valid = %v\n%s%s", vcode, tt.valid, stdout, stderr)
			}
			if !strings.Contains(stderr, tt.message) {
				t.Errorf("validate stderr = %q, want %q", stderr, tt.message)
			}
			ccode, _, cerr := c.run("check", "--retries", "0")
			if refused := ccode == exitInvalid; refused == tt.valid {
				t.Errorf("validate exited %d but check exited %d: %s", vcode, ccode, cerr)
			}
		})
	}
}

// TestValidateRunsCheckSetup: validate goes through check's own setup
// (flags and settings into checker options, the checker's validation), so
// a rule only the checker knows still makes validate fail. The hook
// stands for such a rule.
func TestValidateRunsCheckSetup(t *testing.T) {
	c := newCLI(t)
	c.hook = func(o *checker.Options) { o.HostRate = -1 }
	code, stdout, stderr := c.run("validate", "--catalog", filepath.Join(c.dir, "resources.yaml"))
	if code != exitInvalid || !strings.Contains(stderr, "check refuses these settings") || !strings.Contains(stdout, "invalid (1 problem)") {
		t.Errorf("validate = exit %d\n%s%s\nwant exit 2 and the checker's refusal", code, stdout, stderr)
	}
	if code, _, _ := c.run("check"); code != exitInvalid {
		t.Errorf("check exited %d, want %d", code, exitInvalid)
	}
}
