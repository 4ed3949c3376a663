package ctrack

// pos is what the tracker expects next.
type pos uint8

const (
	posStmt    pos = iota // the start of a statement or declaration
	posOperand            // an operand (after an operator, '(', '=', return, ...)
	posAfter              // after an operand: an operator, a closing bracket, ';'
	posType               // inside a type: more type, '*', or (haveType) a declarator
	posMember             // after . or ->
	posScope              // after ::
	posTag                // after struct, union, enum, class
	posParen              // after if, while, for, switch: '('
	posSemi               // after break, continue: ';'
	posColon              // after default: ':'
	posLabel              // after goto: a label
	posAny                // anything (after tokens the tracker does not follow)
)

// Frame kinds.
const (
	fkFile      uint8 = iota // the file scope (the bottom frame)
	fkBlock                  // { } of statements
	fkBody                   // { } of a function body
	fkStruct                 // { } of a struct, union or class
	fkEnum                   // { } of an enum
	fkInit                   // { } of an initializer
	fkNamespace              // { } of a namespace
	fkExtern                 // { } of extern "C"
	fkCall                   // ( ) of a call
	fkControl                // ( ) of if, while, switch
	fkFor                    // ( ) of for
	fkParams                 // ( ) of a declarator's parameters
	fkSizeof                 // ( ) after sizeof
	fkGroup                  // ( ) at an operand: a grouping or a cast
	fkIndex                  // [ ]
	fkTemplate               // < > of template arguments
)

type frame struct {
	open     byte // '{', '(', '[', '<', or 0 for the file scope
	kind     uint8
	semis    uint8 // ';' seen in a for header
	quest    uint8 // '?' waiting for their ':'
	typeOnly bool  // a grouping that holds only a type so far: a cast
	// body is the kind of statement whose body these braces are (a
	// loop's, a switch's), or whose condition these parentheses are.
	body uint8
	// For the parentheses of a call or of parameters: the function's
	// name (-1: unknown), the commas and defaults (= value) read, whether
	// anything was, whether that is only "void", whether "..." was.
	fname    int32
	args     uint8
	defaults uint8
	nonEmpty bool
	voidOnly bool
	vararg   bool
	fvoid    bool // the declared function returns void
	stmt     bool // a grouping that starts a statement
	cmp      bool // a comparison was made at this level (no a < b < c)
	direct   bool // the arguments of a C++ direct initialization
	declArr  bool // the brackets of an array declarator
	// For the parentheses of parameters: the kinds of those read (see
	// ParamPointer), and what the one being read says so far (pf flags, '*').
	pk     uint16
	pf     uint8
	pstars uint8
}

// Kinds of statements with a body.
const (
	bodyIf uint8 = iota + 1
	bodyElse
	bodyLoop
	bodySwitch
)

// pendingBody is a statement whose body is being written: the body of an
// if, else, loop or switch, until it completes at depth (len(stack)).
type pendingBody struct {
	kind  uint8
	depth int
}

type undoEntry struct {
	name     int32
	prev     int32 // the level it had before, -1 when undeclared
	level    int32
	prevKind uint8
}

