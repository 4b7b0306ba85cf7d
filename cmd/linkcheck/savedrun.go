package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"

	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
	"github.com/ai-reading-list/linkcheck/report"
)

// catalogDigest is the hex SHA-256 of the catalog file's bytes, which a
// saved run records so that it can later tell the catalog it belongs to.
func catalogDigest(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", usageError(fmt.Errorf("read catalog %s: %w", path, err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", usageError(fmt.Errorf("read catalog %s: %w", path, err))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// readRun reads a saved run (check --format json).
func readRun(path string) (report.Run, error) {
	f, err := os.Open(path)
	if err != nil {
		return report.Run{}, usageError(fmt.Errorf("--from: %w", err))
	}
	defer f.Close()
	run, err := report.ReadJSON(f)
	if err != nil {
		return report.Run{}, usageError(fmt.Errorf("--from %s: %w", path, err))
	}
	return run, nil
}

// matchRun decides whether run, read from the file from, was made from the
// catalog at path: the same bytes (wherever the file is now), or the same
// file edited since the run (edited is then true: results still apply where
// ids and values match). A run of another catalog, by both name and
// content, is exit 2 naming both. A run saved before runs recorded their
// catalog's digest cannot tell, and is taken as the catalog's.
func matchRun(run report.Run, from, path string) (edited bool, err error) {
	if run.CatalogSHA256 == "" {
		return false, nil
	}
	digest, err := catalogDigest(path)
	if err != nil {
		return false, err
	}
	switch {
	case run.CatalogSHA256 == digest:
		return false, nil
	case sameCatalogPath(run.Catalog, path):
		return true, nil
	}
	return false, usageError(fmt.Errorf("%s is a run of %s (sha256 %.12s), not of %s (sha256 %.12s): check %s again, or give --catalog %s",
		from, run.Catalog, run.CatalogSHA256, path, digest, path, run.Catalog))
}

// sameCatalogPath reports whether the catalog a run names (as given to the
// check, relative to where it ran) is the file at path, taking relative
// names from here: the check and the command that reads its run are
// usually run from one place, the repository's root.
func sameCatalogPath(saved, path string) bool {
	if saved == "" {
		return false
	}
	a, err := atomicfile.Resolve(saved)
	if err != nil {
		return false
	}
	b, err := atomicfile.Resolve(path)
	return err == nil && sameFile(a, b)
}

// checkRunCatalog holds a saved run to the catalog named with --catalog:
// a valid catalog, the run's own or an edit of it (said on stderr, as the
// run's lines and values may be out of date).
func checkRunCatalog(e env, run report.Run, from, path string) error {
	if _, err := validCatalog(e, path); err != nil {
		return err
	}
	edited, err := matchRun(run, from, path)
	if err != nil {
		return err
	}
	if edited {
		fmt.Fprintf(e.Err, "linkcheck: %s has changed since the run in %s: its lines and values are the run's\n", path, from)
	}
	return nil
}
