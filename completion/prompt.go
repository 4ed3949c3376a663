package completion

import (
	"strings"

	"securecomplete/config"
)

// Prompt is the text sent to the model for one completion, with what was
// kept of the document.
type Prompt struct {
	Text string
	// Tokens is the GPT-2 BPE token count of Text as the budget counted
	// it (line by line, an upper bound of the exact count).
	Tokens int
	// Budget is the model's context window minus max_tokens.
	Budget int
	// FirstLine is the 0-based document line where the kept window of
	// text before the cursor starts; lines above it were cut, except the
	// #include lines listed in KeptIncludes.
	FirstLine    int
	KeptIncludes int
	// FunctionLine is the 0-based line where the top-level definition
	// enclosing the cursor starts, or -1 at the top level.
	FunctionLine int
	// Truncated reports that some of the text before the cursor was cut.
	Truncated bool
	// FIM reports a fill-in-the-middle prompt (prefix, suffix, middle).
	FIM bool
}

// safetyTokens is kept free in the budget besides max_tokens: line-wise
// counting is an upper bound, but servers add a BOS token or two.
const safetyTokens = 4

// maxIncludeScan bounds how far into a document #include lines are
// looked for: they sit at its top.
const maxIncludeScan = 64 << 10

// fimSuffixShare is the share of the budget a FIM prompt gives to the
// text after the cursor.
const fimSuffixShare = 4 // one quarter

// buildPrompt cuts the text around the cursor to fit the model's budget:
// text before the cursor is cut from the top, but the #include lines and
// the whole enclosing function are kept where they fit. With a FIM
// template the text after the cursor joins, cut from the bottom.
func buildPrompt(tc *TokenCounter, m config.Model, text string, offset int) Prompt {
	prefix, suffix := text[:offset], text[offset:]
	budget := m.ContextWindow - m.MaxTokens - safetyTokens
	p := Prompt{Budget: budget, FunctionLine: -1}
	if budget <= 0 {
		return p
	}
	var fimSuffix string
	if m.FIM.Enabled() {
		p.FIM = true
		tmpl := tc.Count(m.FIM.Prefix) + tc.Count(m.FIM.Suffix) + tc.Count(m.FIM.Middle)
		budget -= tmpl
		p.Tokens += tmpl
		var used int
		fimSuffix, used = keepHead(tc, suffix, budget/fimSuffixShare)
		budget -= used
		p.Tokens += used
	}

	lines := splitLinesKeep(prefix)
	cursor := len(lines) - 1
	fn := enclosingFunctionLine(prefix)
	p.FunctionLine = fn
	must := cursor
	if fn >= 0 {
		must = fn
	}

	cost := func(i int) int { return tc.Line(lines[i]) }
	used := 0
	start := cursor + 1
	// The lines from the enclosing function's start to the cursor, as many
	// as fit counting up from the cursor.
	for i := cursor; i >= must; i-- {
		c := cost(i)
		if used+c > budget {
			break
		}
		used += c
		start = i
	}
	var includes []int
	if start == must {
		// The #include lines above, in order, while they fit.
		scanned := 0
		for i := 0; i < must && scanned < maxIncludeScan; i++ {
			scanned += len(lines[i])
			if !isInclude(lines[i]) {
				continue
			}
			c := cost(i)
			if used+c > budget {
				break
			}
			used += c
			includes = append(includes, i)
		}
		// Then the nearest lines above the function.
		inc := make(map[int]bool, len(includes))
		for _, i := range includes {
			inc[i] = true
		}
		for i := must - 1; i >= 0; i-- {
			if inc[i] {
				start = i
				continue
			}
			c := cost(i)
			if used+c > budget {
				break
			}
			used += c
			start = i
		}
	}

	var b strings.Builder
	if p.FIM {
		b.WriteString(m.FIM.Prefix)
	}
	for _, i := range includes {
		if i < start {
			b.WriteString(lines[i])
			p.KeptIncludes++
		}
	}
	for _, l := range lines[start:] {
		b.WriteString(l)
	}
	if p.FIM {
		b.WriteString(m.FIM.Suffix)
		b.WriteString(fimSuffix)
		b.WriteString(m.FIM.Middle)
	}
	p.Text = b.String()
	p.Tokens += used
	p.FirstLine = start
	p.Truncated = start > 0
	return p
}

