package ctrack

// argStart reports whether the next token starts an argument of a call.
func (t *tracker) argStart(afterComma bool) bool {
	top := t.top()
	return top.kind == fkCall && !top.direct && top.fname >= 0 && t.pos == posOperand && (!top.nonEmpty || afterComma)
}

// argKindAllows reports whether a token may start (or, after a pointer's
// name that starts it, continue) an argument of a C++ call whose callee's
// parameter kinds are known: a pointer parameter takes a pointer, a
// string literal (a char pointer), 0, NULL or an address; a scalar one
// neither a string literal nor an address nor a pointer as it is.
func (t *tracker) argKindAllows(ti Token, text string) bool {
	if t.env.ArgKinds == nil || !t.cpp {
		return true // in C these conversions are warnings, not errors
	}
	top := t.top()
	if t.last.argName && t.last.ptrName {
		// p as the first token of a scalar argument: p[i] or p->x.
		if top.kind != fkCall || top.fname < 0 || argKind(t.env.ArgKinds(top.fname), int(top.args)) != ParamScalar {
			return true
		}
		return ti.Class == Punct && (ti.Code == pLBrack || ti.Code == pMember && tokenTrim(text) == "->")
	}
	if !t.argStart(t.last.comma) {
		return true
	}
	k := argKind(t.env.ArgKinds(top.fname), int(top.args))
	switch k {
	case ParamPointer, ParamCharPointer:
		switch ti.Class {
		case String:
			return k == ParamCharPointer
		case Number:
			return tokenTrim(text) == "0"
		case Char:
			return false
		case Keyword:
			return ti.Code != kwSizeof
		case Punct:
			return ti.Code != pPlusMinus && ti.Code != pUnary
		case Ident:
			if kd, local := t.kinds[ti.Name]; local && kd&kScalar != 0 && kd&kPtr == 0 {
				return false // a local int is no pointer
			}
		}
	case ParamScalar:
		switch ti.Class {
		case String:
			return false
		case Punct:
			return ti.Code != pAmp
		case Ident:
			if kd, local := t.kinds[ti.Name]; local && kd&kPtr != 0 && kd&kVoid != 0 {
				return false // a void * has no element to pass
			}
		}
	}
	return true
}

// arityAllows reports whether a call of a function of known arity may
// end now (closing) or take one more argument.
func (t *tracker) arityAllows(f *frame, closing bool) bool {
	if f.kind != fkCall || f.fname < 0 || t.env.Arity == nil {
		return true
	}
	lo, hi, ok := t.env.Arity(f.fname)
	if !ok {
		return true
	}
	if closing {
		n := 0
		if f.nonEmpty {
			n = int(f.args) + 1
		}
		return int(lo) <= n && n <= int(hi)
	}
	return int(f.args)+2 <= int(hi)
}
