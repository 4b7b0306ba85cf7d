// Package atomicfile replaces files so that a reader never sees half of
// one and a failed write never destroys the previous content: the new
// content goes to a temporary file beside the real file, which is renamed
// into place. A path that is a symbolic link is written through: the link
// stays a link and the file it names gets the new content, as an editor
// would do it (renaming onto the link itself would replace the link with a
// regular file and leave the real file as it was).
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// maxLinks bounds the symbolic links followed for one path, as the kernel
// does (ELOOP), so that a loop of dangling links cannot spin.
const maxLinks = 40

// Resolve returns the absolute path of the file that path names once every
// symbolic link is followed, whether or not the file exists yet: for a file
// still to be created, its directory is resolved and its name kept. Two
// paths name the same file when their Resolve results are equal.
func Resolve(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", path, err)
	}
	for range maxLinks {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return real, nil
		}
		if !missing(err) {
			return "", fmt.Errorf("resolve %s: %w", path, err)
		}
		fi, lerr := os.Lstat(abs)
		if lerr != nil || fi.Mode()&fs.ModeSymlink == 0 {
			// Not there yet (or its directory is not): what it will be
			// is its resolved directory and its own name.
			dir := filepath.Dir(abs)
			if dir == abs {
				return abs, nil
			}
			realDir, err := Resolve(dir)
			if err != nil {
				return "", err
			}
			return filepath.Join(realDir, filepath.Base(abs)), nil
		}
		// A link to a file not yet created: the file is where it points.
		target, err := os.Readlink(abs)
		if err != nil {
			return "", fmt.Errorf("resolve %s: %w", path, err)
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(abs), target)
		}
		abs = target
	}
	return "", fmt.Errorf("resolve %s: too many levels of symbolic links", path)
}

// missing reports whether err says a path cannot name an existing file:
// nothing there, or a file where a directory should be.
func missing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}
