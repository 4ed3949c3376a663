package ctrack

import "strings"

// next is the transition function, the one place where the rules live.
// For each kind of token it decides, on the state before the token,
// whether the token may come next; then, with apply, it advances the
// state over the token (allowed or not: a prompt is read whatever it
// holds); without, it returns the decision at once and changes nothing.
// Allowed is next without apply, Step next with it.
//
// The decision reads the state before the token, the change starts
// with begin (what the token before was is forgotten, the bracket the
// token stands in notes it): in each case below the decision comes
// first, then "if !apply { return ok }", then the change.
func (t *tracker) next(ti Token, text string, apply bool) bool {
	switch ti.Class {
	case BOS:
		return false
	case EOS:
		// The end of the document: nothing open.
		return t.comment == 0 && !t.pp.in && t.function() < 0 && len(t.stack) == 1
	case Layout:
		ok := t.layoutAllowed(text)
		if !apply {
			return ok
		}
		t.bol, t.needBreak = true, false
		if t.comment == 1 {
			t.comment = 0
		}
		if t.pp.in {
			t.pp.in, t.pp.define = false, 0
			t.pos = t.pp.pos
		}
		return ok
	}
	if t.comment != 0 {
		// Inside a comment: its text, up to the "*/" of a block comment.
		ok := ti.Class == Comment
		if !apply {
			return ok
		}
		t.bol = false
		if ti.Class == Comment && t.comment == 2 && tokenTrim(tokenText(text)) == "*/" {
			t.comment = 0
		}
		return ok
	}
	if ti.Class == Comment {
		// Comment text outside a comment.
		if apply {
			t.bol = false
		}
		return false
	}
	if t.pp.in {
		// A preprocessor line: anything, up to its end; only #define's
		// name matters.
		if apply {
			t.bol = false
			if ti.Class == CommentOpen {
				t.openComment(text)
			} else {
				t.ppStep(ti, text)
			}
		}
		return true
	}
	ok := t.admit(ti, text)
	if !ok && !apply {
		return false
	}
	switch ti.Class {
	case CommentOpen:
		// No comment inside a function: the model's comments are prose
		// from other files (licenses, documentation) that runs on and on
		// and, for a block comment, may be left open.
		ok = ok && t.function() < 0 && (t.pos == posStmt || t.pos == posAfter || t.pos == posAny)
		if !apply {
			return ok
		}
		t.bol = false
		t.openComment(text)
		return ok
	case Other, Header:
		if apply {
			t.begin(ti, text)
			t.pos = posAny
		}
		return false
	case Number, Char:
		ok = ok && (t.pos == posStmt || t.pos == posOperand || t.pos == posAny || t.top().kind == fkTemplate && t.pos == posType && !t.decl.haveType)
		if !apply {
			return ok
		}
		t.begin(ti, text)
		t.pos = posAfter
		t.last.lit = true
		return ok
	case String:
		ok = ok && (t.pos == posStmt || t.pos == posOperand || t.pos == posAny || t.pos == posAfter && t.last.str)
		if !apply {
			return ok
		}
		t.begin(ti, text)
		t.pos = posAfter
		t.last.lit, t.last.str = true, true
		return ok
	}
	if ti.Class == Keyword && ti.CPP && !t.cpp {
		// A keyword of C++ only is a name in C, but no C variable is
		// named like one.
		if t.pos == posType && t.decl.haveType {
			ok = false
		}
		ti.Class = Ident
	}
	switch ti.Class {
	case Ident:
		return t.ident(ti, text, ok, apply)
	case Keyword:
		return t.keyword(ti, text, ok, apply)
	case Punct:
		return t.punct(ti, text, ok, apply)
	}
	return false
}

// layoutAllowed decides a line break. The lexer folds blank lines into
// one layout token: two never follow each other. Inside a function,
// lines break between statements, or after an operator, '(' or ',' of a
// long one; a blank line only between statements.
func (t *tracker) layoutAllowed(text string) bool {
	if t.bol {
		return false
	}
	if t.comment != 0 || t.pp.in || t.function() < 0 {
		return true
	}
	if blankLine(text) && (t.pos != posStmt || t.last.bodyStart) {
		return false
	}
	return t.pos == posStmt && (t.top().open == '{' || t.top().open == 0) || t.pos == posOperand && t.last.breakOK || t.pos == posAny
}

