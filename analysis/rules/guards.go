package rules

import "strings"

// Guards: the conditions known to hold at a point of a function, read
// from the syntax around it. A condition holds inside the branch it
// controls (if, while, for, ?:, && and ||), and after an if whose branch
// always leaves (return, exit, break, continue, goto) its negation holds
// for the rest of the block.

// guardFacts are a function's Guards facts: the conditions that hold
// at a point (conditionsAt, split into atoms), the bounds they put on an
// integer expression (boundsOf, read through relationOf and linear, so
// that i + 1 < n bounds i), and whether a string was validated against
// forbidden characters before a use (validated, see validate.go).
//
// Blind spots: guards are read from the syntax around the point, not
// from the paths to it: a bound checked in a called function, a check
// whose result is stored and tested later (other than the flag shapes of
// validate.go), or one more than maxGuardLookback statements back is not
// seen; a variable assigned between the check and the use keeps the
// check's bound; a bound on one variable does not carry to another
// computed from it (v = choice - 1).
type guardFacts struct {
	f     *function
	exits map[*node][]cond // exitGuards by statement
}

// cond is a condition with the truth value it has at a point.
type cond struct {
	e     *node
	truth bool
}

// conditionsAt returns the conditions that hold when n runs, innermost
// first, decomposed into atoms (a && b true gives a and b, a || b false
// gives !a and !b, !a flips).
func (gu *guardFacts) conditionsAt(n *node) []cond {
	f := gu.f
	var out []cond
	add := func(c *node, truth bool) {
		out = append(out, gu.atoms(c, truth)...)
	}
	child := n
	for p := n.parent; p != nil && child != f.body; child, p = p, p.parent {
		switch p.kind {
		case "if_statement":
			c := condExpr(p)
			if child.field == "consequence" {
				add(c, true)
			} else if child.kind == "else_clause" || child.field == "alternative" {
				add(c, false)
			}
		case "else_clause":
			// handled at the if_statement above it
		case "while_statement", "for_statement":
			if child.field == "body" {
				if c := condExpr(p); c != nil {
					add(c, true)
				}
			}
		case "conditional_expression":
			c := p.child("condition")
			if child.field == "consequence" {
				add(c, true)
			} else if child.field == "alternative" {
				add(c, false)
			}
		case "binary_expression":
			if child.field == "right" {
				switch f.text(p.child("operator")) {
				case "&&":
					add(p.child("left"), true)
				case "||":
					add(p.child("left"), false)
				}
			}
		case "compound_statement", "case_statement", "translation_unit", "ERROR":
			// Earlier statements of the block that leave on a condition,
			// nearest first; a very long block is read only so far back.
			i := childIndex(p, child)
			for k := i - 1; k >= 0 && k >= i-maxGuardLookback; k-- {
				if !f.file.spend(1) {
					break
				}
				out = append(out, exitGuardsCached(f, p.children[k])...)
			}
		}
	}
	return out
}

// maxGuardLookback is how many earlier statements of a block are read
// for guards.
const maxGuardLookback = 400

// childIndex returns the position of child among p's children.
func childIndex(p, child *node) int {
	for i, c := range p.children {
		if c == child {
			return i
		}
	}
	return len(p.children)
}

// exitGuardsCached is exitGuards, computed once per statement.
func exitGuardsCached(f *function, s *node) []cond {
	m := f.guards().exits
	if g, ok := m[s]; ok {
		return g
	}
	g := exitGuards(f, s)
	m[s] = g
	return g
}

// condExpr returns the condition of an if, while, for or do statement,
// without its parentheses.
func condExpr(s *node) *node {
	c := s.child("condition")
	if c == nil {
		return nil
	}
	if c.kind == "condition_clause" {
		if v := c.child("value"); v != nil {
			return v
		}
		return c.firstNamed()
	}
	return unparenOnly(c)
}