// tracker is the state of the syntax after some tokens.
type tracker struct {
	cpp   bool
	std   int32 // the name index of "std", -1 when unknown
	main  int32 // the name index of "main", -1 when unknown
	stack []frame
	pos   pos

	prePos   pos   // the position before a preprocessor line
	pp       bool  // inside a preprocessor line
	ppDefine uint8 // 1: after "#define"; 2: after its name
	ppName   int32
	ppArgs   int   // commas among a function-like macro's parameters
	ppVararg bool  // ... among them
	ppAny    bool  // a parameter was read
	comment  uint8 // 0 code, 1 a // comment, 2 a /* comment
	bol      bool  // at the start of a line

	haveType   bool  // posType: a type was given (a declarator may come)
	allowClose bool  // ')', ']' or '}' may close the bracket just opened
	allowSemi  bool  // ';' may come at posOperand (after return)
	decl       bool  // the statement is a declaration
	declAt     int   // len(stack) of that declaration
	typedef    bool  // the declaration is a typedef
	declName   bool  // the last token was a declarator's name
	tagStart   bool  // the statement started with struct/union/enum/class
	tagKind    uint8 // fkStruct or fkEnum: the braces a tag opens
	tagName    bool  // the last token was a tag's name
	structEnd  bool  // the last token closed a struct or enum body
	prevClose  bool  // the last token was ')'
	lastParen  uint8 // kind of the last ')' closed
	prevLit    bool  // the last token was a literal
	prevString bool  // the last token was a string literal
	prevStd    bool  // the last tokens were "std ::"
	prevName   int32 // name of the last token when an identifier, -1 else
	nextParen  uint8 // kind of the '(' expected at posParen or after sizeof
	nsNext     bool  // "namespace": its braces come
	prevUsing  bool  // the last token was "using"
	nsOpen     int   // namespace frames open
	usingNS    bool  // "using namespace" seen: std's names are visible
	ctrl       uint8 // the body kind of the control keyword just read
	prevMod    bool  // the last token was long, short, signed or unsigned
	declSpec   bool  // the declaration has a storage class (static, extern, ...)
	declVoid   bool  // the declared type is void, not (yet) a pointer
	baseVoid   bool  // the declaration's type is void (before any '*')
	stars      uint8 // '*' of the declarator being read
	bodyStart  bool  // at the start of an if's, loop's or else's body
	quals      uint8 // const, volatile since the last '*' of the type
	refPending bool  // a '&' declarator: its name comes, then '='
	needInit   bool  // a reference declared: '=' must come
	current    int32 // the name of the function being defined, -1
	caseBlock  bool  // after a case label: a block may open
	declComma  bool  // after the ',' of a declaration list
	typeExpr   bool  // the type being read stands in an expression (a cast)
	castClose  bool  // the last token closed a cast
	prevTempl  bool  // the last token closed template arguments
	caseExpr   bool  // inside a case label's expression: ':' ends it
	pending    []pendingBody
	elseOK     bool // an if statement just completed: else may come

	// scope maps names to the level of their innermost declaration, kinds
	// to what that declaration says of them.
	scope     map[int32]int32
	kinds     map[int32]uint8
	baseKind  uint8 // the kind of the type being declared
	lastDecl  int32 // the last local declared
	deref     bool  // the last token was a unary *
	unary     bool  // the last token was a unary operator
	fnVoid    bool  // the function being written returns void
	afterRet  bool  // the last token was return
	viaStd    bool  // the last token was a name after std::
	closing   bool  // set by the sampler: the token budget is nearly spent
	usingDecl bool  // inside a using declaration: its last name is declared
	qualStart pos   // where the qualified name being read (std::...) began
	baseQuals uint8 // const, volatile before the first '*' of the declaration
	arith     bool  // the last token was a multiplicative or bitwise operator
	qualAfter bool  // the qualified name being read follows an '='
	effect    bool  // the expression statement calls, assigns or increments
	ptrName   bool  // the last token was a local pointer's name
	hasTags   bool  // the prompt or its headers know a struct, union or enum tag
	needBreak bool  // a statement ended in a function: the next starts a line
	stmtToks  int   // tokens of the statement so far
	declN     uint8 // declarators of the declaration so far
	fnName    bool  // the last token was a function's name (not yet called)
	cin       bool  // the statement reads std::cin: >> takes a name
	autoDecl  bool  // the declaration's type is auto
	lastVoid  bool  // the last parameter list closed was a void function's
	undo      []undoEntry

	env Env
	// discipline: identifiers must be declared (see allowed).
	discipline bool
	// argName: the last token was a name that starts an argument of a
	// call.
	argName bool
	// voidDecl: the last declarator's type is void (not a pointer).
	voidDecl bool
	// prevMember: the last token was a name after . or ->.
	prevMember bool
	// addrOf: the last token was a unary &; addrName: the one before.
	addrOf, addrName bool
	// prevWord: the last token was a word (a name, keyword or number).
	prevWord bool
	// breakOK: a line may break after the last token (an operator, '(',
	// ',' of a long expression).
	breakOK bool
	// prevAssign: the last token was '=' or a compound assignment;
	// prevShr '>>'; prevComma ','.
	prevAssign, prevShr, prevComma bool
	// exprStmt: the statement is an expression; stmtAssign: it assigned.
	exprStmt, stmtAssign bool
	// declRun counts the declarations in a row in the current block.
	declRun uint8
	// young: set by the sampler while the choice is too short to end the
	// function (see minBody).
	young bool
}

func newTracker(cpp bool, std int32) *tracker {
	return &tracker{cpp: cpp, std: std, main: -1, stack: []frame{{kind: fkFile, fname: -1}}, bol: true, prevName: -1, current: -1, lastDecl: -1,
		scope: map[int32]int32{}, kinds: map[int32]uint8{}}
}

