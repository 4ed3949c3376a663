// Package cparse is the C/C++ tree-sitter layer on
// github.com/smacker/go-tree-sitter: the languages, a pool of parsers, the
// size and time limits of a parse, and incremental reparsing after an edit.
//
// A tree-sitter parser is not safe for concurrent use: a Pool hands each
// parse a parser of its own and takes it back when the parse returns, so a
// parser is used by one goroutine at a time.
//
// Trees: every *sitter.Tree returned by this package belongs to the
// caller, who closes it (Tree.Close) when done with it. A tree is not safe
// for concurrent use either (go-tree-sitter caches nodes in it); give each
// goroutine its own Tree.Copy, which is cheap.
package cparse

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/c"
	"github.com/smacker/go-tree-sitter/cpp"

	"securecomplete/analysis"
)

var (
	langsOnce      sync.Once
	langC, langCPP *sitter.Language
)

// Language returns the tree-sitter language of l. The languages are
// immutable tables from the grammars, built once per process.
func Language(l analysis.Lang) (*sitter.Language, error) {
	langsOnce.Do(func() {
		langC, langCPP = c.GetLanguage(), cpp.GetLanguage()
	})
	switch l {
	case analysis.C:
		return langC, nil
	case analysis.CPP:
		return langCPP, nil
	}
	return nil, fmt.Errorf("unknown language %q (want %q or %q)", l, analysis.C, analysis.CPP)
}

// Defaults of Limits.
const (
	// DefaultMaxBytes is the largest text parsed by default: 16 MiB.
	DefaultMaxBytes = 16 << 20
	// DefaultMaxTime bounds one parse by default: tree-sitter's error
	// recovery on some garbage inputs (megabytes of unbalanced quotes and
	// brackets) takes minutes.
	DefaultMaxTime = 30 * time.Second
)

// maxTreeBytes is the most tree-sitter can address: its offsets are
// 32-bit.
const maxTreeBytes = 1<<32 - 1

// Limits bound a parse. A zero field takes its default.
type Limits struct {
	// MaxBytes is the largest text parsed; a larger one gets a
	// *TooLargeError without being parsed.
	MaxBytes int
	// MaxTime bounds one parse (the context's deadline, when earlier,
	// wins); a parse that takes longer gets a *TimeoutError.
	MaxTime time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	l.MaxBytes = min(l.MaxBytes, maxTreeBytes)
	if l.MaxTime <= 0 {
		l.MaxTime = DefaultMaxTime
	}
	return l
}

// TooLargeError reports a text over Limits.MaxBytes.
type TooLargeError struct{ Size, Max int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("text is %d bytes, larger than the parse limit of %d", e.Size, e.Max)
}

// TimeoutError reports a parse stopped at its time limit.
type TimeoutError struct{ Limit time.Duration }

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("parsing took longer than %v", e.Limit.Round(time.Millisecond))
}

// Pool parses C and C++ with pooled parsers: making a parser costs more
// than parsing a function. It is safe for concurrent use.
type Pool struct {
	limits  Limits
	parsers *parserSets
}

// parserSets holds the idle parsers of each language, shared by the
// views WithLimits makes.
type parserSets struct {
	c, cpp sync.Pool // *sitter.Parser
}

// NewPool returns a pool whose parses are bounded by l.
func NewPool(l Limits) *Pool {
	return &Pool{limits: l.withDefaults(), parsers: &parserSets{}}
}

// WithLimits returns a pool with other limits that shares p's parsers.
func (p *Pool) WithLimits(l Limits) *Pool {
	return &Pool{limits: l.withDefaults(), parsers: p.parsers}
}

// Limits returns the pool's limits, defaults filled in.
func (p *Pool) Limits() Limits { return p.limits }

func (p *Pool) get(lang analysis.Lang) (*sitter.Parser, *sync.Pool, error) {
	tl, err := Language(lang)
	if err != nil {
		return nil, nil, err
	}
	pool := &p.parsers.c
	if lang == analysis.CPP {
		pool = &p.parsers.cpp
	}
	if ps, ok := pool.Get().(*sitter.Parser); ok {
		return ps, pool, nil
	}
	ps := sitter.NewParser()
	ps.SetLanguage(tl)
	return ps, pool, nil
}

// Parse parses src as lang. The caller closes the tree. Under a context
// from Share, a text already parsed there is not parsed again.
func (p *Pool) Parse(ctx context.Context, lang analysis.Lang, src []byte) (*sitter.Tree, error) {
	if m := sharedFrom(ctx); m != nil {
		return m.parse(lang, src, func() (*sitter.Tree, error) { return p.parse(ctx, lang, nil, src) })
	}
	return p.parse(ctx, lang, nil, src)
}

// Reparse applies edit, the change that made src from the text old was
// parsed from, to old and parses src reusing what the edit left of old:
// tree-sitter's incremental parsing. Byte offsets and points in edit are
// those of the texts (a point's column counts bytes). old is edited in
// place and stays the caller's to close; so is the new tree. A reparse
// that fails leaves old edited: parse src afresh then.
func (p *Pool) Reparse(ctx context.Context, lang analysis.Lang, old *sitter.Tree, edit sitter.EditInput, src []byte) (*sitter.Tree, error) {
	if old == nil {
		return nil, errors.New("reparse: no old tree")
	}
	old.Edit(edit)
	return p.parse(ctx, lang, old, src)
}

// parse runs one parse within the limits. It does not pass ctx to
// tree-sitter: go-tree-sitter's ParseCtx watches the context in a
// goroutine that can set the parser's cancel flag after the parse has
// returned, and that parser, back in the pool, would fail its next
// parse. The time limit (tree-sitter's own timeout, cut to the context's
// deadline) bounds the parse instead.
func (p *Pool) parse(ctx context.Context, lang analysis.Lang, old *sitter.Tree, src []byte) (*sitter.Tree, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(src) > p.limits.MaxBytes {
		return nil, &TooLargeError{Size: len(src), Max: p.limits.MaxBytes}
	}
	limit := p.limits.MaxTime
	if dl, ok := ctx.Deadline(); ok {
		limit = min(limit, time.Until(dl))
		if limit <= 0 {
			return nil, context.DeadlineExceeded
		}
	}
	ps, pool, err := p.get(lang)
	if err != nil {
		return nil, err
	}
	ps.SetOperationLimit(max(1, int(limit.Microseconds())))
	tree, err := ps.ParseCtx(context.Background(), old, src)
	if err != nil {
		// A halted parse would resume on the parser's next text.
		ps.Reset()
		pool.Put(ps)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, sitter.ErrOperationLimit) {
			return nil, &TimeoutError{Limit: limit}
		}
		return nil, fmt.Errorf("parse %s: %w", lang, err)
	}
	pool.Put(ps)
	return tree, nil
}
