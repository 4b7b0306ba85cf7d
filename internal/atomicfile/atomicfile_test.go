package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

// A path through symbolic links, the file itself or its directory, is
// written in the file the links name: the links stay links, the file keeps
// its mode, and nothing is left beside it.
func TestWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(real, "catalog.yaml")
	write(t, target, "old\n", 0o600)
	symlink(t, "real/catalog.yaml", filepath.Join(dir, "relative-link.yaml"))
	symlink(t, target, filepath.Join(dir, "absolute-link.yaml"))
	symlink(t, "relative-link.yaml", filepath.Join(dir, "link-to-link.yaml"))
	symlink(t, "real", filepath.Join(dir, "linked-dir"))
	tests := []struct {
		name string
		path string
		link bool // path itself is a link
	}{
		{"the file", target, false},
		{"a relative link", filepath.Join(dir, "relative-link.yaml"), true},
		{"an absolute link", filepath.Join(dir, "absolute-link.yaml"), true},
		{"a link to a link", filepath.Join(dir, "link-to-link.yaml"), true},
		{"a linked directory", filepath.Join(dir, "linked-dir", "catalog.yaml"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := "new through " + tt.name + "\n"
			if err := WriteBytes(tt.path, []byte(want)); err != nil {
				t.Fatalf("WriteBytes(%s): %v", tt.path, err)
			}
			if got, _ := os.ReadFile(target); string(got) != want {
				t.Errorf("the real file holds %q, want %q", got, want)
			}
			if fi, err := os.Lstat(tt.path); err != nil || tt.link && fi.Mode()&os.ModeSymlink == 0 {
				t.Errorf("%s is no longer a link (%v, %v)", tt.path, fi.Mode(), err)
			}
			if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o600 {
				t.Errorf("mode after the write = %v (%v), want 0600 kept", fi.Mode().Perm(), err)
			}
			for _, d := range []string{dir, real} {
				if left, _ := filepath.Glob(filepath.Join(d, ".*tmp-*")); len(left) > 0 {
					t.Errorf("temporary files left behind: %v", left)
				}
			}
		})
	}
}

// A link to a file not yet created creates the file where it points; a new
// file gets 0644.
func TestWriteDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "state.json")
	symlink(t, "history/state.json", link)
	if err := os.Mkdir(filepath.Join(dir, "history"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(link, []byte("{}\n")); err != nil {
		t.Fatalf("WriteBytes: %v", err)
	}
	fi, err := os.Stat(filepath.Join(dir, "history", "state.json"))
	if err != nil || fi.Mode().Perm() != newFileMode {
		t.Fatalf("the link's target = %v, %v; want a new 0644 file", fi, err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", fi, err)
	}
}

func TestResolve(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "a.yaml"), "a", 0o644)
	symlink(t, "a.yaml", filepath.Join(dir, "link.yaml"))
	symlink(t, dir, filepath.Join(dir, "self"))
	symlink(t, "loop2", filepath.Join(dir, "loop1"))
	symlink(t, "loop1", filepath.Join(dir, "loop2"))
	t.Chdir(dir)
	tests := []struct {
		path string
		want string
	}{
		{"a.yaml", filepath.Join(dir, "a.yaml")},
		{"./self/../a.yaml", filepath.Join(dir, "a.yaml")},
		{"link.yaml", filepath.Join(dir, "a.yaml")},
		{"self/link.yaml", filepath.Join(dir, "a.yaml")},
		{"new.json", filepath.Join(dir, "new.json")},
		{"self/missing/dir/new.json", filepath.Join(dir, "missing", "dir", "new.json")},
	}
	for _, tt := range tests {
		if got, err := Resolve(tt.path); err != nil || got != tt.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.path, got, err, tt.want)
		}
	}
	if got, err := Resolve("loop1"); err == nil {
		t.Errorf("Resolve(loop1) = %q, want an error for a loop of links", got)
	}
}

// A write that fails leaves the file as it was and nothing beside it.
func TestWriteFailureKeepsTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	write(t, path, "before\n", 0o644)
	boom := errors.New("boom")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Write = %v, want the writer's error", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "before\n" {
		t.Errorf("file after a failed write = %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".out.md.tmp-*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// Prepared content changes nothing until it is committed; discarded, it
// leaves nothing behind.
func TestPrepareCommitDiscard(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	write(t, a, "a0", 0o644)
	write(t, b, "b0", 0o644)
	pa, err := Prepare(a, func(w io.Writer) error { _, err := io.WriteString(w, "a1"); return err })
	if err != nil {
		t.Fatal(err)
	}
	pb, err := Prepare(b, func(w io.Writer) error { _, err := io.WriteString(w, "b1"); return err })
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(a); string(got) != "a0" {
		t.Errorf("a prepared file changed before Commit: %q", got)
	}
	if err := pa.Commit(); err != nil {
		t.Fatal(err)
	}
	pa.Discard()
	pb.Discard()
	if got, _ := os.ReadFile(a); string(got) != "a1" {
		t.Errorf("committed a = %q, want a1", got)
	}
	if got, _ := os.ReadFile(b); string(got) != "b0" {
		t.Errorf("discarded b = %q, want b0", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// CheckWritable says why a file could not be written, and never changes
// one that could.
func TestCheckWritable(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "state.json")
	write(t, existing, "keep me", 0o600)
	file := filepath.Join(dir, "a-file")
	write(t, file, "", 0o644)
	tests := []struct {
		name string
		path string
		want string // "" when writable
	}{
		{"an existing file", existing, ""},
		{"a new file", filepath.Join(dir, "new.md"), ""},
		{"a missing directory", filepath.Join(dir, "missing", "out.md"), "does not exist"},
		{"a directory", dir, "not a regular file"},
		{"under a file", filepath.Join(file, "out.md"), "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckWritable(tt.path)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("CheckWritable(%s) = %v, want nil", tt.path, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path)):
				t.Errorf("CheckWritable(%s) = %v, want an error naming it and saying %q", tt.path, err, tt.want)
			}
		})
	}
	if got, _ := os.ReadFile(existing); string(got) != "keep me" {
		t.Errorf("the probe changed an existing file: %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.md")); err == nil {
		t.Errorf("the probe created the file it checked")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the probe left files behind: %v", entries)
	}
}
