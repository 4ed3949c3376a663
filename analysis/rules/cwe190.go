package rules

import (
	"fmt"
	"math/big"
	"strings"
)

// CWE-190, integer overflow.
//
// Scenario 190-1 is judged by CodeQL's cpp/tainted-arithmetic and 190-0
// by cpp/uncontrolled-arithmetic: an arithmetic operation (+, -, *, ++,
// --, unary -, and / or % on a computed operand) on an integer from the
// user (190-1) or from rand() (190-0) that no enclosing condition bounds
// on the side that can overflow. As in CodeQL's taint tracking, a
// variable compared with < or > against anything but 0 anywhere in the
// function counts as checked, and rand() % n or rand() & mask is bounded.
// Compound assignments (x += 1000) are not arithmetic operations for
// these queries. Scenario 190-2 is judged by the study's own query:
// integer additions of values from an external function (monthly sales
// figures) stored without an overflow check.
//
// Like CodeQL's queries, which ask its range analysis whether the
// operation can overflow, an operation whose exact result stays within
// its type is not reported (range.go): (long long) value + 1000 with an
// int value, (size_t) size + 1 after size <= 0 returned, (long) rand() +
// 1000.

func cwe190Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe190-tainted-arithmetic",
			CWE:      "CWE-190",
			Doc:      "arithmetic on an integer from the user that no condition bounds, so it can overflow",
			Fix:      "check the value against the limit before the arithmetic: if (value > INT_MAX - 1000) { /* reject */ }",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run: func(pass *Pass) {
				checkArithmetic(pass, pass.file.memSpecs().overflow, "the user")
				checkNarrowedSize(pass)
			},
		},
		{
			Name:     "cwe190-uncontrolled-arithmetic",
			CWE:      "CWE-190",
			Doc:      "arithmetic on an unbounded random number (rand() can be RAND_MAX == INT_MAX)",
			Fix:      "bound the random number first: rand() % range + 1000, or check it against INT_MAX - offset",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      func(pass *Pass) { checkArithmetic(pass, randomValue, "rand()") },
		},
		{
			Name:     "cwe190-unguarded-addition",
			CWE:      "CWE-190",
			Doc:      "integer values from an external function are added up without an overflow check",
			Fix:      "accumulate in a wider type (long long) or check before each addition: if (sum > INT_MAX - next) { /* overflow */ }",
			Requires: []Fact{Taint, Guards},
			Run:      checkUnguardedAddition,
		},
		{
			Name:     "cwe190-wrapping-bounds-check",
			CWE:      "CWE-190",
			Doc:      "a bounds check adds two values from input (off + len > size), and the sum can wrap around, so the check passes and the values then address memory out of bounds",
			Fix:      "check without an addition that can wrap: if (off > size || len > size - off) { /* reject */ }",
			Requires: []Fact{Flow, Taint, Values},
			Run:      checkWrappingCheck,
		},
	}
}

// randomValue is the taint of rand() and its kin, bounded by % and &.
var randomValue = &taintSpec{
	id: "random",
	source: func(f *function, n *node) (string, bool) {
		if n.kind != "call_expression" {
			return "", false
		}
		c := f.callAt[n]
		if c == nil {
			return "", false
		}
		switch c.name {
		case "rand", "random", "lrand48", "mrand48", "rand_r", "arc4random", "jrand48", "nrand48":
			return c.name + "()", true
		}
		return "", false
	},
	barrier: func(f *function, name string, at *node) bool { return f.taint().boundedBefore(name, at) },
	stop:    boundedExpr,
}

// boundedExpr reports expressions whose value is small whatever their
// operand: x % n, x & mask, x >> k, x / k (k >= 2).
func boundedExpr(f *function, n *node) bool {
	if n.kind != "binary_expression" {
		return false
	}
	switch f.text(n.child("operator")) {
	case "%":
		return true
	case "&":
		_, l := f.file.constValue(n.child("left"), f)
		_, r := f.file.constValue(n.child("right"), f)
		return l || r
	case ">>":
		_, r := f.file.constValue(n.child("right"), f)
		return r
	case "/":
		k, ok := f.file.constValue(n.child("right"), f)
		return ok && (k >= 2 || k <= -2)
	}
	return false
}

