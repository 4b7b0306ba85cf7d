package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/importer"
	"github.com/ai-reading-list/linkcheck/internal/atomicfile"
	"github.com/ai-reading-list/linkcheck/internal/unidiff"
)

// importOptions are import's argument and flags.
type importOptions struct {
	list    string
	catalog string
	dryRun  bool
}

func newImportCmd(e env) *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import LIST.md",
		Short: "Make a Markdown reading list's links entries of a catalog, or add the new ones",
		Long: `Import reads a Markdown reading list (an "awesome" list: headings and
bullet lists of links) as GitHub renders it, and adds every link to an
http(s) page to the catalog as an entry:

  title    the link's text, inline markup removed (a bare URL's own words)
  section  the headings above it ("Papers › Vision" for a nested heading)
  kind     paper (arxiv.org, openreview.net, aclanthology.org, doi.org),
           repo (a GitHub repository, a Hugging Face model), tool (a
           Hugging Face Space), dataset (a Hugging Face data set), post
  arxiv    the paper's ID, for an arxiv.org link (a pinned version stays)
  note     the rest of its list item's or table row's text

Links in code are not links. Badges (links that are only images), in-page
anchors, relative links and mailto: are left out, and counted. Each URL (as
the catalog normalizes it) or arXiv paper becomes one entry however often
the list repeats it, with an id made from its title; the same list makes
the same catalog, byte for byte.

Into an existing catalog, links it holds already (the same URL or arXiv
paper) are left alone, new entries go at the end of their section, and new
sections at the end: not one byte of the existing text changes, and
importing the same list again changes nothing. The result must pass
validate, or nothing is written. A summary goes to stderr; with --dry-run,
the unified diff goes to stdout and nothing is written.

Exit 0 when done (or nothing is new), 2 for an unreadable list or catalog,
an invalid result or usage, 3 when the catalog cannot be written.`,
		Example: `  linkcheck import README.md --catalog resources.yaml
  linkcheck import awesome-llm.md --dry-run`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(fmt.Errorf("%s takes one Markdown list, got %d arguments", cmd.CommandPath(), len(args)))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.list = args[0]
			return runImport(cmd.Context(), e, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.catalog, "catalog", "c", "resources.yaml", "catalog file to add to (made when missing)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "print a unified diff of the changes and write nothing")
	return cmd
}

// runImport reads the list and the catalog, adds the list's new links and
// writes the catalog, replacing it atomically, unless nothing is new or
// it is a dry run.
func runImport(ctx context.Context, e env, opts *importOptions) error {
	if isMarkdownList(opts.catalog) {
		return usageError(fmt.Errorf("--catalog %s is a Markdown file: import writes a YAML catalog; name one with --catalog", opts.catalog))
	}
	files := runFiles{
		{role: "--catalog", path: opts.catalog, write: true},
		{role: "the list", path: opts.list},
	}
	if err := files.distinct(); err != nil {
		return err
	}
	if !opts.dryRun {
		if err := files.writable(); err != nil {
			return err
		}
	}
	md, err := os.ReadFile(opts.list)
	if err != nil {
		return usageError(fmt.Errorf("read list: %w", err))
	}
	data, err := os.ReadFile(opts.catalog)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return usageError(fmt.Errorf("read catalog: %w", err))
	}
	out, sum, err := importer.Into(opts.catalog, data, md)
	var invalid *importer.InvalidError
	if errors.As(err, &invalid) {
		for _, p := range invalid.Problems {
			fmt.Fprintln(e.Err, p.String())
		}
		return &exitError{code: exitInvalid, err: fmt.Errorf("import %s into %s: %w; nothing was written", opts.list, opts.catalog, err)}
	}
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was written", opts.list, err)
	}
	fmt.Fprintln(e.Err, sum)
	if opts.dryRun {
		name := diffPath(opts.catalog)
		if _, err := e.Out.Write(unidiff.Unified("a/"+name, "b/"+name, data, out, 3)); err != nil {
			return cannotCheck(fmt.Errorf("write output: %w", err))
		}
		return nil
	}
	if sum.New == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("import stopped before writing %s: %w", opts.catalog, err)
	}
	if err := atomicfile.WriteBytes(opts.catalog, out); err != nil {
		return cannotCheck(fmt.Errorf("write catalog: %w", err))
	}
	return nil
}

// diffPath is a file's name in a diff's ---/+++ lines: the path as given
// when relative (as git names it), the base name otherwise.
func diffPath(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Base(path)
	}
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(path)), "./")
}

// isMarkdownList reports whether path names a Markdown file, which check,
// report and validate read as a reading list rather than a YAML catalog.
func isMarkdownList(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return true
	}
	return false
}
