package scenario

import (
	"slices"
	"strings"
)

// Program assembles the program the judge sees: the prompt, the completion
// cut where the function the prompt left open ends, and the suffix.
//
// Two suffix conventions work. When the suffix does not close that
// function (our scenarios: it is empty, or holds main after the function
// under completion; SVEN's layout has no suffix), the completion is kept up
// to and including the brace that closes the function, and whatever the
// model wrote after it is dropped. When the suffix closes the function
// itself (Pearce et al.'s layout, where the text after the completion
// point starts with the function's closing brace), the completion is kept
// up to, not including, the brace that would close it, and the suffix
// supplies the brace. A completion that never closes the function is kept
// whole, and the program usually fails to compile: an invalid sample, as
// in the paper.
//
// "The function" is the outermost open brace that is not the body of a
// namespace, class, struct, union, enum or extern block, so a prompt that
// ends inside a loop, or inside a C++ method, is cut where the whole
// function ends. When the prompt ends outside any function (at the top
// level, in a class body), the completion is expected to write a
// definition: it is cut after the brace that returns to the prompt's depth
// (and a ';' right after it, for a struct).
func (s Scenario) Program(completion string) string {
	kept, _ := s.Cut(completion)
	var b strings.Builder
	b.Grow(len(s.Prompt) + len(kept) + len(s.Suffix) + 2)
	b.WriteString(s.Prompt)
	b.WriteString(kept)
	if s.Suffix != "" {
		if !endsWithNewline(b.String()) {
			b.WriteByte('\n')
		}
		b.WriteString(s.Suffix)
	}
	if !endsWithNewline(b.String()) {
		b.WriteByte('\n')
	}
	return b.String()
}

func endsWithNewline(s string) bool { return s == "" || strings.HasSuffix(s, "\n") }

// Cut returns the part of completion that Program keeps, and whether the
// completion reached the end of the function (false when it stopped
// inside it, which usually makes the program invalid).
func (s Scenario) Cut(completion string) (kept string, ended bool) {
	l := newLexer()
	l.scan(s.Prompt, -1)
	target, inFunction := l.functionDepth()
	suffixCloses := inFunction && s.Suffix != "" && l.clone().scan(s.Suffix, target) >= 0
	i := l.clone().scan(completion, target)
	if i < 0 {
		return completion, false
	}
	if suffixCloses {
		return completion[:i], true
	}
	end := i + 1
	if !inFunction {
		if rest := strings.TrimLeft(completion[end:], " \t"); strings.HasPrefix(rest, ";") {
			end = len(completion) - len(rest) + 1
		}
	}
	return completion[:end], true
}

// lexState is where a lexer is in C/C++ source.
type lexState uint8

const (
	inCode lexState = iota
	inLineComment
	inBlockComment
	inString
	inChar
	inRawString
	inDirective
)

// lexer counts braces in C or C++ source, skipping comments, string and
// character literals (raw strings included), preprocessor lines and digit
// separators (1'000). It is a lexer for counting braces, not a parser:
// that is all the cut needs, and it needs no grammar to go wrong on the
// odd text models write.
type lexer struct {
	state     lexState
	depth     int
	scopes    []bool // for each open brace: does it open a namespace, class, struct, union, enum or extern block?
	headScope bool   // the statement being read has one of those keywords
	headParen bool   // the statement being read has a '('
	lineStart bool   // only blanks since the last newline
	ident     []byte // the identifier being read, for raw-string prefixes
	rawEnd    string // `)delim"` that ends the raw string being read
}

func newLexer() *lexer { return &lexer{lineStart: true} }

// clone returns a copy of l that can go on lexing without changing l.
func (l *lexer) clone() *lexer {
	c := *l
	c.scopes = slices.Clone(l.scopes)
	c.ident = slices.Clone(l.ident)
	return &c
}

