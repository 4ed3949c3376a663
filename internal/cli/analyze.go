package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/analysis/external"
	"securecomplete/analysis/judge"
	"securecomplete/analysis/sarif"
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
	fl.StringSliceVar(&f.analyzers, "analyzers", judge.DefaultAnalyzers, "analyzers to run: "+strings.Join(judge.AllAnalyzers, ","))
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
		for _, k := range judge.AllAnalyzers {
			known = known || strings.EqualFold(strings.TrimSpace(n), k)
		}
		if !known {
			return nil, usageError{fmt.Errorf("--analyzers: unknown analyzer %q (known: %s)", n, strings.Join(judge.AllAnalyzers, ", "))}
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
		jf     judgeFlags
		lang   string
		cwe    string
		format string
	)
	cmd := &cobra.Command{
		Use:   "analyze [flags] FILE|DIR...",
		Short: "Judge C/C++ files: vulnerable, non-vulnerable or invalid",
		Long: `Judge C and C++ files. Each file is first compiled with the study's rule
(gcc -g -O -D_FORTIFY_SOURCE=2 -c, g++ for C++): one that does not compile is
invalid. The selected analyzers then look for weaknesses; with --cwe only
findings of that weakness count. Directories are searched for .c, .h, .cc,
.cpp, .cxx, .hpp files.

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
			if cwe != "" && !strings.HasPrefix(analysis.NormalizeCWE(cwe), "CWE-") {
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
			files, readErrs := collectFiles(args, forced, jf.maxSize)
			results := j.Judge(cmd.Context(), files, cwe)
			results = append(results, readErrs...)
			sort.SliceStable(results, func(a, b int) bool { return results[a].File < results[b].File })
			var werr error
			switch format {
			case "text":
				werr = writeText(g.stdout, results, j)
			case "json":
				werr = writeJSON(g.stdout, results)
			case "sarif":
				werr = writeSARIF(g.stdout, g.stderr, results)
			}
			if werr != nil {
				return fmt.Errorf("write results: %w", werr)
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
	cmd.AddCommand(newAnalyzeAgreeCommand(g))
	return cmd
}

// sourceExts are the extensions searched for in directories.
var sourceExts = map[string]bool{".c": true, ".h": true, ".cc": true, ".cpp": true, ".cxx": true, ".c++": true, ".hpp": true, ".hh": true, ".hxx": true}

// collectFiles reads the named files and the C/C++ files under the named
// directories. What cannot be read becomes a result with an error.
func collectFiles(args []string, forced analysis.Lang, maxSize int) ([]analysis.File, []judge.Result) {
	var files []analysis.File
	var bad []judge.Result
	seen := map[string]bool{}
	add := func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		lang := forced
		if lang == "" {
			l, ok := analysis.LangOf(path)
			if !ok {
				bad = append(bad, judge.Result{File: path, Err: fmt.Errorf("cannot tell the language of %s from its name: use --lang c or --lang cpp", path)})
				return
			}
			lang = l
		}
		src, err := readLimited(path, maxSize)
		if err != nil {
			bad = append(bad, judge.Result{File: path, Lang: lang, Err: err})
			return
		}
		files = append(files, analysis.File{Path: path, Lang: lang, Src: src})
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			bad = append(bad, judge.Result{File: arg, Err: fmt.Errorf("read %s: %w", arg, unwrapPath(err))})
			continue
		}
		if !info.IsDir() {
			add(arg)
			continue
		}
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, judge.Result{File: p, Err: fmt.Errorf("read %s: %w", p, unwrapPath(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != arg && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir // .git and friends
				}
				return nil
			}
			if d.Type().IsRegular() && sourceExts[strings.ToLower(filepath.Ext(p))] {
				add(p)
			}
			return nil
		})
		if err != nil {
			bad = append(bad, judge.Result{File: arg, Err: fmt.Errorf("walk %s: %w", arg, err)})
		}
	}
	return files, bad
}

// readLimited reads a file, refusing one larger than max bytes without
// reading it whole.
func readLimited(path string, max int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if len(b) > max {
		size := "more than " + fmt.Sprint(max)
		if info, err := f.Stat(); err == nil {
			size = fmt.Sprint(info.Size())
		}
		return nil, fmt.Errorf("file too large: %s bytes (the judge takes at most %d; see --max-size)", size, max)
	}
	return b, nil
}

// unwrapPath drops the path an *fs.PathError repeats, since messages name
// the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func writeText(w io.Writer, results []judge.Result, j *judge.Judge) error {
	var b strings.Builder
	counts := map[analysis.Verdict]int{}
	errs := 0
	absent := map[string]string{}
	compiler := map[string]bool{}
	for _, r := range results {
		if r.Err != nil {
			errs++
			fmt.Fprintf(&b, "%s: error: %v\n", r.File, r.Err)
			continue
		}
		counts[r.Verdict]++
		switch r.Verdict {
		case analysis.Invalid:
			fmt.Fprintf(&b, "%s: invalid: does not compile with %s\n", r.File, r.Compiler)
			n := 0
			for _, line := range strings.Split(r.CompileOutput, "\n") {
				if strings.Contains(line, "error:") && n < 3 {
					fmt.Fprintf(&b, "  %s\n", strings.TrimSpace(line))
					n++
				}
			}
		default:
			fmt.Fprintf(&b, "%s: %s\n", r.File, r.Verdict)
		}
		if r.Compiler != "" {
			compiler[r.Compiler] = true
		}
		for _, f := range r.Findings {
			fmt.Fprintf(&b, "  %s:%d:%d: %s [%s %s] %s\n", r.File, f.Line, f.Column, f.CWE, f.Analyzer, f.Rule, f.Message)
			if f.Fix != "" {
				fmt.Fprintf(&b, "    fix: %s\n", f.Fix)
			}
		}
		for _, st := range r.Analyzers {
			if !st.Available {
				absent[st.Name] = st.Reason
			} else if st.Error != "" {
				fmt.Fprintf(&b, "  %s could not analyze it: %s\n", st.Name, strings.ReplaceAll(st.Error, "\n", "\n    "))
			}
		}
	}
	fmt.Fprintf(&b, "\n%d files: %d vulnerable, %d non-vulnerable, %d invalid, %d errors\n",
		len(results), counts[analysis.Vulnerable], counts[analysis.NonVulnerable], counts[analysis.Invalid], errs)
	var ran []string
	for _, n := range j.Analyzers() {
		if _, ok := absent[n]; ok {
			continue
		}
		if n == "compile" && len(compiler) > 0 {
			var cs []string
			for c := range compiler {
				cs = append(cs, c)
			}
			sort.Strings(cs)
			n += " (" + strings.Join(cs, "; ") + ")"
		}
		ran = append(ran, n)
	}
	fmt.Fprintf(&b, "analyzers: %s\n", strings.Join(ran, ", "))
	for _, n := range j.Analyzers() {
		if reason, ok := absent[n]; ok {
			fmt.Fprintf(&b, "not available: %s: %s\n", n, reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonFinding and jsonResult are the documented JSON shape of a result.
type jsonFinding struct {
	CWE      string `json:"cwe"`
	Rule     string `json:"rule"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	Analyzer string `json:"analyzer"`
	Fix      string `json:"fix,omitempty"`
}