// openComment starts a comment (outside one).
func (t *tracker) openComment(text string) {
	if tokenTrim(text) == "//" {
		t.comment = 1
	} else {
		t.comment = 2
	}
}

// admit holds the rules every token of code obeys, whatever its kind,
// with discipline set: identifiers must be declared (in scope, in the
// prompt, or by an included header, as Env.Flags tells), or be declared
// by this very token.
func (t *tracker) admit(ti Token, text string) bool {
	top := t.top()
	if t.needBreak && !(ti.Class == Keyword && tokenTrim(text) == "else" || ti.Class == Keyword && tokenTrim(text) == "while" && t.lastDo()) {
		return false // one statement a line
	}
	if t.last.addrOf {
		if ti.Class != Ident {
			return false // & of an lvalue: a name
		}
		if _, local := t.scope[ti.Name]; !local && t.function() >= 0 {
			return false // &x of a local variable
		}
	}
	if t.last.word && !t.bol && (ti.Class == Ident || ti.Class == Keyword || ti.Class == Number) && text != "" && text[0] != ' ' {
		return false // two words would print as one
	}
	if t.last.castClose && !(ti.Class == Ident || ti.Class == Number || ti.Class == Char || ti.Class == String) {
		return false // (int) x: a cast's operand is a name or a literal
	}
	if t.cpp && t.last.name >= 0 && t.last.name == t.std && !(ti.Class == Punct && ti.Code == pScope) {
		return false // std is a namespace: std::
	}
	if t.pos == posScope && ti.Class != Ident && t.function() >= 0 {
		return false // std::~x, std::4095: in a function a name follows ::
	}
	if t.last.unary && ti.Class == Punct && (ti.Code == pStar || ti.Code == pAmp || ti.Code == pUnary || ti.Code == pPlusMinus || ti.Code == pIncDec) {
		return false // one unary operator at a time
	}
	if t.last.ret && t.function() >= 0 && (t.fnVoid != (ti.Class == Punct && ti.Code == pSemi)) {
		return false // return; in a void function, return x; in the others
	}
	if t.cin && t.last.shr && ti.Class != Ident {
		return false // std::cin >> name
	}
	if t.last.deref && ti.Class != Ident {
		return false // *p: a pointer, not a literal or an expression
	}
	if t.decl.typeExpr && t.pos == posType && t.decl.haveType && t.function() >= 0 && t.cpp && t.top().open != '(' &&
		!(ti.Class == Punct && (ti.Code == pLParen || ti.Code == pScope || ti.Code == pLBrace || ti.Code == pLess)) {
		return false // a type in an expression: std::string(...), not std::string x
	}
	if t.nextParen == fkSizeof && t.pos == posOperand && !(ti.Class == Punct && ti.Code == pLParen) {
		return false // sizeof(x)
	}
	if top.kind == fkTemplate && ti.Class == Punct && (ti.Code == pLParen || ti.Code == pLess) && t.function() >= 0 {
		return false // simple template arguments
	}
	if !t.argKindAllows(ti, text) {
		return false // an argument that does not fit its parameter
	}
	if top.kind == fkCall && !top.nonEmpty && top.fname >= 0 && t.env.Arity != nil && !(ti.Class == Punct && ti.Code == pRParen) {
		if _, hi, ok := t.env.Arity(top.fname); ok && hi == 0 {
			return false // f(): no argument
		}
	}
	return true
}

