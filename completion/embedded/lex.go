package embedded

import (
	"strconv"
	"unicode/utf8"
)

// The lexer turns C/C++ source into the model's tokens. Every token is a
// string; the stream keeps enough to print the code back with its layout:
//
//   - words (identifiers, keywords, numbers), literals ("...", '...',
//     <header.h> after #include), punctuators (longest match: "->", "<<=",
//     "::", ...), the markers that open comments ("//", "/*"), and inside
//     comments their words and other characters, each marked as comment
//     text (commentMark, then the text; "*/" too), each other character
//     on its own;
//   - a token that follows a space or tab on its line carries one leading
//     space (" x"): runs of blanks inside a line are written back as one
//     space, blanks at the end of a line are dropped;
//   - a layout token stands for a line break and the indentation of the
//     next line, relative to the line before: "\n" (same indentation),
//     "\n>1" / "\n<2" (one level deeper, two levels shallower, in the
//     file's indentation unit), "\n+3" / "\n-3" (a change in columns that
//     is not a whole number of levels, such as continuation lines aligned
//     on a parenthesis). A second "\n" at the front ("\n\n>1") marks one or
//     more blank lines before the next line.
//
// Relative indentation lets a short context predict layout ("{" is
// followed by "\n>1" in every file, whatever its depth), and the printer
// renders levels in the style of the document being completed (tabs or
// spaces, its own unit).

// Layout tokens start with a newline; no other token does.
func isLayout(tok string) bool { return len(tok) > 0 && tok[0] == '\n' }

// commentMark starts every token inside a comment (its words, its
// punctuation, the "*/" that ends it): comment text and code are distinct
// tokens, so that the model knows, after the line break that ends a "//"
// comment, that it is back in code, and so that a comment's apostrophe or
// "@param" never reads as code. The printer drops the mark.
const commentMark = '\x01'

// isComment reports a token inside a comment.
func isComment(tok string) bool { return len(tok) > 0 && tok[0] == commentMark }

// tokenText returns what a token prints (its comment mark dropped).
func tokenText(tok string) string {
	if isComment(tok) {
		return tok[1:]
	}
	return tok
}

// tabWidth is the number of columns a tab advances to.
const tabWidth = 8

// maxLevels bounds the levels a single layout token may move.
const maxLevels = 16

// punctuators, longest first within each leading byte.
var punctuators = []string{
	"<<=", ">>=", "...", "->*", "<=>",
	"->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
	"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", "::", ".*",
}

// punctByByte indexes punctuators by their first byte.
var punctByByte = func() [256][]string {
	var t [256][]string
	for _, p := range punctuators {
		t[p[0]] = append(t[p[0]], p)
	}
	return t
}()

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func isIdentChar(c byte) bool { return isIdentStart(c) || (c >= '0' && c <= '9') }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isBlank reports the blanks of a line (not the newline).
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// indentUnit guesses a file's indentation step in columns: the most common
// increase of indentation between consecutive non-blank lines (2 to 8;
// steps of 1 are mostly the " *" of block comments). Files with no
// indentation get 4.
func indentUnit(src []byte) int {
	var hist [9]int
	prev := -1
	for i := 0; i < len(src); {
		col, j := 0, i
		for j < len(src) && isBlank(src[j]) {
			if src[j] == '\t' {
				col = (col/tabWidth + 1) * tabWidth
			} else if src[j] == ' ' {
				col++
			}
			j++
		}
		end := j
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if end > j { // not blank
			if prev >= 0 && col > prev && col-prev <= 8 {
				hist[col-prev]++
			}
			prev = col
		}
		i = end + 1
	}
	best, bestN := 4, 0
	for d := 2; d <= 8; d++ {
		if hist[d] > bestN {
			best, bestN = d, hist[d]
		}
	}
	return best
}

// usesTabs reports whether the indentation of src starts with tabs more
// often than with spaces.
func usesTabs(src []byte) bool {
	tabs, spaces := 0, 0
	atStart := true
	for _, c := range src {
		switch {
		case c == '\n':
			atStart = true
		case atStart && c == '\t':
			tabs++
			atStart = false
		case atStart && c == ' ':
			spaces++
			atStart = false
		default:
			atStart = false
		}
	}
	return tabs > spaces
}

