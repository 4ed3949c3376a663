package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newTrainCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "train",
		Short: "not built yet",
		RunE: func(*cobra.Command, []string) error {
			return errors.New("train: not built yet")
		},
	}
}
