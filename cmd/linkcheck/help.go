package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// strictHelp makes "help" with a topic that is not a command a usage error
// (exit 2) naming the commands; cobra's own help command prints "Unknown
// help topic" and exits 0.
func strictHelp(root *cobra.Command) {
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help shows the help of any command: linkcheck help check.",
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return commandNames(root), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				return usageError(fmt.Errorf("no help topic %q: want one of %s", strings.Join(args, " "), strings.Join(commandNames(root), ", ")))
			}
			return cmd.Help()
		},
	})
}

// commandNames lists the commands a user can ask about, help aside.
func commandNames(root *cobra.Command) []string {
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() && c.Name() != "help" {
			names = append(names, c.Name())
		}
	}
	return names
}
