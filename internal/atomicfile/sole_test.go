package atomicfile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// replacing are the calls with which code writes a file beside another
// and puts it in place: this package's job alone, so that every file the
// tool replaces (the catalog, the state file, reports) gets the same
// guarantees (links followed, mode kept, nothing half-written).
var replacing = map[string]bool{"os.Rename": true, "os.CreateTemp": true, "ioutil.TempFile": true}

// No package but this one replaces files itself.
func TestTheOnlyAtomicWriter(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no module root at %s: %v", root, err)
	}
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (path == here || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root:
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
			return nil
		}
		files++
		for _, at := range replacingCalls(t, path) {
			rel, _ := filepath.Rel(root, path)
			t.Errorf("%s:%s: replace files through internal/atomicfile, not by hand", rel, at)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("only %d Go files found under %s: the walk missed the module", files, root)
	}
}

// replacingCalls returns where the file at path calls one of replacing.
func replacingCalls(t *testing.T, path string) []string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); ok && replacing[pkg.Name+"."+sel.Sel.Name] {
			p := fset.Position(sel.Pos())
			at = append(at, strings.TrimPrefix(p.String(), path+":")+": "+pkg.Name+"."+sel.Sel.Name)
		}
		return true
	})
	return at
}