// keepHead returns the longest run of whole lines from the start of s
// that fits in budget tokens, and its cost.
func keepHead(tc *TokenCounter, s string, budget int) (string, int) {
	used, end := 0, 0
	for end < len(s) {
		nl := strings.IndexByte(s[end:], '\n')
		next := len(s)
		if nl >= 0 {
			next = end + nl + 1
		}
		c := tc.Line(s[end:next])
		if used+c > budget {
			break
		}
		used += c
		end = next
	}
	return s[:end], used
}

// splitLinesKeep splits s into lines that keep their "\n"; the last
// element is the (possibly empty) text after the last newline, so the
// cursor's line is always the last one.
func splitLinesKeep(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	return lines
}

func isInclude(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, "#") {
		return false
	}
	t = strings.TrimLeft(t[1:], " \t")
	return strings.HasPrefix(t, "include") || strings.HasPrefix(t, "import")
}

// enclosingFunctionLine returns the 0-based line where the top-level
// definition holding the end of prefix starts (its signature and the
// comment right above it included), or -1 when the end of prefix is at
// the top level. It scans braces, skipping comments, strings, character
// literals and preprocessor lines, in one pass over prefix.
func enclosingFunctionLine(prefix string) int {
	open := topLevelOpen(prefix)
	if open < 0 {
		return -1
	}
	line := strings.Count(prefix[:open], "\n")
	// Walk up over the signature: lines that are part of the same
	// declaration, stopping at a blank line, a preprocessor line or a line
	// that ends a previous statement or definition.
	lineStart := strings.LastIndexByte(prefix[:open], '\n') + 1
	for line > 0 {
		prevEnd := lineStart - 1 // the '\n' ending the previous line
		prevStart := strings.LastIndexByte(prefix[:prevEnd], '\n') + 1
		prev := strings.TrimSpace(prefix[prevStart:prevEnd])
		if prev == "" || strings.HasPrefix(prev, "#") ||
			strings.HasSuffix(prev, ";") || strings.HasSuffix(prev, "}") || strings.HasSuffix(prev, "{") {
			break
		}
		line--
		lineStart = prevStart
	}
	return line
}

// topLevelOpen returns the byte offset of the '{' that opened the
// outermost block still open at the end of s, or -1. Namespace and
// extern "C" blocks do not count: the definitions inside them are the
// top level.
func topLevelOpen(s string) int {
	type block struct {
		open        int
		transparent bool
	}
	var stack []block
	stmtStart := 0 // where the current declaration or statement began
	lineStart := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			lineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#' && lineStart:
			// A preprocessor line, with its continuations.
			for i < len(s) && !(s[i] == '\n' && s[i-1] != '\\') {
				i++
			}
			i-- // the newline is seen by the loop
			stmtStart = i + 1
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			i--
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				i = len(s)
				continue
			}
			i += 2 + end + 1
		case c == '"' || c == '\'':
			i = skipQuoted(s, i)
		case c == '{':
			head := strings.TrimSpace(s[stmtStart:i])
			stack = append(stack, block{open: i, transparent: strings.HasPrefix(head, "namespace") || strings.HasPrefix(head, "extern")})
			stmtStart = i + 1
		case c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			stmtStart = i + 1
		case c == ';':
			stmtStart = i + 1
		}
		lineStart = false
	}
	for _, b := range stack {
		if !b.transparent {
			return b.open
		}
	}
	return -1
}

// skipQuoted returns the index of the quote closing the literal that
// starts at s[i], or of the end of its line when it is not closed there.
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j
		case '\n':
			return j - 1
		}
	}
	return len(s) - 1
}
