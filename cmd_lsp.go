package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newLSPCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "lsp",
		Short: "not built yet",
		RunE: func(*cobra.Command, []string) error {
			return errors.New("lsp: not built yet")
		},
	}
}
