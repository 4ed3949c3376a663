package rules

import (
	"fmt"
	"strings"
)

// CWE-125 read past a string's terminator. A loop that walks a string
// until its terminator (while (*p), while (*p != '\0'), for (; s[i]; i++))
// knows only that the character under the cursor is not the terminator:
// p[1] is inside the string or is its terminator, but p[2] is past the
// end when p[1] is the terminator, and so is a step p += 2 that jumps
// over it (the loop then reads beyond the string). A decoder of "%XX"
// escapes that reads p[1] and p[2] and steps by 3 reads past the end of
// "abc%" or "abc%4".
//
// Each read of p[k] or *(p + k) (s[i + k] for an index cursor) with k >=
// 2, and each step of the cursor by k >= 2, in the loop's body must be
// under conditions that show p[1] ... p[k-1] are not the terminator: a
// test of the character itself (p[1], p[1] != '\0', p[1] == 'n',
// p[1] >= '0', isxdigit(p[1]), or a classifier of the file that tests
// the character, hexval(p[1]) >= 0; '\0' passes none of them), in an if,
// while, ?:, && or ||, or an early exit (if (!p[1]) break;), or a case
// of a switch on it (a non-zero case, or the default of a switch with a
// case '\0').
//
// Blind spots: a length checked with strlen before the loop, a string
// of known length walked by a terminator loop, and a cursor moved by a
// non-constant step are not judged; a cursor moved inside the body before
// the read keeps the loop condition's fact.

// cursor is the pointer (p) or index (i of s[i]) a terminator loop walks.
type cursor struct {
	ptr   string // the pointer walked, or the string indexed
	index string // the index variable, "" for a pointer cursor
}

func checkPastTerminator(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, loop := range f.loops {
			cur, ok := terminatorCursor(f, loop)
			if !ok {
				continue
			}
			body := loop.child("body")
			if body == nil {
				continue
			}
			reported := false
			body.walk(func(n *node) bool {
				if reported || !f.file.spend(1) {
					return false
				}
				k, verb := cursorReach(f, cur, n)
				if k < 2 {
					return true
				}
				for j := int64(1); j < k; j++ {
					if notTerminator(f, cur, j, n) {
						continue
					}
					at := cursorText(cur, j)
					pass.Report(n, fmt.Sprintf("%s %s while the loop only knows that %s is not the terminator: if %s is the end of the string, this reads past it",
						f.text(n), verb, cursorText(cur, 0), at),
						fmt.Sprintf("test %s (and every character before the last one read) before, e.g. %s != '\\0' && ...", at, at))
					reported = true
					return false
				}
				return true
			})
		}
	}
}

// terminatorCursor reads a loop condition that stops at a string's
// terminator: *p, *p != '\0', p[0], s[i] != 0 (an atom of the condition
// when true).
func terminatorCursor(f *function, loop *node) (cursor, bool) {
	c := condExpr(loop)
	if c == nil {
		return cursor{}, false
	}
	for _, a := range f.guards().atoms(c, true) {
		e := unparen(a.e)
		if e.kind == "binary_expression" && f.text(e.child("operator")) == "!=" {
			if isZero(f, e.child("right")) {
				e = unparen(e.child("left"))
			} else if isZero(f, e.child("left")) {
				e = unparen(e.child("right"))
			}
		} else if !a.truth {
			continue
		}
		if cur, k, ok := elementOf(f, e); ok && k == 0 {
			if v := f.lookup(cur.ptr); v != nil && (v.isPointer() || v.isArray()) && charType(v.typ) {
				return cur, true
			}
		}
	}
	return cursor{}, false
}

// elementOf reads *p, *(p + k), p[k], s[i], s[i + k] as the character k
// after a cursor.
func elementOf(f *function, e *node) (cursor, int64, bool) {
	e = unparen(e)
	for e != nil && e.kind == "cast_expression" {
		e = unparen(e.child("value"))
	}
	if e == nil {
		return cursor{}, 0, false
	}
	var base, off *node
	switch {
	case e.kind == "pointer_expression" && e.op0() == "*":
		a := unparen(e.child("argument"))
		if a != nil && a.kind == "binary_expression" && f.text(a.child("operator")) == "+" {
			base, off = a.child("left"), a.child("right")
		} else {
			base = a
		}
	case e.kind == "subscript_expression":
		base, off = e.child("argument"), subscriptIndex(e)
	default:
		return cursor{}, 0, false
	}
	p := f.identName(base)
	if p == "" {
		return cursor{}, 0, false
	}
	if off == nil {
		return cursor{ptr: p}, 0, true
	}
	if k, ok := f.file.constValue(off, f); ok {
		if e.kind == "subscript_expression" {
			// p[k] walks a pointer; a constant index into an array is
			// not a cursor.
			if v := f.lookup(p); v == nil || v.isArray() {
				return cursor{}, 0, false
			}
		}
		return cursor{ptr: p}, k, true
	}
	if e.kind != "subscript_expression" {
		return cursor{}, 0, false
	}
	v, k := f.guards().linear(off)
	if name := f.identName(v); name != "" {
		return cursor{ptr: p, index: name}, k, true
	}
	return cursor{}, 0, false
}

