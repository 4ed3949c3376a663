package ctrack

import "strconv"

// The text of a token is the embedded model's lexer's (see the package
// comment); these read it.

// commentMark starts every token inside a comment.
const commentMark = '\x01'

func isLayout(tok string) bool { return len(tok) > 0 && tok[0] == '\n' }

func isComment(tok string) bool { return len(tok) > 0 && tok[0] == commentMark }

// tokenText returns what a token prints (its comment mark dropped).
func tokenText(tok string) string {
	if isComment(tok) {
		return tok[1:]
	}
	return tok
}

// tokenTrim drops a token's leading space.
func tokenTrim(s string) string {
	if len(s) > 0 && s[0] == ' ' {
		return s[1:]
	}
	return s
}

// blankLine reports a layout token that holds a blank line.
func blankLine(tok string) bool { return len(tok) > 1 && tok[1] == '\n' }

// dedent reports a layout token that goes back one or more indentation
// levels, with no blank line before ("\n<2").
func dedent(tok string) bool {
	if len(tok) < 2 || tok[1] != '<' {
		return false
	}
	n, _ := strconv.Atoi(tok[2:])
	return n > 0
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentChar(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
