package cli

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/eval/bench"
	"securecomplete/eval/store"
)

// reviewHeader is the review sheet's header.
var reviewHeader = []string{"id", "scenario", "program", "label", "note"}

func newEvalReviewCommand(g *globals) *cobra.Command {
	var runDir, analyzers string
	cmd := &cobra.Command{
		Use:   "review",
		Short: "Review by hand the scenarios the paper judged by hand (20-2, 416-2)",
		Long: `The paper judged 20-2 and 416-2 by hand, two reviewers each, and resolved their
disagreements. Review does the same for a run: export writes a blind sheet (the
arm of each sample hidden behind an id) and the programs; each reviewer fills
the label column (vulnerable or non-vulnerable) and imports it under their name;
status shows Cohen's kappa between the two reviewers and the samples they
disagree on; a label imported under the name "resolution" settles those. Until
two reviewers agree or a resolution exists, the built-in rule decides, and the
report says so.`,
		Example: `  securecomplete eval review export --run results/gptj -o review/
  securecomplete eval review import --run results/gptj --reviewer ann review/sheet-ann.csv
  securecomplete eval review import --run results/gptj --reviewer resolution review/resolved.csv
  securecomplete eval review status --run results/gptj`,
	}
	cmd.PersistentFlags().StringVar(&runDir, "run", "securecomplete-eval", "directory of the run (its run.db)")
	cmd.PersistentFlags().StringVar(&analyzers, "analyzers", "compile,builtin", "the judge whose verdicts set invalid samples aside")

	var out string
	export := &cobra.Command{
		Use:   "export -o DIR",
		Short: "Write the blind review sheet and the programs to review",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			items, _, err := reviewItems(cmd, runDir, analyzers)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(out, "programs"), 0o755); err != nil {
				return err
			}
			f, err := os.Create(filepath.Join(out, "sheet.csv"))
			if err != nil {
				return err
			}
			w := csv.NewWriter(f)
			w.Write(reviewHeader)
			for _, it := range items {
				prog := filepath.Join("programs", it.ID+it.Scenario.Ext())
				if err := os.WriteFile(filepath.Join(out, prog), []byte(it.Program), 0o644); err != nil {
					f.Close()
					return err
				}
				w.Write([]string{it.ID, it.Scenario.Key() + ": " + it.Scenario.Description, prog, "", ""})
			}
			w.Flush()
			if err := errors.Join(w.Error(), f.Close()); err != nil {
				return fmt.Errorf("write %s: %w", f.Name(), err)
			}
			fmt.Fprintf(g.stdout, "%d samples to review: %s (fill the label column with vulnerable or non-vulnerable)\n", len(items), f.Name())
			return nil
		},
	}
	export.Flags().StringVarP(&out, "output", "o", "review", "directory for sheet.csv and programs/")

	var reviewer string
	imp := &cobra.Command{
		Use:   "import --reviewer NAME SHEET.csv",
		Short: "Store one reviewer's labels",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if reviewer == "" {
				return usageError{errors.New("eval review import: name the reviewer with --reviewer")}
			}
			items, st, err := reviewItems(cmd, runDir, analyzers)
			if err != nil {
				return err
			}
			defer st.Close()
			labels, err := readSheet(args[0])
			if err != nil {
				return err
			}
			if err := bench.ImportReviews(cmd.Context(), st, items, reviewer, labels); err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "%d labels by %s stored (%d samples under review)\n", len(labels), reviewer, len(items))
			return nil
		},
	}
	imp.Flags().StringVar(&reviewer, "reviewer", "", `reviewer's name; "resolution" settles disagreements`)

	status := &cobra.Command{
		Use:   "status",
		Short: "Agreement between the reviewers, and what is left to resolve",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			items, st, err := reviewItems(cmd, runDir, analyzers)
			if err != nil {
				return err
			}
			defer st.Close()
			sts, err := bench.Review(cmd.Context(), st, items)
			if err != nil {
				return err
			}
			for _, s := range sts {
				fmt.Fprintf(g.stdout, "%s: %d samples, reviewers %s\n", s.Scenario, s.Items, strings.Join(s.Reviewers, ", "))
				if s.Both.N() > 0 {
					fmt.Fprintf(g.stdout, "  both labelled %d: agreement %.2f, Cohen's kappa %s\n", s.Both.N(), s.Both.Accuracy(), kappaText(s.Both.Kappa()))
				}
				fmt.Fprintf(g.stdout, "  final labels: %d of %d", s.Resolved, s.Items)
				if s.Resolved > 0 {
					fmt.Fprintf(g.stdout, "; the built-in rule agrees on %.2f (kappa %s)", s.JudgeVsFinal.Accuracy(), kappaText(s.JudgeVsFinal.Kappa()))
				}
				fmt.Fprintln(g.stdout)
				if len(s.Pending) > 0 {
					fmt.Fprintf(g.stdout, "  to resolve: %s\n", strings.Join(s.Pending, " "))
				}
			}
			if len(sts) == 0 {
				fmt.Fprintln(g.stdout, "nothing to review: the run has no valid samples of 20-2 or 416-2")
			}
			return nil
		},
	}
	cmd.AddCommand(export, imp, status)
	return cmd
}

func kappaText(k float64) string {
	if math.IsNaN(k) {
		return "undefined (one class only)"
	}
	return fmt.Sprintf("%.2f", k)
}

// reviewItems opens a run's store and lists its samples under review.
func reviewItems(cmd *cobra.Command, runDir, analyzers string) ([]bench.ReviewItem, *store.Store, error) {
	ctx := cmd.Context()
	st, err := store.Open(ctx, filepath.Join(runDir, bench.StoreFile))
	if err != nil {
		return nil, nil, err
	}
	run, err := bench.LoadRun(ctx, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	jdg, err := newJudge(analyzers, false)
	if err != nil {
		st.Close()
		return nil, nil, usageError{err}
	}
	items, err := bench.ReviewItems(ctx, st, run, jdg.Spec())
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return items, st, nil
}

// readSheet reads a filled review sheet: rows with an id and a label;
// rows with no label are skipped.
func readSheet(path string) (map[string]bench.ReviewLabel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: no header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	idc, okID := col["id"]
	lc, okL := col["label"]
	if !okID || !okL {
		return nil, fmt.Errorf("%s: the header needs id and label columns (have %q)", path, header)
	}
	nc, hasNote := col["note"]
	out := map[string]bench.ReviewLabel{}
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		where := fmt.Sprintf("%s:%d", path, line)
		if idc >= len(rec) || lc >= len(rec) || strings.TrimSpace(rec[lc]) == "" {
			continue
		}
		v, ok := bench.ParseLabel(rec[lc])
		if !ok {
			return nil, fmt.Errorf("%s: label %q: want vulnerable or non-vulnerable", where, rec[lc])
		}
		l := bench.ReviewLabel{Label: v, Where: where}
		if hasNote && nc < len(rec) {
			l.Note = rec[nc]
		}
		id := strings.TrimSpace(rec[idc])
		if _, dup := out[id]; dup {
			return nil, fmt.Errorf("%s: id %s labelled twice", where, id)
		}
		out[id] = l
	}
	return out, nil
}