// exitGuards returns what holds after statement s when s is an if whose
// one branch always leaves, an assert, or a loop that only ends when its
// condition fails.
func exitGuards(f *function, s *node) []cond {
	switch s.kind {
	case "if_statement":
		c := condExpr(s)
		if c == nil {
			return nil
		}
		thenExits := alwaysLeaves(f, s.child("consequence"))
		alt := s.child("alternative")
		if alt != nil && alt.kind == "else_clause" {
			alt = alt.firstNamed()
		}
		switch {
		case alt == nil && thenExits:
			return f.guards().atoms(c, false)
		case alt == nil && clampsTo(f, c, s.child("consequence")):
			// if (n > CAP) n = CAP;  leaves n <= CAP.
			return f.guards().atoms(c, false)
		case alt != nil && thenExits && !alwaysLeaves(f, alt):
			return f.guards().atoms(c, false)
		case alt != nil && !thenExits && alwaysLeaves(f, alt):
			return f.guards().atoms(c, true)
		}
	case "expression_statement":
		e := s.firstNamed()
		if e != nil && e.kind == "call_expression" {
			name, _ := callName(f.file.t, e.child("function"))
			if name == "assert" || name == "static_assert" {
				if a := e.child("arguments"); a != nil && a.firstNamed() != nil {
					return f.guards().atoms(a.firstNamed(), true)
				}
			}
		}
	case "while_statement":
		if !containsBreak(s.child("body")) {
			if c := condExpr(s); c != nil {
				return f.guards().atoms(c, false)
			}
		}
	}
	return nil
}

// alwaysLeaves reports whether a statement never completes normally: it
// returns, exits, breaks, continues or jumps on every path.
func alwaysLeaves(f *function, s *node) bool {
	if s == nil {
		return false
	}
	switch s.kind {
	case "return_statement", "break_statement", "continue_statement", "goto_statement", "throw_statement":
		return true
	case "compound_statement":
		for _, c := range s.children {
			if c.named && alwaysLeaves(f, c) {
				return true
			}
		}
		return false
	case "expression_statement":
		e := unparenOnly(s.firstNamed())
		if e != nil && e.kind == "call_expression" {
			name, _ := callName(f.file.t, e.child("function"))
			return noReturn[name]
		}
		if e != nil && e.kind == "comma_expression" {
			for _, c := range e.children {
				if c.kind == "call_expression" {
					name, _ := callName(f.file.t, c.child("function"))
					if noReturn[name] {
						return true
					}
				}
			}
		}
		return e != nil && e.kind == "throw_expression"
	case "if_statement":
		alt := s.child("alternative")
		if alt != nil && alt.kind == "else_clause" {
			alt = alt.firstNamed()
		}
		return alt != nil && alwaysLeaves(f, s.child("consequence")) && alwaysLeaves(f, alt)
	}
	return false
}

func containsBreak(n *node) bool {
	found := false
	n.walk(func(m *node) bool {
		switch m.kind {
		case "break_statement", "goto_statement", "return_statement":
			found = true
		case "while_statement", "for_statement", "do_statement", "switch_statement", "for_range_loop":
			if m != n {
				return false // a break in there ends that statement
			}
		}
		return !found
	})
	return found
}

// atoms decomposes a condition with its truth value.
func (gu *guardFacts) atoms(c *node, truth bool) []cond {
	f := gu.f
	c = unparenOnly(c)
	if c == nil {
		return nil
	}
	switch c.kind {
	case "binary_expression":
		op := f.text(c.child("operator"))
		if op == "&&" && truth || op == "||" && !truth {
			return append(gu.atoms(c.child("left"), truth), gu.atoms(c.child("right"), truth)...)
		}
	case "unary_expression":
		if f.text(c.child("operator")) == "!" {
			return gu.atoms(c.child("argument"), !truth)
		}
	case "condition_clause":
		v := c.child("value")
		if v == nil {
			v = c.firstNamed()
		}
		if v == nil || v == c {
			return nil
		}
		return gu.atoms(v, truth)
	}
	return []cond{{c, truth}}
}

