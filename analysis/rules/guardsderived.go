package rules

import (
	"fmt"
	"math/big"
	"strings"
)

// Guards as facts about values, not about one expression: a variable
// set from a checked one (v = choice - 1 after 1 <= choice && choice <=
// N) inherits the check; a difference a - b is at least 0 where a guard
// says a >= b; a product a * b stays below K where a guard says b <= K /
// a (the division form of an overflow check).

// derivedBounds is boundsOf, and when that leaves a side open and the
// variable was last set (with no later write before at) to y + k, the
// bounds the guards at at, or at the assignment, put on y, shifted by k.
func (gu *guardFacts) derivedBounds(e *node, at *node) bounds {
	f := gu.f
	b := gu.boundsOf(e, at)
	if b.hasLo && b.hasHi {
		return b
	}
	src, ok := soleSource(f, f.identName(e), at)
	if !ok {
		// parse_level(line, &lvl): the callee stores only checked values.
		if fb, ok := addrFilledBounds(f, f.identName(e), at); ok {
			if !b.hasLo && fb.hasLo {
				b.lo, b.hasLo = fb.lo, true
			}
			if !b.hasHi && fb.hasHi {
				b.hi, b.hasHi = fb.hi, true
			}
		}
		return b
	}
	y, k := gu.linear(src)
	if y != nil && unparen(y).kind != "identifier" {
		// cells = cols * rows after a check of cols * rows itself.
		y, k = src, 0
		if u := unparen(y); u == nil || u.kind != "binary_expression" {
			return b
		}
	}
	if y == nil || f.identName(y) == f.identName(e) && f.identName(e) != "" {
		return b
	}
	for _, point := range []*node{at, src} {
		yb := gu.boundsOf(unparen(y), point)
		if !b.hasLo && yb.hasLo {
			b.lo, b.hasLo = yb.lo+k, true
		}
		if !b.hasHi && yb.hasHi {
			b.hi, b.hasHi = yb.hi+k, true
		}
		for _, s := range yb.symHi {
			b.symHi = append(b.symHi, symBound{s.base, s.off + k})
		}
	}
	return b
}

// addrFilledBounds returns the bounds of a variable that a call of the
// file last wrote through its address, before at and with no other write
// between: parse_level(line, &lvl), where parse_level stores only values
// its guards bound.
func addrFilledBounds(f *function, name string, at *node) (bounds, bool) {
	if name == "" {
		return bounds{}, false
	}
	var last *defSite
	for _, d := range f.defs {
		if d.name == name && d.pos <= at.start && (last == nil || d.pos >= last.pos) {
			last = d
		}
	}
	// parse(text, v) with long &v: a later write through a reference.
	var refCall *callSite
	for _, pos := range f.refWrites()[name] {
		if pos <= at.start && (last == nil || pos > last.pos) {
			for _, c := range f.calls {
				if c.n.start == pos {
					refCall = c
				}
			}
		}
	}
	call := refCall
	if call == nil {
		if last == nil || last.op != "addr" || last.call == nil {
			return bounds{}, false
		}
		call = last.call
	}
	g := f.callee(call)
	if g == nil || g == f {
		return bounds{}, false
	}
	for i, a := range call.args {
		if inner, ok := addrOf(a); ok && f.identName(inner) == name || refCall != nil && f.identName(a) == name {
			return filledBounds(g, i)
		}
	}
	return bounds{}, false
}

