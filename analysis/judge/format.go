package judge

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"securecomplete/analysis"
	"securecomplete/analysis/sarif"
)

// WriteText writes results for a person: one line per file with its
// verdict, its findings below it, then the totals and the analyzers that
// ran (analyzers as Judge.Analyzers gives them).
func WriteText(w io.Writer, results []Result, analyzers []string) error {
	var b strings.Builder
	results = quotedPaths(results)
	counts := map[analysis.Verdict]int{}
	errs := 0
	absent := map[string]string{}
	compiler := map[string]bool{}
	for _, r := range results {
		if r.Err != nil {
			errs++
			// The message may repeat a file name: one line still.
			fmt.Fprintf(&b, "%s: error: %s\n", r.File, strings.ReplaceAll(r.Err.Error(), "\n", `\n`))
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
	for _, n := range analyzers {
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
	for _, n := range analyzers {
		if reason, ok := absent[n]; ok {
			fmt.Fprintf(&b, "not available: %s: %s\n", n, reason)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonFinding and jsonResult are the documented JSON shape of a result.
type jsonFinding struct {
	CWE      analysis.CWE `json:"cwe"`
	Rule     string       `json:"rule"`
	Line     int          `json:"line"`
	Column   int          `json:"column"`
	Message  string       `json:"message"`
	Analyzer string       `json:"analyzer"`
	Fix      string       `json:"fix,omitempty"`
}

type jsonResult struct {
	File          string        `json:"file"`
	Lang          analysis.Lang `json:"lang,omitempty"`
	Verdict       string        `json:"verdict,omitempty"`
	Findings      []jsonFinding `json:"findings"`
	Analyzers     []Status      `json:"analyzers"`
	Compiler      string        `json:"compiler,omitempty"`
	CompileOutput string        `json:"compile_output,omitempty"`
	Error         string        `json:"error,omitempty"`
}

// WriteJSON writes one JSON object per line and result.
func WriteJSON(w io.Writer, results []Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, r := range results {
		jr := jsonResult{File: r.File, Lang: r.Lang, Verdict: string(r.Verdict), Findings: []jsonFinding{}, Analyzers: r.Analyzers,
			Compiler: r.Compiler, CompileOutput: r.CompileOutput}
		if jr.Analyzers == nil {
			jr.Analyzers = []Status{}
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
func sarifTools() map[string]sarif.ToolInfo {
	return map[string]sarif.ToolInfo{
		"builtin":  {Name: "securecomplete"},
		"gcc":      {Name: "gcc", InformationURI: "https://gcc.gnu.org/onlinedocs/gcc/Static-Analyzer-Options.html"},
		"clang":    {Name: "clang", InformationURI: "https://clang.llvm.org/docs/analyzer/checkers.html"},
		"cppcheck": {Name: "cppcheck", InformationURI: "https://cppcheck.sourceforge.io/"},
		"codeql":   {Name: "CodeQL", InformationURI: "https://codeql.github.com/"},
	}
}

// WriteSARIF writes the findings as one SARIF log; invalid files and
// errors, which SARIF results cannot carry as weaknesses, go to stderr.
func WriteSARIF(w, stderr io.Writer, results []Result) error {
	var all []analysis.Finding
	var paths []string
	for _, r := range results {
		switch {
		case r.Err != nil:
			fmt.Fprintf(stderr, "%s: error: %v\n", DisplayPath(r.File), r.Err)
			continue
		case r.Verdict == analysis.Invalid:
			fmt.Fprintf(stderr, "%s: invalid: does not compile with %s\n", DisplayPath(r.File), r.Compiler)
		}
		paths = append(paths, r.File)
		all = append(all, r.Findings...)
	}
	return sarif.WriteFindings(w, all, sarifTools(), paths)
}

// DisplayPath is path as a line of text output shows it: as it is, or
// quoted as %q does when it holds a newline or another character that
// would break the line or hide what it is.
func DisplayPath(path string) string {
	for _, r := range path {
		if !unicode.IsPrint(r) {
			return strconv.Quote(path)
		}
	}
	if !utf8.ValidString(path) {
		return strconv.Quote(path)
	}
	return path
}

// quotedPaths returns results with their file names made fit for text
// output (DisplayPath).
func quotedPaths(results []Result) []Result {
	out := make([]Result, len(results))
	for i, r := range results {
		r.File = DisplayPath(r.File)
		out[i] = r
	}
	return out
}