// relation is a comparison normalised to "left op right" after its truth
// value is applied: !(a < b) becomes a >= b.
type relation struct {
	left, right *node
	op          string
}

var negateOp = map[string]string{"<": ">=", ">=": "<", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}
var flipOp = map[string]string{"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}

// relationOf reads a comparison atom.
func (gu *guardFacts) relationOf(c cond) (relation, bool) {
	f := gu.f
	e := unparenOnly(c.e)
	if e == nil || e.kind != "binary_expression" {
		return relation{}, false
	}
	op := f.text(e.child("operator"))
	if _, ok := negateOp[op]; !ok {
		return relation{}, false
	}
	if !c.truth {
		op = negateOp[op]
	}
	return relation{left: e.child("left"), right: e.child("right"), op: op}, true
}

// sameExpr compares two expressions by their text, ignoring blanks and
// redundant parentheses.
func (gu *guardFacts) sameExpr(a, b *node) bool {
	f := gu.f
	a, b = unparenOnly(a), unparenOnly(b)
	if a == nil || b == nil {
		return false
	}
	return squeeze(f.text(a)) == squeeze(f.text(b))
}

func squeeze(s string) string {
	if !strings.ContainsAny(s, " \t\n\r") {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// linear splits an expression into base + constant: "i + 2" is (i, 2),
// "n - 1" is (n, -1), "5" is (nil, 5).
func (gu *guardFacts) linear(e *node) (*node, int64) {
	f := gu.f
	e = unparen(e)
	if e == nil {
		return nil, 0
	}
	if v, ok := f.file.constValue(e, f); ok {
		return nil, v
	}
	if e.kind == "binary_expression" {
		op := f.text(e.child("operator"))
		l, r := e.child("left"), e.child("right")
		if op == "+" || op == "-" {
			if k, ok := f.file.constValue(r, f); ok {
				base, c := gu.linear(l)
				if op == "-" {
					k = -k
				}
				return base, c + k
			}
			if k, ok := f.file.constValue(l, f); ok && op == "+" {
				base, c := gu.linear(r)
				return base, c + k
			}
		}
	}
	return e, 0
}

// bounds are what the guards at a point say about an expression: a
// constant lower bound, a constant upper bound, and upper bounds that are
// other expressions (x < size).
type bounds struct {
	lo, hi       int64
	hasLo, hasHi bool
	symHi        []symBound // x <= base + off
}

type symBound struct {
	base *node
	off  int64 // the bound is inclusive: x <= base + off
}

// boundsOf reads the bounds that the guards at point n put on the
// expression base (x in "x < 10", "x >= 0", "i + 1 < n").
func (gu *guardFacts) boundsOf(base *node, at *node) bounds {
	f := gu.f
	var b bounds
	setLo := func(v int64) {
		if !b.hasLo || v > b.lo {
			b.lo, b.hasLo = v, true
		}
	}
	setHi := func(v int64) {
		if !b.hasHi || v < b.hi {
			b.hi, b.hasHi = v, true
		}
	}
	for _, c := range gu.conditionsAt(at) {
		r, ok := gu.relationOf(c)
		if !ok {
			continue
		}
		// Put the expression on the left: x op rhs.
		lb, lk := gu.linear(r.left)
		rb, rk := gu.linear(r.right)
		op := r.op
		var rhs *node
		var rc int64
		var side *node
		switch {
		case lb != nil && gu.sameExpr(lb, base):
			rhs, rc, side = rb, rk-lk, r.left
		case rb != nil && gu.sameExpr(rb, base):
			rhs, rc, side = lb, lk-rk, r.right
			op = flipOp[op]
		default:
			continue
		}
		// (size_t) x < n also says x >= 0: a negative x converts to a
		// huge unsigned value and fails the test.
		if (op == "<" || op == "<=" || op == "==") && unsignedCast(f, side) {
			setLo(0)
		}
		// Now: x op rhs + rc.
		if rhs == nil { // a constant bound
			switch op {
			case "<":
				setHi(rc - 1)
			case "<=":
				setHi(rc)
			case ">":
				setLo(rc + 1)
			case ">=":
				setLo(rc)
			case "==":
				setLo(rc)
				setHi(rc)
			case "!=":
				// An unsigned value that is not 0 is at least 1: the
				// divisor of a checked product (h == 0 is rejected).
				if rc == 0 {
					if v := f.lookup(f.identName(base)); v != nil && v.unsigned && !v.isPointer() {
						setLo(1)
					}
				}
			}
			continue
		}
		switch op {
		case "<":
			b.symHi = append(b.symHi, symBound{rhs, rc - 1})
		case "<=", "==":
			b.symHi = append(b.symHi, symBound{rhs, rc})
		}
	}
	return b
}

// unsignedCast reports whether an expression is a conversion to an
// unsigned type: (unsigned) x, (size_t) x, static_cast<std::size_t>(x).
func unsignedCast(f *function, e *node) bool {
	typ := castType(unparenOnly(e))
	if typ == nil {
		return false
	}
	txt := f.text(typ)
	if strings.Contains(txt, "*") {
		return false
	}
	_, unsigned := classifyType(txt)
	return unsigned
}

// castType is the type a conversion names: T in (T) x, static_cast<T>(x)
// and T(x); nil when e is no conversion.
func castType(e *node) *node {
	switch {
	case e == nil:
	case e.kind == "cast_expression":
		return e.child("type")
	case e.cast:
		fn := e.child("function")
		if fn != nil && fn.kind == "template_function" {
			if args := fn.child("arguments"); args != nil {
				return args.firstNamed()
			}
			return nil
		}
		return fn
	}
	return nil
}

// clampsTo reports whether the branch of an if sets the variable its
// condition compares to the value it is compared with: if (n > CAP) n =
// CAP; if (n < 0) n = 0. After such an if, the negated condition holds
// (n <= CAP), as it does on the path that skipped the branch.
func clampsTo(f *function, c *node, body *node) bool {
	rel, ok := f.guards().relationOf(cond{c, true})
	if !ok || rel.op == "==" || rel.op == "!=" {
		return false
	}
	if body != nil && body.kind == "compound_statement" {
		stmts := body.namedChildren()
		if len(stmts) != 1 {
			return false
		}
		body = stmts[0]
	}
	if body == nil || body.kind != "expression_statement" {
		return false
	}
	a := unparenOnly(body.firstNamed())
	if a == nil || a.kind != "assignment_expression" || f.text(a.child("operator")) != "=" {
		return false
	}
	lhs, val := a.child("left"), a.child("right")
	switch {
	case f.guards().sameExpr(lhs, rel.left) && f.guards().sameExpr(val, rel.right):
	case f.guards().sameExpr(lhs, rel.right) && f.guards().sameExpr(val, rel.left):
	case f.guards().sameExpr(lhs, rel.left):
		// if (idx >= N) idx = N - 1: a constant for which the
		// condition fails, so the negation holds after the if.
		return clampValue(f, rel.op, val, rel.right)
	case f.guards().sameExpr(lhs, rel.right):
		return clampValue(f, flipOp[rel.op], val, rel.left)
	default:
		return false
	}
	return true
}

// clampValue reports whether the constant val fails x op bound (a
// constant too): then x = val leaves !(x op bound), as the path that
// skipped the if does.
func clampValue(f *function, op string, val, bound *node) bool {
	v, ok1 := f.file.constValue(val, f)
	b, ok2 := f.file.constValue(bound, f)
	if !ok1 || !ok2 {
		return false
	}
	switch op {
	case ">=":
		return v < b
	case ">":
		return v <= b
	case "<=":
		return v > b
	case "<":
		return v >= b
	}
	return false
}
