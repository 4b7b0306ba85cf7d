package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/catalogedit"
	"github.com/ai-reading-list/linkcheck/importer"
	"github.com/ai-reading-list/linkcheck/result"
	"github.com/ai-reading-list/linkcheck/status"
)

// fixOptions are fix's flags, and what validate makes of them.
type fixOptions struct {
	checkFlags
	from   string
	dryRun bool
	only   string
	format string
	output string

	kinds     status.Set // --only, parsed
	published bool       // --only names published
	archived  bool       // --only names archived
}

func newFixCmd(e env) *cobra.Command {
	opts := &fixOptions{}
	cmd := &cobra.Command{
		Use:   "fix",
		Short: "Apply what the check found to the catalog: moved links, retitled papers, newer versions, DOIs, archived copies",
		Long: `Fix runs every check (or, with --from, reads a saved JSON run without
touching the network) and rewrites the catalog where the evidence is sound:

  moved     url becomes where a permanent redirect led (never an http URL
            in place of an https one); a GitHub or Hugging Face repository
            renamed or transferred gets its new name in github and in a
            url that names it
  retitled  title becomes arXiv's current title, when it is the same paper
  updated   a pinned arXiv version (1706.03762v5) moves to the latest, in
            arxiv and in an arxiv.org url with the same pin
  published a paper without a doi gets the DOI its authors recorded on
            arXiv, as a new doi key after its arxiv; a doi that differs
            from arXiv's is left to a human
  archived  a gone (broken) link whose check found an archived copy of
            its live page gets it as a new archive key after its url; the
            next check calls it archived. An entry that already has an
            archive is left to a human

With --only, the findings left out are counted in the summary ("3
retitled, 2 archived not applied: --only moved"). Entries are found by id, and a
result whose value the catalog no longer holds is skipped with a warning.
Only each value's own text changes: comments, quoting, indentation and
line endings stay. The result must pass validate, or nothing is written.
Everything else (broken without an archived copy, blocked, timeout, error, redirected, a likely
wrong arXiv ID, two findings that disagree on a value) is listed as
needing a human.

With --dry-run it prints a unified diff and changes nothing.

A Markdown list as --catalog (README.md) is fixed in place too: a moved
link's destination and an arXiv link's pinned version are rewritten, byte
for byte; its titles, and links written as references or bare URLs, are
left to a human.

A saved run must be the catalog's: the same content, or the same file
edited since; results of another catalog are refused. Before anything is
checked or written, an --output that is the catalog, the --from run or the
state file is refused, and the catalog and --output must be writable; the
catalog is replaced last, so a failure leaves it as it was. fix never
records a run in the state file.

Exit 0 when done or when there is nothing to do, 2 for an invalid catalog,
results or usage (or a fix that would make the catalog invalid), 3 when it
could not check.`,
		Example: `  linkcheck fix --dry-run
  linkcheck fix --from results.json --only moved,updated
  linkcheck fix --from results.json --only published
  linkcheck fix --from results.json --only archived,published
  linkcheck fix --from results.json --format markdown --output pr-body.md`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			return runFix(cmd.Context(), e, opts)
		},
	}
	opts.checkFlags.register(cmd)
	fs := cmd.Flags()
	fs.StringVar(&opts.from, "from", "", "use a saved run (check --format json) instead of checking")
	fs.BoolVar(&opts.dryRun, "dry-run", false, "print a unified diff of the changes and write nothing")
	fs.StringVar(&opts.only, "only", onlyDefault, "the findings to fix, comma-separated: moved, retitled, updated, published, archived")
	fs.StringVarP(&opts.format, "format", "f", string(catalogedit.FormatText), "what to print: text (the changes, or the diff with --dry-run) or markdown (a pull request body)")
	fs.StringVarP(&opts.output, "output", "o", "", "write what is printed to this file (atomically) instead of stdout")
	return cmd
}

// onlyDefault is every finding fix acts on, --only's default.
var onlyDefault = catalogedit.Kinds.String() + "," + catalogedit.Published + "," + catalogedit.Archived

