package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// newFileMode is the mode of a file that did not exist before. An
// existing file keeps its own.
const newFileMode fs.FileMode = 0o644

// Pending is new content written beside its file and not yet in place:
// Commit renames it into place, Discard removes it. Preparing every file of
// an operation before committing any of them means that a failure to write
// one (a full disk, a missing directory) leaves all of them as they were.
type Pending struct {
	path string // as the caller named it, for messages
	real string // the file the content replaces
	tmp  string
}

// Prepare writes the content write produces to a temporary file beside the
// file path names (through symbolic links), with that file's mode or 0644
// for a new file. Nothing at path changes until Commit.
func Prepare(path string, write func(io.Writer) error) (p *Pending, err error) {
	real, err := Resolve(path)
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	mode := newFileMode
	switch fi, err := os.Stat(real); {
	case err == nil && !fi.Mode().IsRegular():
		return nil, fmt.Errorf("write %s: not a regular file", path)
	case err == nil:
		mode = fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Chmod(f.Name(), mode); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return &Pending{path: path, real: real, tmp: f.Name()}, nil
}

// Commit puts the prepared content in place. Once it has failed or
// succeeded, Discard does nothing.
func (p *Pending) Commit() error {
	if p == nil || p.tmp == "" {
		return nil
	}
	tmp := p.tmp
	p.tmp = ""
	if err := os.Rename(tmp, p.real); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", p.path, err)
	}
	return nil
}

// Discard removes content that was prepared and not committed; it is safe
// to defer in any case.
func (p *Pending) Discard() {
	if p == nil || p.tmp == "" {
		return
	}
	os.Remove(p.tmp)
	p.tmp = ""
}

// Write replaces the file path names with the content write produces, as
// Prepare then Commit. When it fails, the file is as it was.
func Write(path string, write func(io.Writer) error) error {
	p, err := Prepare(path, write)
	if err != nil {
		return err
	}
	return p.Commit()
}

// WriteBytes is Write for content already in memory.
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
