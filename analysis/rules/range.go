package rules

import (
	"math/big"
	"strings"
)

// valueFacts are a function's Values facts: the integer type of an
// expression after C's promotions (typeOfExpr), the range it can take
// at a point (rangeOf: its type's range narrowed by the guards there,
// through + - * / % and casts), whether an operation cannot overflow
// (cannotOverflow), and the sizes of buffers: of an array or the
// allocation a pointer got last (bufferSize), of an element
// (elementSize, subscriptBase), and the variables holding strlen of
// another (lenVars). Constant expressions themselves are Syntax facts of
// the file (fileFacts.constValue).
//
// Blind spots: ranges come only from constant bounds in guards, never
// from other variables (i < n gives i nothing when n is unknown); sizes
// are known for arrays of constant size, malloc/calloc/new[] of a
// constant, and std::array, not for struct members, reallocations or
// memory passed in by a caller.
type valueFacts struct {
	f          *function
	lenVarsMap map[string]string // lenVars, built on first use
}

// A small range analysis for integer arithmetic, as CodeQL's
// SimpleRangeAnalysis gives its overflow queries: the range of an operand
// is the range of its type, narrowed by the constant bounds the guards at
// the point put on it; an operation whose exact result stays inside the
// range of its type cannot overflow. (long long) value + 1000 with an int
// value, or (size_t) size + 1 after size <= 0 returned, are safe.

// intType is an integer type: its width in bits and signedness.
type intType struct {
	bits     int
	unsigned bool
}

func (t intType) limits() (lo, hi *big.Int) {
	one := big.NewInt(1)
	if t.unsigned {
		hi = new(big.Int).Lsh(one, uint(t.bits))
		return big.NewInt(0), hi.Sub(hi, one)
	}
	hi = new(big.Int).Lsh(one, uint(t.bits-1))
	lo = new(big.Int).Neg(hi)
	return lo, hi.Sub(hi, one)
}

// promote applies the integer promotions: anything narrower than int
// is an int.
func (t intType) promote() intType {
	if t.bits < 32 {
		return intType{32, false}
	}
	return t
}

// common is the type of a binary operation on a and b (the usual
// arithmetic conversions).
func common(a, b intType) intType {
	a, b = a.promote(), b.promote()
	switch {
	case a.bits > b.bits:
		return a
	case b.bits > a.bits:
		return b
	}
	return intType{a.bits, a.unsigned || b.unsigned}
}

// parseIntType reads an integer type written as text.
func parseIntType(typ string) (intType, bool) {
	if strings.Contains(typ, "*") {
		return intType{}, false
	}
	k, unsigned := classifyType(typ)
	if k != tkInt {
		return intType{}, false
	}
	t := strings.Join(strings.Fields(typ), " ")
	for _, q := range []string{"constexpr ", "const ", "volatile ", "static ", "register "} {
		t = strings.ReplaceAll(t, q, "")
	}
	size, ok := typeSize(t)
	if !ok {
		size, ok = typeSize(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(t, "unsigned", ""), "signed", "")))
		if !ok {
			if strings.TrimSpace(t) == "unsigned" || strings.TrimSpace(t) == "signed" {
				size, ok = 4, true
			} else {
				return intType{}, false
			}
		}
	}
	if t == "bool" || t == "_Bool" {
		return intType{8, true}, true
	}
	return intType{int(size) * 8, unsigned}, true
}

// valRange is an inclusive range of values.
type valRange struct{ lo, hi *big.Int }

func (r valRange) within(t intType) bool {
	lo, hi := t.limits()
	return r.lo.Cmp(lo) >= 0 && r.hi.Cmp(hi) <= 0
}

func fullRange(t intType) valRange {
	lo, hi := t.limits()
	return valRange{lo, hi}
}

// returnTypes are the integer results of common library calls.
var returnTypes = map[string]string{
	"atoi": "int", "stoi": "int", "atol": "long", "stol": "long", "strtol": "long", "atoll": "long long",
	"stoll": "long long", "strtoll": "long long", "strtoul": "unsigned long", "stoul": "unsigned long",
	"strtoull": "unsigned long long", "stoull": "unsigned long long", "strlen": "size_t", "abs": "int",
	"labs": "long", "getchar": "int", "fgetc": "int", "getc": "int", "time": "long",
}

