// Package compile decides whether a program is valid the way the Pearce
// et al. study did: it must compile with `gcc -g -O -D_FORTIFY_SOURCE=2 -c`
// (C) or `g++` with the same flags (C++). The compiler and flags are
// configurable and every result names the command that decided it.
//
// Files are compiled in batches, one compiler process per batch and a few
// batches in parallel, because measurement showed it beats a process per
// file; a file that fails in a batch is compiled again on its own so that
// its diagnostics are its own.
//
// Programs that start with the same #include lines compile through a
// precompiled header of those lines (pch.go), which makes a C++ file
// several times faster; the decision stays the plain command's: a file
// is called invalid through a precompiled header only after a plain
// compile has confirmed a rejection by that header, and only with
// diagnostics that do not involve the header or a compiler crash.
package compile

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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

// DefaultFlags returns the study's flags; "-c" is always added after them.
func DefaultFlags() []string {
	return []string{"-g", "-O", "-D_FORTIFY_SOURCE=2"}
}

// Options configure the check. The zero value is the study's rule.
type Options struct {
	CC        string        // C compiler; default "gcc"
	CXX       string        // C++ compiler; default "g++"
	Flags     []string      // default DefaultFlags(); "-c" is always added
	Timeout   time.Duration // per compiler process; default 60s
	Jobs      int           // compiler processes at once; default the number of CPUs
	BatchSize int           // files per compiler process; default 32
	PerFile   bool          // one process per file instead of batches
	Runner    run.Runner    // default run.Exec{}

	// NoPCH compiles every file as it is, without precompiled headers.
	NoPCH bool
	// PCHDir keeps the precompiled headers, shared by every process that
	// uses it; default <user cache folder>/securecomplete/pch. Without
	// one, files are compiled plainly.
	PCHDir string
	// PCHMin is how many files of one Check must start with the same
	// block before a missing precompiled header of it is built; default
	// 6 for C++ and 16 for C (on fewer, building costs more than it
	// saves). A header already built is used for any number.
	PCHMin int
	// PCHCacheSize bounds the bytes in PCHDir (a C++ header is 20-40 MB);
	// past it the least recently used are removed. Default 1 GiB.
	PCHCacheSize int64
	// Logger receives debug records of precompiled headers built, refused
	// and removed, and a warning when PCHDir cannot be used; default
	// slog.Default().
	Logger *slog.Logger
}

// Result is the check's decision on one file.
type Result struct {
	Path    string
	Valid   bool
	Command string // the rule that decided: "gcc -g -O -D_FORTIFY_SOURCE=2 -c"
	Output  string // the compiler's diagnostics for an invalid file, paths as given
	Err     error  // the check could not decide (no compiler, timeout); Valid is then false
	// PCH reports that the file was decided by a compile through a
	// precompiled header of its leading #include lines: the same rule,
	// run faster. A file is found invalid that way only once the plain
	// command has confirmed a rejection by the same header, and only with
	// ordinary diagnostics (see checkBatch).
	PCH bool
}

// Described is the command with how it ran, for people:
// "g++ -g -O -D_FORTIFY_SOURCE=2 -c (precompiled headers)".
func (r Result) Described() string {
	if r.PCH {
		return r.Command + " (precompiled headers)"
	}
	return r.Command
}

// Checker runs the compile check. It is safe for concurrent use.
type Checker struct {
	opts  Options
	pch   *pchCache
	stats stats
}

// Stats counts what a Checker did since it was made.
type Stats struct {
	Files          int           // files decided
	ViaPCH         int           // found valid through a precompiled header
	Recompiled     int           // rejected through one, then decided by a plain compile
	RejectedViaPCH int           // found invalid through one whose rejections the plain compile had confirmed
	Disagreed      int           // headers dropped for rejecting a file the plain compile accepted
	PCHBuilt       int           // precompiled headers built
	PCHTime        time.Duration // spent building them
}

type stats struct {
	mu sync.Mutex
	s  Stats
}

func (s *stats) add(d Stats) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.s.Files += d.Files
	s.s.ViaPCH += d.ViaPCH
	s.s.Recompiled += d.Recompiled
	s.s.RejectedViaPCH += d.RejectedViaPCH
	s.s.Disagreed += d.Disagreed
	s.s.PCHBuilt += d.PCHBuilt
	s.s.PCHTime += d.PCHTime
}

// Stats returns the counts so far.
func (c *Checker) Stats() Stats {
	c.stats.mu.Lock()
	defer c.stats.mu.Unlock()
	return c.stats.s
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
		opts.Flags = DefaultFlags()
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
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Checker{opts: opts, pch: newPCHCache(opts)}
}

// PCH reports whether precompiled headers are in use, and why not.
func (c *Checker) PCH() (bool, string) {
	if c.pch.dir == "" {
		return false, c.pch.off
	}
	c.pch.mu.Lock()
	defer c.pch.mu.Unlock()
	if c.pch.broken != "" {
		return false, c.pch.broken
	}
	return true, ""
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
	pch  string // key of the precompiled header p/name includes, or ""
}

