package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot is every file under dir (links as their targets), to prove a
// refused command touched nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			files[path] = "-> " + target
		case !d.IsDir():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[path] = string(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for path, data := range after {
		if was, ok := before[path]; !ok {
			t.Errorf("%s was created", path)
		} else if was != data {
			t.Errorf("%s changed:\n%s\nwas\n%s", path, data, was)
		}
	}
	for path := range before {
		if _, ok := after[path]; !ok {
			t.Errorf("%s was removed", path)
		}
	}
}

// writesWorld is a directory with the test catalog, a state file, a saved
// run and links to them, for the write-safety tests.
func writesWorld(t *testing.T) (*cli, func(string) string) {
	t.Helper()
	c := newCLI(t)
	at := func(name string) string { return filepath.Join(c.dir, name) }
	if code, _, stderr := c.run("check", "--format", "json", "--output", at("results.json"), "--state", at("state.json")); code != exitFailing {
		t.Fatalf("the first check exited %d: %s", code, stderr)
	}
	writeFile(t, at("base.yaml"), testCatalog)
	writeFile(t, at("with-state.yaml"), strings.Replace(testCatalog, "version: 1\n", "version: 1\nsettings:\n  state: state.json\n", 1))
	writeFile(t, at("state-is-catalog.yaml"), strings.Replace(testCatalog, "version: 1\n", "version: 1\nsettings:\n  state: state-is-catalog.yaml\n", 1))
	if err := os.Mkdir(at("sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("resources.yaml", at("link.yaml")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	return c, at
}

// No output of any command may be a file the command reads (the catalog,
// the state file, the saved run, the base of --changed-from), whatever the
// path looks like: refused with exit 2 before the first request, every
// file as it was.
func TestOutputIsNeverAnInput(t *testing.T) {
	c, at := writesWorld(t)
	requests := len(c.web.Log())
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"check -o the catalog", []string{"check", "-o", at("resources.yaml")}, "--output " + at("resources.yaml") + " is the same file as --catalog"},
		{"check -o the catalog, relative", []string{"check", "-o", "sub/../resources.yaml"}, "is the same file as --catalog"},
		{"check -o a link to the catalog", []string{"check", "-o", at("link.yaml")}, "is the same file as --catalog"},
		{"check -o the state file", []string{"check", "--state", at("state.json"), "-o", at("state.json")}, "--output " + at("state.json") + " is the same file as --state"},
		{"check -o settings.state", []string{"check", "-c", at("with-state.yaml"), "-o", at("state.json")}, "is the same file as settings.state"},
		{"check --state the catalog", []string{"check", "--state", at("resources.yaml")}, "--state " + at("resources.yaml") + " is the same file as --catalog"},
		{"settings.state naming the catalog", []string{"check", "-c", at("state-is-catalog.yaml")}, "settings.state"},
		{"check -o the --changed-from base", []string{"check", "--changed-from", at("base.yaml"), "-o", at("base.yaml")}, "is the same file as --changed-from"},
		{"report -o the catalog", []string{"report", "-o", at("link.yaml")}, "is the same file as --catalog"},
		{"report --from -o the saved run", []string{"report", "--from", at("results.json"), "-o", at("results.json")}, "is the same file as --from"},
		{"report --from -o the catalog", []string{"report", "--from", at("results.json"), "-o", at("resources.yaml")}, "is the same file as --catalog"},
		{"check --badge the catalog", []string{"check", "--badge", at("link.yaml")}, "--badge " + at("link.yaml") + " is the same file as --catalog"},
		{"check --badge the state file", []string{"check", "--state", at("state.json"), "--badge", at("state.json")}, "--badge " + at("state.json") + " is the same file as --state"},
		{"check --badge the --output", []string{"check", "-o", at("out.json"), "--badge", "out.json"}, "is the same file as --badge"},
		{"report --from --badge the saved run", []string{"report", "--from", at("results.json"), "--badge", at("results.json")}, "--badge " + at("results.json") + " is the same file as --from"},
		{"report --badge the catalog", []string{"report", "--badge", at("resources.yaml")}, "is the same file as --catalog"},
		{"fix -o the catalog", []string{"fix", "-o", at("resources.yaml")}, "is the same file as --catalog"},
		{"fix --dry-run -o the catalog", []string{"fix", "--dry-run", "-o", at("resources.yaml")}, "is the same file as --catalog"},
		{"fix --from -o the catalog", []string{"fix", "--from", at("results.json"), "-o", at("resources.yaml")}, "is the same file as --catalog"},
		{"fix --from -o the saved run", []string{"fix", "--from", at("results.json"), "-o", at("results.json")}, "is the same file as --from"},
		{"fix -o settings.state", []string{"fix", "-c", at("with-state.yaml"), "-o", at("state.json")}, "is the same file as settings.state"},
		{"fix --from -o settings.state", []string{"fix", "-c", at("with-state.yaml"), "--from", at("results.json"), "-o", at("state.json")}, "is the same file as settings.state"},
	}
	t.Chdir(c.dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, c.dir)
			code, _, stderr := c.run(tt.args...)
			if code != exitInvalid || !strings.Contains(stderr, tt.want) {
				t.Errorf("linkcheck %v = exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
			}
			if n := len(c.web.Log()) - requests; n > 0 {
				t.Errorf("%d requests were sent before the refusal", n)
			}
			sameSnapshot(t, before, snapshot(t, c.dir))
		})
	}
}

