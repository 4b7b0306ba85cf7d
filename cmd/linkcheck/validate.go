package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/ai-reading-list/linkcheck/catalog"
	"github.com/ai-reading-list/linkcheck/checker"
)

type validateOptions struct {
	catalog string
	format  string
}

func newValidateCmd(e env) *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check the catalog's syntax and rules without touching the network",
		Long: `Validate loads the catalog and reports every problem at once, each as
FILE:LINE:COL: message on stderr, then a one-line summary.

Exit 0 when the catalog is valid, 2 when it is not.`,
		Example: `  linkcheck validate
  linkcheck validate --catalog lists/papers.yaml
  linkcheck validate --format json | jq .problems`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.format != "text" && opts.format != "json" {
				return usageError(fmt.Errorf("invalid --format %q: want text or json", opts.format))
			}
			return runValidate(e, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.catalog, "catalog", "c", "resources.yaml", "catalog file to validate; a .md or .markdown file is read as a Markdown reading list")
	cmd.Flags().StringVarP(&opts.format, "format", "f", "text", "output format: text or json")
	return cmd
}

type validateJSON struct {
	Valid     bool            `json:"valid"`
	Resources int             `json:"resources"`
	Problems  []validateIssue `json:"problems"`
}

type validateIssue struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func runValidate(e env, opts *validateOptions) error {
	cat, problems, err := loadCatalog(opts.catalog, func(path string) (*catalog.Catalog, error) {
		return catalog.LoadValid(path, e.Now())
	})
	if err != nil {
		return err
	}
	if cat != nil && len(problems) == 0 {
		problems = refusedByCheck(e, opts.catalog, cat)
	}
	resources, sections := 0, 0
	if cat != nil {
		resources, sections = cat.Count()
	}
	if opts.format == "json" {
		doc := validateJSON{Valid: len(problems) == 0, Resources: resources, Problems: []validateIssue{}}
		for _, p := range problems {
			doc.Problems = append(doc.Problems, validateIssue{File: p.File, Line: p.Line, Column: p.Column, Message: p.Message})
		}
		enc := json.NewEncoder(e.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return cannotCheck(fmt.Errorf("write output: %w", err))
		}
	} else {
		for _, p := range problems {
			fmt.Fprintln(e.Err, p.String())
		}
		verdict := "valid"
		if len(problems) > 0 {
			verdict = fmt.Sprintf("invalid (%d %s)", len(problems), plural(len(problems), "problem", "problems"))
		}
		fmt.Fprintf(e.Out, "%s: %d %s in %d %s, %s\n", opts.catalog,
			resources, plural(resources, "resource", "resources"),
			sections, plural(sections, "section", "sections"), verdict)
	}
	if len(problems) > 0 {
		return &exitError{code: exitInvalid, err: problems, quiet: true}
	}
	return nil
}

// refusedByCheck runs what check does with a valid catalog before its
// first request — its settings merged with the flags' defaults, then the
// checker's own validation of the result — so that validate never calls
// valid a catalog that check refuses. Catalog.Validate names each known
// rule at its line; this catches any rule the checker has and it lacks.
func refusedByCheck(e env, path string, cat *catalog.Catalog) catalog.Problems {
	f := &checkFlags{}
	f.register(&cobra.Command{})
	f.catalog = path
	opts, err := f.options(e, cat)
	if err == nil {
		_, err = checker.New(opts)
	}
	if err == nil {
		return nil
	}
	at := cat.Settings.Pos
	return catalog.Problems{{File: path, Line: at.Line, Column: at.Column, Message: "check refuses these settings: " + err.Error()}}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
