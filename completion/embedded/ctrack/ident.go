package ctrack

// ident is next for an identifier: by where it stands (a member, a name
// after ::, a tag, a label, a type or a declarator, an operand or the
// start of a statement), whether it may, and what it makes of the
// state. ok is what the rules of every token said.
func (t *tracker) ident(ti Token, text string, ok, apply bool) bool {
	n := ti.Name
	f := t.env.Flags(n)
	lv, local := t.scope[n]
	fn := t.function() >= 0
	call := f&(NameArity|NameVoidFunction) != 0 && f&NameVar == 0 // a function's name: a call follows
	if ok {
		switch {
		case call && fn && t.parens() >= maxParens && t.pos != posType && !local:
			ok = false // a call would nest too deep
		case t.last.deref && !t.pointerLocal(n):
			ok = false // *x of a local pointer, not of a non-pointer or a macro
		case t.last.arith && fn && t.isPointer(n):
			ok = false // x * p: no multiplying a pointer
		case f&NameVoidFunction != 0 && t.pos != posStmt && t.pos != posMember && t.pos != posScope && !(t.pos == posType && t.decl.haveType) && fn && t.pos != posAny:
			ok = false // a void function's call is a statement, not an operand
		}
	}
	visible := !t.discipline || local || f&NameGlobal != 0 || t.usingNS && f&NameStd != 0
	top := t.top()
	switch t.pos {
	case posMember:
		ok = ok && (!t.discipline || f&(NameMember|NameGlobal|NameStd) != 0)
		if !apply {
			return ok
		}
		t.begin(ti, text)
		t.last.name = n
		t.record(n, NameMember)
		t.pos, t.last.member = posAfter, true
		t.last.fnName = call
		return ok
	case posScope:
		ok = ok && t.scopedAllowed(n, f)
		if !apply {
			return ok
		}
		w := t.begin(ti, text)
		t.last.name = n
		if w.std {
			t.record(n, NameStd)
			t.last.viaStd = true
			if t.std >= 0 && t.env.Name != nil && t.env.Name(n) == "cin" {
				t.cin = true
			}
		}
		if f&NameType == 0 {
			t.last.fnName = call
			t.pos = posAfter
			return ok
		}
		switch t.qualStart {
		case posStmt:
			t.startDecl() // std::string s ...
			t.exprStmt = false
		case posOperand:
			t.decl.typeExpr = true // ... = std::string(...)
		}
		t.qualStart = posAny
		t.pos, t.decl.haveType = posType, true
		t.decl.baseKind = 0
		if w.std {
			t.decl.baseKind = kClass
		}
		return ok
	case posTag:
		ok = ok && (!t.discipline || f&NameTag != 0 || t.decl.tagStart && !fn)
		if !apply {
			return ok
		}
		t.begin(ti, text)
		t.last.name = n
		fl := NameTag
		if t.cpp {
			fl |= NameType | t.globalFlag() // in C++ a tag names the type
		}
		t.record(n, fl)
		t.pos, t.decl.haveType, t.last.tagName = posType, true, true
		t.decl.baseKind = kStruct
		if t.decl.tagKind == fkEnum {
			t.decl.baseKind = kScalar
		}
		return ok
	case posLabel:
		if !apply {
			return ok
		}
		t.begin(ti, text)
		t.last.name = n
		t.pos = posSemi
		return ok
	case posType:
		if !t.decl.haveType {
			// The type itself, after const, static, typedef or '<'.
			if top.kind == fkTemplate {
				ok = ok && visible && (f&NameType != 0 || n == t.std || !t.discipline)
			} else {
				ok = ok && (!t.discipline || f&NameType != 0 && (f&NameGlobal != 0 || t.usingNS && f&NameStd != 0))
			}
			if !apply {
				return ok
			}
			t.begin(ti, text)
			t.last.name = n
			t.record(n, t.globalFlag())
			t.decl.haveType = true
			return ok
		}
		ok = ok && t.declaratorAllowed(n, f, lv, local)
		if !apply {
			return ok
		}
		t.begin(ti, text)
		t.last.name = n
		t.declarator(n)
		return ok
	case posStmt, posOperand, posAny:
		switch t.pos {
		case posStmt:
			switch {
			case top.kind == fkEnum:
			case t.last.bodyStart && f&NameType != 0 && !local:
				ok = false // a declaration is no if's or loop's body
			case f&NameType != 0 && !local && t.declRun >= maxDeclRun && fn:
				ok = false // enough declarations in a row: a statement now
			case n == t.current && fn:
				ok = false // no call of the function being written
			default:
				ok = ok && visible
			}
		case posOperand:
			switch {
			case n == t.current && fn:
				ok = false // no call of the function being written
			case call && !local && fn && t.parens() >= maxParens:
				ok = false // a call would nest too deep
			case f&NameType != 0 && !local && t.discipline && fn:
				// A type in an expression: sizeof's operand (no casts: those
				// the model writes cast junk).
				ok = ok && visible && (t.last.allowClose && top.kind == fkSizeof || top.kind == fkTemplate || t.cpp && t.last.assign)
			default:
				ok = ok && visible
			}
		default:
			ok = ok && visible
		}
		if !apply {
			return ok
		}
		w := t.begin(ti, text)
		t.last.name = n
		switch {
		case t.top().kind == fkEnum && t.pos == posStmt:
			// An enumerator is declared, not used.
			t.record(n, t.globalFlag())
			t.pos = posAfter
			return ok
		case f&NameType != 0 && !local && t.pos != posAny:
			if t.pos == posStmt {
				t.startDecl()
			} else {
				t.decl.typeExpr = true
			}
			t.beginType()
			t.record(n, t.globalFlag())
			t.pos, t.decl.haveType = posType, true
			return ok
		case !local:
			t.record(n, t.globalFlag())
			t.last.fnName = call
		}
		t.operandName(n, w.assign)
		return ok
	}
	// After an operand, '(' of if, ';' of break, ':' of default: no name.
	if !apply {
		return false
	}
	w := t.begin(ti, text)
	t.last.name = n
	t.operandName(n, w.assign)
	return false
}

