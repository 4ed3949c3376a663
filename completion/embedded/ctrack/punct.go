package ctrack

// punct is next for a punctuator: for each, where it may stand and what
// it opens, closes or changes. ok is what the rules of every token said.
func (t *tracker) punct(ti Token, text string, ok, apply bool) bool {
	code := ti.Code
	p := t.pos
	top := t.top() // the bracket before the token (begin may close a '<')
	fn := t.function() >= 0
	anywhere := p == posAny // after tokens the tracker does not follow: only brackets balance
	ok = ok && t.afterOperand(code, text)
	switch code {
	case pLParen:
		kind, body, direct := t.parenKind()
		if ok && !anywhere {
			switch {
			case fn && t.parens() >= maxParens:
				ok = false
			case p == posParen:
			case p == posStmt:
				ok = !fn || top.open == '(' // no (x) = ...; statement
			case p == posOperand:
				// ((x)): one pair of parentheses is enough; (int)(char *)x: one cast.
				ok = !(fn && top.open == '(' && top.kind != fkFor && !top.nonEmpty) && !t.last.castClose
			case p == posAfter && direct:
				// No function declared inside a function; in C++ a
				// variable's direct initialization, T x(args).
				ok = t.cpp && !t.decl.spec && !t.decl.typedef
			case p == posAfter:
				ok = t.callAllowed()
			case p == posType:
				// A functional cast in C++ (std::string(s)); no declarator
				// in parentheses inside a function.
				ok = t.decl.haveType && (!fn || t.cpp && t.decl.typeExpr)
			default:
				ok = false
			}
		}
		if !apply {
			return ok
		}
		w, _ := t.punctBegin(ti, text)
		f := frame{open: '(', kind: kind, typeOnly: kind == fkGroup, body: body, fname: -1, stmt: t.pos == posStmt, direct: direct}
		switch kind {
		case fkParams:
			f.fname, f.fvoid = w.name, t.decl.voidDecl
		case fkCall:
			if !direct {
				f.fname = w.name
			}
		}
		t.push(f)
		switch kind {
		case fkFor:
			t.pos = posStmt
			t.decl.on = false
		case fkParams:
			t.pos, t.last.allowClose = posStmt, true
		default:
			t.pos, t.last.allowClose = posOperand, true
		}
		return ok
	case pRParen:
		switch {
		case !ok:
		case anywhere:
			ok = top.open == '('
		case top.open != '(' || top.kind == fkFor && top.semis < 2 || !t.arityAllows(top, true):
			ok = false
		case top.kind == fkGroup && top.typeOnly && t.decl.void && t.decl.stars == 0 && !top.stmt:
			ok = false // (void) x is a statement, not an operand
		case p == posAfter:
		case p == posType:
			ok = t.decl.haveType || top.kind == fkParams
		case p == posStmt || p == posOperand:
			ok = t.last.allowClose && (top.kind == fkCall && !top.direct || top.kind == fkParams)
		default:
			ok = false
		}
		if !apply {
			return ok
		}
		f, closed := t.closeBracket(ti, text, '(')
		if !closed {
			return ok
		}
		t.lastParen, t.last.close = f.kind, true
		if f.kind == fkParams && f.fname >= 0 {
			t.declared(f)
		}
		if f.kind == fkParams {
			t.lastVoid = f.fvoid
		}
		switch f.kind {
		case fkControl, fkFor:
			t.pos, t.last.bodyStart = posStmt, true
			if f.body != 0 {
				t.pending = append(t.pending, pendingBody{f.body, len(t.stack)})
			}
		case fkGroup:
			if f.typeOnly && t.pos == posType {
				t.pos = posOperand // a cast: its operand follows
				t.last.castClose = true
			} else {
				t.pos = posAfter
			}
		default:
			t.pos = posAfter
		}
		return ok
	case pLBrack:
		if ok && !anywhere {
			switch {
			case fn && t.parens() >= maxParens:
				ok = false
			case t.last.name >= 0 && t.notArray(t.last.name):
				ok = false // x[i] of a non-array
			case t.last.close && t.lastParen == fkGroup && fn:
				ok = false // (a == b)[0]: not in the model's code, as (x).y
			default:
				ok = p == posAfter && !(t.last.lit && !t.last.str)
			}
		}
		if !apply {
			return ok
		}
		w, _ := t.punctBegin(ti, text)
		if w.declName && t.lastDecl >= 0 && t.kinds != nil {
			if _, ok := t.kinds[t.lastDecl]; ok {
				t.kinds[t.lastDecl] |= kPtr
			}
		}
		t.push(frame{open: '[', kind: fkIndex, declArr: w.declName})
		t.pos, t.last.allowClose = posOperand, true
		return ok
	case pRBrack:
		if ok {
			ok = top.open == '[' && (anywhere || p == posAfter || t.last.allowClose && (top.declArr || !fn))
		}
		if !apply {
			return ok
		}
		_, top := t.punctBegin(ti, text)
		arr := false
		if top.open == '[' {
			arr = top.declArr
			t.stack = t.stack[:len(t.stack)-1]
		}
		t.pos = posAfter
		// char buf[64] = ...: still a declarator.
		t.last.declName = arr
		return ok
	case pLBrace:
		if ok && !anywhere {
			switch {
			case top.open == '(' || top.open == '[' || top.open == '<':
				ok = false
			case p == posStmt:
				// Inside a function a block is a statement's body, not a
				// statement of its own.
				ok = !(top.kind == fkStruct || top.kind == fkEnum || top.open == 0 || top.kind == fkNamespace) && (!fn || t.last.bodyStart || t.last.caseBlock)
			case p == posOperand:
				// An initializer: after a declarator's '=' (no nested braces).
				ok = t.last.assign && t.decl.on && t.decl.at == len(t.stack) && !t.last.castClose
			case p == posAfter && t.last.close && t.lastParen == fkParams:
				// A function's body, outside anywhere function.
				ok = !fn && (top.open == 0 || top.kind == fkNamespace || top.kind == fkExtern || top.kind == fkStruct)
			case p == posAfter:
				ok = t.cpp && t.last.declName // C++ braced initialization
			case p == posType:
				ok = t.last.tagName && !fn
			case p == posTag:
				ok = !fn // no struct defined inside a function
			default:
				ok = false
			}
		}
		if !apply {
			return ok
		}
		w, _ := t.punctBegin(ti, text)
		kind := fkBlock
		switch {
		case t.nsNext:
			kind = fkNamespace
		case t.pos == posOperand:
			kind = fkInit
		case t.pos == posAfter && w.str:
			kind = fkExtern
		case t.pos == posAfter && w.close && t.lastParen == fkParams:
			kind = fkBody
		case t.pos == posAfter:
			kind = fkInit // C++ braced initialization
		case t.pos == posType || t.pos == posTag:
			kind = t.decl.tagKind
			if kind == 0 {
				kind = fkStruct
			}
		}
		t.nsNext = false
		var body uint8
		if n := len(t.pending); n > 0 && t.pending[n-1].depth == len(t.stack) && kind == fkBlock {
			body = t.pending[n-1].kind
		}
		if kind == fkBody {
			t.fnVoid = t.lastVoid
		}
		t.declRun = 0
		t.push(frame{open: '{', kind: kind, body: body})
		switch kind {
		case fkInit:
			t.pos, t.last.allowClose = posOperand, true
		case fkNamespace:
			t.nsOpen++
			t.pos, t.decl.on = posStmt, false
		case fkEnum:
			t.pos, t.decl.on = posStmt, false
		default:
			t.pos = posStmt
			t.decl.on, t.decl.typedef = false, false
		}
		return ok
	case pRBrace:
		switch {
		case !ok:
		case top.open != '{':
			ok = false
		case anywhere:
		case t.budget.young && t.atBodyLevel():
			ok = false // the function is not to end yet
		case top.kind == fkInit:
			ok = p == posAfter || t.last.allowClose && !t.last.comma
		case top.kind == fkEnum:
			ok = p == posAfter || p == posStmt
		default:
			ok = p == posStmt
		}
		if !apply {
			return ok
		}
		f, closed := t.closeBracket(ti, text, '{')
		if !closed {
			return ok
		}
		t.popScope(t.braces())
		if f.kind == fkBlock || f.kind == fkBody {
			t.declRun = 0
			t.needBreak = t.function() >= 0
		}
		switch f.kind {
		case fkInit:
			t.pos = posAfter
		case fkStruct, fkEnum:
			// struct x {...} name; or };
			t.pos, t.decl.haveType, t.last.structEnd = posType, true, true
			if !t.decl.on {
				t.decl.on, t.decl.at = true, len(t.stack)
			}
		case fkNamespace:
			t.nsOpen--
			t.pos = posStmt
		default:
			t.pos, t.decl.on = posStmt, false
			t.complete()
		}
		return ok
	case pSemi:
		if ok && !anywhere {
			switch {
			case t.exprStmt && !t.effect && !t.budget.closing && fn && top.open == '{':
				ok = false // x; x[0]; do nothing
			case top.open == '(':
				ok = top.kind == fkFor && top.semis < 2 && (p == posStmt || p == posAfter || p == posOperand && t.last.allowSemi)
			case top.open == '[' || top.open == '<' || top.kind == fkInit || top.kind == fkEnum:
				ok = false
			case p == posAfter || p == posSemi:
			case p == posStmt:
				// No empty statement in a function (the n-gram model often
				// starts a line with one after a comment), unless closing
				// in a hurry an if's or a loop's body.
				ok = !fn || t.budget.closing && t.last.bodyStart
			case p == posOperand:
				ok = t.last.allowSemi
			case p == posType:
				ok = t.decl.haveType && (t.last.tagName || t.last.structEnd)
			default:
				ok = false
			}
		}
		if !apply {
			return ok
		}
		w, top := t.punctBegin(ti, text)
		t.needBreak = top.open == '{' && t.function() >= 0
		t.objectDeclared(top, w.declName)
		if t.usingDecl && w.name >= 0 {
			t.record(w.name, t.globalFlag()) // using ::rand; in namespace std
		}
		t.usingDecl = false
		if top.kind == fkFor {
			top.semis++
			t.pos = posOperand
			t.last.allowSemi = top.semis < 2
			t.last.allowClose = top.semis >= 2
			t.decl.on = false
			return ok
		}
		if top.open == '{' || top.open == 0 {
			if t.decl.on && t.declRun < 255 {
				t.declRun++
			} else if !t.decl.on {
				t.declRun = 0
			}
		}
		t.pos = posStmt
		t.decl.on, t.decl.typedef, t.decl.tagStart = false, false, false
		t.cin = false
		if top.open == '{' || top.open == 0 {
			t.popScope(t.braces())
			t.complete()
		}
		return ok
	case pComma:
		if ok && !anywhere {
			switch {
			case p != posAfter && !(p == posType && t.decl.haveType && (top.kind == fkParams || top.kind == fkTemplate)):
				ok = false
			case !t.arityAllows(top, false):
				ok = false
			case top.open == '(':
				ok = top.kind == fkCall || top.kind == fkParams || top.kind == fkFor
			case top.open == '<':
				ok = top.args < 1
			case top.open == '[':
				ok = false
			case top.open == '{' && (top.kind == fkInit || top.kind == fkEnum):
			default:
				// The next declarator (a few in a function).
				ok = t.decl.on && t.decl.at == len(t.stack) && (t.decl.n < 3 || !fn)
			}
		}
		if !apply {
			return ok
		}
		w, top := t.punctBegin(ti, text)
		t.objectDeclared(top, w.declName)
		if (top.open == '(' || top.open == '<') && top.args < 254 {
			top.args++
		}
		switch {
		case top.kind == fkParams:
			t.pos = posStmt
		case t.decl.on && t.decl.at == len(t.stack):
			t.pos, t.decl.haveType, t.last.declComma = posType, true, true
			t.decl.void, t.decl.stars = t.decl.baseVoid, 0
			t.decl.quals = t.decl.baseQuals
		case top.kind == fkEnum:
			t.pos = posStmt
		case top.kind == fkInit:
			t.pos, t.last.allowClose = posOperand, true
		case top.kind == fkTemplate:
			t.pos, t.decl.haveType = posType, false
		default:
			t.pos = posOperand
		}
		return ok
	case pMember:
		if ok && !anywhere {
			switch {
			case p != posAfter:
				ok = p == posOperand && top.kind == fkInit && t.last.allowClose && !t.cpp // .member = value
			case t.last.lit || t.last.declName || t.last.close && t.lastParen == fkGroup && fn:
				ok = false // (x).y: not in the model's code
			default:
				ok = t.memberAllowed(tokenTrim(text) == "->")
			}
		}
		if !apply {
			return ok
		}
		t.punctBegin(ti, text)
		t.pos = posMember
		return ok
	case pScope:
		if ok && !anywhere {
			_, local := t.scope[t.last.name]
			switch {
			case !t.cpp:
				ok = false
			case local && t.last.name >= 0:
				ok = false // x:: of a variable
			case p == posAfter || p == posType:
				ok = t.last.name >= 0
			case p == posStmt || p == posOperand:
				ok = !fn // ::name: not in the model's code
			default:
				ok = false
			}
		}
		if !apply {
			return ok
		}
		w, _ := t.punctBegin(ti, text)
		t.pos = posScope
		t.last.std = t.cpp && w.name >= 0 && w.name == t.std
		return ok
	case pStar, pAmp, pAndAnd:
		if ok && !anywhere {
			switch p {
			case posAfter:
				ok = code != pStar || !t.last.str
			case posStmt, posOperand:
				switch code {
				case pStar:
					ok = t.hasPointer() // *p needs a pointer to name
				case pAmp:
					ok = len(t.scope) > 0 || !fn // &x needs a local
				default:
					ok = false
				}
			case posType:
				switch code {
				case pStar:
					ok = t.decl.haveType && t.decl.stars < 2
				case pAmp:
					ok = t.decl.haveType && t.cpp && top.kind != fkTemplate && !fn
				default:
					ok = t.decl.haveType && t.cpp && !fn
				}
			default:
				ok = false
			}
		}
		if !apply {
			return ok
		}
		t.punctBegin(ti, text)
		if t.pos == posType {
			t.decl.quals = 0
			if code != pStar {
				t.decl.refPending = true
			} else {
				t.decl.void = false
				t.decl.stars++
			}
			return ok // a pointer or reference declarator
		}
		t.last.addrOf = code == pAmp && t.pos != posAfter
		t.last.deref = code == pStar && t.pos != posAfter
		t.last.unary = t.pos != posAfter
		t.pos = posOperand
		return ok
	case pLess:
		if ok && !anywhere {
			switch p {
			case posAfter:
				ok = !t.last.viaStd // std::f < x: a template's arguments, not a comparison
			case posType:
				ok = t.cpp && t.decl.haveType && t.last.name >= 0
			default:
				ok = false
			}
		}
		if !apply {
			return ok
		}
		t.punctBegin(ti, text)
		if t.cpp && t.pos == posType && t.decl.haveType {
			t.push(frame{open: '<', kind: fkTemplate})
			t.pos, t.decl.haveType = posType, false
			return ok
		}
		t.pos = posOperand
		return ok
	case pGreater:
		if ok && !anywhere {
			ok = p == posAfter || top.open == '<' && p == posType && t.decl.haveType
		}
		if !apply {
			return ok
		}
		_, top := t.punctBegin(ti, text)
		if top.open == '<' {
			t.stack = t.stack[:len(t.stack)-1]
			t.pos, t.decl.haveType, t.last.templ = posType, true, true
			return ok
		}
		t.pos = posOperand
		return ok
	case pShr:
		if ok && !anywhere {
			if top.open == '<' {
				ok = len(t.stack) > 2 && t.stack[len(t.stack)-2].open == '<' && (p == posType && t.decl.haveType || p == posAfter)
			} else {
				ok = p == posAfter
			}
		}
		if !apply {
			return ok
		}
		_, top := t.punctBegin(ti, text)
		if top.open == '<' && len(t.stack) > 2 && t.stack[len(t.stack)-2].open == '<' {
			t.stack = t.stack[:len(t.stack)-2]
			t.pos, t.decl.haveType = posType, true
			return ok
		}
		t.pos = posOperand
		return ok
	case pAssign:
		if ok && !anywhere {
			switch {
			case top.kind == fkStruct && !t.cpp:
				ok = false // no member initializer in C
			case p != posAfter || t.last.lit:
				ok = false
			case !fn || t.last.declName:
			// An assignment is a statement of its own (x = y;), or a for
			// header's, or a designated initializer's: not inside another
			// expression.
			case top.kind == fkFor:
			case top.kind == fkInit:
				ok = t.last.member && !t.cpp // .member = value
			default:
				ok = top.open == '{' && t.exprStmt && !t.stmtAssign
			}
		}
		if !apply {
			return ok
		}
		w, top := t.punctBegin(ti, text)
		t.objectDeclared(top, w.declName)
		if top.kind == fkParams && top.defaults < 254 {
			top.defaults++
		}
		t.decl.needInit = false
		if t.exprStmt {
			t.stmtAssign = true
		}
		t.pos = posOperand
		return ok
	case pHash:
		// A preprocessor line starts a line of the file scope.
		ok = ok && t.bol && !fn && len(t.stack) == 1
		if !apply {
			return ok
		}
		if t.bol {
			t.bol = false
			t.pp.in, t.pp.pos, t.pp.define = true, t.pos, 0
			return ok
		}
		t.punctBegin(ti, text)
		t.pos = posAny
		return ok
	case pColon:
		if ok && !anywhere {
			ok = p == posColon || p == posAfter && (top.quest > 0 || t.caseExpr || top.kind == fkFor && t.cpp && top.semis == 0 || top.kind == fkStruct)
		}
		if !apply {
			return ok
		}
		_, top := t.punctBegin(ti, text)
		switch {
		case top.quest > 0:
			top.quest--
			t.pos = posOperand
		case top.kind == fkFor:
			t.pos = posOperand // range for
			top.semis = 2
		default:
			t.last.caseBlock = t.caseExpr || t.pos == posColon
			t.pos, t.caseExpr = posStmt, false
		}
		return ok
	case pQuestion:
		if ok && !anywhere {
			ok = p == posAfter
		}
		if !apply {
			return ok
		}
		_, top := t.punctBegin(ti, text)
		top.quest++
		t.pos = posOperand
		return ok
	case pIncDec:
		if ok && !anywhere {
			ok = p == posAfter && !t.last.lit || p == posStmt || p == posOperand
		}
		if !apply {
			return ok
		}
		t.punctBegin(ti, text)
		if t.pos != posAfter {
			t.pos = posOperand
		}
		return ok
	case pPlusMinus, pUnary, pBinary:
		if ok && !anywhere {
			switch code {
			case pPlusMinus:
				ok = p == posAfter || p == posStmt || p == posOperand
			case pUnary:
				ok = p == posStmt || p == posOperand || p == posScope && tokenTrim(text) == "~"
			default:
				ok = p == posAfter
			}
		}
		if !apply {
			return ok
		}
		t.punctBegin(ti, text)
		t.last.unary = code == pUnary || code == pPlusMinus && t.pos != posAfter
		t.pos = posOperand
		return ok
	case pEllipsis:
		if ok && !anywhere {
			ok = top.kind == fkParams && p == posStmt
		}
		if !apply {
			return ok
		}
		_, top := t.punctBegin(ti, text)
		if top.open == '(' {
			top.vararg = true
		}
		t.pos = posAfter
		return ok
	}
	// ## and the like: only where the tracker does not follow.
	ok = ok && anywhere
	if !apply {
		return ok
	}
	t.punctBegin(ti, text)
	t.pos = posAny
	return ok
}

