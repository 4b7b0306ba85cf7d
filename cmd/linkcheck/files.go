package main

import (
	"fmt"
	"os"

	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
)

// runFile is a file a command reads or writes, named as the user named it.
type runFile struct {
	role string // how the user gave it: "--output", "--catalog", "settings.state"
	path string
	// write: the command writes the file, and it must be none of the
	// others. inPlace: the command rewrites this input on purpose (fix's
	// catalog), so it must only be writable.
	write, inPlace bool
}

// runFiles are every file of one command. check runs before the first
// request and before anything is written, so that no output can replace an
// input (-o naming the catalog, the state file or the --from run) and no
// write is found impossible only after minutes of requests.
type runFiles []runFile

// check refuses an output that is the same file as another of the
// command's files (exit 2), then proves that every file to be written can
// be, without changing any (exit 3).
func (fs runFiles) check() error {
	if err := fs.distinct(); err != nil {
		return err
	}
	return fs.writable()
}

// distinct refuses an output that is the same file as another of the
// command's files, after resolving relative paths and symbolic links (exit
// 2).
func (fs runFiles) distinct() error {
	real := make([]string, len(fs))
	for i, f := range fs {
		if f.path == "" {
			continue
		}
		r, err := atomicfile.Resolve(f.path)
		if err != nil {
			return usageError(fmt.Errorf("%s: %w", f.role, err))
		}
		real[i] = r
	}
	for i, f := range fs {
		if !f.write || f.path == "" {
			continue
		}
		for j, g := range fs {
			if i != j && g.path != "" && sameFile(real[i], real[j]) {
				return usageError(fmt.Errorf("%s %s is the same file as %s %s: linkcheck never writes over a file it reads; give %s another file (nothing was checked or written)",
					f.role, f.path, g.role, g.path, f.role))
			}
		}
	}
	return nil
}

// writable proves that every file to be written can be, without changing
// any: a missing directory, a directory in the way or one that refuses new
// files is found before the first request (exit 3).
func (fs runFiles) writable() error {
	for _, f := range fs {
		if (f.write || f.inPlace) && f.path != "" {
			if err := atomicfile.CheckWritable(f.path); err != nil {
				return cannotCheck(fmt.Errorf("%s: %w (nothing was checked or written)", f.role, err))
			}
		}
	}
	return nil
}

// holding returns the file of fs that path names, after resolving
// relative paths and symbolic links, if any.
func (fs runFiles) holding(path string) (runFile, bool) {
	p, err := atomicfile.Resolve(path)
	if err != nil {
		return runFile{}, false
	}
	for _, f := range fs {
		if f.path == "" {
			continue
		}
		if r, err := atomicfile.Resolve(f.path); err == nil && sameFile(p, r) {
			return f, true
		}
	}
	return runFile{}, false
}

// sameFile reports whether two resolved paths name one file: the same path,
// or two names of one existing file (a hard link, a case-insensitive file
// system).
func sameFile(a, b string) bool {
	if a == b {
		return true
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
