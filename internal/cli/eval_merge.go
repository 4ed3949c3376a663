package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"securecomplete/eval/bench"
	"securecomplete/eval/store"
)

func newEvalMergeCommand(g *globals) *cobra.Command {
	var (
		out, analyzers string
		paper, partial bool
	)
	cmd := &cobra.Command{
		Use:   "merge -o DIR SHARD_DIR...",
		Short: "Put the shards of a run together and write its reports",
		Long: `Merge copies the samples and verdicts of the shards of one run (eval run
--shard K/N, each into its own directory) into DIR/run.db, judges any sample a
shard left unjudged, and writes the reports as one run would have. Shards of
different runs (other models, samples, seed or scenarios) are refused.`,
		Example: `  securecomplete eval merge -o results/all shard1 shard2 shard3 shard4`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if out == "" {
				return usageError{fmt.Errorf("eval merge: give the output directory with -o")}
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			st, err := store.Open(ctx, filepath.Join(out, bench.StoreFile))
			if err != nil {
				return err
			}
			defer st.Close()
			for _, shard := range args {
				p := shard
				if fi, err := os.Stat(shard); err == nil && fi.IsDir() {
					p = filepath.Join(shard, bench.StoreFile)
				}
				if err := st.Merge(ctx, p); err != nil {
					return err
				}
			}
			run, err := bench.LoadRun(ctx, st)
			if err != nil {
				return err
			}
			jdg, err := newJudge(analyzers, false)
			if err != nil {
				return usageError{err}
			}
			r := &bench.Runner{Run: run, Store: st, Judge: jdg, Progress: newProgress(g.stderr), Log: g.logger()}
			jst, err := r.JudgeSamples(ctx)
			if err != nil {
				return err
			}
			if jst.Samples > 0 {
				g.logger().Info("judged samples the shards left unjudged", "samples", jst.Samples)
			}
			return writeRunReports(ctx, g, st, out, jdg.Spec(), bench.ReportOptions{Paper: paper, Partial: partial})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "directory of the merged store and reports")
	cmd.Flags().StringVar(&analyzers, "analyzers", "compile,builtin", "the judge the shards used (and that judges what they left)")
	cmd.Flags().BoolVar(&paper, "paper", false, "set the paper's published counts beside the new ones")
	cmd.Flags().BoolVar(&partial, "partial", false, "write the reports even when shards are missing")
	return cmd
}