// punctBegin is begin for a punctuator: template arguments never span
// ) ] } ; or {, so a '<' read as one was a comparison; the bracket
// notes a comparison. It returns what begin saw of the token before and
// the innermost bracket.
func (t *tracker) punctBegin(ti Token, text string) (lastToken, *frame) {
	w := t.begin(ti, text)
	code := ti.Code
	switch code {
	case pRParen, pRBrack, pRBrace, pSemi, pLBrace:
		for len(t.stack) > 1 && t.top().open == '<' {
			t.stack = t.stack[:len(t.stack)-1]
		}
	}
	top := t.top()
	switch {
	case isComparison(code, text) && !(code == pLess && t.cpp && t.pos == posType && t.decl.haveType) && !(code == pGreater && top.open == '<'):
		top.cmp = true
	case code == pAndAnd || code == pComma || code == pQuestion || code == pColon || code == pBinary && tokenTrim(text) == "||":
		top.cmp = false
	}
	if code != pRParen {
		t.nextParen = 0 // read by parenKind before
	}
	return w, top
}

// closeBracket is punctBegin for ')' or '}': it closes the innermost
// bracket and returns it when it is one of open; else (a stray closing
// bracket of a prompt) the tracker stops following.
func (t *tracker) closeBracket(ti Token, text string, open byte) (frame, bool) {
	_, top := t.punctBegin(ti, text)
	if top.open != open {
		t.pos = posAny
		return frame{}, false
	}
	f := *top
	t.stack = t.stack[:len(t.stack)-1]
	return f, true
}