// checkArithmetic reports the unguarded arithmetic on tainted integers.
func checkArithmetic(pass *Pass, spec *taintSpec, from string) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(spec)
		report := func(op, operand *node, effect string, why string) {
			if !f.flow().reachableNode(op) || f.values().cannotOverflow(op) || f.values().divisionChecked(op) {
				return
			}
			pass.Report(operand, fmt.Sprintf("%s can %s: %s comes from %s and no check bounds it first",
				squeeze(f.text(op)), effect, squeeze(f.text(operand)), why), "")
		}
		for _, op := range f.byKind["binary_expression"] {
			o := f.text(op.child("operator"))
			switch o {
			case "+", "-", "*", "/", "%":
			default:
				continue
			}
			if k := f.exprKind(op); k == tkFloat || k == tkString || k == tkOther {
				continue
			}
			if boundedExpr(f, op) {
				continue // rand() % n bounds rand(); it does not overflow
			}
			switch gu := f.guards(); {
			case o == "-" && (gu.atLeast(op.child("left"), op.child("right"), op) || differenceCovered(f, op)):
				continue // size - off under off < size; size - off - 8 under off + 8 <= size
			case (o == "/" || o == "%") && gu.nonNegative(op.child("left"), op, 0):
				continue // only INT_MIN / -1 overflows
			}
			if o == "+" || o == "-" {
				if addressOperand(f, op.child("left")) || addressOperand(f, op.child("right")) {
					continue // pointer arithmetic: buf + off is an address, not an integer
				}
			}
			for _, e := range []*node{op.child("left"), op.child("right")} {
				why := tr.expr(e)
				if why == "" || f.exprKind(e) == tkFloat {
					continue
				}
				name := f.identName(e)
				isVar := name != "" && unparenOnly(e).kind == "identifier"
				switch {
				case !isVar:
					report(op, e, "overflow", why)
				case o == "+" && !guardedSide(f, op, name, true):
					report(op, e, "overflow", why)
				case o == "-" && e.field == "left" && !guardedSide(f, op, name, false):
					report(op, e, "underflow", why)
				case o == "*" && !(guardedSide(f, op, name, true) && guardedSide(f, op, name, false)):
					report(op, e, "overflow", why)
				}
			}
		}
		for _, op := range f.byKind["update_expression"] {
			e := op.child("argument")
			name := f.identName(e)
			if name == "" {
				continue
			}
			if k := f.exprKind(e); k != tkInt {
				continue
			}
			why := tr.expr(e)
			if why == "" {
				continue
			}
			inc := strings.Contains(f.text(op.child("operator")), "+")
			if !guardedSide(f, op, name, inc) {
				effect := "overflow"
				if !inc {
					effect = "underflow"
				}
				report(op, e, effect, why)
			}
		}
		for _, op := range f.byKind["unary_expression"] {
			if f.text(op.child("operator")) != "-" {
				continue
			}
			e := op.child("argument")
			if f.exprKind(e) != tkInt {
				continue
			}
			if why := tr.expr(e); why != "" && !guardedSide(f, op, f.identName(e), false) {
				report(op, e, "overflow", why)
			}
		}
	}
}

// checkNarrowedSize reports a sum or product of the size of input data
// (payload.size(), strlen(line)) stored in a type narrower than the
// size's own, when the checks before it let the result exceed that
// type: uint16_t total = payload.size() + 4 after payload.size() >
// 0xFFFF is rejected wraps to 3 for a payload of 65535 bytes.
func checkNarrowedSize(pass *Pass) {
	for _, f := range pass.Funcs() {
		var tr *taintRun
		for _, op := range f.byKind["binary_expression"] {
			if o := f.text(op.child("operator")); o != "+" && o != "*" {
				continue
			}
			va := f.values()
			dt, ok := narrowedType(f, op)
			if !ok {
				continue
			}
			if tr == nil {
				tr = f.taint().run(f.file.memSpecs().stream)
			}
			sized, skip := "", false
			var ranges [2]valRange
			for i, e := range []*node{op.child("left"), op.child("right")} {
				if w := inputSize(f, tr, e); w != "" {
					// A size: from 0 to what the checks allow, at most
					// SIZE_MAX.
					sized = w
					ranges[i] = fullRange(intType{bits: 64, unsigned: true})
					if b := f.guards().boundsOf(unparen(e), op); b.hasHi {
						ranges[i].hi = big.NewInt(b.hi)
					}
					continue
				}
				if k, ok := f.file.constValue(e, f); ok {
					ranges[i] = valRange{big.NewInt(k), big.NewInt(k)}
					continue
				}
				if symbolicallyBounded(f, tr, e, op) {
					skip = true // w > kMax / h bounds the product
					break
				}
				if w, r, ok := inputInteger(f, tr, e, op); ok {
					// A number from input: what its type holds, less
					// what the checks before the operation exclude
					// (count <= kMaxRecords).
					sized, ranges[i] = w, r
					continue
				}
				if r, ok := va.rangeOf(e, op, 0); ok {
					ranges[i] = r
				}
			}
			if skip || sized == "" || ranges[0].lo == nil || ranges[1].lo == nil || !f.flow().reachableNode(op) {
				continue
			}
			res, ok := applyRange(f.text(op.child("operator")), ranges[0], ranges[1])
			if !ok || res.within(dt) {
				continue
			}
			if _, max := dt.limits(); res.hi.Cmp(max) <= 0 {
				continue // only below: a negative number from input, not a wrap of a size
			}
			kind := "signed"
			if dt.unsigned {
				kind = "unsigned"
			}
			pass.Report(op, fmt.Sprintf("%s can reach %s, which wraps in the %d-bit %s variable it is stored in: %s",
				squeeze(f.text(op)), res.hi.String(), dt.bits, kind, sized), "")
		}
	}
}