// begin starts the change a token of code makes (not layout, comment
// or preprocessor text): what held after the token before is forgotten
// (and returned), what holds of this one by its kind alone is noted,
// and so is what the bracket it stands in learns from it.
func (t *tracker) begin(ti Token, text string) lastToken {
	t.bol = false
	w := t.last
	t.last = lastToken{name: -1}
	if t.pos == posStmt {
		t.stmtToks, t.effect = 0, false
	}
	if ti.Class == Punct && (ti.Code == pLParen && t.pos == posAfter || ti.Code == pAssign || ti.Code == pIncDec || ti.Code == pBinary && tokenTrim(text) == "<<" || ti.Code == pShr) {
		t.effect = true
	}
	t.stmtToks++
	if t.pos == posStmt {
		t.stmtAssign = false
		t.exprStmt = ti.Class == Ident && t.flagsOf(ti.Name)&NameType == 0 || ti.Class == Punct && (ti.Code == pStar || ti.Code == pLParen || ti.Code == pIncDec)
	}
	t.last.addrName = w.addrOf && ti.Class == Ident
	t.last.word = ti.Class == Ident || ti.Class == Keyword || ti.Class == Number
	t.last.breakOK = ti.Class == Punct && (ti.Code == pComma || ti.Code == pAndAnd || ti.Code == pBinary || ti.Code == pAssign || ti.Code == pQuestion || ti.Code == pColon || ti.Code == pPlusMinus && t.pos == posAfter)
	t.last.assign = ti.Class == Punct && ti.Code == pAssign
	t.last.shr = ti.Class == Punct && ti.Code == pShr
	t.last.arith = ti.Class == Punct && t.pos == posAfter && (ti.Code == pStar || ti.Code == pAmp || ti.Code == pBinary && strings.ContainsAny(tokenTrim(text), "/%|^") && !strings.Contains(tokenTrim(text), "||") ||
		!t.cpp && (ti.Code == pShr || ti.Code == pBinary && tokenTrim(text) == "<<"))
	if ti.Class == Ident && t.pos != posMember && t.pos != posType {
		if k, ok := t.kinds[ti.Name]; ok && k&kPtr != 0 {
			t.last.ptrName = true
		}
	}
	t.last.argName = ti.Class == Ident && t.argStart(w.comma)
	t.last.comma = ti.Class == Punct && ti.Code == pComma
	top := t.top()
	// What the parentheses of a call or of parameters hold.
	if top.open == '(' && !(ti.Class == Punct && ti.Code == pRParen) {
		if !top.nonEmpty {
			top.nonEmpty = true
			top.voidOnly = ti.Class == Keyword && tokenTrim(text) == "void"
		} else {
			top.voidOnly = false
		}
	}
	if top.kind == fkParams {
		paramToken(top, ti, text)
	}
	// A grouping holds only a type while each token of it is part of one.
	if top.kind == fkGroup && top.typeOnly {
		switch {
		case ti.Class == Keyword && (ti.Code == kwType || ti.Code == kwQual || ti.Code == kwTag):
		case ti.Class == Ident && (t.pos == posOperand && t.env.Flags(ti.Name)&NameType != 0 || t.pos == posTag || t.pos == posScope || t.pos == posType && !t.decl.haveType):
		case ti.Class == Punct && (ti.Code == pStar || ti.Code == pScope || ti.Code == pRParen || ti.Code == pLess || ti.Code == pGreater):
		default:
			top.typeOnly = false
		}
	}
	return w
}

// ppStep follows a preprocessor line: only #define's name matters.
func (t *tracker) ppStep(ti Token, text string) {
	switch t.pp.define {
	case 0:
		if ti.Class == Ident && tokenTrim(text) == "define" {
			t.pp.define = 1
		} else {
			t.pp.define = 3
		}
	case 1:
		if ti.Class == Ident || ti.Class == Keyword {
			t.record(ti.Name, NameGlobal)
			t.pp.name = ti.Name
			t.pp.define = 2
			return
		}
		t.pp.define = 3
	case 2:
		// A macro whose body is a type is a type name (bool, FILE); one
		// with no parameters is an object (stdin, errno), not a function.
		if ti.Class == Keyword && ti.Code == kwType {
			t.record(t.pp.name, NameType)
		}
		if !(ti.Class == Punct && ti.Code == pLParen && text == "(") {
			t.record(t.pp.name, NameVar)
			t.pp.define = 3
			return
		}
		t.pp.define, t.pp.args, t.pp.vararg, t.pp.any = 4, 0, false, false
	case 4:
		// The parameters of a function-like macro: its arity.
		switch {
		case ti.Class == Punct && ti.Code == pComma:
			t.pp.args++
		case ti.Class == Punct && ti.Code == pEllipsis:
			t.pp.vararg, t.pp.any = true, true
		case ti.Class == Punct && ti.Code == pRParen:
			n := 0
			if t.pp.any {
				n = t.pp.args + 1
			}
			if t.env.CollectArity != nil && n < 255 {
				if t.pp.vararg {
					t.env.CollectArity(t.pp.name, uint8(max(n-1, 0)), 255, 0)
				} else {
					t.env.CollectArity(t.pp.name, uint8(n), uint8(n), 0)
				}
			}
			t.pp.define = 3
		default:
			t.pp.any = true
		}
	}
}