// cursorReach says how far past the cursor a node reads (p[k]) or moves
// it (p += k), with the verb for the message; 0 for anything else.
func cursorReach(f *function, cur cursor, n *node) (int64, string) {
	switch n.kind {
	case "subscript_expression", "pointer_expression":
		if c, k, ok := elementOf(f, n); ok && c == cur && !isWritten(n) && !inSizeof(n) {
			if p := n.parent; p != nil && p.kind == "pointer_expression" && p.op0() == "&" {
				return 0, "" // &p[k]: an address, not a read
			}
			return k, "is read"
		}
	case "assignment_expression":
		moved := cur.ptr
		if cur.index != "" {
			moved = cur.index
		}
		if f.identName(n.child("left")) != moved {
			return 0, ""
		}
		switch f.text(n.child("operator")) {
		case "+=":
			if k, ok := f.file.constValue(n.child("right"), f); ok {
				return k, "steps the cursor"
			}
		case "=":
			if v, k := f.guards().linear(n.child("right")); f.identName(v) == moved && k > 0 {
				return k, "steps the cursor"
			}
		}
	}
	return 0, ""
}

// cursorText writes the character j after the cursor.
func cursorText(cur cursor, j int64) string {
	if cur.index != "" {
		if j == 0 {
			return fmt.Sprintf("%s[%s]", cur.ptr, cur.index)
		}
		return fmt.Sprintf("%s[%s + %d]", cur.ptr, cur.index, j)
	}
	if j == 0 {
		return "*" + cur.ptr
	}
	return fmt.Sprintf("%s[%d]", cur.ptr, j)
}

// notTerminator reports whether the conditions at a point show that the
// character j after the cursor is not '\0'.
func notTerminator(f *function, cur cursor, j int64, at *node) bool {
	is := func(e *node) bool {
		c, k, ok := elementOf(f, e)
		return ok && c == cur && k == j
	}
	for _, c := range f.guards().conditionsAt(at) {
		if excludesZero(f, c, is) {
			return true
		}
	}
	// case 'n': in a switch on the character, or its default when a case
	// takes '\0'.
	for p := at.parent; p != nil && p != f.body; p = p.parent {
		if p.kind != "case_statement" {
			continue
		}
		sw := p.ancestor("switch_statement")
		if sw == nil || !is(condExpr(sw)) {
			continue
		}
		if val := p.child("value"); val != nil {
			if v, ok := f.file.constValue(val, f); ok && v != 0 {
				return true
			}
			continue
		}
		if body := sw.child("body"); body != nil {
			for _, c := range body.children {
				if c.kind == "case_statement" && c.child("value") != nil {
					if v, ok := f.file.constValue(c.child("value"), f); ok && v == 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

// excludesZero reports whether a condition with its truth value rules
// out that an expression (matched by is) is 0.
func excludesZero(f *function, c cond, is func(*node) bool) bool {
	e := unparen(c.e)
	if e == nil {
		return false
	}
	if is(e) {
		return c.truth
	}
	if call := f.callAt[e]; call != nil && c.truth && is(call.arg(0)) {
		switch call.name {
		case "isxdigit", "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace",
			"ispunct", "isgraph", "isprint", "isblank":
			return true // no class has '\0' but iscntrl
		}
		return classifies(f, call, 0)
	}
	r, ok := f.guards().relationOf(c)
	if !ok {
		return false
	}
	l, rt, op := r.left, r.right, r.op
	// hexval(p[1]) >= 0: a classifier of the file tested on the character.
	for _, side := range []*node{l, rt} {
		if call := f.callAt[unparen(side)]; call != nil {
			for i, a := range call.args {
				if is(a) && classifies(f, call, i) {
					return true
				}
			}
		}
	}
	if !is(l) {
		if !is(rt) {
			return false
		}
		l, rt, op = rt, l, flipOp[op]
	}
	k, ok := f.file.constValue(rt, f)
	if !ok {
		return false
	}
	switch op {
	case "!=":
		return k == 0
	case "==":
		return k != 0
	case ">":
		return k >= 0
	case ">=":
		return k > 0
	case "<":
		return k <= 0
	case "<=":
		return k < 0
	}
	return false
}

// charType reports a character type (of a string's elements).
func charType(typ string) bool {
	for _, w := range []string{"const ", "unsigned ", "signed ", "volatile "} {
		typ = strings.ReplaceAll(typ, w, "")
	}
	typ = strings.TrimSpace(typ)
	return typ == "char" || typ == "wchar_t" || typ == "char8_t"
}

// classifies reports whether a call is of a function of the file that
// classifies the character it is given in parameter i: its body tests
// the parameter with a ctype class or compares it with a character.
// Its result tested at the read is taken as a test of the character
// (hexval(p[1]) >= 0), as its caller meant it.
func classifies(f *function, c *callSite, i int) bool {
	g := f.callee(c)
	if g == nil || g == f || i >= len(g.params) || g.params[i].name == "" {
		return false
	}
	name := g.params[i].name
	found := false
	g.body.walk(func(n *node) bool {
		if found {
			return false
		}
		switch n.kind {
		case "call_expression":
			if gc := g.callAt[n]; gc != nil && strings.HasPrefix(gc.name, "is") && g.identName(gc.arg(0)) == name {
				found = true
			}
		case "binary_expression":
			switch g.text(n.child("operator")) {
			case "==", "!=", "<", "<=", ">", ">=":
				l, r := unparen(n.child("left")), unparen(n.child("right"))
				if g.identName(l) == name && r != nil && r.kind == "char_literal" ||
					g.identName(r) == name && l != nil && l.kind == "char_literal" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
