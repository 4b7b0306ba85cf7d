package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"
)

// run executes the command line args and returns the process exit code.
func run(ctx context.Context, args []string, e env) int {
	root := newRootCmd(e)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err != nil && !isQuiet(err) {
		fmt.Fprintf(e.Err, "linkcheck: %v\n", err)
	}
	return exitCode(err)
}

func newRootCmd(e env) *cobra.Command {
	root := &cobra.Command{
		Use:   "linkcheck",
		Short: "Check the links and arXiv papers of a curated reading list",
		Long: `linkcheck keeps a curated reading list honest: it checks every URL and
arXiv paper of a catalog (resources.yaml) and reports what is broken, moved,
retitled, updated or stale. A Markdown reading list (README.md) can be the
catalog too, or be imported into one.

Exit codes: 0 nothing to fail on, 1 failing links found, 2 invalid catalog or
usage, 3 could not check (network unavailable, interrupted or timed out,
unwritable output). These are the binary's: go run reports any failure as 1.`,
		Example: `  linkcheck validate                      # the catalog alone, offline
  linkcheck report                        # what needs a maintainer's attention
  linkcheck check --fail-on broken,moved  # for CI: exit 1 on failures
  linkcheck fix --dry-run                 # the diff that applies moved links, new titles and versions
  linkcheck import README.md              # a Markdown list's links as catalog entries`,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(e.In)
	root.SetOut(e.Out)
	root.SetErr(e.Err)
	root.SetVersionTemplate("linkcheck {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	root.AddCommand(newValidateCmd(e), newCheckCmd(e), newReportCmd(e), newFixCmd(e), newImportCmd(e))
	strictCompletion(root)
	strictHelp(root)
	return root
}

// noArgs rejects positional arguments as a usage error (exit 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError(fmt.Errorf("%s takes no arguments, got %q (did you mean --catalog %s?)", cmd.CommandPath(), args[0], args[0]))
	}
	return nil
}
