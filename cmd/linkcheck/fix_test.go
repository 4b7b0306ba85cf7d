package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Without --from, fix checks first (over the fake web), then rewrites the
// catalog atomically, keeping its permissions; run again, it checks the
// fixed catalog and finds nothing to do.
func TestFixChecksThenRewrites(t *testing.T) {
	c := newCLI(t)
	path := filepath.Join(c.dir, "resources.yaml")
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := c.run("fix")
	if code != exitOK {
		t.Fatalf("fix exited %d: %s", code, stderr)
	}
	want := strings.Replace(testCatalog, "url: https://old.test/post", "url: https://ok.test/new-home", 1)
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("catalog after fix =\n%s\nwant\n%s", got, want)
	}
	if !strings.Contains(stdout, "moved-post: url https://old.test/post → https://ok.test/new-home (moved: 301 ") {
		t.Errorf("fix printed %q, want the change with its redirect", stdout)
	}
	if !strings.Contains(stdout, "gone-post (broken): HTTP 404") {
		t.Errorf("fix printed %q, want the broken entry listed for a human", stdout)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("catalog mode after fix = %v (%v), want 0600 kept", fi.Mode().Perm(), err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(c.dir, ".resources.yaml.tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}

	code, _, stderr = c.run("fix")
	if code != exitOK || !strings.Contains(stderr, "nothing to fix in ") {
		t.Errorf("second fix exited %d, stderr %q; want nothing to fix", code, stderr)
	}
	if again, _ := os.ReadFile(path); string(again) != want {
		t.Errorf("second fix changed the catalog:\n%s", again)
	}
}

// A check that cannot run (no host answers: the runner has no network)
// exits 3 and leaves the catalog alone.
func TestFixCannotCheck(t *testing.T) {
	c := newCLI(t)
	path := filepath.Join(c.dir, "resources.yaml")
	writeFile(t, path, `version: 1
sections:
  - id: posts
    title: Posts
    resources:
      - {id: a, title: A, kind: post, url: "https://a.invalid/x"}
      - {id: b, title: B, kind: post, url: "https://b.invalid/x"}
      - {id: c, title: C, kind: post, url: "https://c.invalid/x"}
`)
	before, _ := os.ReadFile(path)
	code, _, stderr := c.run("fix")
	if code != exitCannotCheck || !strings.Contains(stderr, "network unavailable") {
		t.Fatalf("fix exited %d, want %d and \"network unavailable\": %s", code, exitCannotCheck, stderr)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("fix changed the catalog although it could not check")
	}
}
