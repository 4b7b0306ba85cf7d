package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ai-reading-list/linkcheck/internal/fakeweb"
)

// A run that could not finish leaves the state file byte for byte as the
// last completed run wrote it.
func TestStateUntouchedByIncompleteRuns(t *testing.T) {
	c := newCLI(t)
	statePath := filepath.Join(c.dir, "state.json")
	if code, _, stderr := c.run("check", "--state", statePath); code != exitFailing {
		t.Fatalf("completed run exited %d: %s", code, stderr)
	}
	saved, err := os.ReadFile(statePath)
	if err != nil {
		t.Fatalf("a completed run wrote no state: %v", err)
	}
	c.web.Handle("hang.test", fakeweb.Hang())
	c.web.Handle("gone.test", fakeweb.Page("A gone post", "<p>back</p>"))
	hanging := filepath.Join(c.dir, "hanging.yaml")
	writeFile(t, hanging, testCatalog+`      - id: hanging-post
        title: A post whose server never answers
        kind: post
        url: https://hang.test/post
`)
	offline := filepath.Join(c.dir, "offline.yaml")
	writeFile(t, offline, `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: a, title: A, kind: post, url: "https://a.invalid/x"}
      - {id: b, title: B, kind: post, url: "https://b.invalid/x"}
      - {id: c, title: C, kind: post, url: "https://c.invalid/x"}
`)
	tests := []struct {
		name string
		args []string
	}{
		{"--timeout", []string{"check", "--catalog", hanging, "--timeout", "1500ms", "--request-timeout", "1m"}},
		// report prints its partial report before it exits 3: the
		// history of a partial run must not be written with it.
		{"report, --timeout", []string{"report", "--catalog", hanging, "--timeout", "1500ms", "--request-timeout", "1m"}},
		{"network unavailable", []string{"check", "--catalog", offline}},
		{"unwritable output", []string{"check", "--output", filepath.Join(c.dir, "no-such-dir", "out.txt")}},
		{"report, unwritable output", []string{"report", "--output", filepath.Join(c.dir, "no-such-dir", "out.txt")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := c.run(append(tt.args, "--state", statePath)...)
			if code != exitCannotCheck {
				t.Fatalf("exit %d, want 3: %s", code, stderr)
			}
			if now, _ := os.ReadFile(statePath); string(now) != string(saved) {
				t.Errorf("the state file changed:\n%s\nwas\n%s", now, saved)
			}
		})
	}
	// The report command records a completed run too.
	if code, _, stderr := c.run("report", "--state", statePath); code != exitOK {
		t.Fatalf("report --state exited %d: %s", code, stderr)
	}
	if now, _ := os.ReadFile(statePath); string(now) == string(saved) {
		t.Errorf("report --state did not record its completed run")
	}
}

func TestStateFileProblems(t *testing.T) {
	c := newCLI(t)
	write := func(name, data string) string {
		p := filepath.Join(c.dir, name)
		writeFile(t, p, data)
		return p
	}
	corrupt := write("corrupt.json", `{"schema": "linkcheck.state/v1", "targets": {`)
	results := write("results.json", `{"schema": "linkcheck.report/v1", "results": []}`)
	array := write("array.json", `[{"schema": "linkcheck.state/v1", "targets": {}}]`)
	newer := write("newer.json", `{"schema": "linkcheck.state/v2", "targets": {}}`)
	catalogPath := write("another-catalog.yaml", testCatalog)
	dir := filepath.Join(c.dir, "a-directory")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// Only a state file is a history one may delete; a file that is not
	// one is someone's data, and a Go type means nothing to a user.
	neverSaid := []string{"delete", "Go value", "struct {"}
	tests := []struct {
		name    string
		path    string
		want    []string
		notWant []string
	}{
		{"not JSON", corrupt, []string{corrupt, "not valid JSON", "delete it to start a fresh history"}, nil},
		{"a saved run", results, []string{results, `is a saved linkcheck run (schema "linkcheck.report/v1"), not a state`, "give --state the state file"}, neverSaid},
		{"the catalog", catalogPath, []string{catalogPath, "holds YAML, perhaps a catalog, not a linkcheck state", "give --state the state file"}, neverSaid},
		{"a JSON array", array, []string{array, "holds a JSON array, not a linkcheck state"}, neverSaid},
		{"another version", newer, []string{newer, "written by another version of linkcheck", "run the linkcheck that wrote it"}, neverSaid},
		{"unreadable", dir, []string{dir, "give --state another file"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(tt.path)
			code, _, stderr := c.run("check", "--state", tt.path)
			if code != exitInvalid {
				t.Errorf("exit %d, want 2: %s", code, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr = %q, want it to contain %q", stderr, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(stderr, w) {
					t.Errorf("stderr = %q, want it not to say %q", stderr, w)
				}
			}
			if c.web.Requests("gone.test") != 0 {
				t.Errorf("the run checked links before refusing the state file")
			}
			if after, _ := os.ReadFile(tt.path); string(after) != string(before) {
				t.Errorf("the state file was modified")
			}
		})
	}
}

func TestFailAfterUsage(t *testing.T) {
	c := newCLI(t)
	c.web.Handle("gone.test", fakeweb.Status(http.StatusGone))
	withSetting := filepath.Join(c.dir, "with-state.yaml")
	writeFile(t, withSetting, strings.Replace(testCatalog, "version: 1\n", "version: 1\nsettings:\n  state: history/links.json\n", 1))
	if err := os.Mkdir(filepath.Join(c.dir, "history"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"above 1 without a state", []string{"check", "--fail-after", "2"}, exitInvalid, "--fail-after 2 needs --state"},
		{"zero", []string{"check", "--fail-after", "0", "--state", filepath.Join(c.dir, "s.json")}, exitInvalid, "invalid --fail-after 0"},
		{"report too", []string{"report", "--fail-after", "3"}, exitInvalid, "--fail-after 3 needs --state"},
		{"settings.state is enough", []string{"check", "--catalog", withSetting, "--fail-after", "2"}, exitFailing, ""},
		{"an empty --state turns settings.state off", []string{"check", "--catalog", withSetting, "--state", "", "--fail-after", "2"}, exitInvalid, "needs --state"},
		{"--state with --from", []string{"report", "--from", filepath.Join(c.dir, "x.json"), "--state", "s.json"}, exitInvalid, "already carries its history"},
		{"fix: --state with --from", []string{"fix", "--from", filepath.Join(c.dir, "x.json"), "--state", "s.json"}, exitInvalid, "already carries its history"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := c.run(tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("linkcheck %v = exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
			}
		})
	}
	// settings.state is relative to the catalog.
	if _, err := os.Stat(filepath.Join(c.dir, "history", "links.json")); err != nil {
		t.Errorf("settings.state did not write history/links.json beside the catalog: %v", err)
	}
}