// clone returns an independent copy (the state of one choice).
func (t *tracker) clone() *tracker {
	c := *t
	c.stack = append([]frame(nil), t.stack...)
	c.scope = make(map[int32]int32, len(t.scope))
	for k, v := range t.scope {
		c.scope[k] = v
	}
	c.kinds = make(map[int32]uint8, len(t.kinds))
	for k, v := range t.kinds {
		c.kinds[k] = v
	}
	c.undo = append([]undoEntry(nil), t.undo...)
	c.pending = append([]pendingBody(nil), t.pending...)
	c.env.Collect = nil
	return &c
}

// complete notes that a statement completed at the current depth: the
// bodies pending there are done.
func (t *tracker) complete() {
	d := len(t.stack)
	for len(t.pending) > 0 && t.pending[len(t.pending)-1].depth == d {
		if t.pending[len(t.pending)-1].kind == bodyIf {
			t.elseOK = true
		}
		t.pending = t.pending[:len(t.pending)-1]
	}
}

// inBody reports whether a break (kinds loop and switch) or continue
// (loop) may come: a brace frame or a pending braceless body of that kind.
func (t *tracker) inBody(kinds ...uint8) bool {
	for i := len(t.stack) - 1; i >= 0; i-- {
		f := t.stack[i]
		if f.kind == fkBody {
			break
		}
		for _, k := range kinds {
			if f.open == '{' && f.body == k {
				return true
			}
		}
	}
	for _, p := range t.pending {
		for _, k := range kinds {
			if p.kind == k {
				return true
			}
		}
	}
	return false
}

func (t *tracker) top() *frame { return &t.stack[len(t.stack)-1] }

// atStatementStart reports whether the next token starts a statement of
// a block.
func (t *tracker) atStatementStart() bool {
	return t.pos == posStmt && len(t.stack) > 0 && t.top().open == '{'
}

// braces returns the number of '{' frames open.
func (t *tracker) braces() int32 {
	n := int32(0)
	for _, f := range t.stack {
		if f.open == '{' {
			n++
		}
	}
	return n
}

// level is the scope level of a declaration made now: the braces open,
// one more inside the parentheses of parameters or of a for header.
func (t *tracker) level() int32 {
	n := t.braces()
	if t.top().open == '(' {
		n++
	}
	return n
}

func (t *tracker) declare(name int32) {
	lv := t.level()
	prev, ok := t.scope[name]
	if !ok {
		prev = -1
	}
	t.undo = append(t.undo, undoEntry{name: name, prev: prev, level: lv, prevKind: t.kinds[name]})
	t.scope[name] = lv
	k := t.baseKind
	if t.stars > 0 {
		k |= kPtr
		if t.baseVoid && t.stars == 1 {
			k |= kVoid
		}
	}
	if t.quals > 0 {
		k |= kConst // const int n; char *const p
	}
	t.kinds[name] = k
	t.lastDecl = name
}

// popScope forgets the declarations deeper than level lv.
func (t *tracker) popScope(lv int32) {
	for len(t.undo) > 0 && t.undo[len(t.undo)-1].level > lv {
		u := t.undo[len(t.undo)-1]
		t.undo = t.undo[:len(t.undo)-1]
		if u.prev < 0 {
			delete(t.scope, u.name)
			delete(t.kinds, u.name)
		} else {
			t.scope[u.name] = u.prev
			t.kinds[u.name] = u.prevKind
		}
	}
}

// function returns the depth of the outermost function body open (the
// stack length it leaves when it closes), or -1.
func (t *tracker) function() int {
	for i, f := range t.stack {
		if f.kind == fkBody {
			return i
		}
	}
	return -1
}

func (t *tracker) record(name int32, flags uint8) {
	if t.env.Collect != nil && name >= 0 {
		t.env.Collect(name, flags)
	}
}

// globalFlag is NameStd inside a namespace, NameGlobal outside.
func (t *tracker) globalFlag() uint8 {
	if t.nsOpen > 0 {
		return NameStd
	}
	return NameGlobal
}

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

