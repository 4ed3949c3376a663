package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newEvalReportCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "report",
		Short: "not built yet",
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval report: not built yet")
		},
	}
}
