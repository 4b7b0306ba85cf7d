package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// CheckWritable reports whether Write could replace the file path names,
// without changing it: the file, if it exists, must be a regular file, and
// its directory must let a temporary file be created there (which is
// created and removed at once). An error says why not, naming path.
func CheckWritable(path string) error {
	real, err := Resolve(path)
	if err != nil {
		return err
	}
	switch fi, err := os.Stat(real); {
	case err == nil && !fi.Mode().IsRegular():
		return fmt.Errorf("cannot write %s: not a regular file", path)
	case err != nil && !missing(err):
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	dir := filepath.Dir(real)
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: directory %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("cannot write %s: %w", path, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot write %s: %s is not a directory", path, dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(real)+".probe-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
