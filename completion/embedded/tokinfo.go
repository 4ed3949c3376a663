package embedded

// Every token of the vocabulary is classified once, when the model is
// built or loaded, for the syntax tracker (syntax.go): an identifier, a
// keyword of some kind, a punctuator of some kind, a literal, layout,
// comment text. Identifiers and keywords also get a name index: the
// tokens " count" and "count" are one name.

// tclass is the class of a token.
type tclass uint8

const (
	cOther       tclass = iota // a character that is no C token (`@`, `\`, ...)
	cLayout                    // a line break and indentation
	cComment                   // comment text
	cCommentOpen               // "//" or "/*"
	cIdent                     // an identifier
	cKeyword                   // a keyword; code says which kind
	cNumber                    // a number
	cString                    // a string literal
	cChar                      // a character literal
	cHeader                    // <x.h> after #include
	cPunct                     // a punctuator; code says which
	cEOS                       // the end of a document
	cBOS                       // the start of a document
)

// Keyword kinds (tinfo.code of a cKeyword).
const (
	kwType    uint8 = iota + 1 // void char int long unsigned ... (a type by itself)
	kwQual                     // const volatile restrict
	kwSpec                     // static extern register inline ...
	kwTypedef                  // typedef
	kwTag                      // struct union enum class typename
	kwControl                  // if while switch (a parenthesized condition follows)
	kwFor                      // for
	kwReturn                   // return throw
	kwSizeof                   // sizeof alignof decltype typeid
	kwJump                     // break continue
	kwGoto                     // goto
	kwElse                     // else do try
	kwCase                     // case
	kwDefault                  // default
	kwValue                    // true false nullptr this
	kwNew                      // new delete
	kwCast                     // static_cast dynamic_cast reinterpret_cast const_cast
	kwUsing                    // using
	kwOther                    // namespace template operator public asm ...
)

// Punctuator kinds (tinfo.code of a cPunct).
const (
	pLParen uint8 = iota + 1
	pRParen
	pLBrack
	pRBrack
	pLBrace
	pRBrace
	pSemi
	pComma
	pMember    // . ->
	pScope     // ::
	pStar      // *
	pAmp       // &
	pAndAnd    // &&
	pLess      // <
	pGreater   // >
	pShr       // >>
	pAssign    // = += -= ...
	pHash      // #
	pColon     // :
	pQuestion  // ?
	pIncDec    // ++ --
	pPlusMinus // + -
	pUnary     // ! ~
	pBinary    // == != <= >= / % << | ^ || <=> .* ->*
	pEllipsis  // ...
	pHashHash  // ##
)

// tinfo describes one token.
type tinfo struct {
	cls  tclass
	code uint8
	// cpp: a keyword of C++ only, an identifier in C.
	cpp bool
	// name is the name index of an identifier or keyword, -1 otherwise.
	name int32
}

type kwDef struct {
	kind uint8
	cpp  bool
}

// keywords of C and C++ with their kinds. A few C++ keywords (bool,
// true, false) are macros of <stdbool.h> in C: in C they are identifiers,
// and the header table knows them.
var keywords = map[string]kwDef{
	"void": {kwType, false}, "char": {kwType, false}, "short": {kwType, false}, "int": {kwType, false},
	"long": {kwType, false}, "float": {kwType, false}, "double": {kwType, false}, "signed": {kwType, false},
	"unsigned": {kwType, false}, "_Bool": {kwType, false}, "_Complex": {kwType, false},
	"bool": {kwType, true}, "wchar_t": {kwType, true}, "char8_t": {kwType, true}, "char16_t": {kwType, true},
	"char32_t": {kwType, true}, "auto": {kwType, true},
	"const": {kwQual, false}, "volatile": {kwQual, false}, "restrict": {kwQual, false}, "_Atomic": {kwQual, false},
	"mutable": {kwQual, true}, "constexpr": {kwSpec, true},
	"static": {kwSpec, false}, "extern": {kwSpec, false}, "register": {kwSpec, false}, "inline": {kwSpec, false},
	"_Thread_local": {kwSpec, false}, "_Noreturn": {kwSpec, false}, "thread_local": {kwSpec, true},
	"virtual": {kwSpec, true}, "explicit": {kwSpec, true}, "friend": {kwSpec, true}, "consteval": {kwSpec, true},
	"constinit": {kwSpec, true},
	"typedef":   {kwTypedef, false},
	"struct":    {kwTag, false}, "union": {kwTag, false}, "enum": {kwTag, false}, "class": {kwTag, true}, "typename": {kwTag, true},
	"if": {kwControl, false}, "while": {kwControl, false}, "switch": {kwControl, false}, "catch": {kwControl, true},
	"_Static_assert": {kwControl, false}, "static_assert": {kwControl, true},
	"for":    {kwFor, false},
	"return": {kwReturn, false}, "throw": {kwReturn, true}, "co_return": {kwReturn, true},
	"sizeof": {kwSizeof, false}, "_Alignof": {kwSizeof, false}, "alignof": {kwSizeof, true}, "decltype": {kwSizeof, true},
	"typeid": {kwSizeof, true}, "noexcept": {kwOther, true},
	"break": {kwJump, false}, "continue": {kwJump, false},
	"goto": {kwGoto, false},
	"else": {kwElse, false}, "do": {kwElse, false}, "try": {kwElse, true},
	"case":    {kwCase, false},
	"default": {kwDefault, false},
	"true":    {kwValue, true}, "false": {kwValue, true}, "nullptr": {kwValue, true}, "this": {kwValue, true},
	"new": {kwNew, true}, "delete": {kwNew, true},
	"namespace": {kwOther, true}, "using": {kwUsing, true}, "template": {kwOther, true}, "operator": {kwOther, true},
	"public": {kwOther, true}, "private": {kwOther, true}, "protected": {kwOther, true}, "asm": {kwOther, false},
	"static_cast": {kwCast, true}, "dynamic_cast": {kwCast, true}, "reinterpret_cast": {kwCast, true},
	"const_cast": {kwCast, true}, "override": {kwOther, true}, "final": {kwOther, true},
	"co_await": {kwOther, true}, "co_yield": {kwOther, true}, "concept": {kwOther, true}, "requires": {kwOther, true},
	"export": {kwOther, true}, "_Generic": {kwOther, false}, "_Alignas": {kwOther, false}, "alignas": {kwOther, true},
}

