package external

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
	"securecomplete/analysis/sarif"
)

// ClangNames returns the clang binaries tried, newest first.
func ClangNames() []string { return []string{"clang-22", "clang-19", "clang"} }

// Clang runs clang's static analyzer (--analyze) with SARIF output and
// with the program's argv declared a taint source: main is renamed by the
// preprocessor and a wrapper appended to the file calls it with strings
// returned by a function the taint configuration names as a source, so
// the taint checker follows argv into system(), array indexes and sizes.
type Clang struct {
	Names []string // binaries to try; default ClangNames()
	opts  Options

	once     sync.Once
	path     string // the binary found
	checkers []string
	config   string // the taint checker's config option name
	findErr  error
}

// NewClang returns the clang analyzer.
func NewClang(opts Options) *Clang {
	return &Clang{Names: ClangNames(), opts: opts.withDefaults()}
}

// Name implements analysis.Analyzer.
func (c *Clang) Name() string { return "clang" }

// Available implements analysis.Analyzer.
func (c *Clang) Available(ctx context.Context) error {
	c.find(ctx)
	return c.findErr
}

// Binary is the clang found, "" before Available or when none is.
func (c *Clang) Binary() string { return c.path }

func (c *Clang) find(ctx context.Context) {
	c.once.Do(func() {
		for _, n := range c.Names {
			if _, err := exec.LookPath(n); err == nil {
				c.path = n
				break
			}
		}
		if c.path == "" {
			c.findErr = fmt.Errorf("none of %s found in PATH", strings.Join(c.Names, ", "))
			return
		}
		// The taint checkers moved from alpha to optin in clang 20; ask
		// this clang which names it has.
		out, err := c.opts.Runner.Run(ctx, run.Cmd{Name: c.path, Args: []string{"-cc1", "-analyzer-checker-help-alpha"}})
		help := string(out.Stdout)
		out2, _ := c.opts.Runner.Run(ctx, run.Cmd{Name: c.path, Args: []string{"-cc1", "-analyzer-checker-help"}})
		help += string(out2.Stdout)
		if err != nil {
			c.findErr = fmt.Errorf("%s: %w", c.path, err)
			return
		}
		taint := "alpha.security.taint.GenericTaint"
		c.config = "alpha.security.taint.TaintPropagation:Config"
		if strings.Contains(help, "optin.taint.GenericTaint") {
			taint = "optin.taint.GenericTaint"
			c.config = "optin.taint.TaintPropagation:Config"
		}
		have := map[string]bool{}
		for _, line := range strings.Split(help, "\n") {
			if f := strings.Fields(line); len(f) > 0 && strings.HasPrefix(line, "  ") {
				have[f[0]] = true
			}
		}
		for _, ch := range []string{taint, "optin.taint.TaintedAlloc", "alpha.security.ArrayBoundV2", "security.ArrayBound", "alpha.unix.cstring.OutOfBounds", "alpha.security.MallocOverflow"} {
			if have[ch] {
				c.checkers = append(c.checkers, ch)
			}
		}
	})
}

// taintConfig declares the wrapper's source function for the taint
// checker (a propagation rule without sources taints its destinations).
const taintConfig = `Propagations:
  - Name: securecomplete_taint_source
    DstArgs: [-1]
`

const renamedMain = "securecomplete_user_main"

// mainWithArgs finds a main that takes argc and argv.
var mainWithArgs = regexp.MustCompile(`\bmain\s*\(\s*int\s+\w+\s*,`)

// wrap appends the argv wrapper to a program whose main takes arguments.
func wrap(f analysis.File) ([]byte, bool) {
	if !mainWithArgs.Match(f.Src) {
		return f.Src, false
	}
	var b bytes.Buffer
	b.Write(f.Src)
	if langOf(f) == analysis.CPP {
		b.WriteString("\nextern \"C\" char *securecomplete_taint_source(void);\n")
	} else {
		b.WriteString("\nchar *securecomplete_taint_source(void);\n")
	}
	b.WriteString("int securecomplete_entry(void) { char *av[] = { (char *)\"prog\", securecomplete_taint_source(), securecomplete_taint_source(), securecomplete_taint_source(), 0 }; return " + renamedMain + "(4, av); }\n")
	return b.Bytes(), true
}

func (c *Clang) args(name, out string, wrapped bool) []string {
	args := []string{"--analyze", "--analyzer-output", "sarif", "-o", out,
		"-Wno-error=implicit-function-declaration", "-Wno-error=int-conversion", "-Wno-error=incompatible-pointer-types",
		"-Wno-error=incompatible-function-pointer-types", "-Wno-error=return-type"}
	if len(c.checkers) > 0 {
		args = append(args, "-Xclang", "-analyzer-checker="+strings.Join(c.checkers, ","))
	}
	if wrapped {
		args = append(args, "-Dmain="+renamedMain, "-Xclang", "-analyzer-config", "-Xclang", c.config+"=taint.yaml")
	}
	return append(args, name)
}

// Commands are the command lines run for a file, for reports.
func (c *Clang) Commands(ctx context.Context) []string {
	c.find(ctx)
	if c.path == "" {
		return nil
	}
	return []string{run.Cmd{Name: c.path, Args: c.args("FILE", "FILE.sarif", true)}.String()}
}

