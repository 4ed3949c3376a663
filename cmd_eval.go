package main

import (
	"github.com/spf13/cobra"
)

func newEvalCommand(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "The paper's offline benchmark: scenarios, samples, judging, Table 3",
	}
	cmd.AddCommand(
		newEvalRunCommand(g),
		newEvalImportCommand(g),
		newEvalReportCommand(g),
	)
	return cmd
}
