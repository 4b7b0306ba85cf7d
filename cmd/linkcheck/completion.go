package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// strictCompletion makes "completion" without a shell, or with one cobra
// cannot write a script for, a usage error (exit 2) naming the shells. By
// itself cobra prints the help and exits 0, so a setup script that asks
// for tcsh would go on as if it had a completion script.
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		want := strings.Join(shells, ", ")
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError(fmt.Errorf("%s needs a shell: %s", cmd.CommandPath(), want))
			}
			return usageError(fmt.Errorf("%s: no completion for shell %q: want %s", cmd.CommandPath(), args[0], want))
		}
	}
}
