// Package judge decides, per program, vulnerable / non-vulnerable /
// invalid: the compile check first, then the selected analyzers (the
// built-in rules, gcc, clang, cppcheck, CodeQL) on the programs that
// compile. It also measures how well a judge agrees with labelled data
// (confusion matrix, accuracy, precision, recall, Cohen's kappa).
//
// Invalid programs are not analyzed: a program that does not compile has
// no findings, as in the study, where invalid samples were set aside
// before CodeQL ran.
package judge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/analysis/external"
	"securecomplete/analysis/rules"
)

// DefaultAnalyzers returns the analyzers used when Options.Analyzers is
// empty.
func DefaultAnalyzers() []string { return []string{"compile", "builtin"} }

// AllAnalyzers lists every analyzer name New accepts.
func AllAnalyzers() []string {
	return []string{"compile", "builtin", "gcc", "clang", "cppcheck", "codeql"}
}

// DefaultMaxFileSize is the largest program judged; larger ones get an
// error (generated programs are a few kilobytes).
const DefaultMaxFileSize = 4 << 20

// Options configure a Judge.
type Options struct {
	Analyzers   []string         // names from AllAnalyzers; default DefaultAnalyzers
	Compile     compile.Options  // the compile check (compiler, flags, timeout)
	External    external.Options // the external analyzers (timeouts, CodeQL queries)
	MaxFileSize int              // bytes; default DefaultMaxFileSize
	Jobs        int              // files judged at once by the built-in rules; default the number of CPUs
}

// Status says how one analyzer fared on one file.
type Status struct {
	Name      string `json:"name"`
	Available bool   `json:"available"`        // false: it could not run here
	Reason    string `json:"reason,omitempty"` // why it is not available
	Error     string `json:"error,omitempty"`  // it ran and failed on this file
}

// Result is the judge's decision on one file.
type Result struct {
	File          string
	Lang          analysis.Lang
	Verdict       analysis.Verdict   // "" when Err is set
	Findings      []analysis.Finding // the findings that count (of the weakness asked for), by line
	Analyzers     []Status           // one per selected analyzer, in the order selected
	Compiler      string             // the compile command that decided validity, when compile ran
	CompileOutput string             // the compiler's diagnostics of an invalid file
	Err           error              // the file could not be judged (unreadable, binary, no analyzer ran)
}

// Judge combines the compile check and the analyzers. It is safe for
// concurrent use.
type Judge struct {
	opts      Options
	names     []string
	compile   *compile.Checker // nil when not selected
	builtin   *rules.Checker   // nil when not selected
	analyzers map[string]analysis.Analyzer

	mu    sync.Mutex
	stats map[string]*Stat
}

// Stat is the time an analyzer took over the files it was given.
type Stat struct {
	Name     string
	Files    int
	Duration time.Duration
}

// New checks the analyzer names and builds a Judge.
func New(opts Options) (*Judge, error) {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Jobs <= 0 {
		opts.Jobs = runtime.NumCPU()
	}
	names := opts.Analyzers
	if len(names) == 0 {
		names = DefaultAnalyzers()
	}
	j := &Judge{opts: opts, analyzers: map[string]analysis.Analyzer{}, stats: map[string]*Stat{}}
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		switch n {
		case "compile":
			j.compile = compile.New(opts.Compile)
		case "builtin":
			j.builtin = rules.New()
			j.analyzers[n] = j.builtin
		default:
			a, err := external.New(n, opts.External)
			if err != nil {
				return nil, fmt.Errorf("unknown analyzer %q (known: %s)", n, strings.Join(AllAnalyzers(), ", "))
			}
			j.analyzers[n] = a
		}
		j.names = append(j.names, n)
	}
	if len(j.names) == 0 {
		return nil, errors.New("no analyzer selected")
	}
	return j, nil
}

// Analyzers are the selected analyzer names, in order.
func (j *Judge) Analyzers() []string { return append([]string(nil), j.names...) }

// Stats returns the time each analyzer has taken so far, in selection
// order.
func (j *Judge) Stats() []Stat {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []Stat
	for _, n := range j.names {
		if s, ok := j.stats[n]; ok {
			out = append(out, *s)
		}
	}
	return out
}

