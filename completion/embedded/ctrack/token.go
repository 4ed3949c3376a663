package ctrack

// Class is the class of a token.
type Class uint8

const (
	Other       Class = iota // a character that is no C token (`@`, `\`, ...)
	Layout                   // a line break and indentation
	Comment                  // comment text
	CommentOpen              // "//" or "/*"
	Ident                    // an identifier
	Keyword                  // a keyword; code says which kind
	Number                   // a number
	String                   // a string literal
	Char                     // a character literal
	Header                   // <x.h> after #include
	Punct                    // a punctuator; code says which
	EOS                      // the end of a document
	BOS                      // the start of a document
)

// Keyword kinds (Token.Code of a Keyword).
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

// Punctuator kinds (Token.Code of a Punct).
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

// Token describes one token for the tracker.
type Token struct {
	Class Class
	Code  uint8 // the kind of a keyword (kwType, ...) or punctuator (pLParen, ...)
	// CPP: a keyword of C++ only, an identifier in C.
	CPP bool
	// Name is the name index of an identifier or keyword (the caller's
	// numbering, which the Env's functions take), -1 otherwise.
	Name int32
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

// Classify returns the class of a token's text (see the package comment
// for its form) and, for identifiers and keywords, the bare name, which
// the caller numbers into Token.Name. The start and end of a document
// (BOS, EOS) are the caller's to mark.
func Classify(tok string) (Token, string) {
	switch {
	case isLayout(tok):
		return Token{Class: Layout, Name: -1}, ""
	case isComment(tok):
		return Token{Class: Comment, Name: -1}, ""
	}
	t := tok
	if len(t) > 0 && t[0] == ' ' {
		t = t[1:]
	}
	if t == "" {
		return Token{Class: Other, Name: -1}, ""
	}
	c := t[0]
	switch {
	case t == "//" || t == "/*":
		return Token{Class: CommentOpen, Name: -1}, ""
	case isDigit(c) || (c == '.' && len(t) > 1 && isDigit(t[1])):
		return Token{Class: Number, Name: -1}, ""
	case c == '"':
		return Token{Class: String, Name: -1}, ""
	case c == '\'':
		return Token{Class: Char, Name: -1}, ""
	case c == '<' && len(t) > 2 && t[len(t)-1] == '>' && (isIdentStart(t[1]) || t[1] == '/'):
		return Token{Class: Header, Name: -1}, ""
	case isIdentStart(c):
		j := 1
		for j < len(t) && isIdentChar(t[j]) {
			j++
		}
		if j < len(t) {
			// A prefixed literal: L"x", u8'c', R"(...)".
			if t[j] == '"' {
				return Token{Class: String, Name: -1}, ""
			}
			if t[j] == '\'' {
				return Token{Class: Char, Name: -1}, ""
			}
			return Token{Class: Other, Name: -1}, ""
		}
		if kw, ok := keywords[t]; ok {
			return Token{Class: Keyword, Code: kw.kind, CPP: kw.cpp}, t
		}
		return Token{Class: Ident}, t
	}
	if k, ok := punctKinds[t]; ok {
		return Token{Class: Punct, Code: k, Name: -1}, ""
	}
	return Token{Class: Other, Name: -1}, ""
}

// IsKeyword reports whether name is a keyword of C (cpp false) or C++.
func IsKeyword(name string, cpp bool) bool {
	kw, ok := keywords[name]
	return ok && !(kw.cpp && !cpp)
}