// layoutToken builds the token for a line break followed by a line at
// column col, when the previous non-blank line was at prevCol.
func layoutToken(buf []byte, blank bool, prevCol, col, unit int) []byte {
	buf = append(buf[:0], '\n')
	if blank {
		buf = append(buf, '\n')
	}
	d := col - prevCol
	switch {
	case d == 0:
	case d%unit == 0 && d/unit <= maxLevels && d/unit >= -maxLevels:
		if d > 0 {
			buf = append(buf, '>')
			buf = strconv.AppendInt(buf, int64(d/unit), 10)
		} else {
			buf = append(buf, '<')
			buf = strconv.AppendInt(buf, int64(-d/unit), 10)
		}
	default:
		if d > 0 {
			buf = append(buf, '+')
		}
		buf = strconv.AppendInt(buf, int64(d), 10)
	}
	return buf
}

// parseLayout reads a layout token: whether it holds a blank line, and the
// change of indentation in levels or in columns.
func parseLayout(tok string) (blank bool, levels, cols int) {
	s := tok[1:]
	if len(s) > 0 && s[0] == '\n' {
		blank = true
		s = s[1:]
	}
	if s == "" {
		return blank, 0, 0
	}
	switch s[0] {
	case '>':
		n, _ := strconv.Atoi(s[1:])
		return blank, n, 0
	case '<':
		n, _ := strconv.Atoi(s[1:])
		return blank, -n, 0
	case '+':
		n, _ := strconv.Atoi(s[1:])
		return blank, 0, n
	default:
		n, _ := strconv.Atoi(s)
		return blank, 0, n
	}
}

// lexMode is where the lexer stands.
type lexMode int

const (
	modeCode lexMode = iota
	modeLineComment
	modeBlockComment
)

// lexEnd describes how a text ended, for prompts, whose end is the cursor:
// it may stand in a word, after blanks, or on a line that holds only
// indentation so far.
type lexEnd struct {
	// space: the text ends with blanks after a token on the same line.
	space bool
	// layout: the last token is a layout token for the cursor's line,
	// which holds only blanks; raw is that break as the printer would
	// write it ("\n" or "\n\n", then the line's blanks as typed).
	layout bool
	raw    string
	// prevCol is the indentation of the last line holding a token; col is
	// the indentation of the cursor's line.
	prevCol, col int
	unit         int
	tabs         bool
	// comment: the text ends inside a comment (a "//" line without its
	// newline yet, or an open "/*").
	comment bool
}

// lexer holds the state of one pass over a text.
type lexer struct {
	src    []byte
	prompt bool
	emit   func(tok []byte)
	unit   int
	buf    []byte

	mode         lexMode
	tokens       int  // tokens emitted so far
	prevCol      int  // indentation of the last line holding a token
	blankLine    bool // a blank line since the last line holding a token
	space        bool // blanks since the last token on this line
	lineFirst    bool // the next token is the first on its line
	afterHash    bool // the last token is a # that starts a line
	afterInclude bool // the last tokens are "#" "include"
}