type jsonResult struct {
	File          string         `json:"file"`
	Lang          analysis.Lang  `json:"lang,omitempty"`
	Verdict       string         `json:"verdict,omitempty"`
	Findings      []jsonFinding  `json:"findings"`
	Analyzers     []judge.Status `json:"analyzers"`
	Compiler      string         `json:"compiler,omitempty"`
	CompileOutput string         `json:"compile_output,omitempty"`
	Error         string         `json:"error,omitempty"`
}

func writeJSON(w io.Writer, results []judge.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		jr := jsonResult{File: r.File, Lang: r.Lang, Verdict: string(r.Verdict), Findings: []jsonFinding{}, Analyzers: r.Analyzers,
			Compiler: r.Compiler, CompileOutput: r.CompileOutput}
		if jr.Analyzers == nil {
			jr.Analyzers = []judge.Status{}
		}
		if r.Err != nil {
			jr.Error = r.Err.Error()
		}
		for _, f := range r.Findings {
			jr.Findings = append(jr.Findings, jsonFinding{CWE: f.CWE, Rule: f.Rule, Line: f.Line, Column: f.Column, Message: f.Message, Analyzer: f.Analyzer, Fix: f.Fix})
		}
		if err := enc.Encode(jr); err != nil {
			return err
		}
	}
	return nil
}

// sarifTools names the analyzers in SARIF runs.
var sarifTools = map[string]sarif.ToolInfo{
	"builtin":  {Name: "securecomplete"},
	"gcc":      {Name: "gcc", InformationURI: "https://gcc.gnu.org/onlinedocs/gcc/Static-Analyzer-Options.html"},
	"clang":    {Name: "clang", InformationURI: "https://clang.llvm.org/docs/analyzer/checkers.html"},
	"cppcheck": {Name: "cppcheck", InformationURI: "https://cppcheck.sourceforge.io/"},
	"codeql":   {Name: "CodeQL", InformationURI: "https://codeql.github.com/"},
}

// writeSARIF writes the findings as one SARIF log; invalid files and
// errors, which SARIF results cannot carry as weaknesses, go to stderr.
func writeSARIF(w, stderr io.Writer, results []judge.Result) error {
	var all []analysis.Finding
	var paths []string
	for _, r := range results {
		switch {
		case r.Err != nil:
			fmt.Fprintf(stderr, "%s: error: %v\n", r.File, r.Err)
			continue
		case r.Verdict == analysis.Invalid:
			fmt.Fprintf(stderr, "%s: invalid: does not compile with %s\n", r.File, r.Compiler)
		}
		paths = append(paths, r.File)
		all = append(all, r.Findings...)
	}
	return sarif.WriteFindings(w, all, sarifTools, paths)
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
			f, err := os.Open(labels)
			if err != nil {
				fmt.Fprintf(g.stderr, "securecomplete: read labels: %v\n", err)
				return exitError{2}
			}
			ls, err := judge.ReadLabels(f)
			f.Close()
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
