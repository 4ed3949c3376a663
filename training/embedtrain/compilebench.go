package embedtrain

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/completion/embedded"
)

// A BenchCase is one prompt of the compile benchmark: the model completes
// it, and Program assembles the program the compiler judges (for the
// benchmark's scenarios: the prompt, the completion cut where the function
// ends, and the suffix).
type BenchCase struct {
	Name    string // e.g. "787-0/c"
	Lang    analysis.Lang
	Prompt  string
	Program func(completion string) string
}

// CompileBenchOptions say how to sample and judge.
type CompileBenchOptions struct {
	// Samples per case; 0 means 10.
	Samples int
	// Seed of the first case; each case draws from its own seed derived
	// from it and the case's name.
	Seed int64
	// Gen holds the sampling settings (MaxTokens, Temperature, TopP,
	// Stop, Cache); N and Seed are set per case.
	Gen embedded.Options
	// Checker compiles the programs; nil means the study's rule
	// (compile.New(compile.Options{})).
	Checker *compile.Checker
	// Progress receives a line per stage; nil is quiet.
	Progress io.Writer
}

// CompileReport holds the figures of one compile benchmark.
type CompileReport struct {
	Samples  int // per case
	Command  map[analysis.Lang]string
	Langs    map[analysis.Lang]*CompileCount
	Cases    []CaseCount
	Errors   []ErrorCount // the first error of each invalid program, by kind
	Gen      time.Duration
	Check    time.Duration
	Tokens   int // tokens generated
	Finished int // choices that reached the end of the function
}

// CompileCount counts valid programs: all of them, and those whose
// completion is substantial (at least SubstantialTokens tokens, more than
// a "return 1; }"), which measure more than a model that gives up.
type CompileCount struct{ Valid, Total, ValidSubstantial, Substantial int }

// SubstantialTokens is the least number of model tokens of a completion
// that does more than close the function ("return 1;" and the brace, with
// their line breaks, are 6).
const SubstantialTokens = 12

// Share returns the valid share.
func (c CompileCount) Share() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Valid) / float64(c.Total)
}

// substantial describes the substantial completions and how many compile.
func (c CompileCount) substantial() string {
	share := 0.0
	if c.Substantial > 0 {
		share = float64(c.ValidSubstantial) / float64(c.Substantial)
	}
	return fmt.Sprintf("substantial %d, of which %d compile (%.1f%%)", c.Substantial, c.ValidSubstantial, 100*share)
}

// CaseCount is the result of one case, with one invalid program's first
// error and completion to look at.
type CaseCount struct {
	Name  string
	Lang  analysis.Lang
	Count CompileCount
	// Example is a completion whose program failed, and FirstError the
	// compiler's first error for it.
	Example, FirstError string
}

// ErrorCount is a kind of compiler error and how many invalid programs
// failed first on it.
type ErrorCount struct {
	Kind  string
	Count int
}

