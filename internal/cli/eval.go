package cli

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/analysis/sarif"
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

// runInput counts the verdicts a store holds under judgeName into a
// report input. A store missing verdicts is an error unless partial.
func runInput(ctx context.Context, st *store.Store, judgeName string, paper, partial bool) (report.Input, error) {
	run, err := bench.LoadRun(ctx, st)
	if err != nil {
		return report.Input{}, err
	}
	meta := report.Meta{
		Title:     "securecomplete benchmark: vulnerable, non-vulnerable and invalid samples per scenario",
		Source:    "securecomplete eval run, store " + st.Path(),
		Scenarios: run.ScenarioSet,
		Judge:     judgeDescription(judgeName),
		Seeds:     []int64{run.Seed},
	}
	in, cov, err := bench.Collect(ctx, st, run, judgeName, meta)
	if err != nil {
		return report.Input{}, err
	}
	if missing := len(cov.Missing); missing > 0 {
		if !partial {
			return report.Input{}, fmt.Errorf("%s holds verdicts under this judge for %d of the run's %d samples (missing %s and %d more): run eval run again with the same -o and --analyzers, or merge the other shards",
				st.Path(), cov.Judged, cov.Wanted, cov.Missing[0], missing-1)
		}
		in.Meta.Notes = append(in.Meta.Notes, fmt.Sprintf("Partial: %d of %d samples judged.", cov.Judged, cov.Wanted))
	}
	if paper {
		in.Reference = report.PaperReference()
	}
	return in, nil
}

// writeRunReports writes the reports of a store into dir (report.md,
// .csv, .json, .html, findings.sarif); the Markdown goes to standard
// output too.
func writeRunReports(ctx context.Context, g *globals, st *store.Store, dir, judgeName string, paper, partial bool) error {
	in, err := runInput(ctx, st, judgeName, paper, partial)
	if err != nil {
		return err
	}
	rep, err := report.Build(in, report.Options{})
	if err != nil {
		return err
	}
	for ext, write := range reportFormats {
		var buf bytes.Buffer
		if err := write(&buf, rep); err != nil {
			return fmt.Errorf("write report.%s: %w", ext, err)
		}
		if err := writeFileAtomic(filepath.Join(dir, "report."+ext), buf.Bytes()); err != nil {
			return err
		}
		if ext == "md" {
			if _, err := g.stdout.Write(buf.Bytes()); err != nil {
				return err
			}
		}
	}
	var paths []string
	for _, s := range in.Findings {
		paths = append(paths, s.Path)
	}
	var sbuf bytes.Buffer
	if err := sarif.WriteFindings(&sbuf, report.Findings(in), map[string]sarif.ToolInfo{"builtin": {Name: "securecomplete builtin rules"}}, paths); err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(dir, "findings.sarif"), sbuf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(g.stderr, "reports written to %s (report.md, report.csv, report.json, report.html, findings.sarif)\n", dir)
	return nil
}

// judgeDescription turns a stored judge name into words for reports.
func judgeDescription(name string) string {
	analyzers, rest, _ := strings.Cut(name, " | ")
	d := "analyzers " + analyzers + "; the scenario's CWE decides (built-in rules of securecomplete)"
	if rest != "" {
		d += "; invalid = does not compile with " + rest
	}
	return d
}
