package rules

import (
	"strings"
	"unicode"
)

// Character classes read from conditions. A validator often spells the
// characters it accepts as ranges and literals rather than calling a
// search function:
//
//	if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
//		return 0;
//
// charClass evaluates such a condition for every byte value, so that the
// rule can ask what it really lets through, not what it looks like.

// charClass returns the set of byte values (1..255) for which a condition
// over one character holds. The condition may use ==, !=, <, <=, >, >=,
// !, && and || on one character expression (c, *p, s[i], the same text
// each time, casts allowed), character and integer literals, the <ctype.h>
// classes and strchr("set", c). ok is false when anything else appears.
func charClass(f *function, cond *node) (set [256]bool, ok bool) {
	set, _, ok = charClassOf(f, cond)
	return set, ok
}

// charClassOf is charClass with the character expression it tests.
func charClassOf(f *function, cond *node) (set [256]bool, subject string, ok bool) {
	ce := &charEval{f: f}
	for v := int64(1); v < 256; v++ {
		r, ok := ce.eval(cond, v)
		if !ok || ce.subject == "" {
			return set, "", false
		}
		set[v] = r != 0
	}
	return set, ce.subject, true
}

// charEval evaluates a condition over one character in a function.
// subject is the character's expression text, taken from its first use
// unless given (a predicate's parameter).
type charEval struct {
	f       *function
	subject string
	depth   int
}

func (ce *charEval) eval(n *node, v int64) (int64, bool) {
	f := ce.f
	n = unparen(n)
	if n == nil {
		return 0, false
	}
	switch n.kind {
	case "char_literal":
		return charValue(f.text(n))
	case "number_literal":
		return parseInt(f.text(n))
	case "true":
		return 1, true
	case "false":
		return 0, true
	case "identifier", "subscript_expression", "pointer_expression", "field_expression":
		if n.kind == "pointer_expression" && f.text(n.child("operator")) != "*" {
			return 0, false
		}
		t := f.text(n)
		if ce.subject == "" {
			ce.subject = t
		}
		return v, t == ce.subject
	case "unary_expression":
		x, ok := ce.eval(n.child("argument"), v)
		if !ok {
			return 0, false
		}
		switch f.text(n.child("operator")) {
		case "!":
			return b2i(x == 0), true
		case "-":
			return -x, true
		}
		return 0, false
	case "binary_expression":
		op := f.text(n.child("operator"))
		l, ok := ce.eval(n.child("left"), v)
		if !ok {
			return 0, false
		}
		switch op {
		case "&&":
			if l == 0 {
				// Still read the right side, so that an unknown part
				// fails the whole condition.
				_, ok := ce.eval(n.child("right"), v)
				return 0, ok
			}
		case "||":
			if l != 0 {
				_, ok := ce.eval(n.child("right"), v)
				return 1, ok
			}
		}
		r, ok := ce.eval(n.child("right"), v)
		if !ok {
			return 0, false
		}
		switch op {
		case "&&", "||", "==", "!=", "<", "<=", ">", ">=":
			return binop(op, l, r) // eval.go
		}
		return 0, false
	case "call_expression":
		return ce.call(n, v)
	}
	return 0, false
}

// call evaluates strchr("set", c), a <ctype.h> class, or a predicate of
// the file whose body is one return of a condition over its parameter:
// static int needs_escape(char c) { return c == '"' || c == '$'; }.
func (ce *charEval) call(n *node, v int64) (int64, bool) {
	f := ce.f
	cs := f.callAt[n]
	if cs == nil {
		return 0, false
	}
	if cs.name == "strchr" || cs.name == "memchr" {
		s, ok := stringValue(f.file.t, unparen(cs.arg(0)))
		if !ok {
			return 0, false
		}
		x, ok := ce.eval(cs.arg(1), v)
		if !ok {
			return 0, false
		}
		// strchr finds the terminator too.
		return b2i(x == 0 || x > 0 && x < 256 && strings.IndexByte(s, byte(x)) >= 0), true
	}
	if len(cs.args) != 1 {
		return 0, false
	}
	x, ok := ce.eval(cs.arg(0), v)
	if !ok {
		return 0, false
	}
	if class := ctypeClass(cs.name); class != nil {
		return b2i(x >= 0 && x < 128 && class(rune(x))), true
	}
	g := f.callee(cs)
	if g == nil || g == f || ce.depth >= 3 || len(g.params) != 1 || g.params[0].name == "" {
		return 0, false
	}
	ret := soleReturn(g)
	if ret == nil {
		return 0, false
	}
	sub := &charEval{f: g, subject: g.params[0].name, depth: ce.depth + 1}
	return sub.eval(ret, x)
}

// soleReturn is the returned expression of a function whose body is one
// return statement.
func soleReturn(g *function) *node {
	if g.body == nil {
		return nil
	}
	stmts := g.body.namedChildren()
	if len(stmts) != 1 || stmts[0].kind != "return_statement" {
		return nil
	}
	return stmts[0].firstNamed()
}

// ctypeClass returns the test of a <ctype.h> class, for ASCII.
func ctypeClass(name string) func(rune) bool {
	switch strings.TrimPrefix(name, "std::") {
	case "isalnum", "iswalnum":
		return func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	case "isalpha", "iswalpha":
		return unicode.IsLetter
	case "isdigit", "iswdigit":
		return unicode.IsDigit
	case "isxdigit":
		return func(r rune) bool { return strings.ContainsRune("0123456789abcdefABCDEF", r) }
	case "islower":
		return unicode.IsLower
	case "isupper":
		return unicode.IsUpper
	case "isspace":
		return func(r rune) bool { return strings.ContainsRune(" \t\n\v\f\r", r) }
	case "ispunct":
		return func(r rune) bool { return r > 32 && r < 127 && !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	case "isprint":
		return func(r rune) bool { return r >= 32 && r < 127 }
	case "isgraph":
		return func(r rune) bool { return r > 32 && r < 127 }
	}
	return nil
}

// rejectsAll reports whether a set of rejected characters holds what a
// check must refuse: each forbidden character (each of all, when the
// check has such a list), and one character of each forbidden substring
// ('.' for "..").
func (fb *forbidden) rejectsAll(rejected [256]bool) bool {
	need := fb.chars
	if fb.all != "" {
		need = fb.all
	}
	for i := 0; i < len(need); i++ {
		if !rejected[need[i]] {
			return false
		}
	}
	for _, s := range fb.strs {
		hit := false
		for i := 0; i < len(s); i++ {
			hit = hit || rejected[s[i]]
		}
		if !hit {
			return false
		}
	}
	return true
}