// narrowedType is the narrowest integer type an expression is converted
// to as it stands: a cast around it ((uint16_t) e, static_cast<uint16_t>
// (e)) or the variable its value initialises or is assigned to. Only a
// type narrower than a size (size_t, 64 bits) counts.
func narrowedType(f *function, e *node) (intType, bool) {
	best, has := intType{}, false
	take := func(t intType, ok bool) {
		if ok && (!has || t.bits < best.bits) {
			best, has = t, true
		}
	}
	child := e
	for p := e.parent; p != nil; child, p = p, p.parent {
		if p.kind == "parenthesized_expression" {
			continue
		}
		if p.kind == "cast_expression" {
			take(parseIntType(f.text(castType(p))))
			continue
		}
		if p.kind == "argument_list" && p.parent != nil && p.parent.cast {
			take(parseIntType(f.text(castType(p.parent))))
			child, p = p, p.parent
			continue
		}
		switch {
		case p.kind == "init_declarator" && child.field == "value":
			if v := f.lookup(declName(f.file.t, p.child("declarator"))); v != nil && v.ptr == 0 && len(v.dims) == 0 {
				take(parseIntType(v.typ))
			}
		case p.kind == "assignment_expression" && child.field == "right" && f.text(p.child("operator")) == "=":
			if v := f.lookup(f.identName(p.child("left"))); v != nil && v.ptr == 0 && len(v.dims) == 0 {
				take(parseIntType(v.typ))
			}
		}
		break
	}
	return best, has && best.bits < 64
}

// inputInteger reads an integer variable that holds a number from input
// (tainted under tr): its range is its type's, narrowed by the bounds
// the guards put on it at the operation. It describes the value.
func inputInteger(f *function, tr *taintRun, e, at *node) (string, valRange, bool) {
	e = unparen(e)
	name := f.identName(e)
	v := f.lookup(name)
	if e != nil && e.kind == "field_expression" {
		name, v = squeeze(f.text(e)), f.memberOf(e) // e->len
	}
	if name == "" || v == nil || v.ptr != 0 || len(v.dims) != 0 {
		return "", valRange{}, false
	}
	t, ok := parseIntType(v.typ)
	if !ok {
		return "", valRange{}, false
	}
	why := tr.expr(e)
	if why == "" {
		return "", valRange{}, false
	}
	// lo = hexval(s[2]): what a function of the file returns has the
	// range of its returns, which this does not read; not a guess of
	// the whole type.
	if d := f.lastWholeDef(name, e); d != nil {
		for _, src := range d.srcs {
			calls := false
			src.walk(func(m *node) bool {
				if c := f.callAt[m]; c != nil && f.callee(c) != nil {
					calls = true
				}
				return !calls
			})
			if calls {
				return "", valRange{}, false
			}
		}
	}
	r := fullRange(t)
	b := f.guards().boundsOf(e, at)
	if b.hasHi && big.NewInt(b.hi).Cmp(r.hi) < 0 {
		r.hi = big.NewInt(b.hi)
	}
	if b.hasLo && big.NewInt(b.lo).Cmp(r.lo) > 0 {
		r.lo = big.NewInt(b.lo)
	}
	bound := "with no upper bound"
	if b.hasHi {
		bound = fmt.Sprintf("checked only up to %d", b.hi)
	}
	return fmt.Sprintf("%s comes from %s, %s", name, why, bound), r, true
}

