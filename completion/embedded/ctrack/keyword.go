package ctrack

// Where a statement or declaration starting here stands (at posStmt).
type stmtCtx uint8

const (
	inBlock   stmtCtx = iota // a block or a function's body: statements
	inParams                 // a declarator's parameters
	inFor                    // a for header
	inStruct                 // the body of a struct, union or class
	inEnum                   // the body of an enum
	inBracket                // other parentheses, brackets, template arguments
	inFile                   // the file scope, a namespace, extern "C": declarations only
)

func (t *tracker) stmtContext() stmtCtx {
	top := t.top()
	switch top.kind {
	case fkParams:
		return inParams
	case fkFor:
		return inFor
	case fkStruct:
		return inStruct
	case fkEnum:
		return inEnum
	}
	switch {
	case top.open == '(' || top.open == '[' || top.open == '<':
		return inBracket
	case top.open == 0 || top.kind == fkNamespace || top.kind == fkExtern:
		return inFile
	}
	return inBlock
}

// keyword is next for a keyword: for each kind, where it may stand and
// what it starts. ok is what the rules of every token said.
func (t *tracker) keyword(ti Token, text string, ok, apply bool) bool {
	code, word := ti.Code, tokenTrim(text)
	p := t.pos
	top := t.top()
	ctx := inBlock
	if p == posStmt {
		ctx = t.stmtContext()
	}
	fn := t.function() >= 0
	// A statement of a block starts here; a declaration may start a
	// statement unless it would be an if's or a loop's body, or one
	// declaration too many in a row.
	stmt := p == posStmt && ctx == inBlock
	declHere := stmt && !t.last.bodyStart && t.declRun < maxDeclRun
	// An expression statement, or an expression in brackets or a for
	// header.
	expr := stmt || p == posStmt && (ctx == inFor || ctx == inBracket)
	if ok {
		switch code {
		case kwType, kwQual, kwTag:
			switch p {
			case posStmt:
				ok = ctx == inParams || ctx == inFor || ctx == inStruct || ctx == inFile || ctx == inBracket && top.kind != fkIndex || declHere
			case posOperand:
				// sizeof(type); no casts in a function (the model's casts
				// are junk copied from other programs).
				ok = t.last.allowClose && (top.kind == fkGroup && !fn || top.kind == fkSizeof) || top.kind == fkTemplate
			case posType:
				switch {
				case t.last.declComma:
					ok = false // int x, const y
				case code == kwType:
					ok = !t.decl.haveType || t.last.mod // unsigned int, long long, long double; never int int
				case code == kwQual:
					ok = t.decl.quals == 0
				default:
					ok = !t.decl.haveType
				}
			case posAfter:
				ok = code == kwQual && t.cpp && t.last.close && t.lastParen == fkParams // f() const
			default:
				ok = p == posAny
			}
			if code == kwTag {
				ok = ok && t.tagAllowed(text)
			}
		case kwSpec:
			switch p {
			case posStmt:
				ok = ctx == inParams || ctx == inStruct || ctx == inFile || declHere && t.specAllowed(text)
			case posType:
				ok = !t.last.declComma && !t.decl.haveType && t.specAllowed(text)
			default:
				ok = p == posAny
			}
		case kwTypedef, kwOther:
			ok = p == posStmt && (ctx == inStruct || ctx == inFile) || p == posAny
		case kwUsing:
			ok = p == posStmt && ctx == inFile || p == posAny
		case kwCast:
			ok = p == posAny
		case kwSizeof:
			ok = expr || p == posOperand && (t.parens() < maxParens || !fn) || p == posAny
		case kwValue:
			ok = p == posStmt && (ctx == inFor || ctx == inBracket) || (stmt || p == posOperand) && t.valueAllowed(text) || p == posAny
		case kwNew:
			ok = expr || p == posOperand || p == posAny
		case kwControl, kwFor, kwGoto:
			ok = stmt || p == posAny
		case kwReturn:
			ok = stmt && !(t.budget.young && t.atBodyLevel()) || p == posAny // not yet: write some code first
		case kwJump:
			switch {
			case word == "continue":
				ok = stmt && t.inBody(bodyLoop) || p == posAny
			default:
				ok = stmt && t.inBody(bodyLoop, bodySwitch) || p == posAny
			}
		case kwElse:
			ok = stmt && (word != "else" || t.last.elseOK) || p == posAny
		case kwCase, kwDefault:
			ok = stmt && t.inBody(bodySwitch) || p == posAny
		default:
			ok = p == posAny
		}
	}
	if !apply {
		return ok
	}
	w := t.begin(ti, text)
	switch code {
	case kwType, kwQual, kwSpec, kwTypedef, kwTag:
		if t.pos != posType {
			t.beginType()
		}
	}
	switch code {
	case kwType:
		if p == posStmt {
			t.startDecl()
		}
		if t.pos == posOperand {
			t.decl.typeExpr = true
		}
		t.pos, t.decl.haveType = posType, true
		switch word {
		case "long", "short", "signed", "unsigned":
			t.last.mod = true
		case "void":
			t.decl.void, t.decl.baseVoid = true, true
		}
		if word == "auto" {
			t.decl.baseKind = 0
			t.decl.auto = true
		} else {
			t.decl.baseKind = kScalar
		}
	case kwQual:
		if t.pos == posType {
			t.decl.quals++
			if t.decl.stars == 0 {
				t.decl.baseQuals = t.decl.quals
			}
			return ok
		}
		t.decl.quals, t.decl.baseQuals = 1, 1
		if p == posStmt {
			t.startDecl()
		}
		t.pos, t.decl.haveType = posType, false
	case kwSpec:
		if p == posStmt {
			t.startDecl()
		}
		t.decl.spec = true
		t.pos, t.decl.haveType = posType, false
	case kwTypedef:
		t.startDecl()
		t.decl.typedef = true
		t.pos, t.decl.haveType = posType, false
	case kwTag:
		if p == posStmt {
			t.startDecl()
			t.decl.tagStart = true
		}
		t.decl.tagKind = fkStruct
		if word == "enum" {
			t.decl.tagKind = fkEnum
		}
		t.pos = posTag
	case kwControl:
		t.pos, t.nextParen = posParen, fkControl
		switch word {
		case "if":
			t.last.ctrl = bodyIf
		case "while":
			t.last.ctrl = bodyLoop
		case "switch":
			t.last.ctrl = bodySwitch
		}
	case kwFor:
		t.pos, t.nextParen = posParen, fkFor
		t.last.ctrl = bodyLoop
	case kwReturn:
		t.pos, t.last.allowSemi, t.last.ret = posOperand, true, true
	case kwSizeof:
		t.pos, t.nextParen = posOperand, fkSizeof
		t.last.unary = true
	case kwJump:
		t.pos = posSemi
	case kwGoto:
		t.pos = posLabel
	case kwElse:
		t.pos, t.last.bodyStart = posStmt, true
		switch word {
		case "else":
			t.pending = append(t.pending, pendingBody{bodyElse, len(t.stack)})
		case "do":
			t.pending = append(t.pending, pendingBody{bodyLoop, len(t.stack)})
		}
	case kwCase:
		t.pos, t.caseExpr = posOperand, true
	case kwDefault:
		t.pos = posColon
	case kwValue:
		t.pos = posAfter
	case kwNew:
		t.pos = posOperand
	case kwUsing:
		t.last.using, t.usingDecl = true, true
		t.pos = posAny
	default:
		if word == "namespace" {
			if w.using {
				t.usingNS = true
			} else {
				t.nsNext = true
			}
		}
		t.pos = posAny
	}
	return ok
}

// specAllowed: inside a function, a declaration may be static, register
// or constexpr, not extern, inline, virtual, ...
func (t *tracker) specAllowed(text string) bool {
	if t.function() < 0 {
		return true
	}
	switch tokenTrim(text) {
	case "static", "register":
		return true
	}
	return false
}

// valueAllowed: this only inside a class.
func (t *tracker) valueAllowed(text string) bool {
	if tokenTrim(text) != "this" {
		return true
	}
	for _, f := range t.stack {
		if f.kind == fkStruct {
			return true
		}
	}
	return false
}

// tagAllowed: inside a function, class and typename (C++ keywords of
// class and template definitions) do not start a statement, and struct,
// union and enum need a tag to name.
func (t *tracker) tagAllowed(text string) bool {
	if t.function() < 0 {
		return true
	}
	switch tokenTrim(text) {
	case "class", "typename":
		return false
	}
	return t.hasTags
}