// typeOfExpr infers the integer type of an expression.
func (va *valueFacts) typeOfExpr(e *node, depth int) (intType, bool) {
	f := va.f
	e = unparenOnly(e)
	if e == nil || depth > 16 {
		return intType{}, false
	}
	switch e.kind {
	case "number_literal":
		s := strings.ToLower(f.text(e))
		if strings.ContainsAny(s, ".") || !strings.HasPrefix(s, "0x") && strings.ContainsAny(s, "ef") {
			return intType{}, false
		}
		t := intType{32, strings.Contains(s, "u")}
		if strings.Contains(s, "l") {
			t.bits = 64
		} else if v, ok := parseInt(s); ok && (v > 2147483647 || v < -2147483648) {
			t.bits = 64
		}
		return t, true
	case "char_literal", "true", "false":
		return intType{32, false}, true
	case "sizeof_expression":
		return intType{64, true}, true
	case "identifier", "field_expression":
		name := f.text(e)
		v := f.lookup(name)
		if v == nil || e.kind == "field_expression" {
			v = f.memberOf(e) // places.go: a struct or class member
		}
		if v != nil {
			if v.ptr > 0 || len(v.dims) > 0 {
				return intType{}, false
			}
			return parseIntType(v.typ)
		}
		if _, ok := f.file.constValue(e, f); ok {
			return intType{32, false}, true // a macro: an int constant
		}
	case "cast_expression":
		return parseIntType(f.text(e.child("type")))
	case "subscript_expression":
		// in[i] with const unsigned char *in: one element of a plain
		// pointer or array of integers.
		if v := f.placeVar(e.child("argument")); v != nil && !v.container && v.ptr+len(v.dims) == 1 {
			return parseIntType(v.typ)
		}
	case "call_expression":
		if e.cast {
			fn := e.child("function")
			if fn != nil && fn.kind == "template_function" {
				if args := fn.child("arguments"); args != nil {
					return parseIntType(f.text(args.firstNamed()))
				}
				return intType{}, false
			}
			return parseIntType(f.text(fn))
		}
		c := f.callAt[e]
		if c == nil {
			return intType{}, false
		}
		switch c.name {
		case "rand", "random", "lrand48", "rand_r":
			return intType{32, false}, true
		}
		if t, ok := returnTypes[c.name]; ok {
			return parseIntType(t)
		}
		if p, ok := f.file.protos[c.name]; ok && p.ptr == 0 {
			return parseIntType(p.typ)
		}
	case "binary_expression":
		switch f.text(e.child("operator")) {
		case "+", "-", "*", "/", "%", "&", "|", "^":
			a, ok1 := va.typeOfExpr(e.child("left"), depth+1)
			b, ok2 := va.typeOfExpr(e.child("right"), depth+1)
			if ok1 && ok2 {
				return common(a, b), true
			}
		case "<<", ">>":
			if a, ok := va.typeOfExpr(e.child("left"), depth+1); ok {
				return a.promote(), true
			}
		case "==", "!=", "<", ">", "<=", ">=", "&&", "||":
			return intType{32, false}, true
		}
	case "unary_expression", "update_expression":
		if t, ok := va.typeOfExpr(e.child("argument"), depth+1); ok {
			return t.promote(), true
		}
	case "conditional_expression":
		a, ok1 := va.typeOfExpr(e.child("consequence"), depth+1)
		b, ok2 := va.typeOfExpr(e.child("alternative"), depth+1)
		if ok1 && ok2 {
			return common(a, b), true
		}
	}
	return intType{}, false
}