// filledBounds returns (once per function and parameter) the bounds of
// what a function stores through its pointer or reference parameter i,
// when every store (*out = v, out = v) is of a value bounded at the store,
// or where the function ends, and nothing else writes through it: *out =
// (int)v after if (v < 0 || v >= N) return -1. A side is known when
// every store bounds it.
func filledBounds(g *function, i int) (bounds, bool) {
	type result struct {
		b  bounds
		ok bool
	}
	key := fmt.Sprintf("filledbounds/%d", i)
	if r, ok := g.cacheMap()[key].(result); ok {
		return r.b, r.ok
	}
	g.cacheMap()[key] = result{} // a recursive call sees no bounds
	r := result{}
	ref := i < len(g.params) && isRefParam(g.params[i]) && g.params[i].ptr == 0
	if i < len(g.params) && g.params[i].name != "" && (g.params[i].isPointer() || ref) {
		p := g.params[i]
		stores := 0
		good, hasLo, hasHi := true, true, true
		last := lastReturn(g)
		for _, d := range g.defs {
			if d.name != p.name || d.op == "decl" {
				continue
			}
			l := unparen(d.lhs)
			switch {
			case d.op != "=" || len(d.srcs) != 1 || l == nil:
				good = false // a reader, out += v: not one checked value
			case ref && !d.whole:
				good = false
			case !ref && (d.whole || l.kind != "pointer_expression"):
				good = false // out[i] = v, out = q
			}
			if !good {
				break
			}
			v := d.srcs[0]
			var vb bounds
			if k, ok := g.file.constValue(v, g); ok {
				vb = bounds{lo: k, hi: k, hasLo: true, hasHi: true}
			} else {
				vb = g.guards().derivedBounds(unparen(v), d.n)
			}
			if last != nil && (!vb.hasLo || !vb.hasHi) {
				// *out = strtoll(...); if (*out <= 0) return -1; ...
				// return 0: checked where the function succeeds.
				after := g.guards().boundsOf(l, last)
				if !vb.hasLo && after.hasLo {
					vb.lo, vb.hasLo = after.lo, true
				}
				if !vb.hasHi && after.hasHi {
					vb.hi, vb.hasHi = after.hi, true
				}
			}
			if stores == 0 || vb.lo < r.b.lo {
				r.b.lo = vb.lo
			}
			if stores == 0 || vb.hi > r.b.hi {
				r.b.hi = vb.hi
			}
			hasLo, hasHi = hasLo && vb.hasLo, hasHi && vb.hasHi
			stores++
		}
		r.ok = good && stores > 0 && (hasLo || hasHi)
		r.b.hasLo, r.b.hasHi = r.ok && hasLo, r.ok && hasHi
	}
	g.cacheMap()[key] = r
	return r.b, r.ok
}

// lastReturn is the return statement that ends a function's body, the
// path that got through every check before it.
func lastReturn(g *function) *node {
	if g.body == nil {
		return nil
	}
	stmts := g.body.namedChildren()
	if len(stmts) == 0 || stmts[len(stmts)-1].kind != "return_statement" {
		return nil
	}
	return stmts[len(stmts)-1]
}

// soleSource returns the value a variable was last given before at by
// a plain assignment, when no other write of it comes between.
func soleSource(f *function, name string, at *node) (*node, bool) {
	if name == "" {
		return nil, false
	}
	d := f.lastWholeDef(name, at)
	if d == nil || len(d.srcs) != 1 || d.srcs[0] == nil {
		return nil, false
	}
	for _, o := range f.defs {
		if o != d && o.name == name && o.pos > d.pos && o.pos <= at.start {
			return nil, false
		}
	}
	// parse(line, amount) with long &amount: the callee writes it.
	for _, pos := range f.refWrites()[name] {
		if pos > d.pos && pos <= at.start {
			return nil, false
		}
	}
	return d.srcs[0], true
}

// refWrites returns (once per function) where each variable is passed
// bare to a non-const reference parameter of a function of the file,
// which may write it: parse(line, amount) with long &amount.
func (f *function) refWrites() map[string][]uint32 {
	if !f.file.collected {
		return nil // the calls are still being read
	}
	return cached(f.cacheMap(), "refwrites", func() map[string][]uint32 {
		out := map[string][]uint32{}
		for _, c := range f.calls {
			g := f.callee(c)
			if g == nil {
				continue
			}
			for i, a := range c.args {
				if name := f.identName(a); name != "" && i < len(g.params) &&
					isRefParam(g.params[i]) && g.params[i].ptr == 0 && !strings.HasPrefix(g.params[i].typ, "const") {
					out[name] = append(out[name], c.n.start)
				}
			}
		}
		return out
	})
}