// CompileBench completes each case Samples times with m and compiles the
// programs: the share that compiles is the benchmark's valid share for
// this model (the paper's "invalid" samples are the rest).
func CompileBench(ctx context.Context, m *embedded.Model, cases []BenchCase, opt CompileBenchOptions) (*CompileReport, error) {
	if opt.Samples <= 0 {
		opt.Samples = 10
	}
	chk := opt.Checker
	if chk == nil {
		chk = compile.New(compile.Options{})
	}
	r := &CompileReport{Samples: opt.Samples, Command: map[analysis.Lang]string{}, Langs: map[analysis.Lang]*CompileCount{}}
	var files []analysis.File
	var owner []int
	var texts []string
	var long []bool
	began := time.Now()
	for ci, c := range cases {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		gen := opt.Gen
		gen.N = opt.Samples
		seed := caseSeed(opt.Seed, c.Name)
		gen.Seed = &seed
		res, err := m.Generate(ctx, c.Prompt, gen, nil)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.Name, err)
		}
		r.Tokens += res.CompletionTokens
		for k, ch := range res.Choices {
			src := c.Program(ch.Text)
			files = append(files, analysis.File{Path: fmt.Sprintf("%s#%d", c.Name, k), Lang: c.Lang, Src: []byte(src)})
			owner = append(owner, ci)
			texts = append(texts, ch.Text)
			long = append(long, len(ch.Tokens) >= SubstantialTokens)
			if ch.FinishReason == embedded.FinishStop {
				r.Finished++
			}
		}
		r.Cases = append(r.Cases, CaseCount{Name: c.Name, Lang: c.Lang})
		if r.Langs[c.Lang] == nil {
			r.Langs[c.Lang] = &CompileCount{}
			r.Command[c.Lang] = chk.Command(c.Lang)
		}
	}
	r.Gen = time.Since(began)
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "generated %d samples in %s; compiling\n", len(files), r.Gen.Round(time.Millisecond))
	}
	began = time.Now()
	results := chk.Check(ctx, files)
	r.Check = time.Since(began)
	kinds := map[string]int{}
	for i, res := range results {
		if res.Err != nil {
			return nil, fmt.Errorf("compile %s: %w", res.Path, res.Err)
		}
		cc := &r.Cases[owner[i]]
		cc.Count.Total++
		lc := r.Langs[cc.Lang]
		lc.Total++
		if long[i] {
			cc.Count.Substantial++
			lc.Substantial++
		}
		if res.Valid {
			cc.Count.Valid++
			lc.Valid++
			if long[i] {
				cc.Count.ValidSubstantial++
				lc.ValidSubstantial++
			}
			continue
		}
		first := firstError(res.Output)
		kinds[errorKind(first)]++
		if cc.Example == "" {
			cc.Example, cc.FirstError = texts[i], first
		}
	}
	for k, n := range kinds {
		r.Errors = append(r.Errors, ErrorCount{k, n})
	}
	slices.SortFunc(r.Errors, func(a, b ErrorCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	return r, nil
}

func caseSeed(seed int64, name string) int64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s", seed, name)
	return int64(h.Sum64() >> 1)
}

// firstError returns the first "error:" line of a compiler's output,
// without its file and position.
func firstError(out string) string {
	for line := range strings.SplitSeq(out, "\n") {
		if i := strings.Index(line, "error: "); i >= 0 {
			return strings.TrimSpace(line[i+len("error: "):])
		}
	}
	if s := strings.TrimSpace(out); s != "" {
		line, _, _ := strings.Cut(s, "\n")
		return line
	}
	return "(no diagnostic)"
}

var quoted = regexp.MustCompile(`‘[^’]*’|'[^']*'|"[^"]*"`)

// errorKind folds an error message into its kind: quoted names become X.
func errorKind(msg string) string {
	return quoted.ReplaceAllString(msg, "X")
}

// Write prints the report: the valid share per language and overall, the
// commonest first errors and, with verbose, every case with an example.
func (r *CompileReport) Write(w io.Writer, verbose bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var all CompileCount
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		c := r.Langs[lang]
		if c == nil {
			continue
		}
		all.Valid += c.Valid
		all.Total += c.Total
		all.Substantial += c.Substantial
		all.ValidSubstantial += c.ValidSubstantial
		fmt.Fprintf(tw, "compiles, %s\t%d / %d\t%.1f%%\t%s\t(%s)\n", lang, c.Valid, c.Total, 100*c.Share(), c.substantial(), r.Command[lang])
	}
	fmt.Fprintf(tw, "compiles, all\t%d / %d\t%.1f%%\t%s\t\n", all.Valid, all.Total, 100*all.Share(), all.substantial())
	tw.Flush()
	total := max(all.Total, 1)
	fmt.Fprintf(w, "generation %s (%d tokens, %.0f tokens/s, %d of %d choices ended the document or function), compile check %s\n",
		r.Gen.Round(time.Millisecond), r.Tokens, float64(r.Tokens)/max(r.Gen.Seconds(), 1e-9), r.Finished, all.Total, r.Check.Round(time.Millisecond))
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "first error of the invalid programs:\n")
		for i, e := range r.Errors {
			if i == 12 && !verbose {
				break
			}
			fmt.Fprintf(w, "  %4d %5.1f%%  %s\n", e.Count, 100*float64(e.Count)/float64(total), e.Kind)
		}
	}
	if !verbose {
		return
	}
	for _, c := range r.Cases {
		fmt.Fprintf(w, "\n=== %s: %d / %d compile\n", c.Name, c.Count.Valid, c.Count.Total)
		if c.Example != "" {
			fmt.Fprintf(w, "first error: %s\n%s\n", c.FirstError, c.Example)
		}
	}
}
