package result

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/ai-reading-list/linkcheck"

// imports returns what the non-test Go files of the package in dir import.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			out = append(out, path)
		}
	}
	return out
}

// deps returns every package that pkg (a directory below the module's
// root) depends on: the module's own, followed, and the others as named.
func deps(t *testing.T, root, pkg string) map[string]bool {
	seen := make(map[string]bool)
	var walk func(dir string)
	walk = func(dir string) {
		for _, path := range imports(t, filepath.Join(root, dir)) {
			if seen[path] {
				continue
			}
			seen[path] = true
			if rel, ok := strings.CutPrefix(path, module+"/"); ok {
				walk(rel)
			}
		}
	}
	walk(pkg)
	return seen
}

// TestRooms holds the layers apart: what a run produced is plain data
// without HTTP code, and history, fixing and rendering read it without
// depending on the engine that checked.
func TestRooms(t *testing.T) {
	root := filepath.Join("..")
	tests := []struct {
		pkg       string
		forbidden []string // import path prefixes
	}{
		{"result", []string{module + "/checker", "net/http"}},
		{"titles", []string{module + "/checker", "net/http"}},
		{"state", []string{module + "/checker"}},
		{"report", []string{module + "/checker"}},
		{"catalogedit", []string{module + "/checker"}},
		{"importer", []string{module + "/checker"}},
	}
	for _, tt := range tests {
		for path := range deps(t, root, tt.pkg) {
			for _, f := range tt.forbidden {
				if path == f || strings.HasPrefix(path, f+"/") {
					t.Errorf("%s depends on %s", tt.pkg, path)
				}
			}
		}
	}
}

// TestCheckerRoot keeps the checker's root to the run's orchestration: a
// new kind of check or a new service gets a package of its own.
func TestCheckerRoot(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "checker", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var code []string
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			code = append(code, filepath.Base(f))
		}
	}
	if len(code) > 12 {
		t.Errorf("checker/ holds %d files of code, want at most 12: %s", len(code), strings.Join(code, " "))
	}
}