// rangeOf bounds the value of an integer expression at a point.
func (va *valueFacts) rangeOf(e *node, at *node, depth int) (valRange, bool) {
	f := va.f
	e = unparenOnly(e)
	if e == nil || depth > 16 {
		return valRange{}, false
	}
	if k, ok := f.file.constValue(e, f); ok {
		return valRange{big.NewInt(k), big.NewInt(k)}, true
	}
	t, typed := va.typeOfExpr(e, depth)
	switch e.kind {
	case "sizeof_expression":
		// The size of a type the file does not size for us (struct
		// sample): objects are not larger than 16 MB in practice.
		return valRange{big.NewInt(1), big.NewInt(1 << 24)}, true
	case "identifier", "field_expression": // img->width after a check of img->width
		if !typed {
			return valRange{}, false
		}
		r := fullRange(t)
		b := f.guards().boundsOf(e, at)
		if b.hasLo && big.NewInt(b.lo).Cmp(r.lo) > 0 {
			r.lo = big.NewInt(b.lo)
		}
		if b.hasHi && big.NewInt(b.hi).Cmp(r.hi) < 0 {
			r.hi = big.NewInt(b.hi)
		}
		// n = (size_t)cols * rows: the range its last value had.
		if e.kind == "identifier" && !b.hasHi {
			if src, ok := soleSource(f, f.text(e), at); ok {
				if sr, ok := va.rangeOf(src, src, depth+1); ok && sr.within(t) {
					if sr.hi.Cmp(r.hi) < 0 {
						r.hi = sr.hi
					}
					if sr.lo.Cmp(r.lo) > 0 {
						r.lo = sr.lo
					}
				}
			}
		}
		// parse_long(argv[2], lo): what the parser stores is checked.
		if e.kind == "identifier" && !(b.hasLo && b.hasHi) {
			if fb, ok := addrFilledBounds(f, f.text(e), at); ok {
				if lo := big.NewInt(fb.lo); fb.hasLo && lo.Cmp(r.lo) > 0 {
					r.lo = lo
				}
				if hi := big.NewInt(fb.hi); fb.hasHi && hi.Cmp(r.hi) < 0 {
					r.hi = hi
				}
			}
		}
		if r.lo.Cmp(r.hi) > 0 {
			return valRange{}, false
		}
		return r, true
	case "cast_expression", "call_expression":
		var inner *node
		if e.kind == "cast_expression" {
			inner = e.child("value")
		} else {
			inner = castArg(e)
		}
		if inner == nil {
			if e.kind == "call_expression" && typed {
				if c := f.callAt[e]; c != nil {
					switch c.name {
					case "rand", "random", "lrand48", "rand_r":
						return valRange{big.NewInt(0), big.NewInt(2147483647)}, true
					}
				}
				return fullRange(t), true
			}
			return valRange{}, false
		}
		if !typed {
			return valRange{}, false
		}
		if r, ok := va.rangeOf(inner, at, depth+1); ok && r.within(t) {
			return r, true
		}
		return fullRange(t), true
	case "binary_expression":
		op := f.text(e.child("operator"))
		l, ok1 := va.rangeOf(e.child("left"), at, depth+1)
		r, ok2 := va.rangeOf(e.child("right"), at, depth+1)
		if !typed {
			return valRange{}, false
		}
		if op == "-" && ok1 && l.lo.Sign() >= 0 && f.guards().atLeast(e.child("left"), e.child("right"), at) {
			// width - got under got < width: between 0 and width.
			return valRange{big.NewInt(0), l.hi}, true
		}
		if ok1 && ok2 {
			if res, ok := applyRange(op, l, r); ok && res.within(t) {
				return res, true
			}
		}
		return fullRange(t), true
	}
	if typed {
		return fullRange(t), true
	}
	return valRange{}, false
}

