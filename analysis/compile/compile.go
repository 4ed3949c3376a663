// Package compile decides whether a program is valid the way the Pearce
// et al. study did: it must compile with `gcc -g -O -D_FORTIFY_SOURCE=2 -c`
// (C) or `g++` with the same flags (C++). The compiler and flags are
// configurable and every result names the command that decided it.
//
// Files are compiled in batches, one compiler process per batch and a few
// batches in parallel, because measurement showed it beats a process per
// file; a file that fails in a batch is compiled again on its own so that
// its diagnostics are its own.
package compile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
)

// DefaultFlags are the study's flags; "-c" is always added after them.
var DefaultFlags = []string{"-g", "-O", "-D_FORTIFY_SOURCE=2"}

// Options configure the check. The zero value is the study's rule.
type Options struct {
	CC        string        // C compiler; default "gcc"
	CXX       string        // C++ compiler; default "g++"
	Flags     []string      // default DefaultFlags; "-c" is always added
	Timeout   time.Duration // per compiler process; default 60s
	Jobs      int           // compiler processes at once; default the number of CPUs
	BatchSize int           // files per compiler process; default 32
	PerFile   bool          // one process per file instead of batches
	Runner    run.Runner    // default run.Exec{}
}

// Result is the check's decision on one file.
type Result struct {
	Path    string
	Valid   bool
	Command string // the rule that decided: "gcc -g -O -D_FORTIFY_SOURCE=2 -c"
	Output  string // the compiler's diagnostics for an invalid file, paths as given
	Err     error  // the check could not decide (no compiler, timeout); Valid is then false
}

// Checker runs the compile check. It is safe for concurrent use.
type Checker struct {
	opts Options
}

// New returns a Checker with the defaults filled in.
func New(opts Options) *Checker {
	if opts.CC == "" {
		opts.CC = "gcc"
	}
	if opts.CXX == "" {
		opts.CXX = "g++"
	}
	if opts.Flags == nil {
		opts.Flags = DefaultFlags
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 60 * time.Second
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 32
	}
	if opts.Runner == nil {
		opts.Runner = run.Exec{}
	}
	return &Checker{opts: opts}
}

// Options returns the options in force, defaults filled in.
func (c *Checker) Options() Options { return c.opts }

func (c *Checker) compiler(lang analysis.Lang) string {
	if lang == analysis.CPP {
		return c.opts.CXX
	}
	return c.opts.CC
}

// Command is the rule that decides for a language, as a command line.
func (c *Checker) Command(lang analysis.Lang) string {
	return run.Cmd{Name: c.compiler(lang), Args: append(append([]string{}, c.opts.Flags...), "-c")}.String()
}

// Available reports whether the compiler of a language can be found.
func (c *Checker) Available(lang analysis.Lang) error {
	name := c.compiler(lang)
	if _, err := exec.LookPath(name); err != nil {
		return fmt.Errorf("compiler %s not found in PATH", name)
	}
	return nil
}

// job is one file of a check, as written to the scratch folder.
type job struct {
	idx  int
	lang analysis.Lang
	name string // file name in the scratch folder
}