// lex splits src into tokens and calls emit for each (the slice is only
// valid during the call). With prompt set, a final line holding only
// blanks (or nothing, after a newline) becomes a layout token, reported
// in the result.
func lex(src []byte, prompt bool, emit func(tok []byte)) lexEnd {
	l := &lexer{src: src, prompt: prompt, emit: emit, unit: indentUnit(src)}
	end := lexEnd{unit: l.unit, tabs: usesTabs(src)}
	i, n := 0, len(src)
	for i < n {
		// Start of a line: measure its indentation.
		col, j := 0, i
		for j < n && isBlank(src[j]) {
			if src[j] == '\t' {
				col = (col/tabWidth + 1) * tabWidth
			} else if src[j] == ' ' {
				col++
			}
			j++
		}
		if j < n && src[j] == '\n' { // blank line
			if l.tokens > 0 {
				l.blankLine = true
			}
			i = j + 1
			continue
		}
		if j == n { // the text ends on a line of blanks
			break
		}
		if l.tokens > 0 {
			l.buf = layoutToken(l.buf, l.blankLine, l.prevCol, col, l.unit)
			l.emitRaw(l.buf)
		}
		l.prevCol, l.blankLine = col, false
		l.space, l.lineFirst = false, true
		i = l.line(j)
	}
	end.prevCol, end.col = l.prevCol, l.prevCol
	end.comment = l.mode != modeCode
	if n > 0 && l.tokens > 0 {
		if k := lastNewline(src); k >= 0 && onlyBlanks(src[k+1:]) {
			// The cursor stands on a line of blanks: a layout token whose
			// indentation is still being typed.
			if prompt {
				blanks := src[k+1:]
				col := columns(blanks)
				raw := "\n"
				if l.blankLine {
					raw = "\n\n"
				}
				end.layout, end.raw, end.col = true, raw+string(blanks), col
				l.buf = layoutToken(l.buf, l.blankLine, l.prevCol, col, l.unit)
				l.emitRaw(l.buf)
			}
		} else if isBlank(src[n-1]) {
			end.space = true
		}
	}
	return end
}

// lastNewline returns the index of the last '\n' in src, or -1.
func lastNewline(src []byte) int {
	for k := len(src) - 1; k >= 0; k-- {
		if src[k] == '\n' {
			return k
		}
	}
	return -1
}

