package external

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
)

// DefaultGCCPasses returns the gcc runs per file. The static analyzer finds
// missing NULL checks at -O0 but mostly not when optimising, while the
// object-size warnings (-Wstringop-overflow, -Warray-bounds) need -O2 and
// _FORTIFY_SOURCE: so two passes.
func DefaultGCCPasses() [][]string {
	return [][]string{
		{"-O0", "-Wall", "-Wextra", "-fanalyzer"},
		{"-O2", "-Wall", "-Wextra", "-D_FORTIFY_SOURCE=2"},
	}
}

// GCC runs gcc (g++ for C++) with warnings and -fanalyzer and reads its
// JSON diagnostics (gcc 10 and later). Findings of the analyzer carry the
// CWE gcc gives them; warnings get one from gccWarningCWE.
type GCC struct {
	CC, CXX string     // default "gcc", "g++"
	Passes  [][]string // default DefaultGCCPasses()
	opts    Options
}

// NewGCC returns the gcc analyzer.
func NewGCC(opts Options) *GCC {
	return &GCC{CC: "gcc", CXX: "g++", Passes: DefaultGCCPasses(), opts: opts.withDefaults()}
}

// Name implements analysis.Analyzer.
func (g *GCC) Name() string { return "gcc" }

// Available implements analysis.Analyzer.
func (g *GCC) Available(context.Context) error {
	if _, err := exec.LookPath(g.CC); err != nil {
		return fmt.Errorf("%s not found in PATH", g.CC)
	}
	return nil
}

// Commands are the command lines run for a file, for reports.
func (g *GCC) Commands(lang analysis.Lang) []string {
	var out []string
	for _, p := range g.Passes {
		out = append(out, run.Cmd{Name: g.compiler(lang), Args: g.args(p, "FILE")}.String())
	}
	return out
}

func (g *GCC) compiler(lang analysis.Lang) string {
	if lang == analysis.CPP {
		return g.CXX
	}
	return g.CC
}

func (g *GCC) args(pass []string, name string) []string {
	return append(append([]string{}, pass...), "-fdiagnostics-format=json", "-c", name, "-o", "/dev/null")
}

// Analyze implements analysis.Analyzer: one process per file and pass, on
// a pool.
func (g *GCC) Analyze(ctx context.Context, files []analysis.File) ([]analysis.Finding, error) {
	s, err := newScratch(files, nil)
	if err != nil {
		return nil, err
	}
	defer s.close()
	var col collector
	forEach(len(files), g.opts.Jobs, func(i int) {
		if ctx.Err() != nil {
			return
		}
		seen := map[string]bool{}
		for _, pass := range g.Passes {
			fs, err := g.analyzeOne(ctx, s, i, files[i], pass)
			if err != nil {
				col.fail(files[i].Path, err)
				return
			}
			for _, f := range fs {
				key := fmt.Sprintf("%s:%d:%s", f.Rule, f.Line, f.CWE)
				if !seen[key] {
					seen[key] = true
					col.add(f)
				}
			}
		}
	})
	return col.result(ctx)
}

func (g *GCC) analyzeOne(ctx context.Context, s *scratch, i int, f analysis.File, pass []string) ([]analysis.Finding, error) {
	cc := g.compiler(langOf(f))
	fctx, cancel := context.WithTimeout(ctx, g.opts.Timeout)
	defer cancel()
	out, err := g.opts.Runner.Run(fctx, run.Cmd{Dir: s.dir, Name: cc, Args: g.args(pass, s.names[i]), Env: []string{"LC_ALL=C"}})
	if err != nil {
		if errors.Is(fctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			return nil, fmt.Errorf("%s did not finish within %v", cc, g.opts.Timeout)
		}
		return nil, err
	}
	diags, err := parseGCCJSON(out.Stderr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cc, err)
	}
	if out.ExitCode != 0 {
		msg := firstLines(out.Stderr, 3)
		for _, d := range diags {
			if d.Kind == "error" || d.Kind == "fatal error" {
				msg = d.Message
				break
			}
		}
		return nil, fmt.Errorf("%s %s does not compile it: %s", cc, strings.Join(pass, " "), msg)
	}
	var fs []analysis.Finding
	for _, d := range diags {
		if d.Kind != "warning" && d.Kind != "error" {
			continue
		}
		c := d.Metadata.CWE
		if c == 0 {
			c = gccWarningCWE[strings.SplitN(d.Option, "=", 2)[0]]
		}
		if c == 0 || len(d.Locations) == 0 {
			continue
		}
		loc := d.Locations[0]
		if filepath.Base(loc.Caret.File) != s.names[i] || loc.Caret.Line > s.lines[i] {
			continue // in a header: the call site is reported separately or not at all
		}
		rule := strings.TrimSuffix(d.Option, "=")
		if rule == "" {
			rule = "gcc"
		}
		col := loc.Caret.ByteColumn
		if col == 0 {
			col = loc.Caret.Column
		}
		finding := analysis.Finding{
			CWE: cwe(c), Rule: rule, File: f.Path, Line: loc.Caret.Line, Column: col,
			Message: d.Message, Analyzer: "gcc",
		}
		if d.Kind == "error" {
			finding.Severity = analysis.SeverityError
		}
		if loc.Finish.Line != 0 {
			finding.EndLine = loc.Finish.Line
			finding.EndColumn = loc.Finish.ByteColumn + 1
		}
		fs = append(fs, finding)
	}
	return fs, nil
}