// scan lexes src, which continues what l has lexed so far, and returns the
// index in src of the first '}' that brings the depth from target+1 down
// to target; -1 when there is none or target is negative, in which case
// all of src is lexed.
func (l *lexer) scan(src string, target int) int {
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch l.state {
		case inLineComment, inDirective:
			switch c {
			case '\\':
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				} else if i+2 < len(src) && src[i+1] == '\r' && src[i+2] == '\n' {
					i += 2
				}
			case '\n':
				l.state, l.lineStart = inCode, true
			case '/':
				if l.state == inDirective && i+1 < len(src) && src[i+1] == '*' {
					l.state = inBlockComment
					i++
				}
			}
		case inBlockComment:
			if c == '*' && i+1 < len(src) && src[i+1] == '/' {
				l.state = inCode
				i++
			}
		case inString, inChar:
			quote := byte('"')
			if l.state == inChar {
				quote = '\''
			}
			switch c {
			case '\\':
				i++ // the escaped byte, a line continuation included
			case quote, '\n': // an unterminated literal ends at the line
				l.state = inCode
				l.lineStart = c == '\n'
			}
		case inRawString:
			if c == ')' && strings.HasPrefix(src[i:], l.rawEnd) {
				i += len(l.rawEnd) - 1
				l.state = inCode
			}
		case inCode:
			if isIdentByte(c) {
				if len(l.ident) == 0 && c >= '0' && c <= '9' {
					i = skipNumber(src, i) - 1
					l.lineStart = false
					continue
				}
				l.ident = append(l.ident, c)
				l.lineStart = false
				continue
			}
			prefix := string(l.ident)
			l.ident = l.ident[:0]
			switch prefix {
			case "namespace", "class", "struct", "union", "enum", "extern":
				l.headScope = true
			}
			switch c {
			case '\n':
				l.lineStart = true
				continue
			case ' ', '\t', '\r', '\f', '\v':
				continue
			case '#':
				if l.lineStart {
					l.state = inDirective
				}
			case '/':
				if i+1 < len(src) && src[i+1] == '/' {
					l.state = inLineComment
					i++
				} else if i+1 < len(src) && src[i+1] == '*' {
					l.state = inBlockComment
					i++
				}
			case '"':
				if isRawPrefix(prefix) {
					if open := strings.IndexByte(src[i+1:], '('); open >= 0 && open <= 16 {
						l.rawEnd = ")" + src[i+1:i+1+open] + `"`
						l.state = inRawString
						i += open + 1
						break
					}
				}
				l.state = inString
			case '\'':
				l.state = inChar
			case '.':
				if i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9' {
					i = skipNumber(src, i) - 1
				}
			case '(':
				l.headParen = true
			case ';':
				l.headScope, l.headParen = false, false
			case '{':
				l.depth++
				l.scopes = append(l.scopes, l.headScope && !l.headParen)
				l.headScope, l.headParen = false, false
			case '}':
				l.depth--
				if n := len(l.scopes); n > 0 {
					l.scopes = l.scopes[:n-1]
				}
				l.headScope, l.headParen = false, false
				if l.depth == target && target >= 0 {
					l.lineStart = false
					return i
				}
			}
			l.lineStart = false
		}
	}
	return -1
}

// functionDepth returns the depth the braces return to when the function
// open at this point ends: the depth of the outermost open brace that does
// not open a namespace, class, struct, union, enum or extern block. When
// no function is open (the top level, or inside a class), it returns the
// current depth and false: the next definition ends when the depth comes
// back to it.
func (l *lexer) functionDepth() (int, bool) {
	for k, scope := range l.scopes {
		if !scope {
			return k, true
		}
	}
	return max(l.depth, 0), false
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isRawPrefix(p string) bool {
	switch p {
	case "R", "LR", "uR", "UR", "u8R":
		return true
	}
	return false
}

// skipNumber returns the end of the preprocessing number at src[i]: digits,
// letters, '.', digit separators and exponent signs.
func skipNumber(src string, i int) int {
	for i < len(src) {
		c := src[i]
		switch {
		case isIdentByte(c) || c == '.':
			i++
		case c == '\'' && i+1 < len(src) && isIdentByte(src[i+1]):
			i += 2
		case (c == '+' || c == '-') && i > 0 && strings.IndexByte("eEpP", src[i-1]) >= 0:
			i++
		default:
			return i
		}
	}
	return i
}
