package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/eval/bench"
	"securecomplete/eval/report"
)

func newEvalReportCommand(g *globals) *cobra.Command {
	var (
		format, fromCounts, out string
		fromStore, analyzers    string
		paper, partial          bool
		level, alpha            float64
	)
	cmd := &cobra.Command{
		Use:   "report (--from-counts FILE.csv | --store DIR) [--format md|csv|json|html] [-o FILE] [--paper]",
		Short: "Table 3 with its statistics, recomputed from verdict counts",
		Long: `Report recomputes the paper's Table 3 from counts of vulnerable, non-vulnerable
and invalid samples per scenario and model: the non-vulnerable ratio (invalid
samples left out), the invalid ratio, two-sided Fisher exact tests between the
models per scenario and in total, and, beyond the paper, Wilson intervals,
Holm-adjusted p-values and per-CWE pools.

The counts file has the columns of the paper's table3.csv (scenario, lang,
cwe_rank_2022, fix_commits_in_dataset, pre_vul, pre_nonvul, pre_invalid, ft_vul,
ft_nonvul, ft_invalid, and optionally the printed p_nonvul_vs_others and
p_invalid_vs_others); any prefix X with X_vul, X_nonvul and X_invalid is a
model. Printed p-values are checked against the recomputed ones, and when the
file is the paper's own table its printed totals are checked too; the report
lists every place where the printed figures disagree with their rows.

--paper sets the paper's published counts beside the new ones, matched by
scenario and language. The format follows --format, else the extension of -o.`,
		Example: `  securecomplete eval report --from-counts ../shared/paper/table3.csv
  securecomplete eval report --store securecomplete-eval --format html -o table3.html
  securecomplete eval report --from-counts counts.csv --paper --format html -o table3.html`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Errorf("eval report takes no arguments (got %q): name the counts file with --from-counts or the run with --store", args)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (fromCounts == "") == (fromStore == "") {
				return usageError{fmt.Errorf("eval report: give one of --from-counts FILE.csv (columns as the paper's table3.csv) or --store DIR (an eval run's directory)")}
			}
			formats := report.Formats()
			if !cmd.Flags().Changed("format") && out != "" {
				if ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), "."); ext != "" {
					if ext == "markdown" {
						ext = "md"
					}
					if _, ok := formats[ext]; ok {
						format = ext
					}
				}
			}
			write, ok := formats[format]
			if !ok {
				return usageError{fmt.Errorf("eval report: unknown --format %q: want md, csv, json or html", format)}
			}
			var in report.Input
			if fromStore != "" {
				var err error
				jdg, err := newJudge(analyzers, false)
				if err != nil {
					return usageError{err}
				}
				if in, err = bench.StoreInput(cmd.Context(), fromStore, jdg.Spec(), bench.ReportOptions{Paper: paper, Partial: partial}); err != nil {
					return fmt.Errorf("eval report: %w", err)
				}
				fromCounts = fromStore
			} else {
				f, err := os.Open(fromCounts)
				if err != nil {
					return fmt.Errorf("eval report: read counts: %w", err)
				}
				in, err = report.ReadCounts(f, fromCounts)
				f.Close()
				if err != nil {
					return fmt.Errorf("eval report: %w", err)
				}
				if paper {
					in.Reference = report.PaperReference()
				}
			}
			rep, err := report.Build(in, report.Options{Level: level, Alpha: alpha})
			if err != nil {
				return fmt.Errorf("eval report: %s: %w", fromCounts, err)
			}
			var buf bytes.Buffer
			if err := write(&buf, rep); err != nil {
				return fmt.Errorf("eval report: write %s: %w", format, err)
			}
			if n := len(rep.Disagreements); n > 0 {
				g.logger().Warn("printed figures disagree with their own rows; the report lists them", "places", n)
			}
			if out == "" {
				_, err := g.stdout.Write(buf.Bytes())
				return err
			}
			return report.WriteFileAtomic(out, buf.Bytes())
		},
	}
	cmd.Flags().StringVar(&fromCounts, "from-counts", "", "CSV of counts per scenario and model, in the layout of the paper's table3.csv")
	cmd.Flags().StringVar(&fromStore, "store", "", "an eval run's directory (or its run.db): report its verdicts")
	cmd.Flags().StringVar(&analyzers, "analyzers", "compile,builtin", "with --store: the judge whose verdicts to count")
	cmd.Flags().BoolVar(&partial, "partial", false, "with --store: report even when samples lack verdicts")
	cmd.Flags().StringVar(&format, "format", "md", "output format: md, csv, json or html")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the report to this file instead of standard output")
	cmd.Flags().BoolVar(&paper, "paper", false, "set the paper's published counts (Li et al. FORGE'24 Table 3) beside the new ones")
	cmd.Flags().Float64Var(&level, "level", 0.95, "confidence level of the Wilson intervals")
	cmd.Flags().Float64Var(&alpha, "alpha", 0.05, "significance level marked in the report")
	return cmd
}
