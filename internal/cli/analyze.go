package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/analysis/external"
	"securecomplete/analysis/judge"
	"securecomplete/analysis/source"
)

// judgeFlags are the flags analyze and analyze agree share.
type judgeFlags struct {
	analyzers    []string
	cc, cxx      string
	compileFlags string
	timeout      time.Duration
	jobs         int
	maxSize      int
	queries      []string
	noPCH        bool
}

func (f *judgeFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringSliceVar(&f.analyzers, "analyzers", judge.DefaultAnalyzers(), "analyzers to run: "+strings.Join(judge.AllAnalyzers(), ","))
	fl.StringVar(&f.cc, "cc", "gcc", "C compiler of the compile check")
	fl.StringVar(&f.cxx, "cxx", "g++", "C++ compiler of the compile check")
	fl.StringVar(&f.compileFlags, "compile-flags", strings.Join(compile.DefaultFlags(), " "), "flags of the compile check (-c is added)")
	fl.DurationVar(&f.timeout, "timeout", 60*time.Second, "time limit per compiler or analyzer process")
	fl.IntVar(&f.jobs, "jobs", 0, "processes at once (default: the number of CPUs)")
	fl.IntVar(&f.maxSize, "max-size", judge.DefaultMaxFileSize, "largest file judged, in bytes")
	fl.BoolVar(&f.noPCH, "no-pch", false, "compile every file as it is, without precompiled headers of its #include lines (the same verdicts, slower)")
	fl.StringSliceVar(&f.queries, "codeql-queries", nil, "CodeQL queries, packs or suites (default: the C/C++ security-extended suite)")
}

func (f *judgeFlags) judge() (*judge.Judge, error) {
	for _, n := range f.analyzers {
		known := false
		for _, k := range judge.AllAnalyzers() {
			known = known || strings.EqualFold(strings.TrimSpace(n), k)
		}
		if !known {
			return nil, usageError{fmt.Errorf("--analyzers: unknown analyzer %q (known: %s)", n, strings.Join(judge.AllAnalyzers(), ", "))}
		}
	}
	if f.maxSize <= 0 {
		return nil, usageError{errors.New("--max-size must be positive")}
	}
	j, err := judge.New(judge.Options{
		Analyzers:   f.analyzers,
		Compile:     compile.Options{CC: f.cc, CXX: f.cxx, Flags: strings.Fields(f.compileFlags), Timeout: f.timeout, Jobs: f.jobs, NoPCH: f.noPCH},
		External:    external.Options{Timeout: f.timeout, Jobs: f.jobs, CodeQL: external.CodeQLOptions{Queries: f.queries}},
		MaxFileSize: f.maxSize,
		Jobs:        f.jobs,
	})
	if err != nil {
		return nil, usageError{err}
	}
	return j, nil
}

