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

// tracker is the state of the syntax after some tokens, by concern.
type tracker struct {
	cpp  bool
	std  int32 // the name index of "std", -1 when unknown
	main int32 // the name index of "main", -1 when unknown
	env  Env
	// discipline: identifiers must be declared (see admit).
	discipline bool

	stack   []frame
	pos     pos
	comment uint8 // 0 code, 1 a // comment, 2 a /* comment
	bol     bool  // at the start of a line
	pp      ppLine
	last    lastToken // what holds after the last token of code
	decl    declaration
	budget  budget

	lastParen uint8 // kind of the last ')' closed
	nextParen uint8 // kind of the '(' expected at posParen or after sizeof
	qualStart pos   // where the qualified name being read (std::...) began
	qualAfter bool  // the qualified name being read follows an '='
	pending   []pendingBody

	// The statement being read.
	exprStmt   bool  // it is an expression
	stmtAssign bool  // it assigned
	effect     bool  // it calls, assigns or increments
	stmtToks   int   // its tokens so far
	caseExpr   bool  // inside a case label's expression: ':' ends it
	cin        bool  // it reads std::cin: >> takes a name
	usingDecl  bool  // inside a using declaration: its last name is declared
	needBreak  bool  // a statement ended in a function: the next starts a line
	declRun    uint8 // the declarations in a row in the current block

	// Names: scope maps them to the level of their innermost declaration,
	// kinds to what that declaration says of them; undo restores what a
	// block's declarations hid.
	scope    map[int32]int32
	kinds    map[int32]uint8
	undo     []undoEntry
	lastDecl int32 // the last local declared
	nsNext   bool  // "namespace": its braces come
	nsOpen   int   // namespace frames open
	usingNS  bool  // "using namespace" seen: std's names are visible
	hasTags  bool  // the prompt or its headers know a struct, union or enum tag

	// The function being written.
	current  int32 // its name (of the function being defined), -1
	fnVoid   bool  // it returns void
	lastVoid bool  // the last parameter list closed was a void function's
}

// ppLine is the preprocessor line being read.
type ppLine struct {
	in     bool  // inside a preprocessor line
	pos    pos   // the position before it
	define uint8 // 1: after "#define"; 2: after its name; 4: its parameters
	name   int32 // the name #define defines
	args   int   // commas among a function-like macro's parameters
	vararg bool  // ... among them
	any    bool  // a parameter was read
}

// lastToken is what holds after the last token of code (begin renews
// it): what that token was, and what it lets come next.
type lastToken struct {
	name       int32 // its name when an identifier, -1 else
	std        bool  // the last tokens were "std ::"
	declName   bool  // a declarator's name
	tagName    bool  // a tag's name
	lit        bool  // a literal
	str        bool  // a string literal
	close      bool  // ')'
	structEnd  bool  // it closed a struct or enum body
	using      bool  // "using"
	mod        bool  // long, short, signed or unsigned
	declComma  bool  // the ',' of a declaration list
	castClose  bool  // it closed a cast
	templ      bool  // it closed template arguments
	member     bool  // a name after . or ->
	addrOf     bool  // a unary &
	addrName   bool  // a name after a unary &
	bodyStart  bool  // it starts an if's, loop's or else's body
	caseBlock  bool  // a case label: a block may open
	deref      bool  // a unary *
	unary      bool  // a unary operator
	ret        bool  // return
	viaStd     bool  // a name after std::
	word       bool  // a word (a name, keyword or number)
	fnName     bool  // a function's name (not yet called)
	breakOK    bool  // a line may break after it (an operator, '(', ',' of a long expression)
	assign     bool  // '=' or a compound assignment
	shr        bool  // '>>'
	comma      bool  // ','
	arith      bool  // a multiplicative or bitwise operator
	ptrName    bool  // a local pointer's name
	argName    bool  // a name that starts an argument of a call
	allowClose bool  // ')', ']' or '}' may close the bracket it opened
	allowSemi  bool  // ';' may come at posOperand (after return)
	elseOK     bool  // it completed an if statement: else may come
	ctrl       uint8 // the body kind of the control keyword it is
}

// declaration is the declaration being read.
type declaration struct {
	on         bool  // the statement is a declaration
	at         int   // len(stack) of that declaration
	typedef    bool  // it is a typedef
	spec       bool  // it has a storage class (static, extern, ...)
	tagStart   bool  // it started with struct/union/enum/class
	tagKind    uint8 // fkStruct or fkEnum: the braces a tag opens
	haveType   bool  // posType: a type was given (a declarator may come)
	typeExpr   bool  // the type being read stands in an expression (a cast)
	auto       bool  // the type is auto
	baseKind   uint8 // the kind of the type
	baseVoid   bool  // the type is void (before any '*')
	baseQuals  uint8 // const, volatile before the first '*'
	void       bool  // the declared type is void, not (yet) a pointer
	stars      uint8 // '*' of the declarator being read
	quals      uint8 // const, volatile since the last '*' of the type
	refPending bool  // a '&' declarator: its name comes, then '='
	needInit   bool  // a reference declared: '=' must come
	n          uint8 // declarators so far
	voidDecl   bool  // the last declarator's type is void (not a pointer)
}

// budget is what the sampler says of its token budget.
type budget struct {
	closing bool // it is nearly spent: close what is open
	young   bool // the choice is too short yet to end the function
}

func newTracker(cpp bool, std int32) *tracker {
	return &tracker{cpp: cpp, std: std, main: -1, stack: []frame{{kind: fkFile, fname: -1}}, bol: true, last: lastToken{name: -1}, current: -1, lastDecl: -1,
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
			t.last.elseOK = true
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
	k := t.decl.baseKind
	if t.decl.stars > 0 {
		k |= kPtr
		if t.decl.baseVoid && t.decl.stars == 1 {
			k |= kVoid
		}
	}
	if t.decl.quals > 0 {
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

func (t *tracker) push(f frame) { t.stack = append(t.stack, f) }

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
