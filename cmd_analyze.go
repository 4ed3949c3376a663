package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newAnalyzeCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "analyze FILE|DIR...",
		Short: "not built yet",
		RunE: func(*cobra.Command, []string) error {
			return errors.New("analyze: not built yet")
		},
	}
}