var punctKinds = map[string]uint8{
	"(": pLParen, ")": pRParen, "[": pLBrack, "]": pRBrack, "{": pLBrace, "}": pRBrace,
	";": pSemi, ",": pComma, ".": pMember, "->": pMember, "::": pScope, "*": pStar, "&": pAmp, "&&": pAndAnd,
	"<": pLess, ">": pGreater, ">>": pShr, "#": pHash, ":": pColon, "?": pQuestion,
	"=": pAssign, "+=": pAssign, "-=": pAssign, "*=": pAssign, "/=": pAssign, "%=": pAssign,
	"&=": pAssign, "|=": pAssign, "^=": pAssign, "<<=": pAssign, ">>=": pAssign,
	"++": pIncDec, "--": pIncDec, "+": pPlusMinus, "-": pPlusMinus, "!": pUnary, "~": pUnary,
	"==": pBinary, "!=": pBinary, "<=": pBinary, ">=": pBinary, "/": pBinary, "%": pBinary, "<<": pBinary,
	"|": pBinary, "^": pBinary, "||": pBinary, "<=>": pBinary, ".*": pBinary, "->*": pBinary,
	"...": pEllipsis, "##": pHashHash,
}

// classify returns the class of a token's text (with its leading space
// or comment mark) and, for identifiers and keywords, the bare name.
func classify(tok string) (tinfo, string) {
	switch {
	case tok == specialTokens[bos]:
		return tinfo{cls: cBOS, name: -1}, ""
	case tok == specialTokens[eos]:
		return tinfo{cls: cEOS, name: -1}, ""
	case isLayout(tok):
		return tinfo{cls: cLayout, name: -1}, ""
	case isComment(tok):
		return tinfo{cls: cComment, name: -1}, ""
	}
	t := tok
	if len(t) > 0 && t[0] == ' ' {
		t = t[1:]
	}
	if t == "" {
		return tinfo{cls: cOther, name: -1}, ""
	}
	c := t[0]
	switch {
	case t == "//" || t == "/*":
		return tinfo{cls: cCommentOpen, name: -1}, ""
	case isDigit(c) || (c == '.' && len(t) > 1 && isDigit(t[1])):
		return tinfo{cls: cNumber, name: -1}, ""
	case c == '"':
		return tinfo{cls: cString, name: -1}, ""
	case c == '\'':
		return tinfo{cls: cChar, name: -1}, ""
	case c == '<' && len(t) > 2 && t[len(t)-1] == '>' && (isIdentStart(t[1]) || t[1] == '/'):
		return tinfo{cls: cHeader, name: -1}, ""
	case isIdentStart(c):
		j := 1
		for j < len(t) && isIdentChar(t[j]) {
			j++
		}
		if j < len(t) {
			// A prefixed literal: L"x", u8'c', R"(...)".
			if t[j] == '"' {
				return tinfo{cls: cString, name: -1}, ""
			}
			if t[j] == '\'' {
				return tinfo{cls: cChar, name: -1}, ""
			}
			return tinfo{cls: cOther, name: -1}, ""
		}
		if kw, ok := keywords[t]; ok {
			return tinfo{cls: cKeyword, code: kw.kind, cpp: kw.cpp}, t
		}
		return tinfo{cls: cIdent}, t
	}
	if k, ok := punctKinds[t]; ok {
		return tinfo{cls: cPunct, code: k, name: -1}, ""
	}
	return tinfo{cls: cOther, name: -1}, ""
}

// names indexes the identifiers and keywords of a vocabulary.
type names struct {
	list []string
	idx  map[string]int32
}

func (n *names) intern(s string) int32 {
	if i, ok := n.idx[s]; ok {
		return i
	}
	i := int32(len(n.list))
	n.list = append(n.list, s)
	n.idx[s] = i
	return i
}

// classifyVocab fills m.info and m.names for the vocabulary.
func (m *Model) classifyVocab() {
	m.tinfo = make([]tinfo, len(m.vocab))
	m.names = names{idx: make(map[string]int32, len(m.vocab)/2)}
	for id, tok := range m.vocab {
		ti, name := classify(tok)
		if name != "" {
			ti.name = m.names.intern(name)
		}
		m.tinfo[id] = ti
	}
	m.vocabNames = int32(len(m.names.list))
}