func newAnalyzeCommand(g *globals) *cobra.Command {
	var (
		jf         judgeFlags
		lang       string
		cwe        string
		format     string
		skipHidden bool
	)
	cmd := &cobra.Command{
		Use:   "analyze [flags] FILE|DIR...",
		Short: "Judge C/C++ files: vulnerable, non-vulnerable or invalid",
		Long: `Judge C and C++ files. Each file is first compiled with the study's rule
(gcc -g -O -D_FORTIFY_SOURCE=2 -c, g++ for C++): one that does not compile is
invalid. The selected analyzers then look for weaknesses; with --cwe only
findings of that weakness count. Directories are searched for .c, .h, .cc,
.cpp, .cxx, .c++, .hpp, .hh, .hxx files, hidden ones included (--skip-hidden
leaves them out); symbolic links are followed, each file is judged once
under the first path it was found at, and the summary says how many
entries were skipped and why. A directory with no C/C++ file, and a path
that is not a regular file (a FIFO, a device, a socket), is an error.

Exit status: 0 when nothing is vulnerable, 1 when something is, 2 on usage
errors or files that could not be read or judged.`,
		Example: `  securecomplete analyze src/
  securecomplete analyze --cwe CWE-787 --format json samples/*.c
  securecomplete analyze --analyzers compile,builtin,gcc,clang --format sarif main.cpp > findings.sarif`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("analyze: name at least one file or directory")}
			}
			var forced analysis.Lang
			if lang != "" {
				l, ok := analysis.ParseLang(lang)
				if !ok {
					return usageError{fmt.Errorf("--lang %q: want c or cpp", lang)}
				}
				forced = l
			}
			if _, ok := analysis.ParseCWE(cwe); cwe != "" && !ok {
				return usageError{fmt.Errorf("--cwe %q: want CWE-N", cwe)}
			}
			switch format {
			case "text", "json", "sarif":
			default:
				return usageError{fmt.Errorf("--format %q: want text, json or sarif", format)}
			}
			j, err := jf.judge()
			if err != nil {
				return err
			}
			set, err := source.Collect(cmd.Context(), args, source.Options{Lang: forced, MaxSize: jf.maxSize, SkipHidden: skipHidden})
			if err != nil {
				return err
			}
			results := j.Judge(cmd.Context(), set.Files, cwe)
			if err := cmd.Context().Err(); err != nil {
				return err // interrupted: the results are not all there
			}
			for _, p := range set.Problems {
				results = append(results, judge.Result{File: p.Path, Lang: p.Lang, Err: p.Err})
			}
			sort.SliceStable(results, func(a, b int) bool { return results[a].File < results[b].File })
			var werr error
			summary := g.stderr
			switch format {
			case "text":
				werr, summary = judge.WriteText(g.stdout, results, j.Analyzers()), g.stdout
			case "json":
				werr = judge.WriteJSON(g.stdout, results)
			case "sarif":
				werr = judge.WriteSARIF(g.stdout, g.stderr, results)
			}
			if werr != nil {
				return fmt.Errorf("write results: %w", werr)
			}
			if s := set.Summary(); s != "" {
				fmt.Fprintln(summary, s)
			}
			code := 0
			for _, r := range results {
				if r.Err != nil {
					code = 2
					break
				}
				if r.Verdict == analysis.Vulnerable {
					code = 1
				}
			}
			if code != 0 {
				return exitError{code}
			}
			return nil
		},
	}
	jf.register(cmd)
	cmd.Flags().StringVar(&lang, "lang", "", "language of every file: c or cpp (default: by extension)")
	cmd.Flags().StringVar(&cwe, "cwe", "", "count only findings of this weakness, e.g. CWE-787")
	cmd.Flags().StringVar(&format, "format", "text", "output: text, json (one object per line and file) or sarif")
	cmd.Flags().BoolVar(&skipHidden, "skip-hidden", false, "leave out hidden directories and files (.git, .cache, ...) under the directories named")
	cmd.AddCommand(newAnalyzeAgreeCommand(g), newAnalyzePairsCommand(g))
	return cmd
}

func newAnalyzeAgreeCommand(g *globals) *cobra.Command {
	var (
		jf     judgeFlags
		labels string
	)
	cmd := &cobra.Command{
		Use:   "agree --labels labels.csv",
		Short: "Measure how well the judge agrees with labelled programs",
		Long: `Judge every program of a labelled set and compare with its labels: per-scenario
agreement, accuracy, precision, recall and Cohen's kappa (vulnerable vs
non-vulnerable over the programs both call valid), whether the invalid ones
were found exactly, and each disagreement with its file and lines.

The labels file is a CSV with a header naming at least scenario_id, file and
label (vulnerable, non-vulnerable or invalid); alert_lines (the reference's
flagged lines, separated by ';') is shown for missed findings. Paths are
relative to the CSV's folder. The CWE at the start of a scenario id
("CWE-787-0") selects the weakness judged.`,
		Example: `  securecomplete analyze agree --labels ../shared/datasets/pearce-copilot-dev/labels.csv
  securecomplete analyze agree --labels labels.csv --analyzers compile,builtin,gcc,clang`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if labels == "" {
				return usageError{errors.New("analyze agree: --labels is required")}
			}
			j, err := jf.judge()
			if err != nil {
				return err
			}
			data, err := source.ReadRegular(cmd.Context(), labels, 1<<30)
			if err != nil {
				fmt.Fprintf(g.stderr, "securecomplete: read labels: %v\n", err)
				return exitError{2}
			}
			ls, err := judge.ReadLabels(bytes.NewReader(data))
			if err != nil {
				fmt.Fprintf(g.stderr, "securecomplete: %s: %v\n", labels, err)
				return exitError{2}
			}
			start := time.Now()
			rep := judge.Agreement(j.Agree(cmd.Context(), filepath.Dir(labels), ls))
			elapsed := time.Since(start)
			if err := rep.WriteText(g.stdout); err != nil {
				return fmt.Errorf("write report: %w", err)
			}
			fmt.Fprintf(g.stderr, "analyzers: %s; %.1f s in all\n", strings.Join(j.Analyzers(), ","), elapsed.Seconds())
			for _, s := range j.Stats() {
				if s.Files > 0 {
					fmt.Fprintf(g.stderr, "  %-8s %4d files %8.2f s %8.2f ms/file\n", s.Name, s.Files, s.Duration.Seconds(), float64(s.Duration.Microseconds())/1000/float64(s.Files))
				}
			}
			return nil
		},
	}
	jf.register(cmd)
	cmd.Flags().StringVar(&labels, "labels", "", "the labels CSV (scenario_id,file,label[,oracle,check_query,alert_lines])")
	return cmd
}
