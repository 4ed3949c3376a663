// Package external runs the analyzers other projects ship (gcc's warnings
// and -fanalyzer, clang's static analyzer, cppcheck, CodeQL) behind
// analysis.Analyzer, and turns what each reports into findings with CWEs.
//
// Each is used when present; Available says why one cannot run. Only
// findings that map to a CWE are reported: style warnings would
// otherwise make every program "vulnerable".
package external

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
)

// Names returns the external analyzers New knows, in the order users list them.
func Names() []string {
	return []string{"gcc", "clang", "cppcheck", "codeql"}
}

// Options are shared by every external analyzer.
type Options struct {
	Runner  run.Runner    // default run.Exec{}
	Timeout time.Duration // per program (gcc, clang), per batch (cppcheck), per step (codeql); default 60s, 30m for codeql
	Jobs    int           // processes at once; default the number of CPUs
	CodeQL  CodeQLOptions
}

func (o Options) withDefaults() Options {
	if o.Runner == nil {
		o.Runner = run.Exec{}
	}
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
	return o
}

// New returns the external analyzer of that name ("gcc", "clang",
// "cppcheck", "codeql").
func New(name string, opts Options) (analysis.Analyzer, error) {
	switch name {
	case "gcc":
		return NewGCC(opts), nil
	case "clang":
		return NewClang(opts), nil
	case "cppcheck":
		return NewCppcheck(opts), nil
	case "codeql":
		return NewCodeQL(opts), nil
	}
	return nil, fmt.Errorf("unknown analyzer %q (known: %s)", name, strings.Join(Names(), ", "))
}

// scratch is a temporary folder holding the files under short names, so
// that tools see plain names and what they report maps back.
type scratch struct {
	dir   string
	names []string          // scratch name per file index
	paths map[string]string // scratch name -> File.Path
	lines []int             // line count per file index
}

// newScratch writes the files into a new folder; transform, when not nil,
// may change a file's text (to append a wrapper, say).
func newScratch(files []analysis.File, transform func(analysis.File) []byte) (*scratch, error) {
	dir, err := os.MkdirTemp("", "securecomplete-analyze-")
	if err != nil {
		return nil, fmt.Errorf("scratch folder: %w", err)
	}
	s := &scratch{dir: dir, paths: map[string]string{}}
	for i, f := range files {
		ext := ".c"
		if langOf(f) == analysis.CPP {
			ext = ".cpp"
		}
		name := fmt.Sprintf("f%05d%s", i, ext)
		src := f.Src
		if transform != nil {
			src = transform(f)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o600); err != nil {
			s.close()
			return nil, fmt.Errorf("scratch folder: %w", err)
		}
		s.names = append(s.names, name)
		s.paths[name] = f.Path
		s.lines = append(s.lines, strings.Count(string(f.Src), "\n")+1)
	}
	return s, nil
}

func (s *scratch) close() { os.RemoveAll(s.dir) }

// langOf is the file's language, by extension when unset, else C.
func langOf(f analysis.File) analysis.Lang {
	if f.Lang != "" {
		return f.Lang
	}
	if l, ok := analysis.LangOf(f.Path); ok {
		return l
	}
	return analysis.C
}

// forEach calls fn for 0..n-1 on up to jobs goroutines.
func forEach(n, jobs int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// collector gathers findings and per-file errors from many goroutines.
type collector struct {
	mu       sync.Mutex
	findings []analysis.Finding
	errs     analysis.FileErrors
}

func (c *collector) add(fs ...analysis.Finding) {
	c.mu.Lock()
	c.findings = append(c.findings, fs...)
	c.mu.Unlock()
}

func (c *collector) fail(path string, err error) {
	c.mu.Lock()
	if c.errs == nil {
		c.errs = analysis.FileErrors{}
	}
	c.errs[path] = err
	c.mu.Unlock()
}

// result is what Analyze returns: the findings, and the per-file errors
// when there are any.
func (c *collector) result(ctx context.Context) ([]analysis.Finding, error) {
	if err := ctx.Err(); err != nil {
		return c.findings, err
	}
	if len(c.errs) > 0 {
		return c.findings, c.errs
	}
	return c.findings, nil
}

// firstLines is the start of a tool's error output, for a message.
func firstLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "...")
	}
	return strings.Join(lines, "\n")
}

// cwe formats a CWE number, "" for 0.
func cwe(n int) analysis.CWE {
	if n <= 0 {
		return ""
	}
	return analysis.CWE(fmt.Sprintf("CWE-%d", n))
}
