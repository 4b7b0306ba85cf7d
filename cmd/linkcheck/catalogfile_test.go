package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every command that checks, fixes or reports on a catalog refuses an
// invalid one the same way, before the first request: each problem on
// stderr as validate prints it, nothing else, exit 2; a catalog it cannot
// read at all is named, with the flag that names another.
func TestInvalidCatalogRefusedAlike(t *testing.T) {
	c := newCLI(t)
	at := func(name string) string { return filepath.Join(c.dir, name) }
	if code, _, stderr := c.run("check", "--format", "json", "-o", at("results.json")); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	writeFile(t, at("invalid.yaml"), strings.Replace(testCatalog, "id: fine", "id: Fine", 1))
	writeFile(t, at("twice.yaml"), strings.Replace(strings.Replace(testCatalog, "id: fine", "id: Fine", 1), "id: moved-post", "id: Moved", 1))
	requests := len(c.web.Log())
	one := at("invalid.yaml") + `:13:13: id "Fine-post" must be kebab-case`
	tests := []struct {
		args   []string
		stderr []string // the lines, in order
	}{
		{[]string{"check", "-c", at("invalid.yaml")}, []string{one}},
		{[]string{"report", "-c", at("invalid.yaml")}, []string{one}},
		{[]string{"report", "-c", at("invalid.yaml"), "--from", at("results.json")}, []string{one}},
		{[]string{"fix", "-c", at("invalid.yaml")}, []string{one}},
		{[]string{"fix", "-c", at("invalid.yaml"), "--from", at("results.json")}, []string{one}},
		{[]string{"fix", "-c", at("twice.yaml"), "--dry-run"}, []string{at("twice.yaml") + ":13:13: ", at("twice.yaml") + ":21:13: "}},
		{[]string{"check", "-c", at("missing.yaml")}, []string{"linkcheck: read catalog " + at("missing.yaml") + ": open " + at("missing.yaml") + ": no such file or directory (use --catalog to name another file)"}},
		{[]string{"fix", "-c", at("missing.yaml"), "--from", at("results.json")}, []string{"linkcheck: read catalog " + at("missing.yaml") + ": open " + at("missing.yaml") + ": no such file or directory (use --catalog to name another file)"}},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(strings.Join(tt.args, " "), c.dir+string(filepath.Separator), ""), func(t *testing.T) {
			before := snapshot(t, c.dir)
			code, stdout, stderr := c.run(tt.args...)
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if code != exitInvalid || stdout != "" || len(lines) != len(tt.stderr) {
				t.Fatalf("linkcheck %v = exit %d, stdout %q, stderr %q; want exit 2, nothing on stdout and %d lines on stderr", tt.args, code, stdout, stderr, len(tt.stderr))
			}
			for i, want := range tt.stderr {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("linkcheck %v: stderr line %d = %q, want %q", tt.args, i+1, lines[i], want)
				}
			}
			sameSnapshot(t, before, snapshot(t, c.dir))
		})
	}
	if n := len(c.web.Log()) - requests; n > 0 {
		t.Errorf("%d requests were sent for an invalid catalog", n)
	}
}
