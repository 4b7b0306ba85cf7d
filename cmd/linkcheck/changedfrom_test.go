package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestChangedFromVerdictFields: under --changed-from, an edit to any key
// that decides a verdict (ignore, accept, alternates) makes the entry
// checked, while an edit to a note does not.
func TestChangedFromVerdictFields(t *testing.T) {
	const gone = `      - id: gone-post
        title: A gone post
        kind: post
        url: https://gone.test/post
`
	tests := []struct {
		name    string
		base    string // gone-post as it was
		checked bool
	}{
		{"ignore removed", gone + "        ignore: {reason: migrating, until: 2999-01-01}\n", true},
		{"accept removed", gone + "        accept: [{code: 404, reason: gone on purpose}]\n", true},
		{"alternates removed", gone + "        alternates: [https://ok.test/fine]\n", true},
		{"note removed", gone + "        note: an old note\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCLI(t)
			base := filepath.Join(c.dir, "base.yaml")
			writeFile(t, base, strings.Replace(testCatalog, gone, tt.base, 1))
			code, stdout, stderr := c.run("check", "--changed-from", base, "--format", "json")
			if checked := c.web.Requests("gone.test") > 0; checked != tt.checked {
				t.Errorf("gone-post fetched = %v, want %v\nstdout:\n%s\nstderr:\n%s", checked, tt.checked, stdout, stderr)
			}
			if want := map[bool]int{true: exitFailing, false: exitOK}[tt.checked]; code != want {
				t.Errorf("check --changed-from exited %d, want %d", code, want)
			}
		})
	}
}
