package ctrack

// paramToken notes what a token of a parameter list says of the
// parameter being read, and at its ',' or ')' its kind.
func paramToken(f *frame, ti Token, text string) {
	switch {
	case ti.Class == Punct && (ti.Code == pComma || ti.Code == pRParen):
		if f.nonEmpty && !f.voidOnly && f.pf&pfSkip == 0 && int(f.args) < maxKindArgs {
			var k uint16
			switch {
			case f.pstars == 1 && f.pf&pfChar != 0 && f.pf&pfOther == 0:
				k = ParamCharPointer
			case f.pstars > 0:
				k = ParamPointer
			case f.pf&(pfChar|pfScalar) != 0 && f.pf&(pfOther|pfVoid) == 0:
				k = ParamScalar
			}
			f.pk |= k << (2 * f.args)
		}
		f.pf, f.pstars = 0, 0
		return
	case f.pf&pfDone != 0:
		return
	}
	switch ti.Class {
	case Keyword:
		switch ti.Code {
		case kwType:
			switch tokenTrim(text) {
			case "char":
				f.pf |= pfChar | pfType
			case "void":
				f.pf |= pfVoid | pfType
			case "auto":
				f.pf |= pfSkip
			default:
				f.pf |= pfScalar | pfType
			}
		case kwTag:
			f.pf |= pfOther | pfType
		}
	case Ident:
		if f.pf&pfType == 0 {
			if scalarTypedefs[tokenTrim(text)] {
				f.pf |= pfScalar | pfType
			} else {
				f.pf |= pfOther | pfType
			}
		}
	case Punct:
		switch ti.Code {
		case pStar, pLBrack:
			if f.pstars < 255 {
				f.pstars++
			}
		case pAssign:
			f.pf |= pfDone
		case pAmp, pAndAnd, pLParen, pLess, pEllipsis, pScope:
			f.pf |= pfSkip
		}
	}
}

// declarator handles a declared name.
func (t *tracker) declarator(name int32) {
	t.pos, t.last.declName = posAfter, true
	if t.decl.n < 255 {
		t.decl.n++
	}
	t.decl.voidDecl = t.decl.void
	t.decl.needInit, t.decl.refPending = (t.decl.refPending || t.decl.auto || t.cpp && t.decl.quals > 0) && t.top().kind != fkParams, false
	if t.top().kind == fkFile || t.top().kind == fkNamespace || t.top().kind == fkStruct {
		t.current = name // perhaps a function's name, until its body ends
	}
	top := t.top()
	switch {
	case top.kind == fkStruct && t.decl.typedef:
		t.record(name, NameMember|NameType) // a member type: T::name
	case top.kind == fkStruct:
		t.record(name, NameMember)
	case t.decl.typedef:
		t.record(name, NameType|t.globalFlag())
	case top.kind == fkFile || top.kind == fkNamespace || top.kind == fkExtern:
		t.record(name, t.globalFlag())
	default:
		t.declare(name)
	}
}

func (t *tracker) startDecl() {
	t.decl.on, t.decl.at, t.decl.typedef, t.decl.tagStart, t.decl.spec = true, len(t.stack), false, false, false
	t.decl.n = 0
	t.decl.void, t.decl.typeExpr, t.decl.baseVoid, t.decl.stars = false, false, false, 0
	t.decl.baseQuals = 0
	t.decl.baseKind = 0
	t.decl.quals, t.decl.refPending, t.decl.needInit = 0, false, false
	t.decl.auto = false
}

// beginType forgets the type read before: a new one starts.
func (t *tracker) beginType() {
	t.decl.void, t.decl.baseVoid, t.decl.stars, t.decl.quals, t.decl.baseKind = false, false, 0, 0, 0
	t.decl.baseQuals = 0
	t.decl.refPending, t.decl.auto = false, false
}

// objectDeclared records an object declared at file or namespace scope:
// its declarator is followed by '=', ',' or ';', not by parameters.
func (t *tracker) objectDeclared(top *frame, wasDeclName bool) {
	if wasDeclName && !t.decl.typedef && t.current >= 0 && (top.kind == fkFile || top.kind == fkNamespace || top.kind == fkExtern || top.kind == fkStruct) {
		t.record(t.current, NameVar) // an object, or a data member
	}
}

// declared records what the parameters of a function declarator say:
// its arity (the parameters, less those with defaults and the "..."), and
// whether it returns void.
func (t *tracker) declared(f frame) {
	if f.fvoid {
		t.record(f.fname, NameVoidFunction)
	}
	if t.env.CollectArity == nil || !f.nonEmpty && !t.cpp {
		return // C's f(): any arguments
	}
	n := 0
	if f.nonEmpty && !f.voidOnly {
		n = int(f.args) + 1
	}
	lo, hi := n-int(f.defaults), n
	if f.vararg {
		lo, hi = lo-1, 255
	}
	t.env.CollectArity(f.fname, uint8(max(lo, 0)), uint8(min(hi, 255)), f.pk)
}