// A file the run could not write is found before the first request (exit
// 3), not after every request; nothing is written, and a state file in a
// missing directory is not announced as started.
func TestUnwritableFoundBeforeTheFirstRequest(t *testing.T) {
	c, at := writesWorld(t)
	writeFile(t, at("a-file"), "")
	requests := len(c.web.Log())
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"check -o in a missing directory", []string{"check", "-o", at("missing/out.json")}, "--output: cannot write " + at("missing/out.json") + ": directory " + at("missing") + " does not exist"},
		{"check -o a directory", []string{"check", "-o", at("sub")}, "not a regular file"},
		{"check --state in a missing directory", []string{"check", "--state", at("missing/state.json")}, "--state: cannot write " + at("missing/state.json")},
		{"check -o under a file", []string{"check", "-o", at("a-file/out.json")}, at("a-file") + " is not a directory"},
		{"report -o in a missing directory", []string{"report", "-o", at("missing/report.md")}, "does not exist"},
		{"check --badge in a missing directory", []string{"check", "--badge", at("missing/badge.json")}, "--badge: cannot write " + at("missing/badge.json")},
		{"report --from --badge a directory", []string{"report", "--from", at("results.json"), "--badge", at("sub")}, "--badge: cannot write"},
		{"fix -o in a missing directory", []string{"fix", "-o", at("missing/pr.md")}, "does not exist"},
		{"fix --dry-run -o in a missing directory", []string{"fix", "--dry-run", "-o", at("missing/pr.md")}, "does not exist"},
		{"fix --from -o in a missing directory", []string{"fix", "--from", at("results.json"), "-o", at("missing/pr.md")}, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, c.dir)
			code, _, stderr := c.run(tt.args...)
			if code != exitCannotCheck || !strings.Contains(stderr, tt.want) {
				t.Errorf("linkcheck %v = exit %d, stderr %q; want 3 and %q", tt.args, code, stderr, tt.want)
			}
			if strings.Contains(stderr, "no history in") {
				t.Errorf("stderr %q announces a history that cannot be written", stderr)
			}
			if n := len(c.web.Log()) - requests; n > 0 {
				t.Errorf("%d requests were sent before the refusal", n)
			}
			sameSnapshot(t, before, snapshot(t, c.dir))
		})
	}
}

// fix applies a run and records none: with the catalog's settings.state,
// neither fix nor fix --dry-run adds a run to the history (which would make
// the next check's --fail-after count a night twice), and --state and
// --fail-after are refused.
func TestFixNeverWritesTheState(t *testing.T) {
	c, at := writesWorld(t)
	catalog := at("with-state.yaml")
	if code, _, stderr := c.run("check", "-c", catalog); code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	saved, err := os.ReadFile(at("state.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"fix", "-c", catalog, "--dry-run"},
		{"fix", "-c", catalog},
	} {
		code, _, stderr := c.run(args...)
		if code != exitOK {
			t.Errorf("linkcheck %v exited %d: %s", args, code, stderr)
		}
		if now, _ := os.ReadFile(at("state.json")); string(now) != string(saved) {
			t.Errorf("linkcheck %v changed the state file:\n%s\nwas\n%s", args, now, saved)
		}
	}
	requests := len(c.web.Log())
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"fix", "--state", at("state.json")}, "fix records no run"},
		{[]string{"fix", "-c", catalog, "--fail-after", "2"}, "fix keeps no history"},
	} {
		code, _, stderr := c.run(tt.args...)
		if code != exitInvalid || !strings.Contains(stderr, tt.want) {
			t.Errorf("linkcheck %v = exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	if len(c.web.Log()) != requests {
		t.Errorf("fix sent requests before refusing --state or --fail-after")
	}
}

// A catalog behind a symbolic link is fixed through it: the link stays a
// link, the file it names gets the fix and keeps its mode.
func TestFixWritesThroughALink(t *testing.T) {
	c, at := writesWorld(t)
	if err := os.Chmod(at("resources.yaml"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := c.run("fix", "-c", at("link.yaml"))
	if code != exitOK {
		t.Fatalf("fix exited %d: %s", code, stderr)
	}
	if fi, err := os.Lstat(at("link.yaml")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("fix replaced the link with a file (%v, %v)", fi.Mode(), err)
	}
	got, _ := os.ReadFile(at("resources.yaml"))
	if !strings.Contains(string(got), "url: https://ok.test/new-home") {
		t.Errorf("the linked catalog was not fixed:\n%s", got)
	}
	if fi, err := os.Stat(at("resources.yaml")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the linked catalog's mode = %v (%v), want 0600 kept", fi.Mode().Perm(), err)
	}
}

// The state file and the report behind symbolic links are written through
// them, as the catalog is by fix.
func TestCheckWritesThroughLinks(t *testing.T) {
	c, at := writesWorld(t)
	if err := os.Mkdir(at("kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, link := range []struct{ name, target string }{
		{"state-link.json", "kept/state.json"},
		{"report-link.json", "kept/report.json"},
	} {
		if err := os.Symlink(link.target, at(link.name)); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := c.run("check", "--state", at("state-link.json"), "--format", "json", "-o", at("report-link.json"))
	if code != exitFailing {
		t.Fatalf("check exited %d: %s", code, stderr)
	}
	for _, name := range []string{"state-link.json", "report-link.json"} {
		if fi, err := os.Lstat(at(name)); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("check replaced the link %s with a file (%v, %v)", name, fi.Mode(), err)
		}
	}
	if data, err := os.ReadFile(at("kept/state.json")); err != nil || !strings.Contains(string(data), `"linkcheck.state/v1"`) {
		t.Errorf("the state did not reach the file its link names: %v", err)
	}
	if data, err := os.ReadFile(at("kept/report.json")); err != nil || !strings.Contains(string(data), `"linkcheck.report/v1"`) {
		t.Errorf("the report did not reach the file its link names: %v", err)
	}
}