func onlyBlanks(b []byte) bool {
	for _, c := range b {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

// columns returns the width of a run of blanks.
func columns(b []byte) int {
	col := 0
	for _, c := range b {
		if c == '\t' {
			col = (col/tabWidth + 1) * tabWidth
		} else if c == ' ' {
			col++
		}
	}
	return col
}

func (l *lexer) emitRaw(tok []byte) {
	l.emit(tok)
	l.tokens++
}

// push emits a token of the line, with a leading space when blanks
// separate it from the previous token, and the comment mark inside a
// comment.
func (l *lexer) push(tok []byte) {
	spaced := l.space && !l.lineFirst
	if l.mode != modeCode || spaced {
		l.buf = l.buf[:0]
		if l.mode != modeCode {
			l.buf = append(l.buf, commentMark)
		}
		if spaced {
			l.buf = append(l.buf, ' ')
		}
		l.buf = append(l.buf, tok...)
		l.emit(l.buf)
	} else {
		l.emit(tok)
	}
	l.tokens++
	l.space, l.lineFirst = false, false
}

// line lexes from i (the first non-blank byte of a line) to the end of
// the line and returns the index after its newline.
func (l *lexer) line(i int) int {
	src, n := l.src, len(l.src)
	for i < n {
		c := src[i]
		if c == '\n' {
			if l.mode == modeLineComment {
				l.mode = modeCode
			}
			l.afterHash, l.afterInclude = false, false
			return i + 1
		}
		if isBlank(c) {
			l.space = true
			i++
			continue
		}
		if l.mode != modeCode {
			i = l.comment(i)
			continue
		}
		i = l.code(i)
	}
	return i
}

// comment lexes one token inside a comment: its words, the end of a block
// comment, or one character.
func (l *lexer) comment(i int) int {
	src, n := l.src, len(l.src)
	c := src[i]
	if l.mode == modeBlockComment && c == '*' && i+1 < n && src[i+1] == '/' {
		l.push(src[i : i+2]) // still marked: it ends the comment
		l.mode = modeCode
		return i + 2
	}
	j := i + 1
	switch {
	case isIdentChar(c):
		for j < n && isIdentChar(src[j]) {
			j++
		}
	case c >= utf8.RuneSelf:
		_, size := utf8.DecodeRune(src[i:])
		j = i + size
	}
	l.push(src[i:j])
	return j
}

// code lexes one token of code starting at i.
func (l *lexer) code(i int) int {
	src, n := l.src, len(l.src)
	c := src[i]
	wasHash, wasInclude := l.afterHash, l.afterInclude
	l.afterHash, l.afterInclude = false, false
	switch {
	case c == '/' && i+1 < n && src[i+1] == '/':
		l.push(src[i : i+2])
		l.mode = modeLineComment
		return i + 2
	case c == '/' && i+1 < n && src[i+1] == '*':
		l.push(src[i : i+2])
		l.mode = modeBlockComment
		return i + 2
	case wasInclude && (c == '<' || c == '"'):
		closing := byte('>')
		if c == '"' {
			closing = '"'
		}
		j := i + 1
		for j < n && src[j] != closing && src[j] != '\n' {
			j++
		}
		if j < n && src[j] == closing {
			j++
		}
		l.push(src[i:j])
		return j
	case isDigit(c) || (c == '.' && i+1 < n && isDigit(src[i+1])):
		j := numberEnd(src, i)
		l.push(src[i:j])
		return j
	case isIdentStart(c):
		j := i + 1
		for j < n && isIdentChar(src[j]) {
			j++
		}
		if j < n && (src[j] == '"' || src[j] == '\'') && isLiteralPrefix(src[i:j]) {
			end := literalEnd(src, j, src[i:j])
			l.push(src[i:end])
			return end
		}
		l.push(src[i:j])
		if wasHash {
			switch string(src[i:j]) {
			case "include", "include_next", "import":
				l.afterInclude = true
			}
		}
		return j
	case c == '"' || c == '\'':
		end := literalEnd(src, i, nil)
		l.push(src[i:end])
		return end
	case c >= utf8.RuneSelf:
		_, size := utf8.DecodeRune(src[i:])
		l.push(src[i : i+size])
		return i + size
	}
	size := 1
	for _, p := range punctByByte[c] {
		if i+len(p) <= n && string(src[i:i+len(p)]) == p {
			size = len(p)
			break
		}
	}
	first := l.lineFirst
	l.push(src[i : i+size])
	if c == '#' && size == 1 && first {
		l.afterHash = true
	}
	return i + size
}

// numberEnd returns the end of the preprocessing number starting at i:
// digits, letters, '.', digit separators, and a sign after an exponent.
func numberEnd(src []byte, i int) int {
	n := len(src)
	j := i + 1
	for j < n {
		d := src[j]
		switch {
		case isIdentChar(d) || d == '.':
			j++
		case (d == '+' || d == '-') && strchr("eEpP", src[j-1]):
			j++
		case d == '\'' && j+1 < n && isIdentChar(src[j+1]):
			j++
		default:
			return j
		}
	}
	return j
}

func strchr(set string, c byte) bool {
	for k := 0; k < len(set); k++ {
		if set[k] == c {
			return true
		}
	}
	return false
}

// isLiteralPrefix reports the encoding prefixes of string and character
// literals, raw ones included.
func isLiteralPrefix(p []byte) bool {
	switch string(p) {
	case "L", "u", "U", "u8", "R", "LR", "uR", "UR", "u8R":
		return true
	}
	return false
}

// literalEnd returns the end of the string or character literal whose
// quote is at q. A literal ends at its closing quote or, unterminated, at
// the end of the line. Raw strings (prefix ending in R) may span lines.
func literalEnd(src []byte, q int, prefix []byte) int {
	n := len(src)
	quote := src[q]
	if quote == '"' && len(prefix) > 0 && prefix[len(prefix)-1] == 'R' {
		// R"delim( ... )delim"
		k := q + 1
		for k < n && src[k] != '(' && src[k] != '\n' && k-q <= 17 {
			k++
		}
		if k < n && src[k] == '(' {
			closing := ")" + string(src[q+1:k]) + "\""
			for m := k + 1; m+len(closing) <= n; m++ {
				if string(src[m:m+len(closing)]) == closing {
					return m + len(closing)
				}
			}
			return n
		}
	}
	j := q + 1
	for j < n {
		switch src[j] {
		case '\\':
			if j+1 < n && src[j+1] != '\n' {
				j += 2
				continue
			}
			j++
		case quote:
			return j + 1
		case '\n':
			return j
		default:
			j++
		}
	}
	return j
}

// Tokenize splits C or C++ source into the model's tokens (see the
// description at the top of lex.go). Tokens inside comments start with
// the comment mark "\x01".
func Tokenize(src string) []string {
	var out []string
	lex([]byte(src), false, func(tok []byte) { out = append(out, string(tok)) })
	return out
}