// Check compiles the files and returns one result per file, in order.
// Files without a language are taken by their extension, else as C.
func (c *Checker) Check(ctx context.Context, files []analysis.File) []Result {
	res := make([]Result, len(files))
	for i, f := range files {
		res[i].Path = f.Path
	}
	if len(files) == 0 {
		return res
	}
	dir, err := os.MkdirTemp("", "securecomplete-compile-")
	if err != nil {
		for i := range res {
			res[i].Err = fmt.Errorf("compile check: %w", err)
		}
		return res
	}
	defer os.RemoveAll(dir)

	byLang := map[analysis.Lang][]job{}
	for i, f := range files {
		lang := f.Lang
		if lang == "" {
			lang, _ = analysis.LangOf(f.Path)
		}
		if lang == "" {
			lang = analysis.C
		}
		res[i].Command = c.Command(lang)
		if err := c.Available(lang); err != nil {
			res[i].Err = err
			continue
		}
		ext := ".c"
		if lang == analysis.CPP {
			ext = ".cpp"
		}
		j := job{idx: i, lang: lang, name: fmt.Sprintf("f%05d%s", i, ext)}
		if err := os.WriteFile(filepath.Join(dir, j.name), f.Src, 0o600); err != nil {
			res[i].Err = fmt.Errorf("compile check: %w", err)
			continue
		}
		byLang[lang] = append(byLang[lang], j)
	}

	var batches [][]job
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		jobs := byLang[lang]
		size := c.opts.BatchSize
		if c.opts.PerFile {
			size = 1
		}
		// Spread small sets over every worker rather than filling one batch.
		if per := (len(jobs) + c.opts.Jobs - 1) / c.opts.Jobs; per < size {
			size = max(per, 1)
		}
		for len(jobs) > 0 {
			n := min(size, len(jobs))
			batches = append(batches, jobs[:n])
			jobs = jobs[n:]
		}
	}

	work := make(chan []job)
	var wg sync.WaitGroup
	for range min(c.opts.Jobs, len(batches)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				c.checkBatch(ctx, dir, b, files, res)
			}
		}()
	}
	for _, b := range batches {
		work <- b
	}
	close(work)
	wg.Wait()
	return res
}

// checkBatch compiles a batch in one process, then compiles each file
// that failed on its own for its diagnostics. Results are written to res
// at the jobs' indices, which no other batch touches.
func (c *Checker) checkBatch(ctx context.Context, dir string, b []job, files []analysis.File, res []Result) {
	if len(b) > 1 {
		args := append(append([]string{}, c.opts.Flags...), "-c")
		for _, j := range b {
			args = append(args, j.name)
		}
		bctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
		_, err := c.opts.Runner.Run(bctx, run.Cmd{Dir: dir, Name: c.compiler(b[0].lang), Args: args, Env: []string{"LC_ALL=C"}})
		cancel()
		if ctx.Err() != nil {
			for _, j := range b {
				res[j.idx].Err = fmt.Errorf("compile check: %w", ctx.Err())
			}
			return
		}
		var again []job
		for _, j := range b {
			obj := filepath.Join(dir, strings.TrimSuffix(j.name, filepath.Ext(j.name))+".o")
			if err == nil && exists(obj) {
				res[j.idx].Valid = true
				os.Remove(obj)
				continue
			}
			os.Remove(obj)
			again = append(again, j) // failed, or the batch timed out: decide alone
		}
		b = again
	}
	for _, j := range b {
		c.checkOne(ctx, dir, j, files[j.idx].Path, &res[j.idx])
	}
}

// checkOne compiles one file in its own process.
func (c *Checker) checkOne(ctx context.Context, dir string, j job, path string, r *Result) {
	obj := strings.TrimSuffix(j.name, filepath.Ext(j.name)) + ".o"
	args := append(append([]string{}, c.opts.Flags...), "-c", j.name, "-o", obj)
	fctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	out, err := c.opts.Runner.Run(fctx, run.Cmd{Dir: dir, Name: c.compiler(j.lang), Args: args, Env: []string{"LC_ALL=C"}})
	os.Remove(filepath.Join(dir, obj))
	if err != nil {
		if errors.Is(fctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			err = fmt.Errorf("compile check: %s did not finish within %v", c.compiler(j.lang), c.opts.Timeout)
		} else {
			err = fmt.Errorf("compile check: %w", err)
		}
		r.Err = err
		return
	}
	r.Valid = out.ExitCode == 0
	if !r.Valid {
		r.Output = tidyOutput(string(out.Stdout)+string(out.Stderr), j.name, path)
	}
}

// maxOutput bounds the diagnostics kept per file.
const maxOutput = 32 << 10

// tidyOutput names the file as the user did and bounds the size.
func tidyOutput(s, tmpName, path string) string {
	s = strings.ReplaceAll(s, tmpName, path)
	if len(s) > maxOutput {
		s = s[:maxOutput] + "\n[... diagnostics cut ...]\n"
	}
	return s
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