// operandName ends a name read as an operand; std starts a qualified
// name.
func (t *tracker) operandName(n int32, wasAssign bool) {
	qualFrom := t.pos
	t.pos = posAfter
	if t.cpp && n == t.std && n >= 0 {
		t.last.std = true
		t.qualStart = qualFrom
		t.qualAfter = wasAssign
	}
}

// scopedAllowed decides a name after ::, of std or of a type.
func (t *tracker) scopedAllowed(n int32, f uint8) bool {
	if !t.last.std {
		return !t.discipline || f&(NameMember|NameType) != 0 // T::member
	}
	if t.function() >= 0 && t.env.Std != nil {
		switch t.env.Std(n) {
		case StdNo:
			return false
		case StdStream:
			return t.qualStart == posStmt // std::cout << ...; a statement
		case StdInput:
			return t.qualStart == posStmt || t.top().kind == fkControl || t.top().kind == fkGroup
		}
		if f&NameType != 0 && !(t.qualStart == posStmt || t.qualAfter) {
			return false // a type: in a declaration or an initializer, not an operand
		}
	}
	return !t.discipline || f&NameStd != 0
}

// declaratorAllowed decides a declarator's name: a new name, not a
// type, not declared at this level, where declarations are (not in a
// cast, a call, a condition).
func (t *tracker) declaratorAllowed(n int32, f uint8, lv int32, local bool) bool {
	top := t.top()
	switch top.open {
	case '[', '<':
		return false
	case '(':
		if top.kind != fkParams && top.kind != fkFor {
			return false
		}
	}
	if t.discipline && f&NameType != 0 && !local {
		return false
	}
	if !local && f == 0 && t.env.Reserved != nil && t.env.Reserved(n) {
		return false // a new name must not be reserved (_x, __x)
	}
	if t.decl.void && t.function() >= 0 && top.kind != fkParams {
		return false // no void variable
	}
	if t.discipline && t.function() >= 0 && f&(NameGlobal|NameArity|NameVoidFunction) != 0 && !local {
		return false // no local named like a global, a function or a macro
	}
	if t.function() >= 0 && n >= 0 && (n == t.main || n == t.std || t.env.Name != nil && oddNames[t.env.Name(n)]) {
		return false // no local named main, std, include, ...
	}
	return !local || lv != t.level()
}

// pointerLocal reports whether n may be dereferenced: a local pointer
// (or a local of unknown kind), not a non-pointer, a void * or a macro.
func (t *tracker) pointerLocal(n int32) bool {
	k, ok := t.kinds[n]
	return ok && (k == 0 || k&kPtr != 0 && k&kVoid == 0)
}

// isPointer reports a local declared as a pointer or array.
func (t *tracker) isPointer(n int32) bool {
	k, ok := t.kinds[n]
	return ok && k&kPtr != 0
}