// validate refuses flags fix cannot honour (exit 2) before anything is
// read.
func (o *fixOptions) validate() error {
	var statuses []string
	o.published, o.archived = false, false
	for _, f := range strings.Split(o.only, ",") {
		// published and archived name keys fix adds, not statuses (a
		// gone link gets its archive while its status is broken).
		switch strings.TrimSpace(f) {
		case catalogedit.Published:
			o.published = true
		case catalogedit.Archived:
			o.archived = true
		default:
			statuses = append(statuses, f)
		}
	}
	kinds, err := status.ParseSet(strings.Join(statuses, ","))
	if err != nil || (kinds == 0 && !o.published && !o.archived) || kinds&^catalogedit.Kinds != 0 {
		return usageError(fmt.Errorf("invalid --only %q: want some of %s", o.only, onlyDefault))
	}
	o.kinds = kinds
	if f := catalogedit.Format(o.format); f != catalogedit.FormatText && f != catalogedit.FormatMarkdown {
		return usageError(fmt.Errorf("invalid --format %q: want %s or %s", o.format, catalogedit.FormatText, catalogedit.FormatMarkdown))
	}
	if o.flags.Changed("state") && o.history.state != "" {
		// fix applies a run, it does not record one: a run recorded by fix
		// (--dry-run included) would count a night twice toward
		// --fail-after.
		if o.from != "" {
			return usageError(fmt.Errorf("--state records runs as they are checked; the saved run in %s already carries its history", o.from))
		}
		return usageError(errors.New("--state: fix records no run in the state file; check and report do"))
	}
	if o.flags.Changed("fail-after") {
		return usageError(errors.New("--fail-after: fix keeps no history and fails on no result; check and report do"))
	}
	return nil
}

// runFix gets the results (a saved run, or a check now) and has
// catalogedit.Run apply them to the catalog.
func runFix(ctx context.Context, e env, opts *fixOptions) error {
	cat, results, err := fixResults(ctx, e, opts)
	if err != nil {
		return err
	}
	var editor catalogedit.Editor
	if isMarkdownList(opts.catalog) {
		// A Markdown list's links are rewritten where they are written.
		editor = importer.Editor{}
	}
	_, err = catalogedit.Run(ctx, opts.catalog, cat, results, catalogedit.Options{
		Editor:    editor,
		Only:      opts.kinds,
		Published: opts.published,
		Archived:  opts.archived,
		DryRun:    opts.dryRun,
		Format:    catalogedit.Format(opts.format),
		Output:    opts.output,
		Out:       e.Out,
		Err:       e.Err,
		Warn:      func(msg string) { fmt.Fprintf(e.Err, "linkcheck: %s\n", msg) },
	})
	return err
}

// fixResults loads the valid catalog and the results to apply to it: the
// saved run, which must be the catalog's, or a complete check of it. Every
// file fix writes is known writable, and none is one it reads, before
// anything is checked or written.
func fixResults(ctx context.Context, e env, opts *fixOptions) (*catalog.Catalog, []result.Result, error) {
	path := opts.catalog
	cat, err := validCatalog(e, path)
	if err != nil {
		return nil, nil, err
	}
	writes := runFiles{
		{role: "--output", path: opts.output, write: true},
		{role: "--catalog", path: path, inPlace: !opts.dryRun},
	}
	if opts.from == "" {
		run, _, err := runChecks(ctx, e, &opts.checkFlags, status.DefaultFailOn, writes, false)
		if err != nil {
			return nil, nil, err
		}
		if run.Partial {
			return nil, nil, partialError(run, &opts.checkFlags, "nothing was changed")
		}
		// The check loaded the catalog afresh, and it may have been
		// edited while the check ran: plan against the file as it is now.
		if cat, err = validCatalog(e, path); err != nil {
			return nil, nil, err
		}
		return cat, run.Results, nil
	}
	hist := stateFile(&opts.checkFlags, cat)
	hist.write = false // never written by fix, nor replaced by its output
	files := slices.Concat(writes, runFiles{hist, {role: "--from", path: opts.from}})
	if err := files.check(); err != nil {
		return nil, nil, err
	}
	run, err := readRun(opts.from)
	if err != nil {
		return nil, nil, err
	}
	edited, err := matchRun(run, opts.from, path)
	if err != nil {
		return nil, nil, err
	}
	if edited {
		fmt.Fprintf(e.Err, "linkcheck: %s has changed since the run in %s: fixing where ids and values still match\n", path, opts.from)
	}
	return cat, run.Results, nil
}
