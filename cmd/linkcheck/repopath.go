package main

import (
	"os"
	"path/filepath"
)

// repoRelative is the catalog's path from the root of the git repository
// that holds it, slash-separated: code scanning shows a SARIF alert in a
// file only when its path is relative to the repository root, wherever
// the command ran from. Outside a repository it is the path as given.
func repoRelative(catalogPath string) string {
	given := filepath.ToSlash(filepath.Clean(catalogPath))
	abs, err := filepath.Abs(catalogPath)
	if err != nil {
		return given
	}
	for dir := filepath.Dir(abs); ; {
		// A worktree or a submodule has a .git file, a clone a directory.
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			rel, err := filepath.Rel(dir, abs)
			if err != nil {
				return given
			}
			return filepath.ToSlash(rel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return given
		}
		dir = parent
	}
}
