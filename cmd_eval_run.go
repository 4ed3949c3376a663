package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newEvalRunCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "run",
		Short: "not built yet",
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval run: not built yet")
		},
	}
}
