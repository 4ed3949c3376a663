package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newEvalImportCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "import",
		Short: "not built yet",
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval import: not built yet")
		},
	}
}
