// Package rules is the built-in judge: rules in Go on tree-sitter, one or
// more per CWE of the benchmark, over a small analysis of taint sources,
// propagation, sinks and the guards that count as a fix, within functions
// and across the calls of a file (summaries of what each parameter
// reaches, writes and is checked by: interproc.go, paramflow.go).
//
// Each rule encodes a weakness the way the benchmark's scenario queries
// (mostly CodeQL's) see it; the package comment of each cweNNN.go file
// says which query and what its rules flag.
//
// A rule is a value, in the shape of go/analysis: a Rule has a Name, its
// CWE, a Doc, the kinds of facts it Requires and a Run that gets a Pass
// over one file (the file's functions, and Report). All lists them. The
// facts about a function come in five kinds, each a type with a few
// methods and a doc comment on what it knows and what it misses:
//
//   - Syntax (function, facts.go): declarations, types, calls,
//     definitions, nodes by kind; built with the file;
//   - Flow (flowFacts, flow.go, cfg.go): the control-flow graph, dead
//     code, events on pointers, path conditions;
//   - Taint (taintFacts, taint.go): what carries data from a source, and
//     what a function's result carries;
//   - Guards (guardFacts, guards.go, validate.go): the conditions that
//     hold at a point and the bounds they put on integers, and checks of
//     strings for forbidden characters;
//   - Values (valueFacts, range.go, eval.go): integer types and ranges,
//     overflow, the sizes of buffers.
//
// Each kind but Syntax is built on the first rule that reads it and
// shared by the later ones. TestRuleRequires and TestFactDeps check from
// the source that a rule requires what it reads.
package rules

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sort"
	"time"

	"securecomplete/analysis"
)

// DefaultMaxSize is the largest file Check reads by default: 16 MiB.
const DefaultMaxSize = 16 << 20

// Checker runs the built-in rules. It is safe for concurrent use and
// implements analysis.Analyzer under the name "builtin".
type Checker struct {
	rules        []*Rule
	maxSize      int
	parseTimeout time.Duration
}

// DefaultParseTimeout bounds the parse of one file: tree-sitter's error
// recovery on some garbage inputs (megabytes of unbalanced quotes and
// brackets) takes minutes.
const DefaultParseTimeout = 30 * time.Second

// WithParseTimeout sets how long one file's parse may take (the
// context's deadline, when earlier, wins); a file that takes longer gets
// an error naming it.
func WithParseTimeout(d time.Duration) Option { return func(c *Checker) { c.parseTimeout = d } }

// Option configures a Checker.
type Option func(*Checker)

// WithMaxSize sets the largest file (in bytes) Check accepts; larger
// files get an error instead of findings.
func WithMaxSize(n int) Option { return func(c *Checker) { c.maxSize = n } }

// New returns a Checker.
func New(opts ...Option) *Checker {
	c := &Checker{rules: All(), maxSize: DefaultMaxSize, parseTimeout: DefaultParseTimeout}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Rules lists the rules the Checker runs, in their order.
func (c *Checker) Rules() []Rule {
	out := make([]Rule, len(c.rules))
	for i, r := range c.rules {
		out[i] = *r
	}
	return out
}

// Report is the detailed result of checking one file.
type Report struct {
	Findings []analysis.Finding
	Parse    time.Duration            // parsing and building the fact base
	Rules    map[string]time.Duration // time spent in each rule
	// Truncated is set when the file was so large or deep that the
	// analysis stopped early: findings may be missing.
	Truncated bool
	// SyntaxErrors is set when the parser had to recover from errors
	// (half-written code): findings come from the parts it understood.
	SyntaxErrors bool
}

// Check returns the findings of every rule in one file, for all CWEs;
// callers filter by CWE. Findings are sorted by position.
func (c *Checker) Check(ctx context.Context, f analysis.File) ([]analysis.Finding, error) {
	rep, err := c.check(ctx, f, false)
	if rep == nil {
		return nil, err
	}
	return rep.Findings, err
}

// CheckDetailed is Check with timings per rule.
func (c *Checker) CheckDetailed(ctx context.Context, f analysis.File) (*Report, error) {
	return c.check(ctx, f, true)
}

func (c *Checker) check(ctx context.Context, f analysis.File, timed bool) (rep *Report, err error) {
	name := f.Path
	if name == "" {
		name = "<input>"
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("builtin rules: %s: internal error: %v\n%s", name, p, debug.Stack())
		}
	}()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("builtin rules: %s: %w", name, err)
	}
	if len(f.Src) > c.maxSize {
		return nil, fmt.Errorf("builtin rules: %s: file is %d bytes, larger than the limit of %d", name, len(f.Src), c.maxSize)
	}
	g, err := grammarFor(f.Lang)
	if err != nil {
		return nil, fmt.Errorf("builtin rules: %s: %w", name, err)
	}
	rep = &Report{}
	start := time.Now()
	tree, err := g.parse(ctx, f.Src, c.parseTimeout)
	if err != nil {
		return nil, fmt.Errorf("builtin rules: %s: %w", name, err)
	}
	rep.SyntaxErrors = tree.hasError
	if tree.hasError {
		// Half-written code: with its open brackets closed after the
		// end, the document may parse (see closeTail).
		// A class or struct left open needs its ';' after the brace.
		if tail := closeTail(f.Src); tail != "" {
			for _, end := range []string{tail, tail + ";"} {
				fixed := make([]byte, 0, len(f.Src)+len(end))
				fixed = append(append(fixed, f.Src...), end...)
				if t2, err := g.parse(ctx, fixed, c.parseTimeout); err == nil && !t2.hasError {
					tree = t2
					break
				}
			}
		}
	}
	ff := newFileFacts(tree, f.Lang, f.Path)
	if timed {
		rep.Parse = time.Since(start)
		rep.Rules = make(map[string]time.Duration, len(c.rules))
	}
	pass := &Pass{file: ff, seen: map[findingKey]bool{}}
	var errs []error
	for _, ru := range c.rules {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("builtin rules: %s: %w", name, err)
		}
		t0 := time.Now()
		if err := runRule(ru, pass); err != nil {
			errs = append(errs, fmt.Errorf("builtin rules: %s: rule %s: %w", name, ru.Name, err))
		}
		if timed {
			rep.Rules[ru.Name] += time.Since(t0)
		}
	}
	rep.Truncated = ff.exhausted
	sort.SliceStable(pass.out, func(i, j int) bool {
		a, b := pass.out[i], pass.out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Rule < b.Rule
	})
	rep.Findings = pass.out
	return rep, errors.Join(errs...)
}

// runRule runs one rule, turning a panic into an error so that one
// rule's bug does not cost the findings of the others.
func runRule(ru *Rule, pass *Pass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
		}
	}()
	pass.Rule = ru
	pass.file.allowed = closure(ru.Requires)
	ru.Run(pass)
	return nil
}

// Name implements analysis.Analyzer.
func (c *Checker) Name() string { return "builtin" }

// Available implements analysis.Analyzer: the built-in rules always run.
func (c *Checker) Available(context.Context) error { return nil }

// Analyze implements analysis.Analyzer. A file that cannot be checked
// (an unknown language, too large) is skipped and reported in the
// returned error, which names it; the other files' findings are returned.
func (c *Checker) Analyze(ctx context.Context, files []analysis.File) ([]analysis.Finding, error) {
	var out []analysis.Finding
	var errs []error
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		fs, err := c.Check(ctx, f)
		if err != nil {
			errs = append(errs, err)
		}
		out = append(out, fs...)
	}
	return out, errors.Join(errs...)
}