// Analyze implements analysis.Analyzer: one process per file, on a pool.
func (c *Clang) Analyze(ctx context.Context, files []analysis.File) ([]analysis.Finding, error) {
	if err := c.Available(ctx); err != nil {
		return nil, err
	}
	wrapped := make([]bool, len(files))
	s, err := newScratch(files, nil)
	if err != nil {
		return nil, err
	}
	defer s.close()
	if err := os.WriteFile(filepath.Join(s.dir, "taint.yaml"), []byte(taintConfig), 0o600); err != nil {
		return nil, fmt.Errorf("clang: %w", err)
	}
	for i, f := range files {
		src, ok := wrap(f)
		if ok {
			name := "w" + s.names[i]
			if err := os.WriteFile(filepath.Join(s.dir, name), src, 0o600); err != nil {
				return nil, fmt.Errorf("clang: %w", err)
			}
			wrapped[i] = true
		}
	}
	var col collector
	forEach(len(files), c.opts.Jobs, func(i int) {
		if ctx.Err() != nil {
			return
		}
		fs, err := c.analyzeOne(ctx, s, i, files[i], wrapped[i])
		if err != nil && wrapped[i] {
			// The wrapper may not fit this main (a const argv in C++, say):
			// analyze the program as written.
			fs, err = c.analyzeOne(ctx, s, i, files[i], false)
		}
		if err != nil {
			col.fail(files[i].Path, err)
			return
		}
		col.add(fs...)
	})
	return col.result(ctx)
}

func (c *Clang) analyzeOne(ctx context.Context, s *scratch, i int, f analysis.File, wrapped bool) ([]analysis.Finding, error) {
	name := s.names[i]
	if wrapped {
		name = "w" + name
	}
	out := name + ".sarif"
	fctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	res, err := c.opts.Runner.Run(fctx, run.Cmd{Dir: s.dir, Name: c.path, Args: c.args(name, out, wrapped), Env: []string{"LC_ALL=C"}})
	if err != nil {
		if errors.Is(fctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			return nil, fmt.Errorf("%s did not finish within %v", c.path, c.opts.Timeout)
		}
		return nil, err
	}
	if res.ExitCode != 0 {
		return nil, fmt.Errorf("%s --analyze does not compile it: %s", c.path, strings.ReplaceAll(firstLines(res.Stderr, 3), name, f.Path))
	}
	fh, err := os.Open(filepath.Join(s.dir, out))
	if err != nil {
		return nil, fmt.Errorf("%s wrote no SARIF: %w", c.path, err)
	}
	defer fh.Close()
	l, err := sarif.Read(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.path, err)
	}
	var fs []analysis.Finding
	for _, fd := range l.Findings("clang", clangCWE, nil) {
		if filepath.Base(fd.File) != name || fd.Line > s.lines[i] || fd.CWE == "" {
			continue // in a header, in the wrapper, or no weakness
		}
		fd.File = f.Path
		fd.Message = strings.ReplaceAll(fd.Message, renamedMain, "main")
		fs = append(fs, fd)
	}
	return fs, nil
}

// clangCWE maps a checker and its message to a CWE; "" drops the report.
func clangCWE(checker, msg string) string {
	m := strings.ToLower(msg)
	switch {
	case strings.HasSuffix(checker, "taint.GenericTaint"):
		switch {
		case strings.Contains(m, "system call"):
			return "CWE-78"
		case strings.Contains(m, "format string"):
			return "CWE-134"
		case strings.Contains(m, "buffer size") || strings.Contains(m, "memory copy"):
			return "CWE-120"
		}
		return "CWE-20"
	case strings.HasSuffix(checker, "TaintedAlloc"), checker == "alpha.security.MallocOverflow":
		return "CWE-789"
	case strings.Contains(checker, "ArrayBound"):
		if strings.Contains(m, "tainted") {
			return "CWE-129"
		}
		return "CWE-119"
	case checker == "alpha.unix.cstring.OutOfBounds":
		return "CWE-119"
	case checker == "core.NullDereference", checker == "core.NonNullParamChecker":
		return "CWE-476"
	case checker == "unix.Malloc", checker == "cplusplus.NewDelete", checker == "cplusplus.NewDeleteLeaks":
		switch {
		case strings.Contains(m, "after it is freed") || strings.Contains(m, "after it is released"):
			return "CWE-416"
		case strings.Contains(m, "free released memory") || strings.Contains(m, "attempt to release released memory"):
			return "CWE-415"
		case strings.Contains(m, "potential leak") || strings.Contains(m, "potential memory leak"):
			return "CWE-401"
		case strings.Contains(m, "zero-allocated"):
			return "CWE-131"
		}
		return "CWE-762"
	case checker == "unix.MismatchedDeallocator":
		return "CWE-762"
	case checker == "unix.API" && strings.Contains(m, "o_creat"):
		return "CWE-732"
	case strings.HasPrefix(checker, "core.uninitialized"), checker == "core.CallAndMessage" && strings.Contains(m, "uninitialized"):
		return "CWE-457"
	case checker == "core.DivideZero":
		return "CWE-369"
	case checker == "core.StackAddressEscape":
		return "CWE-562"
	case checker == "security.insecureAPI.gets":
		return "CWE-242"
	case checker == "security.insecureAPI.strcpy":
		return "CWE-120"
	case checker == "unix.cstring.NullArg":
		return "CWE-476"
	}
	return ""
}