// call is the state of one Check shared by its batches.
type call struct {
	dir    string // scratch folder
	copies bool   // batches compile the copies in dir/p
	files  []analysis.File
	res    []Result

	mu      sync.Mutex
	suspect map[string]bool // keys of headers that rejected a valid file
}

func (c *call) suspectKey(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.suspect == nil {
		c.suspect = map[string]bool{}
	}
	c.suspect[key] = true
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

	langs := make([]analysis.Lang, len(files))
	for i, f := range files {
		lang := f.Lang
		if lang == "" {
			lang, _ = analysis.LangOf(f.Path)
		}
		if lang == "" {
			lang = analysis.C
		}
		langs[i] = lang
		res[i].Command = c.Command(lang)
		if err := c.Available(lang); err != nil {
			res[i].Err = err
		}
	}
	blocks, uses, st := c.precompile(ctx, files, langs, res)
	if blocks != nil {
		if err := os.Mkdir(filepath.Join(dir, "p"), 0o700); err != nil {
			blocks = nil
		}
	}

	byLang := map[analysis.Lang][]job{}
	for i, f := range files {
		if res[i].Err != nil {
			continue
		}
		lang := langs[i]
		ext := ".c"
		if lang == analysis.CPP {
			ext = ".cpp"
		}
		j := job{idx: i, lang: lang, name: fmt.Sprintf("f%05d%s", i, ext)}
		if err := os.WriteFile(filepath.Join(dir, j.name), f.Src, 0o600); err != nil {
			res[i].Err = fmt.Errorf("compile check: %w", err)
			continue
		}
		if blocks != nil {
			// Batches are compiled in p/, where a file is either its copy
			// that includes a precompiled header or itself, under the
			// same name (__FILE__ is the same either way).
			src, pch := f.Src, ""
			if bl, ok := blocks[i]; ok && uses[bl.key].header != "" {
				src, pch = withBlockIncluded(f.Src, bl.block, uses[bl.key].header), bl.key
			}
			if err := os.WriteFile(filepath.Join(dir, "p", j.name), src, 0o600); err != nil {
				res[i].Err = fmt.Errorf("compile check: %w", err)
				continue
			}
			j.pch = pch
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

	cl := &call{dir: dir, copies: blocks != nil, files: files, res: res}
	work := make(chan []job)
	var wg sync.WaitGroup
	for range min(c.opts.Jobs, len(batches)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				c.checkBatch(ctx, cl, b)
			}
		}()
	}
	for _, b := range batches {
		work <- b
	}
	close(work)
	wg.Wait()
	for key := range cl.suspect {
		st.Disagreed++
		c.pch.drop(key, "it rejected a program the plain compile accepts")
	}

	for i := range res {
		if res[i].Err == nil {
			st.Files++
		}
		switch {
		case res[i].PCH && res[i].Valid:
			st.ViaPCH++
		case res[i].PCH:
			st.RejectedViaPCH++
		}
		if _, ok := blocks[i]; ok && uses[blocks[i].key].header != "" && !res[i].PCH && res[i].Err == nil {
			st.Recompiled++
		}
	}
	c.stats.add(st)
	return res
}

// keyedBlock is a file's leading block and the key of its entry.
type keyedBlock struct {
	block
	key string
}

// precompile finds the leading block of every file that can have one and
// gets the precompiled headers ready (see pch.go). It returns the blocks
// by file index and the distinct blocks by key, header set on those the
// files compile through; nil when precompiled headers are off.
func (c *Checker) precompile(ctx context.Context, files []analysis.File, langs []analysis.Lang, res []Result) (map[int]keyedBlock, map[string]*use, Stats) {
	var st Stats
	if c.pch.dir == "" {
		return nil, nil, st
	}
	blocks := map[int]keyedBlock{}
	uses := map[string]*use{}
	for i, f := range files {
		if res[i].Err != nil {
			continue
		}
		b, ok := leadingBlock(f.Src)
		if !ok {
			continue
		}
		compiler := c.compiler(langs[i])
		key, err := c.pch.key(langs[i], compiler, b.text)
		if err != nil {
			continue
		}
		blocks[i] = keyedBlock{b, key}
		u := uses[key]
		if u == nil {
			u = &use{lang: langs[i], compiler: compiler, text: b.text}
			uses[key] = u
		}
		u.files++
	}
	if len(uses) == 0 {
		return nil, nil, st
	}
	start := time.Now()
	st.PCHBuilt = c.pch.prepare(ctx, uses, c.opts.Jobs, c.opts.Timeout)
	if st.PCHBuilt > 0 {
		st.PCHTime = time.Since(start)
	}
	for _, u := range uses {
		if u.header != "" {
			return blocks, uses, st
		}
	}
	return nil, nil, st
}