func (j *Judge) record(name string, files int, d time.Duration) {
	j.mu.Lock()
	defer j.mu.Unlock()
	s, ok := j.stats[name]
	if !ok {
		s = &Stat{Name: name}
		j.stats[name] = s
	}
	s.Files += files
	s.Duration += d
}

// CheckInput returns why a file cannot be judged (empty, too large,
// binary, not UTF-8), or nil.
func CheckInput(src []byte, maxSize int) error {
	switch {
	case len(bytes.TrimSpace(src)) == 0:
		return errors.New("empty file")
	case len(src) > maxSize:
		return fmt.Errorf("file too large: %d bytes (the judge takes at most %d)", len(src), maxSize)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return fmt.Errorf("binary file: NUL byte at offset %d", i)
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return fmt.Errorf("not UTF-8 text: invalid byte 0x%02x at offset %d", src[off], off)
	}
	return nil
}

// Judge decides each file. With a cwe ("CWE-787", "787"), only findings
// of that weakness (or one it includes, see Accepts) count, as a
// scenario's own query does; without, any finding counts. Results are in
// the order of files. Problems with one file are in its Result.Err and
// never stop the others.
func (j *Judge) Judge(ctx context.Context, files []analysis.File, want string) []Result {
	cwe := analysis.NormalizeCWE(want)
	res := make([]Result, len(files))
	var todo []int
	seen := map[string]bool{}
	for i, f := range files {
		r := &res[i]
		r.File, r.Lang = f.Path, f.Lang
		if r.Lang == "" {
			r.Lang, _ = analysis.LangOf(f.Path)
		}
		switch {
		case r.Lang == "":
			r.Err = fmt.Errorf("cannot tell the language of %s from its name: say c or cpp", f.Path)
		case seen[f.Path]:
			r.Err = fmt.Errorf("%s given twice", f.Path)
		default:
			r.Err = CheckInput(f.Src, j.opts.MaxFileSize)
		}
		seen[f.Path] = true
		if r.Err == nil {
			todo = append(todo, i)
		}
	}

	if j.compile != nil && len(todo) > 0 {
		in := make([]analysis.File, len(todo))
		for k, i := range todo {
			in[k] = files[i]
			in[k].Lang = res[i].Lang
		}
		start := time.Now()
		cres := j.compile.Check(ctx, in)
		j.record("compile", len(in), time.Since(start))
		var valid []int
		for k, i := range todo {
			r, c := &res[i], cres[k]
			r.Compiler = c.Command
			st := Status{Name: "compile", Available: true}
			switch {
			case c.Err != nil:
				if err := j.compile.Available(r.Lang); err != nil {
					st.Available, st.Reason = false, err.Error()
					r.Err = fmt.Errorf("compile check: %w (install it, or leave compile out of the analyzers)", err)
				} else {
					st.Error = c.Err.Error()
					r.Err = c.Err
				}
			case !c.Valid:
				r.Verdict, r.CompileOutput = analysis.Invalid, c.Output
			default:
				valid = append(valid, i)
			}
			r.Analyzers = append(r.Analyzers, st)
		}
		todo = valid
	}

	findings := map[string][]analysis.Finding{}
	ran := map[string]bool{} // file path -> some analyzer judged it
	for _, name := range j.names {
		if name == "compile" {
			continue
		}
		a := j.analyzers[name]
		if err := a.Available(ctx); err != nil {
			for _, i := range todo {
				res[i].Analyzers = append(res[i].Analyzers, Status{Name: name, Reason: err.Error()})
			}
			continue
		}
		in := make([]analysis.File, len(todo))
		for k, i := range todo {
			in[k] = files[i]
			in[k].Lang = res[i].Lang
		}
		start := time.Now()
		fs, err := j.run(ctx, a, in)
		j.record(name, len(in), time.Since(start))
		for _, f := range fs {
			findings[f.File] = append(findings[f.File], f)
		}
		var fe analysis.FileErrors
		isFE := errors.As(err, &fe)
		for _, i := range todo {
			st := Status{Name: name, Available: true}
			switch {
			case isFE && fe[files[i].Path] != nil:
				st.Error = fe[files[i].Path].Error()
			case err != nil && !isFE:
				st.Error = err.Error()
			default:
				ran[files[i].Path] = true
			}
			res[i].Analyzers = append(res[i].Analyzers, st)
		}
	}

	onlyCompile := len(j.names) == 1 && j.compile != nil
	for _, i := range todo {
		r := &res[i]
		if !ran[r.File] && !onlyCompile {
			var why []string
			for _, st := range r.Analyzers {
				if st.Name == "compile" {
					continue
				}
				why = append(why, st.Name+": "+st.Reason+st.Error)
			}
			r.Err = fmt.Errorf("no analyzer could judge it (%s)", strings.Join(why, "; "))
			continue
		}
		for _, f := range findings[r.File] {
			if cwe == "" || Accepts(cwe, f.CWE) {
				r.Findings = append(r.Findings, f)
			}
		}
		sort.SliceStable(r.Findings, func(a, b int) bool {
			fa, fb := r.Findings[a], r.Findings[b]
			if fa.Line != fb.Line {
				return fa.Line < fb.Line
			}
			if fa.Column != fb.Column {
				return fa.Column < fb.Column
			}
			return fa.Analyzer < fb.Analyzer
		})
		r.Verdict = analysis.NonVulnerable
		if len(r.Findings) > 0 {
			r.Verdict = analysis.Vulnerable
		}
	}
	return res
}

