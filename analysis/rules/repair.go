package rules

// Half-written code: the language server judges a candidate inside a
// document whose function (and loop, and if) are not closed yet. Error
// recovery then often files the open statements under ERROR nodes, and a
// while loop or an if condition is no longer seen as one. When the file
// ends with brackets open, closing them is usually all it takes for the
// rest to parse: the closers are appended after the last byte, so every
// node of the document keeps its position.

// maxClosers bounds the brackets closeTail closes: deeper nesting is not
// half-written code.
const maxClosers = 256

// closeTail returns the text that closes the brackets left open at the
// end of src: "\n;}}" after "while (c) { x[i] = 0;" is cut. It returns ""
// when nothing is open, when the brackets do not match, or when too many
// are open.
func closeTail(src []byte) string {
	var stack []byte
	last := byte(0) // the last significant byte outside comments and literals
	i, n := 0, len(src)
	lineStart := true
	for i < n {
		c := src[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case lineStart && c == '#':
			// A preprocessor line, with its continuations.
			for i < n && src[i] != '\n' {
				if src[i] == '\\' && i+1 < n && src[i+1] == '\n' {
					i++
				}
				i++
			}
			continue
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			end := -1
			for j := i + 2; j+1 < n; j++ {
				if src[j] == '*' && src[j+1] == '/' {
					end = j + 2
					break
				}
			}
			if end < 0 {
				return "" // cut inside a comment
			}
			i = end
			continue
		case c == '"' || c == '\'':
			j := i + 1
			for j < n && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= n || src[j] != c {
				return "" // cut inside a literal
			}
			i = j + 1
			last = c
			lineStart = false
			continue
		case c == '(' || c == '[' || c == '{':
			stack = append(stack, c)
		case c == ')' || c == ']' || c == '}':
			if len(stack) == 0 || stack[len(stack)-1] != opener(c) {
				return ""
			}
			stack = stack[:len(stack)-1]
		}
		last = c
		lineStart = false
		i++
	}
	if len(stack) == 0 || len(stack) > maxClosers {
		return ""
	}
	out := []byte{'\n'}
	for k := len(stack) - 1; k >= 0; k-- {
		switch stack[k] {
		case '(':
			out = append(out, ')')
			last = ')'
		case '[':
			out = append(out, ']')
			last = ']'
		case '{':
			// An empty statement ends whatever the last line began.
			if last != ';' && last != '{' && last != '}' {
				out = append(out, ';')
			}
			out = append(out, '}')
			last = '}'
		}
	}
	return string(out)
}

func opener(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}