// checkBatch compiles a batch in one process, then compiles each file
// that failed on its own for its diagnostics. Results are written to res
// at the jobs' indices, which no other batch touches. Files with a copy
// that includes a precompiled header are compiled through it; one that
// fails that way is decided by a plain compile, until the plain compile
// has confirmed a rejection by that header; after that, by its own
// compile through the header (see ordinaryRejection).
func (c *Checker) checkBatch(ctx context.Context, cl *call, b []job) {
	bdir := cl.dir
	if cl.copies {
		bdir = filepath.Join(cl.dir, "p")
	}
	res := cl.res
	timedOut := false
	alone := map[int]Result{} // files compiled alone through their header, by index
	if len(b) == 1 && b[0].pch != "" {
		j := b[0]
		var r Result
		c.checkOne(ctx, bdir, j.lang, j.name, cl.files[j.idx].Path, &r)
		if r.Valid && ctx.Err() == nil {
			res[j.idx].Valid, res[j.idx].PCH = true, true
			return
		}
		timedOut = r.Err != nil
		alone[j.idx] = r
	}
	if len(b) > 1 {
		args := append(append([]string{}, c.opts.Flags...), "-c")
		for _, j := range b {
			args = append(args, j.name)
		}
		bctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
		_, err := c.opts.Runner.Run(bctx, run.Cmd{Dir: bdir, Name: c.compiler(b[0].lang), Args: args, Env: []string{"LC_ALL=C"}})
		cancel()
		if ctx.Err() != nil {
			for _, j := range b {
				res[j.idx].Err = fmt.Errorf("compile check: %w", ctx.Err())
			}
			return
		}
		timedOut = err != nil
		var again []job
		for _, j := range b {
			obj := filepath.Join(bdir, objName(j.name))
			if err == nil && exists(obj) {
				res[j.idx].Valid = true
				res[j.idx].PCH = j.pch != ""
				os.Remove(obj)
				continue
			}
			os.Remove(obj)
			again = append(again, j) // failed, or the batch timed out: decide alone
		}
		b = again
	}
	for _, j := range b {
		r := &res[j.idx]
		if j.pch != "" && !timedOut && c.pch.confirmed(j.pch) {
			// The header has rejected a program before and the plain
			// compile agreed: this file is decided by its own compile
			// through it, which gives the plain compile's verdict and
			// diagnostics at a fraction of the time, unless it points
			// into the header or GCC failed inside.
			pr, ok := alone[j.idx]
			if !ok {
				c.checkOne(ctx, bdir, j.lang, j.name, cl.files[j.idx].Path, &pr)
			}
			switch {
			case pr.Err == nil && pr.Valid:
				r.Valid, r.PCH = true, true
				continue
			case pr.Err == nil && c.ordinaryRejection(pr.Output):
				r.Valid, r.Output, r.PCH = false, pr.Output, true
				continue
			}
		}
		c.checkOne(ctx, cl.dir, j.lang, j.name, cl.files[j.idx].Path, r)
		switch {
		case j.pch != "" && r.Valid && !timedOut:
			cl.suspectKey(j.pch)
		case j.pch != "" && r.Err == nil && !timedOut:
			if pr, ok := alone[j.idx]; !ok || (pr.Err == nil && !pr.Valid) {
				c.pch.confirm(j.pch)
			}
		}
	}
}

// ordinaryRejection reports whether the diagnostics of a compile through
// a precompiled header are ones the plain compile gives too: errors, none
// of them inside GCC or pointing into the precompiled header's folder.
func (c *Checker) ordinaryRejection(out string) bool {
	return strings.Contains(out, "error") && !strings.Contains(out, "internal compiler error") &&
		(c.pch.dir == "" || !strings.Contains(out, c.pch.dir))
}

// objName is the object file gcc -c writes for a source file.
func objName(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".o"
}

// checkOne compiles one file in its own process.
func (c *Checker) checkOne(ctx context.Context, dir string, lang analysis.Lang, name, path string, r *Result) {
	obj := objName(name)
	args := append(append([]string{}, c.opts.Flags...), "-c", name, "-o", obj)
	fctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	out, err := c.opts.Runner.Run(fctx, run.Cmd{Dir: dir, Name: c.compiler(lang), Args: args, Env: []string{"LC_ALL=C"}})
	os.Remove(filepath.Join(dir, obj))
	if err != nil {
		if errors.Is(fctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			err = fmt.Errorf("compile check: %s did not finish within %v", c.compiler(lang), c.opts.Timeout)
		} else {
			err = fmt.Errorf("compile check: %w", err)
		}
		r.Err = err
		return
	}
	r.Valid = out.ExitCode == 0
	if !r.Valid {
		r.Output = tidyOutput(string(out.Stdout)+string(out.Stderr), name, path)
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