// parenKind decides what a '(' opens: a condition's parentheses (with
// the kind of statement whose body follows), sizeof's, a declarator's
// parameters, a C++ direct initialization (T x(args), read as a call),
// a grouping or cast, or a call.
func (t *tracker) parenKind() (kind, body uint8, direct bool) {
	switch {
	case t.pos == posParen:
		return t.nextParen, t.last.ctrl, false
	case t.pos == posOperand && t.nextParen == fkSizeof:
		return fkSizeof, 0, false
	case t.pos == posAfter && t.last.declName && t.decl.on:
		if t.function() >= 0 && t.top().open != '(' {
			return fkCall, 0, true
		}
		return fkParams, 0, false
	case t.pos == posOperand || t.pos == posStmt:
		return fkGroup, 0, false
	}
	return fkCall, 0, false
}

// callAllowed decides a '(' after an operand: a call of a function.
func (t *tracker) callAllowed() bool {
	fn := t.function() >= 0
	if t.last.lit || t.last.addrName {
		return false // 5(, &f(
	}
	if fn && t.last.name < 0 && !t.last.templ {
		return false // f(x)(y), a[1](: no call of a call's result
	}
	if _, local := t.scope[t.last.name]; local && fn {
		return false // a local variable is not a function
	}
	if f := t.flagsOf(t.last.name); fn && f&NameVar != 0 && f&NameArity == 0 && !t.last.member {
		return false // an object (stdin, errno, std::cout) is not a function
	}
	return true
}

