package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/analysis/judge"
	"securecomplete/eval/bench"
	"securecomplete/eval/report"
	"securecomplete/eval/store"
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
		newEvalMergeCommand(g),
		newEvalReviewCommand(g),
	)
	return cmd
}

// writeRunReports writes the reports of a store into dir and prints the
// Markdown.
func writeRunReports(ctx context.Context, g *globals, st *store.Store, dir string, spec judge.Spec, opt bench.ReportOptions) error {
	md, err := bench.WriteReports(ctx, st, dir, spec, opt)
	if err != nil {
		return err
	}
	if _, err := g.stdout.Write(md); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "reports written to %s (%s)\n", dir, strings.Join(report.FileNames(), ", "))
	return nil
}