// applyRange is the exact range of l op r.
func applyRange(op string, l, r valRange) (valRange, bool) {
	switch op {
	case "+":
		return valRange{new(big.Int).Add(l.lo, r.lo), new(big.Int).Add(l.hi, r.hi)}, true
	case "-":
		return valRange{new(big.Int).Sub(l.lo, r.hi), new(big.Int).Sub(l.hi, r.lo)}, true
	case "*":
		ps := []*big.Int{
			new(big.Int).Mul(l.lo, r.lo), new(big.Int).Mul(l.lo, r.hi),
			new(big.Int).Mul(l.hi, r.lo), new(big.Int).Mul(l.hi, r.hi),
		}
		lo, hi := ps[0], ps[0]
		for _, p := range ps[1:] {
			if p.Cmp(lo) < 0 {
				lo = p
			}
			if p.Cmp(hi) > 0 {
				hi = p
			}
		}
		return valRange{lo, hi}, true
	case "%":
		// |l % r| < |r|, with the sign of l.
		m := new(big.Int).Abs(r.lo)
		if a := new(big.Int).Abs(r.hi); a.Cmp(m) > 0 {
			m = a
		}
		if m.Sign() == 0 {
			return valRange{}, false
		}
		m.Sub(m, big.NewInt(1))
		lo := new(big.Int).Neg(m)
		if l.lo.Sign() >= 0 {
			lo = big.NewInt(0)
		}
		return valRange{lo, m}, true
	case ">>":
		// in[i] >> 4 with in[i] in 0..255: 0..15.
		if l.lo.Sign() >= 0 && r.lo.Sign() >= 0 && r.hi.Cmp(big.NewInt(63)) <= 0 {
			return valRange{new(big.Int).Rsh(l.lo, uint(r.hi.Int64())), new(big.Int).Rsh(l.hi, uint(r.lo.Int64()))}, true
		}
	case "/":
		if r.lo.Sign() > 0 {
			return valRange{new(big.Int).Quo(l.lo, r.lo), new(big.Int).Quo(l.hi, r.lo)}, true
		}
	case "&":
		if r.lo.Sign() >= 0 && r.lo.Cmp(r.hi) == 0 {
			return valRange{big.NewInt(0), r.hi}, true
		}
		if l.lo.Sign() >= 0 && l.lo.Cmp(l.hi) == 0 {
			return valRange{big.NewInt(0), l.hi}, true
		}
	}
	return valRange{}, false
}

// storedType is the integer type of the variable an expression is
// stored in as it stands: the declared variable of its initialiser, or
// the variable an assignment writes.
func (va *valueFacts) storedType(e *node) (intType, bool) {
	f := va.f
	p := unparenParent(e)
	name := ""
	switch {
	case p == nil:
	case p.kind == "init_declarator" && p.child("value") != nil && unparen(p.child("value")) == e:
		name = declName(f.file.t, p.child("declarator"))
	case p.kind == "assignment_expression" && f.text(p.child("operator")) == "=" && unparen(p.child("right")) == e:
		name = f.identName(p.child("left"))
	}
	v := f.lookup(name)
	if v == nil || v.ptr > 0 || len(v.dims) > 0 {
		return intType{}, false
	}
	return parseIntType(v.typ)
}

// cannotOverflow reports whether the range analysis proves that an
// arithmetic operation stays within its type.
func (va *valueFacts) cannotOverflow(op *node) bool {
	f := va.f
	t, ok := va.typeOfExpr(op, 0)
	if !ok {
		return false
	}
	switch op.kind {
	case "binary_expression":
		l, ok1 := va.rangeOf(op.child("left"), op, 0)
		r, ok2 := va.rangeOf(op.child("right"), op, 0)
		if !ok1 || !ok2 {
			return false
		}
		res, ok := applyRange(f.text(op.child("operator")), l, r)
		if !ok || !res.within(t) {
			return false
		}
		// unsigned int bytes = count * sizeof rec: the size_t product
		// fits, the variable it is stored in may not.
		if dt, ok := va.storedType(op); ok && !res.within(dt) {
			return false
		}
		return true
	case "update_expression":
		r, ok := va.rangeOf(op.child("argument"), op, 0)
		if !ok {
			return false
		}
		one := valRange{big.NewInt(1), big.NewInt(1)}
		res, _ := applyRange("+", r, one)
		if strings.Contains(f.text(op.child("operator")), "-") {
			res, _ = applyRange("-", r, one)
		}
		at, _ := va.typeOfExpr(op.child("argument"), 0)
		return res.within(at)
	case "unary_expression":
		r, ok := va.rangeOf(op.child("argument"), op, 0)
		if !ok {
			return false
		}
		return valRange{new(big.Int).Neg(r.hi), new(big.Int).Neg(r.lo)}.within(t)
	}
	return false
}