// nonNegative reports whether an integer expression is at least 0 at a
// point: a constant, an unsigned variable, a variable a guard bounds
// below by 0, a variable set from such an expression, a - b where a
// guard says a >= b, and a sum, product or quotient of such operands
// (a divisor that is a variable is taken to be positive, as widths and
// strides are).
func (gu *guardFacts) nonNegative(e *node, at *node, depth int) bool {
	f := gu.f
	e = unparen(e)
	if e == nil || depth > 6 {
		return false
	}
	if k, ok := f.file.constValue(e, f); ok {
		return k >= 0
	}
	switch e.kind {
	case "identifier", "field_expression":
		v := f.placeVar(e)
		if v != nil && v.unsigned && v.ptr == 0 {
			return true
		}
		if b := gu.boundsOf(e, at); b.hasLo && b.lo >= 0 {
			return true
		}
		if src, ok := soleSource(f, f.identName(e), at); ok {
			return gu.nonNegative(src, at, depth+1) || gu.nonNegative(src, src, depth+1)
		}
	case "call_expression":
		if c := f.callAt[e]; c != nil && (c.name == ".size" || c.name == ".length" || c.name == "strlen") {
			return true
		}
	case "binary_expression":
		l, r := e.child("left"), e.child("right")
		switch f.text(e.child("operator")) {
		case "+", "*", "%":
			return gu.nonNegative(l, at, depth+1) && gu.nonNegative(r, at, depth+1)
		case "/":
			if !gu.nonNegative(l, at, depth+1) {
				return false
			}
			if k, ok := f.file.constValue(r, f); ok {
				return k > 0
			}
			return true
		case "-":
			return gu.atLeast(l, r, at)
		}
	}
	return false
}

// atLeast reports whether a guard at a point says a >= b (casts looked
// through: static_cast<long>(v) - lo under v >= lo).
func (gu *guardFacts) atLeast(a, b *node, at *node) bool {
	a, b = valueOf(a), valueOf(b)
	for _, c := range gu.conditionsAt(at) {
		rel, ok := gu.relationOf(c)
		if !ok {
			continue
		}
		l, r, op := valueOf(rel.left), valueOf(rel.right), rel.op
		if gu.sameExpr(r, unparen(a)) && gu.sameExpr(l, unparen(b)) {
			l, r, op = r, l, flipOp[op]
		}
		if gu.sameExpr(l, unparen(a)) && gu.sameExpr(r, unparen(b)) && (op == ">=" || op == ">" || op == "==") {
			return true
		}
	}
	return false
}

// divisionChecked reports whether a product a * b is kept within the
// limit of its type by a guard in the division form: b <= K / a (or b <
// K / a, a <= K / b), with a and b positive and K within the type.
func (va *valueFacts) divisionChecked(op *node) bool {
	f := va.f
	if op.kind != "binary_expression" || f.text(op.child("operator")) != "*" {
		return false
	}
	t, ok := va.typeOfExpr(op, 0)
	if !ok {
		return false
	}
	_, hi := t.limits()
	a, b := unparen(op.child("left")), unparen(op.child("right"))
	gu := f.guards()
	for _, pair := range [][2]*node{{a, b}, {b, a}} {
		x, y := pair[0], pair[1]
		if lb := gu.boundsOf(x, op); !(lb.hasLo && lb.lo > 0) {
			continue
		}
		for _, s := range gu.boundsOf(y, op).symHi {
			q := unparen(s.base)
			if q == nil || q.kind != "binary_expression" || f.text(q.child("operator")) != "/" || s.off > 0 {
				continue
			}
			if !gu.sameExpr(unparen(q.child("right")), x) {
				continue
			}
			if k, ok := f.file.constValue(q.child("left"), f); ok && big.NewInt(k).Cmp(hi) <= 0 && k >= 0 {
				return true
			}
		}
	}
	return false
}

// valueOf strips parentheses and casts, C's and C++'s
// (static_cast<long>(v), long(v)), from an expression.
func valueOf(e *node) *node {
	for e != nil {
		switch {
		case e.kind == "parenthesized_expression":
			e = e.firstNamed()
		case e.kind == "cast_expression":
			e = e.child("value")
		case castArg(e) != nil:
			e = castArg(e)
		default:
			return e
		}
	}
	return nil
}
