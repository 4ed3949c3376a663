package rules

import (
	"fmt"

	"securecomplete/analysis"
)

// Rules as values, after go/analysis: a Rule names its weakness, says
// which kinds of facts it reads and has a Run that gets a Pass over one
// file. The facts are computed once per function, each kind on the first
// rule that asks for it, and shared by every later rule of the file.

// Rule is one built-in rule.
type Rule struct {
	Name     string       // "cwe787-sprintf-overflow"
	CWE      analysis.CWE // "CWE-787", as analysis.ParseCWE writes it
	Doc      string       // what it flags
	Fix      string       // the guard or change that clears it
	Requires []Fact       // the kinds of facts Run reads (Syntax is always there)
	Run      func(*Pass)
}

// All returns the built-in rules in the order they run, fresh values on
// every call.
func All() []*Rule {
	var rs []*Rule
	for _, family := range [][]*Rule{
		cwe787Rules(), cwe79Rules(), cwe20Rules(), cwe125Rules(), cwe78Rules(),
		cwe416Rules(), cwe22Rules(), cwe476Rules(), cwe190Rules(), cwe119Rules(), cwe732Rules(),
		cwe401Rules(), cwe134Rules(), cwe89Rules(), cwe434Rules(), cwe502Rules(),
	} {
		rs = append(rs, family...)
	}
	return rs
}

// Fact is a kind of facts about a function. Each kind has its own type
// (see the doc comment of each): its accessor on a function builds it on
// first use and panics when the running rule did not require it, so that
// a rule's Requires is what it reads.
//
// A new kind is a constant here, a type with its doc comment (what it
// knows, its blind spots), an accessor on function, and its entry in
// factDeps; TestFactDeps and TestRuleRequires then hold the kinds it
// reads and the rules that read it to account.
type Fact uint8

// The kinds of facts, from the syntax up.
const (
	// Syntax is the function as written (type function): its name,
	// parameters, variables and their declared types, calls,
	// definitions (the writes of variables) and nodes by kind; and of
	// the file, its macros, prototypes, globals and the value of
	// constant expressions (fileFacts.constValue). Built with the file.
	Syntax Fact = iota
	// Flow is the control-flow graph, dead code and the events on
	// pointers along it (type flowFacts).
	Flow
	// Taint is which expressions carry data from a source (type
	// taintFacts).
	Taint
	// Guards is which conditions hold at a point of the function (type
	// guardFacts).
	Guards
	// Values is integer types and ranges of expressions and the sizes of
	// buffers (type valueFacts).
	Values
	numFacts
)

func (k Fact) String() string {
	switch k {
	case Syntax:
		return "syntax"
	case Flow:
		return "flow"
	case Taint:
		return "taint"
	case Guards:
		return "guards"
	case Values:
		return "values"
	}
	return fmt.Sprintf("Fact(%d)", uint8(k))
}

// factDeps returns the kinds a kind is computed from: requiring a kind
// makes these readable too.
func factDeps(k Fact) factSet {
	switch k {
	case Flow: // the path conditions of evalCond and learn
		return 1 << Guards
	case Values: // the ranges narrowed by guards
		return 1 << Guards
	case Taint: // the overflow spec's barrier: a bound the guards give (boundedBefore)
		return 1 << Guards
	}
	return 0
}

// factSet is a set of kinds.
type factSet uint8

// closure returns the kinds a rule requiring ks may read: Syntax, ks and
// what they are computed from.
func closure(ks []Fact) factSet {
	s := factSet(1) << Syntax
	for _, k := range ks {
		s |= 1 << k
	}
	for changed := true; changed; {
		changed = false
		for k := Syntax; k < numFacts; k++ {
			if s&(1<<k) != 0 && s|factDeps(k) != s {
				s |= factDeps(k)
				changed = true
			}
		}
	}
	return s
}

// need panics when the running rule may not read kind k.
func (ff *fileFacts) need(k Fact) {
	if ff.allowed&(1<<k) == 0 {
		panic(fmt.Sprintf("rule reads %s facts without requiring them", k))
	}
}

// flow returns the function's Flow facts.
func (f *function) flow() *flowFacts {
	f.file.need(Flow)
	if f.fl == nil {
		f.fl = &flowFacts{f: f}
	}
	return f.fl
}

// taint returns the function's Taint facts.
func (f *function) taint() *taintFacts {
	f.file.need(Taint)
	if f.ta == nil {
		f.ta = &taintFacts{f: f, runs: map[string]*taintRun{}, sums: map[string]*taintSummary{}}
	}
	return f.ta
}

// guards returns the function's Guards facts.
func (f *function) guards() *guardFacts {
	f.file.need(Guards)
	if f.gu == nil {
		f.gu = &guardFacts{f: f, exits: map[*node][]cond{}}
	}
	return f.gu
}

// values returns the function's Values facts.
func (f *function) values() *valueFacts {
	f.file.need(Values)
	if f.va == nil {
		f.va = &valueFacts{f: f}
	}
	return f.va
}

// Pass is one rule's run over one file: the file's functions, whose
// facts the rule reads through their accessors (f.taint().run(spec),
// f.guards().boundsOf(i, at), ...), and Report. The rules of a file share
// one Pass, and so the facts and the set of findings seen.
type Pass struct {
	Rule *Rule
	file *fileFacts
	out  []analysis.Finding
	seen map[findingKey]bool
}

type findingKey struct {
	rule      string
	line, col int
}

// Funcs returns the functions of the file, in the order they appear
// (GNU C nested functions after their parent).
func (p *Pass) Funcs() []*function { return p.file.funcs }

// Report records a finding of the rule at node n. fix overrides the
// rule's fix text when it is not empty.
func (p *Pass) Report(n *node, msg, fix string) {
	if n == nil {
		return
	}
	ff := p.file
	line, col := ff.position(n.start)
	endLine, endCol := ff.position(n.end)
	k := findingKey{p.Rule.Name, line, col}
	if p.seen[k] {
		return
	}
	p.seen[k] = true
	if fix == "" {
		fix = p.Rule.Fix
	}
	p.out = append(p.out, analysis.Finding{
		CWE: p.Rule.CWE, Rule: p.Rule.Name, File: ff.path,
		Line: line, Column: col, EndLine: endLine, EndColumn: endCol,
		Message: msg, Fix: fix, Analyzer: "builtin",
	})
}
