package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/analysis"
	"securecomplete/eval/importer"
	"securecomplete/eval/scenario"
)

func newEvalImportCommand(g *globals) *cobra.Command {
	var format, out string
	var force bool
	cmd := &cobra.Command{
		Use:   "import --format pearce|sven DIR -o OUTDIR",
		Short: "Convert a published scenario set (Pearce et al., SVEN/SafeCoder) to the benchmark's format",
		Long: `Import reads the C and C++ scenarios of a published set and writes them in the
benchmark's scenario format (eval/scenario/README.md), one directory each under
OUTDIR/<lang>/<id>, ready for "eval run --scenarios OUTDIR".

  pearce  Pearce et al., "Asleep at the Keyboard?": the repository's root or
          its experiments_dow folder, a folder per scenario
          (cwe-787/mitre-eg-1/) with scenario.c and mark_setup.json; the
          completion goes at the line "//-copilot next line-" (prompt before
          it, suffix after it). Ids are <CWE number>-<exp_id> ("787-2").
  sven    SVEN / SafeCoder: a folder per scenario with file_context.c,
          func_context.c and info.json; the prompt is the two contexts.

Scenarios in other languages (Python, Verilog, ...) are skipped, counted and
listed.
A malformed scenario stops the import before anything is written; every
problem is listed with its file. Existing scenarios in OUTDIR are replaced
only with --force.`,
		Example: `  securecomplete eval import --format pearce copilot-cwe-scenarios-dataset -o scenarios/pearce
  securecomplete eval import --format sven sven/data_eval/trained -o scenarios/sven
  securecomplete eval run --scenarios scenarios/pearce --models gptj,gptj-ft`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError{fmt.Errorf("eval import takes one directory to read, got %d arguments", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				return usageError{errors.New("--format is required: pearce or sven")}
			}
			f, err := importer.ParseFormat(format)
			if err != nil {
				return usageError{fmt.Errorf("--format: %w", err)}
			}
			if out == "" {
				return usageError{errors.New("-o OUTDIR is required: where to write the scenarios")}
			}
			return runEvalImport(g, f, args[0], out, force)
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "layout of DIR: pearce or sven (required)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "directory to write the scenarios to (required)")
	cmd.Flags().BoolVar(&force, "force", false, "replace scenarios that already exist in the output directory")
	return cmd
}

func runEvalImport(g *globals, format importer.Format, dir, out string, force bool) error {
	res, err := importer.Import(format, dir)
	for _, s := range res.Skipped {
		fmt.Fprintf(g.stderr, "skipped %s: %s\n", s.Dir, s.Reason)
	}
	if err != nil {
		return fmt.Errorf("eval import %s (nothing written):\n%w", dir, err)
	}
	if len(res.Scenarios) == 0 {
		return fmt.Errorf("eval import %s: no C or C++ scenario found (%d skipped)", dir, len(res.Skipped))
	}
	if !force {
		var exist []string
		for _, s := range res.Scenarios {
			if _, err := os.Stat(scenario.Dir(out, s)); err == nil {
				exist = append(exist, scenario.Dir(out, s))
			}
		}
		if len(exist) > 0 {
			return fmt.Errorf("eval import: %d scenarios already exist in %s (%s): use --force to replace them", len(exist), out, strings.Join(exist, ", "))
		}
	}
	if err := scenario.Write(out, res.Scenarios); err != nil {
		return fmt.Errorf("eval import: %w", err)
	}
	var nc, ncpp int
	for _, s := range res.Scenarios {
		if s.Lang == analysis.C {
			nc++
		} else {
			ncpp++
		}
	}
	fmt.Fprintf(g.stdout, "imported %d scenarios (%d C, %d C++) from %s into %s", len(res.Scenarios), nc, ncpp, dir, out)
	if len(res.Skipped) > 0 {
		var why []string
		for _, r := range res.SkipReasons() {
			why = append(why, fmt.Sprintf("%d %s", r.N, r.Reason))
		}
		fmt.Fprintf(g.stdout, "; skipped %d (%s)", len(res.Skipped), strings.Join(why, "; "))
	}
	fmt.Fprintln(g.stdout)
	for _, s := range res.Scenarios {
		judge := "codeql " + s.CodeQLQuery
		if s.ManualJudge {
			judge = "judged by hand in the original study"
		}
		fmt.Fprintf(g.stdout, "  %-32s %-8s rank %-3d %s\n", s.Key(), s.CWE, s.Rank, judge)
	}
	return nil
}