// argStart reports whether the next token starts an argument of a call.
func (t *tracker) argStart() bool {
	top := t.top()
	return top.kind == fkCall && !top.direct && top.fname >= 0 && t.pos == posOperand && (!top.nonEmpty || t.prevComma)
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
	if t.argName && t.ptrName {
		// p as the first token of a scalar argument: p[i] or p->x.
		if top.kind != fkCall || top.fname < 0 || argKind(t.env.ArgKinds(top.fname), int(top.args)) != ParamScalar {
			return true
		}
		return ti.Class == Punct && (ti.Code == pLBrack || ti.Code == pMember && tokenTrim(text) == "->")
	}
	if !t.argStart() {
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

// ppStep follows a preprocessor line: only #define's name matters.
func (t *tracker) ppStep(ti Token, text string) {
	switch t.ppDefine {
	case 0:
		if ti.Class == Ident && tokenTrim(text) == "define" {
			t.ppDefine = 1
		} else {
			t.ppDefine = 3
		}
	case 1:
		if ti.Class == Ident || ti.Class == Keyword {
			t.record(ti.Name, NameGlobal)
			t.ppName = ti.Name
			t.ppDefine = 2
			return
		}
		t.ppDefine = 3
	case 2:
		// A macro whose body is a type is a type name (bool, FILE); one
		// with no parameters is an object (stdin, errno), not a function.
		if ti.Class == Keyword && ti.Code == kwType {
			t.record(t.ppName, NameType)
		}
		if !(ti.Class == Punct && ti.Code == pLParen && text == "(") {
			t.record(t.ppName, NameVar)
			t.ppDefine = 3
			return
		}
		t.ppDefine, t.ppArgs, t.ppVararg, t.ppAny = 4, 0, false, false
	case 4:
		// The parameters of a function-like macro: its arity.
		switch {
		case ti.Class == Punct && ti.Code == pComma:
			t.ppArgs++
		case ti.Class == Punct && ti.Code == pEllipsis:
			t.ppVararg, t.ppAny = true, true
		case ti.Class == Punct && ti.Code == pRParen:
			n := 0
			if t.ppAny {
				n = t.ppArgs + 1
			}
			if t.env.CollectArity != nil && n < 255 {
				if t.ppVararg {
					t.env.CollectArity(t.ppName, uint8(max(n-1, 0)), 255, 0)
				} else {
					t.env.CollectArity(t.ppName, uint8(n), uint8(n), 0)
				}
			}
			t.ppDefine = 3
		default:
			t.ppAny = true
		}
	}
}

// declarator handles a declared name.
func (t *tracker) declarator(name int32) {
	t.pos, t.declName = posAfter, true
	if t.declN < 255 {
		t.declN++
	}
	t.voidDecl = t.declVoid
	t.needInit, t.refPending = (t.refPending || t.autoDecl || t.cpp && t.quals > 0) && t.top().kind != fkParams, false
	if t.top().kind == fkFile || t.top().kind == fkNamespace || t.top().kind == fkStruct {
		t.current = name // perhaps a function's name, until its body ends
	}
	top := t.top()
	switch {
	case top.kind == fkStruct && t.typedef:
		t.record(name, NameMember|NameType) // a member type: T::name
	case top.kind == fkStruct:
		t.record(name, NameMember)
	case t.typedef:
		t.record(name, NameType|t.globalFlag())
	case top.kind == fkFile || top.kind == fkNamespace || top.kind == fkExtern:
		t.record(name, t.globalFlag())
	default:
		t.declare(name)
	}
}

func (t *tracker) startDecl() {
	t.decl, t.declAt, t.typedef, t.tagStart, t.declSpec = true, len(t.stack), false, false, false
	t.declN = 0
	t.declVoid, t.typeExpr, t.baseVoid, t.stars = false, false, false, 0
	t.baseQuals = 0
	t.baseKind = 0
	t.quals, t.refPending, t.needInit = 0, false, false
	t.autoDecl = false
}

// beginType forgets the type read before: a new one starts.
func (t *tracker) beginType() {
	t.declVoid, t.baseVoid, t.stars, t.quals, t.baseKind = false, false, 0, 0, 0
	t.baseQuals = 0
	t.refPending, t.autoDecl = false, false
}

func (t *tracker) push(f frame) { t.stack = append(t.stack, f) }

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

// objectDeclared records an object declared at file or namespace scope:
// its declarator is followed by '=', ',' or ';', not by parameters.
func (t *tracker) objectDeclared(top *frame, wasDeclName bool) {
	if wasDeclName && !t.typedef && t.current >= 0 && (top.kind == fkFile || top.kind == fkNamespace || top.kind == fkExtern || top.kind == fkStruct) {
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

// closingCost estimates how many tokens close everything open, down to
// and including the function body that starts at stack depth fn: a
// bracket one, a brace two (a line break and the brace), an operand or
// a declarator still owed one, a statement to end one.
func (t *tracker) closingCost(fn int) int {
	c := 0
	for i := max(fn, 0); i < len(t.stack); i++ {
		switch f := t.stack[i]; f.open {
		case '{':
			c += 2
		case '(', '[', '<':
			c++
			switch f.kind {
			case fkFor:
				c += 2 - int(min(f.semis, 2)) + 1 // for (;;) and a body
			case fkControl:
				c++ // a body
			case fkCall:
				if f.fname >= 0 && t.env.Arity != nil {
					if lo, _, ok := t.env.Arity(f.fname); ok {
						n := 0
						if f.nonEmpty {
							n = int(f.args) + 1
						}
						c += 2 * max(int(lo)-n, 0) // ", x" for each argument owed
					}
				}
			}
		}
	}
	switch t.pos {
	case posOperand, posType, posMember, posScope, posTag, posLabel, posColon:
		c++
	case posParen:
		c += 3
	}
	if t.pos != posStmt {
		c++ // the ';'
	} else if t.prevClose && (t.lastParen == fkControl || t.lastParen == fkFor) {
		c++ // the body of an if or a loop: ';'
	}
	if t.comment == 1 || t.pp {
		c++
	}
	return c
}

// closingAllowed reports whether a token helps close what is open, when
// the token budget leaves no room for more: closing brackets, ';', line
// breaks that do not indent deeper, and the operand, declarator or name a
// construct still owes.
func (t *tracker) closingAllowed(ti Token, text string) bool {
	switch ti.Class {
	case Layout:
		if t.comment != 0 || t.pp {
			return true
		}
		// Only the line break before a closing brace.
		return t.pos == posStmt && !t.bodyStart && dedent(text)
	case Number, Char, String, Ident:
		if ti.Class == Ident && ti.Name >= 0 && t.pos == posOperand {
			if f := t.env.Flags(ti.Name); f&(NameArity|NameVoidFunction) != 0 && f&NameVar == 0 {
				return false // a function owes a call and its arguments
			}
		}
		switch t.pos {
		case posOperand, posType, posMember, posScope, posTag, posLabel:
			return true
		}
		return false
	case Keyword:
		return ti.Code == kwValue && t.pos == posOperand
	case Punct:
		switch ti.Code {
		case pRParen, pRBrack, pRBrace, pGreater:
			return true
		case pSemi:
			return t.pos != posStmt || t.bodyStart || t.top().kind == fkFor
		case pAssign:
			return t.needInit && tokenTrim(text) == "="
		case pComma:
			// The arguments a call still owes.
			if f := t.top(); f.kind == fkCall && f.fname >= 0 && t.env.Arity != nil {
				if lo, _, ok := t.env.Arity(f.fname); ok {
					return int(f.args)+1 < int(lo)
				}
			}
		case pLParen:
			return t.pos == posParen
		case pColon:
			return t.pos == posColon
		}
	}
	return false
}

// flagsOf is t.env.Flags(n) for a name index, 0 for none.
func (t *tracker) flagsOf(n int32) uint8 {
	if n < 0 {
		return 0
	}
	return t.env.Flags(n)
}

// maxParens bounds the parentheses and brackets open inside a statement
// of the model's: deeper nesting is where an n-gram loses its way.
const maxParens = 3

// parens returns the parentheses and brackets open above the innermost
// brace.
func (t *tracker) parens() int {
	n := 0
	for i := len(t.stack) - 1; i >= 0 && t.stack[i].open != '{' && t.stack[i].open != 0; i-- {
		n++
	}
	return n
}

// hasPointer reports whether a local that may be a pointer is in scope.
func (t *tracker) hasPointer() bool {
	for n := range t.scope {
		if k := t.kinds[n]; k == 0 || k&kPtr != 0 && k&kVoid == 0 {
			return true
		}
	}
	return false
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

// maxDeclRun bounds the declarations in a row the model writes: n-gram
// models love the runs of declarations that open test programs.
const maxDeclRun = 2

// oddNames are words no one names a local after (preprocessor words).
var oddNames = map[string]bool{"include": true, "define": true, "ifdef": true, "ifndef": true, "endif": true, "elif": true, "undef": true, "pragma": true}

// atBodyLevel reports whether the innermost open brace is the body of
// the function (not a nested block).
func (t *tracker) atBodyLevel() bool {
	f := t.function()
	return f >= 0 && len(t.stack)-1 == f
}

// lastDo reports whether the block just closed was a do's body, so that
// its while follows on the same line.
func (t *tracker) lastDo() bool {
	n := len(t.pending)
	return n > 0 && t.pending[n-1].kind == bodyLoop && t.pending[n-1].depth == len(t.stack)
}
