package compile

import (
	"bytes"
	"strings"
)

// block is the leading part of a program that can be precompiled: its
// first lines, up to and including the last #include <...> line before
// anything else, when they hold only blank lines, comments, #include
// <...>, #define, #undef and null directives.
type block struct {
	lines int    // physical lines of the program it spans
	end   int    // byte offset where the rest of the program starts
	text  string // its directive lines, verbatim, one per line
}

// leadingBlock finds the precompilable block at the start of src. It
// stops, keeping what it accepted so far, at the first line it is not
// sure about: code, another directive (#if, #pragma, #include "...",
// #include_next, a macro include), a line continuation, a trigraph, a
// directive that starts or ends inside a block comment, a last line
// without a newline. Stopping early is always safe: whatever is not in
// the block stays in the program, after the include of the block.
func leadingBlock(src []byte) (block, bool) {
	var (
		b         block
		text      strings.Builder
		inComment bool // inside a /* comment at the start of the line
		off       int
	)
	for line := 0; off < len(src); line++ {
		nl := bytes.IndexByte(src[off:], '\n')
		if nl < 0 {
			break // last line without a newline: leave it to the program
		}
		raw := string(src[off : off+nl])
		next := off + nl + 1
		raw = strings.TrimSuffix(raw, "\r")
		if strings.Contains(raw, "??") || strings.HasSuffix(strings.TrimRight(raw, " \t\r\f\v"), `\`) {
			break // trigraphs, line continuations: not worth the doubt
		}
		code, endsInComment, ok := stripComments(raw, inComment)
		if !ok {
			break
		}
		if strings.TrimSpace(code) == "" {
			inComment = endsInComment // a blank or comment line
			off = next
			continue
		}
		trimmed := strings.TrimLeft(raw, " \t")
		if inComment || endsInComment || !strings.HasPrefix(trimmed, "#") {
			break // code, or a directive sharing a line with an open comment
		}
		name, rest := directive(code)
		switch name {
		case "include":
			h := strings.TrimSpace(rest)
			if len(h) < 3 || h[0] != '<' || h[len(h)-1] != '>' ||
				strings.ContainsAny(h[1:len(h)-1], `<>"'\`) || !strings.Contains(raw, h) {
				return b, b.lines > 0
			}
			text.WriteString(raw)
			text.WriteByte('\n')
			b = block{lines: line + 1, end: next, text: text.String()}
		case "define", "undef", "":
			text.WriteString(raw)
			text.WriteByte('\n')
		default:
			return b, b.lines > 0
		}
		off = next
	}
	return b, b.lines > 0
}

// directive splits a directive line (comments removed) into its name and
// the rest: "#  include <x>" is ("include", " <x>"). A name that is not
// an identifier is returned as "?".
func directive(code string) (name, rest string) {
	s := strings.TrimLeft(code, " \t")
	s = strings.TrimLeft(strings.TrimPrefix(s, "#"), " \t")
	i := 0
	for i < len(s) && (s[i] == '_' || s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || i > 0 && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 0 && strings.TrimSpace(s) != "" {
		return "?", s
	}
	return s[:i], s[i:]
}

// stripComments replaces the comments of one line by spaces, as the
// preprocessor does. inComment says the line starts inside a /* comment;
// endsInComment that it ends inside one. String and character literals
// are skipped whole; ok is false when one is not closed on the line.
func stripComments(line string, inComment bool) (code string, endsInComment, ok bool) {
	var b strings.Builder
	for i := 0; i < len(line); {
		if inComment {
			j := strings.Index(line[i:], "*/")
			if j < 0 {
				return b.String(), true, true
			}
			i += j + 2
			inComment = false
			b.WriteByte(' ')
			continue
		}
		switch c := line[i]; {
		case strings.HasPrefix(line[i:], "//"):
			return b.String(), false, true
		case strings.HasPrefix(line[i:], "/*"):
			inComment = true
			i += 2
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(line) && line[j] != c {
				if line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return "", false, false
			}
			b.WriteString(line[i : j+1])
			i = j + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), inComment, true
}

// withBlockIncluded is src with its block replaced by one #include of
// header and blank lines, so that every later line keeps its number.
func withBlockIncluded(src []byte, b block, header string) []byte {
	var out bytes.Buffer
	out.Grow(len(src) - b.end + len(header) + b.lines + 16)
	out.WriteString(`#include "` + header + "\"\n")
	for range b.lines - 1 {
		out.WriteByte('\n')
	}
	out.Write(src[b.end:])
	return out.Bytes()
}