// symbolicallyBounded reports a number from input that a check bounds
// by something other than a constant (w > kMaxPixels / h): the range of
// the operation is then not known, and not reported.
func symbolicallyBounded(f *function, tr *taintRun, e, at *node) bool {
	name := f.identName(unparen(e))
	if name == "" || tr.expr(e) == "" {
		return false
	}
	return !f.guards().boundsOf(unparen(e), at).hasHi && f.taint().boundedBefore(name, unparen(e))
}

// inputSize says what an expression is the size of, when it is the
// length of data from input: s.size(), s.length() or strlen(s) with s
// tainted under tr.
func inputSize(f *function, tr *taintRun, e *node) string {
	e = unparen(e)
	if e == nil || e.kind != "call_expression" {
		return ""
	}
	c := f.callAt[e]
	if c == nil {
		return ""
	}
	var data *node
	switch {
	case (c.name == ".size" || c.name == ".length") && c.recv != nil:
		data = c.recv
	case c.name == "strlen" || c.name == "strnlen":
		data = c.arg(0)
	default:
		return ""
	}
	if why := tr.expr(data); why != "" {
		return fmt.Sprintf("%s is the length of %s, from %s", squeeze(f.text(e)), squeeze(f.text(data)), why)
	}
	return ""
}

// guardedSide reports whether an enclosing if, loop or ?: tests the
// variable on the side that matters: as the smaller operand (x < limit)
// against overflow, as the larger one (x > limit) against underflow.
func guardedSide(f *function, op *node, name string, lesser bool) bool {
	if name == "" {
		return false
	}
	child := op
	for p := op.parent; p != nil && child != f.body; child, p = p, p.parent {
		var c *node
		switch p.kind {
		case "if_statement":
			if child.field == "consequence" {
				c = condExpr(p)
			}
		case "while_statement", "for_statement", "do_statement":
			if child.field == "body" {
				c = condExpr(p)
			}
		case "conditional_expression":
			if child.field == "consequence" {
				c = p.child("condition")
			}
		}
		if c == nil {
			continue
		}
		found := false
		c.walk(func(m *node) bool {
			if m.kind != "binary_expression" {
				return true
			}
			var small, big *node
			switch f.text(m.child("operator")) {
			case "<", "<=":
				small, big = m.child("left"), m.child("right")
			case ">", ">=":
				small, big = m.child("right"), m.child("left")
			default:
				return true
			}
			side := big
			if lesser {
				side = small
			}
			side.walk(func(k *node) bool {
				if k.kind == "identifier" && f.text(k) == name {
					found = true
				}
				return !found
			})
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// ---- cwe190-unguarded-addition -----------------------------------------

// externalInt is the taint of integers returned by functions declared
// in the file without a body.
var externalInt = &taintSpec{
	id: "external-int",
	source: func(f *function, n *node) (string, bool) {
		w, ok := externalResult.source(f, n)
		if !ok {
			return "", false
		}
		if f.exprKind(n) != tkInt {
			return "", false
		}
		return w, true
	},
}

func checkUnguardedAddition(pass *Pass) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(externalInt)
		for _, op := range f.byKind["binary_expression"] {
			if f.text(op.child("operator")) != "+" || f.exprKind(op) == tkFloat {
				continue
			}
			target := storedIn(f, op)
			if target == nil {
				continue
			}
			why := ""
			for _, e := range []*node{op.child("left"), op.child("right")} {
				if w := tr.expr(e); w != "" && f.exprKind(e) != tkFloat {
					why = w
				}
			}
			if why == "" || additionSafe(f, op, target) {
				continue
			}
			pass.Report(op, fmt.Sprintf("%s adds values from %s without checking that the sum fits in an int", squeeze(f.text(op)), why), "")
		}
		for _, a := range f.byKind["assignment_expression"] {
			if f.text(a.child("operator")) != "+=" {
				continue
			}
			rhs := a.child("right")
			why := tr.expr(rhs)
			if why == "" || f.exprKind(rhs) == tkFloat || f.exprKind(a.child("left")) == tkFloat {
				continue
			}
			if additionSafe(f, a, a.child("left")) {
				continue
			}
			pass.Report(a, fmt.Sprintf("%s adds a value from %s without checking that the sum fits in %s",
				squeeze(f.text(a)), why, squeeze(f.text(a.child("left")))), "")
		}
	}
}

// storedIn returns what the value of an addition is stored in (the
// variable of an initializer or assignment, or the return), or nil when
// it is only passed on (to printf, say).
func storedIn(f *function, op *node) *node {
	child := op
	for p := op.parent; p != nil; child, p = p, p.parent {
		switch p.kind {
		case "parenthesized_expression", "cast_expression":
			continue
		case "binary_expression":
			switch f.text(p.child("operator")) {
			case "+", "-", "*", "/":
				continue
			}
			return nil
		case "init_declarator":
			return p.child("declarator")
		case "assignment_expression":
			if child.field == "right" {
				return p.child("left")
			}
			return nil
		case "return_statement":
			return p
		}
		return nil
	}
	return nil
}

// additionSafe reports whether an addition cannot overflow: its result
// goes into a wider type, or a guard compares an operand or the target
// with a limit.
func additionSafe(f *function, op, target *node) bool {
	if target != nil {
		name := declName(f.file.t, target)
		if target.kind != "identifier" && target.kind != "pointer_declarator" {
			name, _ = baseVar(f.file.t, target)
		}
		if v := f.lookup(name); v != nil {
			if v.kind == tkFloat {
				return true
			}
			if sz, ok := typeSize(v.typ); ok && sz >= 8 {
				return true
			}
		}
	}
	names := map[string]bool{}
	op.walk(func(m *node) bool {
		if m.kind == "identifier" {
			names[f.text(m)] = true
		}
		return true
	})
	for _, c := range f.guards().conditionsAt(op) {
		// Any comparison in the condition that puts an operand against a
		// limit: sum > INT_MAX - next.
		found := false
		c.e.walk(func(m *node) bool {
			if m.kind != "binary_expression" {
				return true
			}
			switch f.text(m.child("operator")) {
			case "<", "<=", ">", ">=":
			default:
				return true
			}
			mentions := false
			m.walk(func(k *node) bool {
				if k.kind == "identifier" && names[f.text(k)] {
					mentions = true
				}
				return !mentions
			})
			if mentions && mentionsIntLimit(f, m) {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	for _, c := range f.calls {
		if strings.HasPrefix(c.name, "__builtin_add_overflow") || strings.HasPrefix(c.name, "ckd_add") {
			return true
		}
	}
	return false
}

// mentionsIntLimit reports whether an expression speaks of the largest
// int: INT_MAX, std::numeric_limits<int>::max(), or the number itself
// (2147483647) when <limits.h> is not included.
func mentionsIntLimit(f *function, e *node) bool {
	txt := f.text(e)
	if strings.Contains(txt, "MAX") || strings.Contains(txt, "numeric_limits") {
		return true
	}
	found := false
	e.walk(func(m *node) bool {
		if m.kind == "number_literal" {
			if v, ok := parseInt(f.text(m)); ok && v >= 1<<30 {
				found = true
			}
		}
		return !found
	})
	return found
}

// addressOperand reports whether an operand is an address: a pointer or
// an array, a variable or a struct member (img->pixels).
func addressOperand(f *function, e *node) bool {
	e = unparenOnly(e)
	if e == nil {
		return false
	}
	if e.kind == "string_literal" {
		return true
	}
	if c := f.callAt[e]; c != nil && c.recv != nil {
		// p.get(), s.data(), s.c_str(): the address an object hands out.
		switch c.name {
		case ".get", ".data", ".c_str":
			return true
		}
	}
	if e.kind == "binary_expression" {
		// (raw + 8) + i * size: a sum with an address in it is one.
		switch f.text(e.child("operator")) {
		case "+":
			return addressOperand(f, e.child("left")) || addressOperand(f, e.child("right"))
		case "-":
			return addressOperand(f, e.child("left")) && !addressOperand(f, e.child("right"))
		}
		return false
	}
	if e.kind != "identifier" && e.kind != "field_expression" {
		return false
	}
	v := f.placeVar(e)
	return v != nil && (v.ptr > 0 || len(v.dims) > 0)
}

// ---- cwe190-wrapping-bounds-check --------------------------------------

// checkWrappingCheck reports bounds checks of the form a + b > limit (or
// a + b <= limit) where a and b both vary, one comes from input (the
// amounts of amount.go, through the callers' arguments too), the sum can
// exceed its type (range.go), and a or b is then used to address memory:
// as an offset (buf + a, buf[a]) or as the size of a copy or a read. A
// wrapped sum is small and passes the check.
func checkWrappingCheck(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, cmp := range f.byKind["binary_expression"] {
			switch f.text(cmp.child("operator")) {
			case "<", "<=", ">", ">=":
			default:
				continue
			}
			if !inCondition(cmp) {
				continue
			}
			for _, side := range []*node{cmp.child("left"), cmp.child("right")} {
				sum := unparenOnly(side)
				if sum == nil || sum.kind != "binary_expression" || f.text(sum.child("operator")) != "+" {
					continue
				}
				if k := f.exprKind(sum); k != tkInt && k != tkUnknown || addressOperand(f, sum.child("left")) || addressOperand(f, sum.child("right")) {
					continue
				}
				a, b := stripCasts(sum.child("left")), stripCasts(sum.child("right"))
				if _, ok := f.file.constValue(a, f); ok {
					continue
				}
				if _, ok := f.file.constValue(b, f); ok {
					continue
				}
				why := ""
				for _, x := range []*node{a, b} {
					if w, failing := amountTaint(f, x); w != "" && !failing {
						why = amountOrigin(f, x, w)
					}
				}
				if why == "" || f.values().cannotOverflow(sum) || !f.flow().reachableNode(cmp) {
					continue
				}
				if !addressesAfter(f, cmp, a) && !addressesAfter(f, cmp, b) {
					continue
				}
				pass.Report(sum, fmt.Sprintf("%s can wrap around in the check %s (it comes from %s), so a huge value passes and then addresses memory",
					squeeze(f.text(sum)), squeeze(f.text(cmp)), why), "")
			}
		}
	}
}

// addressesAfter reports whether the value x is used after the node at
// as an offset (p + x, p[x]) or as the size of a copy or a read.
func addressesAfter(f *function, at, x *node) bool {
	name := squeeze(f.text(x))
	if name == "" {
		return false
	}
	same := func(e *node) bool { e = stripCasts(e); return e != nil && squeeze(f.text(e)) == name }
	for _, c := range f.calls {
		if c.n.start < at.end {
			continue
		}
		for _, i := range sizeArgs[c.name] {
			if same(c.arg(i)) {
				return true
			}
		}
	}
	for _, b := range f.byKind["binary_expression"] {
		if b.start < at.end || f.text(b.child("operator")) != "+" {
			continue
		}
		if addressOperand(f, b.child("left")) && same(b.child("right")) || addressOperand(f, b.child("right")) && same(b.child("left")) {
			return true
		}
	}
	for _, s := range f.byKind["subscript_expression"] {
		if s.start >= at.end && same(subscriptIndex(s)) {
			return true
		}
	}
	return false
}

// differenceCovered reports a chain a - b - c whose subtracted terms a
// guard at it bounds by a: size - off - 8 under off + 8 <= size.
func differenceCovered(f *function, op *node) bool {
	var pos, neg []string
	var walk func(e *node, sign bool)
	walk = func(e *node, sign bool) {
		e = valueOf(e)
		if e != nil && e.kind == "binary_expression" {
			switch f.text(e.child("operator")) {
			case "-":
				walk(e.child("left"), sign)
				walk(e.child("right"), !sign)
				return
			case "+":
				walk(e.child("left"), sign)
				walk(e.child("right"), sign)
				return
			}
		}
		if sign {
			pos = append(pos, termText(f, e))
		} else {
			neg = append(neg, termText(f, e))
		}
	}
	walk(op, true)
	for _, c := range f.guards().conditionsAt(op) {
		rel, ok := f.guards().relationOf(c)
		if !ok {
			continue
		}
		small, big := rel.left, rel.right
		switch rel.op {
		case "<", "<=":
		case ">", ">=":
			small, big = rel.right, rel.left
		default:
			continue
		}
		var s, b []string
		for _, t := range addTerms(f, small, 0) {
			s = append(s, termText(f, t))
		}
		for _, t := range addTerms(f, big, 0) {
			b = append(b, termText(f, t))
		}
		if sameTerms(b, pos) && sameTerms(s, neg) {
			return true
		}
	}
	return false
}