// notArray reports a local known not to be an array or pointer (or a
// void *): no x[i].
func (t *tracker) notArray(n int32) bool {
	k, ok := t.kinds[n]
	return ok && k != 0 && (k&(kPtr|kClass) == 0 || k&kVoid != 0)
}

// memberAllowed decides . (arrow false) or -> after a local of known
// kind.
func (t *tracker) memberAllowed(arrow bool) bool {
	k, ok := t.kinds[t.last.name]
	if !ok || k == 0 || t.last.name < 0 {
		return true
	}
	if arrow {
		return k&kPtr != 0 && k&(kScalar|kVoid) == 0
	}
	return k&kPtr == 0 && k&(kStruct|kClass) != 0
}

// afterOperand holds the rules of a punctuator after an operand inside
// a function: what may follow a function's name, a local of known kind,
// an expression statement, a comparison, a string literal, a
// declarator.
func (t *tracker) afterOperand(code uint8, text string) bool {
	if t.pos != posAfter || t.function() < 0 {
		return true
	}
	top := t.top()
	if t.last.fnName && code != pLParen {
		return false // a function is called, not passed or operated on
	}
	if code == pLParen && t.last.viaStd && t.last.name >= 0 {
		if f := t.flagsOf(t.last.name); f&(NameArity|NameType) == 0 {
			return false // std::f() of a template whose arity is unknown
		}
	}
	if k, ok := t.kinds[t.last.name]; ok && t.last.name >= 0 && !t.last.member {
		if k&kConst != 0 && (code == pAssign || code == pIncDec) {
			return false // a const is not assigned
		}
		if k&kPtr != 0 && (code == pStar || code == pAmp || code == pShr || code == pBinary && !isComparison(code, text) && tokenTrim(text) != "||" && !(t.cpp && tokenTrim(text) == "<<")) {
			return false // no arithmetic but + and - on a pointer
		}
	}
	if t.exprStmt && !t.stmtAssign && top.open == '{' {
		// An expression statement assigns, calls, increments or (C++)
		// writes to a stream; a bare comparison or sum does nothing.
		switch code {
		case pAssign, pLParen, pLBrack, pMember, pIncDec, pSemi, pScope:
		case pShr:
			if !t.cpp {
				return false
			}
		case pBinary:
			if !(t.cpp && tokenTrim(text) == "<<") {
				return false
			}
		default:
			return false
		}
	}
	if top.cmp && isComparison(code, text) && !(code == pGreater && top.open == '<') {
		return false // no a < b < c
	}
	if t.last.str && (isComparison(code, text) || code == pStar || code == pPlusMinus) {
		return false // "x" < y: no arithmetic on a string literal
	}
	if t.last.declName {
		// After a declarator: its initializer, array size, the next
		// declarator or the end; a reference is initialized.
		switch code {
		case pAssign:
			return tokenTrim(text) == "="
		case pSemi, pComma:
			return !t.decl.needInit
		case pLBrack, pLParen, pLBrace:
		default:
			return false
		}
	}
	return true
}

// isComparison reports a comparison operator.
func isComparison(code uint8, text string) bool {
	switch code {
	case pLess, pGreater:
		return true
	case pBinary:
		switch tokenTrim(text) {
		case "==", "!=", "<=", ">=":
			return true
		}
	}
	return false
}