// run calls an analyzer; the built-in rules are spread over a pool, one
// file per call, since they run in this process.
func (j *Judge) run(ctx context.Context, a analysis.Analyzer, files []analysis.File) ([]analysis.Finding, error) {
	if a != analysis.Analyzer(j.builtin) || j.opts.Jobs == 1 {
		return a.Analyze(ctx, files)
	}
	var (
		mu   sync.Mutex
		out  []analysis.Finding
		errs analysis.FileErrors
		next = make(chan int)
		wg   sync.WaitGroup
	)
	for range min(j.opts.Jobs, len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fs, err := j.builtin.Check(ctx, files[i])
				for k := range fs {
					fs[k].File = files[i].Path // findings are matched to files by path
					if fs[k].Analyzer == "" {
						fs[k].Analyzer = "builtin"
					}
				}
				mu.Lock()
				if err != nil {
					if errs == nil {
						errs = analysis.FileErrors{}
					}
					errs[files[i].Path] = err
				}
				out = append(out, fs...)
				mu.Unlock()
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if errs != nil {
		return out, errs
	}
	return out, nil
}

// related lists, per weakness of the benchmark, the weaknesses whose
// findings count for it: its more specific children in MITRE's research
// view (CWE-121 is a CWE-787), and for the buffer weaknesses the generic
// parent and the index-validation weakness the tools report instead.
var related = map[analysis.CWE][]analysis.CWE{
	"CWE-787": {"CWE-119", "CWE-120", "CWE-121", "CWE-122", "CWE-123", "CWE-124", "CWE-129", "CWE-788", "CWE-805", "CWE-806"},
	"CWE-125": {"CWE-119", "CWE-126", "CWE-127", "CWE-129", "CWE-788"},
	"CWE-119": {"CWE-120", "CWE-121", "CWE-122", "CWE-123", "CWE-124", "CWE-125", "CWE-126", "CWE-127", "CWE-129", "CWE-131", "CWE-787", "CWE-788", "CWE-805", "CWE-806", "CWE-823"},
	"CWE-20":  {"CWE-129", "CWE-1284", "CWE-1285", "CWE-1287"},
	"CWE-190": {"CWE-680"},
	"CWE-476": {"CWE-690"},
	"CWE-22":  {"CWE-23", "CWE-36", "CWE-73"},
	"CWE-78":  {"CWE-77", "CWE-88"},
	"CWE-732": {"CWE-276", "CWE-277", "CWE-278", "CWE-279", "CWE-281"},
	"CWE-79":  {"CWE-80", "CWE-81", "CWE-83", "CWE-84", "CWE-85", "CWE-86", "CWE-87"},
}

// Accepts reports whether a finding of weakness found counts when judging
// for weakness want: the same CWE, or one listed as related to it.
func Accepts(want, found analysis.CWE) bool {
	want, found = analysis.NormalizeCWE(string(want)), analysis.NormalizeCWE(string(found))
	if want == "" || want == found {
		return true
	}
	for _, r := range related[want] {
		if r == found {
			return true
		}
	}
	return false
}