// gccDiagnostic is one entry of gcc's -fdiagnostics-format=json output.
type gccDiagnostic struct {
	Kind      string `json:"kind"`
	Message   string `json:"message"`
	Option    string `json:"option"`
	Locations []struct {
		Caret  gccPos `json:"caret"`
		Finish gccPos `json:"finish"`
	} `json:"locations"`
	Metadata struct {
		CWE int `json:"cwe"`
	} `json:"metadata"`
}

type gccPos struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	ByteColumn int    `json:"byte-column"`
}

// parseGCCJSON reads the JSON arrays gcc writes to stderr (one per
// translation unit), skipping any plain text around them.
func parseGCCJSON(b []byte) ([]gccDiagnostic, error) {
	var all []gccDiagnostic
	for {
		start := bytes.IndexByte(b, '[')
		if start < 0 {
			return all, nil
		}
		dec := json.NewDecoder(bytes.NewReader(b[start:]))
		var ds []gccDiagnostic
		if err := dec.Decode(&ds); err != nil {
			return nil, fmt.Errorf("read JSON diagnostics: %w", err)
		}
		all = append(all, ds...)
		b = b[start+int(dec.InputOffset()):]
	}
}

// gccWarningCWE maps gcc warnings that speak of a weakness to its CWE
// (options without "=level"). -fanalyzer's own warnings carry their CWE.
var gccWarningCWE = map[string]int{
	"-Wstringop-overflow":        787,
	"-Wformat-overflow":          787,
	"-Warray-bounds":             119,
	"-Wstringop-overread":        125,
	"-Wuse-after-free":           416,
	"-Wfree-nonheap-object":      590,
	"-Wmismatched-dealloc":       762,
	"-Wmismatched-new-delete":    762,
	"-Wnonnull":                  476,
	"-Wnull-dereference":         476,
	"-Wreturn-local-addr":        562,
	"-Wdangling-pointer":         562,
	"-Wuninitialized":            457,
	"-Wmaybe-uninitialized":      457,
	"-Wformat-security":          134,
	"-Wformat-nonliteral":        134,
	"-Woverflow":                 190,
	"-Walloc-size-larger-than":   789,
	"-Wsizeof-pointer-memaccess": 467,
	"-Wsizeof-pointer-div":       467,
	"-Wdiv-by-zero":              369,
	"-Wstringop-truncation":      170,
	// Analyzer warnings that gcc 12 emits without metadata.
	"-Wanalyzer-null-dereference":                    476,
	"-Wanalyzer-possible-null-dereference":           690,
	"-Wanalyzer-null-argument":                       476,
	"-Wanalyzer-possible-null-argument":              690,
	"-Wanalyzer-use-after-free":                      416,
	"-Wanalyzer-double-free":                         415,
	"-Wanalyzer-free-of-non-heap":                    590,
	"-Wanalyzer-malloc-leak":                         401,
	"-Wanalyzer-file-leak":                           775,
	"-Wanalyzer-tainted-array-index":                 129,
	"-Wanalyzer-tainted-allocation-size":             789,
	"-Wanalyzer-tainted-size":                        129,
	"-Wanalyzer-tainted-divisor":                     369,
	"-Wanalyzer-out-of-bounds":                       119,
	"-Wanalyzer-use-of-uninitialized-value":          457,
	"-Wanalyzer-write-to-const":                      123,
	"-Wanalyzer-use-of-pointer-in-stale-stack-frame": 562,
}
