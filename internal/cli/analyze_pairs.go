package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/analysis"
	"securecomplete/analysis/external"
	"securecomplete/analysis/pairs"
	"securecomplete/analysis/rules"
	"securecomplete/analysis/source"
)

// defaultPairAnalyzers are compared by analyze pairs unless told
// otherwise: the built-in rules beside the two free analyzers that run on
// a single function.
func defaultPairAnalyzers() []string { return []string{"builtin", "cppcheck", "clang"} }

func newAnalyzePairsCommand(g *globals) *cobra.Command {
	var (
		names   []string
		format  string
		timeout time.Duration
		jobs    int
	)
	cmd := &cobra.Command{
		Use:   "pairs [flags] FILE.jsonl...",
		Short: "Measure analyzers on functions before and after real vulnerability fixes",
		Long: `Judge both versions of every vulnerable/fixed pair in SVEN-format JSONL
files (one record a line: func_src_before, func_src_after, vul_type,
file_name) and report per CWE, for each analyzer side by side: how many
vulnerable versions it flagged with the pair's CWE (or a more specific
one), how many fixed versions it still flagged, and the differential, the
pairs flagged before and not after. Records whose file is not C or C++ are
skipped and counted.

The functions are fragments without their headers: an analyzer that needs
to compile them (clang) judges what it can, and a fragment it cannot
compile counts as not flagged. An analyzer that is not installed is named
as not run, and counts nothing.`,
		Example: `  securecomplete analyze pairs ../shared/datasets/sven-fixes/cwe-*.jsonl
  securecomplete analyze pairs --analyzers builtin --format json fixes.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("analyze pairs: name at least one JSONL file")}
			}
			if format != "text" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want text or json", format)}
			}
			var as []analysis.Analyzer
			for _, n := range names {
				n = strings.ToLower(strings.TrimSpace(n))
				if n == "builtin" {
					as = append(as, rules.New())
					continue
				}
				a, err := external.New(n, external.Options{Timeout: timeout, Jobs: jobs})
				if err != nil {
					return usageError{fmt.Errorf("--analyzers: unknown analyzer %q (known: builtin, gcc, clang, cppcheck, codeql)", n)}
				}
				as = append(as, a)
			}
			if len(as) == 0 {
				return usageError{errors.New("--analyzers: name at least one analyzer")}
			}
			var ps []pairs.Pair
			skipped := 0
			for _, name := range args {
				data, err := source.ReadRegular(cmd.Context(), name, 1<<30)
				if err != nil {
					fmt.Fprintf(g.stderr, "securecomplete: %v\n", err)
					return exitError{2}
				}
				p, s, err := pairs.Read(bytes.NewReader(data), name)
				if err != nil {
					fmt.Fprintf(g.stderr, "securecomplete: %v\n", err)
					return exitError{2}
				}
				ps, skipped = append(ps, p...), skipped+s
			}
			if len(ps) == 0 {
				fmt.Fprintf(g.stderr, "securecomplete: no C/C++ pair in %s (%d records skipped)\n", strings.Join(args, ", "), skipped)
				return exitError{2}
			}
			start := time.Now()
			rep, err := pairs.Measure(cmd.Context(), ps, as)
			if err != nil {
				return fmt.Errorf("analyze pairs: %w", err)
			}
			switch format {
			case "json":
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				err = enc.Encode(rep)
			default:
				err = rep.WriteText(g.stdout)
			}
			if err != nil {
				return fmt.Errorf("write report: %w", err)
			}
			fmt.Fprintf(g.stderr, "%d pairs from %d files, %d records skipped (not C/C++); %.1f s\n",
				len(ps), len(args), skipped, time.Since(start).Seconds())
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&names, "analyzers", defaultPairAnalyzers(), "analyzers to compare: builtin,gcc,clang,cppcheck,codeql")
	cmd.Flags().StringVar(&format, "format", "text", "output: text or json")
	cmd.Flags().DurationVar(&timeout, "timeout", 60*time.Second, "time limit per external analyzer process")
	cmd.Flags().IntVar(&jobs, "jobs", 0, "processes at once (default: the number of CPUs)")
	return cmd
}
