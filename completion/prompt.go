package completion

import (
	"slices"
	"sort"
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

	// windowStart is the byte offset in the text where the kept window
	// starts.
	windowStart int
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

// cursorContext is what one scan of the text before the cursor finds;
// both the prompt and the cut of the candidates use it.
type cursorContext struct {
	prefix string
	// open is the byte offset of the '{' of the top-level block holding
	// the cursor, -1 at the top level.
	open int
	// fnStart is the byte offset of the first line of that definition
	// (its signature and the comment right above it), -1 at the top level.
	fnStart int
	// lines, when set, are the byte offsets where the lines of the text
	// start (see Hint.Lines).
	lines []int
	// mark is where the scan stood at the start of the cursor's line.
	mark *Checkpoint
}

// Hint is what a caller that keeps a document open already knows about
// it, so that a request does not read the whole text again. Every field
// is optional; the answers are the same with and without them.
type Hint struct {
	// Resume is a checkpoint from an earlier Result on this document.
	// The caller vouches that no byte before Resume.Offset() has changed
	// since; the engine then scans for the enclosing definition from
	// there instead of from the start of the text.
	Resume *Checkpoint
	// Lines holds the byte offset at which each line of Input.Text
	// starts (Lines[0] == 0); the engine counts lines with it.
	Lines []int
}

// A Checkpoint is where the engine's scan for the enclosing definition
// stood at the start of a line: the blocks open there. A later text with
// the same bytes before Offset resumes the scan at that line. It is
// immutable.
type Checkpoint struct {
	base  int // where the scan started: resyncPoint of the prefix
	at    int // the start of the line
	state braceState
}

// Offset returns the byte offset of the line start the checkpoint is
// at: the text before it must not change for the checkpoint to hold.
func (c *Checkpoint) Offset() int { return c.at }

func scanCursor(prefix string) cursorContext { return scanCursorHint(prefix, nil) }

// scanCursorHint is scanCursor resuming from h.Resume when it applies.
func scanCursorHint(prefix string, h *Hint) cursorContext {
	base := resyncPoint(prefix)
	from, st := base, braceState{stmtStart: base}
	cc := cursorContext{prefix: prefix, fnStart: -1}
	if h != nil {
		if len(h.Lines) > 0 && h.Lines[0] == 0 {
			cc.lines = h.Lines
		}
		if r := h.Resume; r != nil && r.base == base && r.at >= base && r.at <= len(prefix) {
			from, st = r.at, r.state
		}
	}
	var mark *Checkpoint
	st, mark = scanBraces(prefix, from, st)
	mark.base = base
	cc.mark = mark
	cc.open = st.outermost()
	if cc.open >= 0 {
		cc.fnStart = signatureStart(prefix, cc.open)
	}
	return cc
}

// countLines returns the number of newlines in cc.prefix[:off].
func (cc *cursorContext) countLines(off int) int {
	if cc.lines != nil {
		return sort.SearchInts(cc.lines, off+1) - 1
	}
	return strings.Count(cc.prefix[:off], "\n")
}

// maxBraceScan bounds the scan for the enclosing definition in very
// large documents.
const maxBraceScan = 256 << 10

// resyncPoint returns where the brace scan of prefix may start: 0, or in
// a document larger than maxBraceScan, the line after the last line that
// starts with '}' (the end of a top-level definition, as C is usually
// written) at least maxBraceScan bytes before the cursor. The scan then
// costs the same on a 10 MB file as on a 200 KB one.
func resyncPoint(prefix string) int {
	if len(prefix) <= maxBraceScan {
		return 0
	}
	i := strings.LastIndex(prefix[:len(prefix)-maxBraceScan], "\n}")
	if i < 0 {
		return 0
	}
	nl := strings.IndexByte(prefix[i+1:], '\n')
	if nl < 0 {
		return 0
	}
	return i + 1 + nl + 1
}

// buildPrompt cuts the text around the cursor to fit the model's budget:
// text before the cursor is cut from the top, but the #include lines and
// the whole enclosing function are kept where they fit. With a FIM
// template the text after the cursor joins, cut from the bottom. It only
// looks at the lines it keeps, so its cost does not grow with the file.
func buildPrompt(tc *TokenCounter, m config.Model, cc cursorContext, suffix string) Prompt {
	prefix := cc.prefix
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

	// must is where the text that should be kept whole begins: the
	// enclosing function, or the cursor's line at the top level.
	must := strings.LastIndexByte(prefix, '\n') + 1
	if cc.fnStart >= 0 {
		must = cc.fnStart
		p.FunctionLine = cc.countLines(must)
	}

	used := 0
	// start is the beginning of the kept window, which ends at the cursor
	// and always starts a line; lineAbove takes in the line above it while
	// the budget allows.
	start := strings.LastIndexByte(prefix, '\n') + 1
	lineAbove := func(limit int) bool {
		if start == 0 {
			return false
		}
		ls := strings.LastIndexByte(prefix[:start-1], '\n') + 1
		if ls < limit {
			return false
		}
		c := tc.Line(prefix[ls:start])
		if used+c > budget {
			return false
		}
		used += c
		start = ls
		return true
	}
	// The cursor's line, then the lines up to the function's start.
	if c := tc.Line(prefix[start:]); c <= budget {
		used = c
		for start > must && lineAbove(must) {
		}
	} else {
		start = len(prefix) // not even the cursor's line fits
	}
	type span struct{ from, to int }
	var includes []span
	if start == must {
		// The #include lines above, in order, while they fit.
		scan := prefix[:min(must, maxIncludeScan)]
		for off := 0; off < len(scan); {
			nl := strings.IndexByte(scan[off:], '\n')
			if nl < 0 {
				break
			}
			line := scan[off : off+nl+1]
			if isInclude(line) {
				c := tc.Line(line)
				if used+c > budget {
					break
				}
				used += c
				includes = append(includes, span{off, off + nl + 1})
			}
			off += nl + 1
		}
		// Then the nearest lines above the function; an include line the
		// window reaches is already paid for.
		for start > 0 {
			if k := len(includes); k > 0 && includes[k-1].to == start {
				start = includes[k-1].from
				includes = includes[:k-1]
				continue
			}
			if !lineAbove(0) {
				break
			}
		}
	}

	var b strings.Builder
	if p.FIM {
		b.WriteString(m.FIM.Prefix)
	}
	for _, sp := range includes {
		b.WriteString(prefix[sp.from:sp.to])
		p.KeptIncludes++
	}
	b.WriteString(prefix[start:])
	if p.FIM {
		b.WriteString(m.FIM.Suffix)
		b.WriteString(fimSuffix)
		b.WriteString(m.FIM.Middle)
	}
	p.Text = b.String()
	p.Tokens += used
	p.FirstLine = cc.countLines(start)
	p.windowStart = start
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

func isInclude(line string) bool {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, "#") {
		return false
	}
	t = strings.TrimLeft(t[1:], " \t")
	return strings.HasPrefix(t, "include") || strings.HasPrefix(t, "import")
}

// enclosingFunctionLine returns the 0-based line where the top-level
// definition holding the end of prefix starts, or -1 at the top level.
func enclosingFunctionLine(prefix string) int {
	cc := scanCursor(prefix)
	if cc.fnStart < 0 {
		return -1
	}
	return strings.Count(prefix[:cc.fnStart], "\n")
}

// signatureStart returns the byte offset of the first line of the
// definition whose body opens at open: the line of the brace, and the
// lines above it that belong to the same declaration or document it,
// stopping at a blank line, a preprocessor line or a line that ends a
// previous statement or definition.
func signatureStart(prefix string, open int) int {
	lineStart := strings.LastIndexByte(prefix[:open], '\n') + 1
	for lineStart > 0 {
		prevEnd := lineStart - 1 // the '\n' ending the previous line
		prevStart := strings.LastIndexByte(prefix[:prevEnd], '\n') + 1
		prev := strings.TrimSpace(prefix[prevStart:prevEnd])
		if prev == "" || strings.HasPrefix(prev, "#") ||
			strings.HasSuffix(prev, ";") || strings.HasSuffix(prev, "}") || strings.HasSuffix(prev, "{") {
			break
		}
		lineStart = prevStart
	}
	return lineStart
}

// topLevelOpen returns the byte offset of the '{' that opened the
// outermost block still open at the end of s, or -1. Namespace and
// extern "C" blocks do not count: the definitions inside them are the
// top level.
func topLevelOpen(s string) int {
	st, _ := scanBraces(s, 0, braceState{})
	return st.outermost()
}

// block is a '{' the scan saw open.
type block struct {
	open        int
	transparent bool // a namespace or extern "C" block
}

// braceState is the state of the scan between two bytes.
type braceState struct {
	stack     []block
	stmtStart int // where the current declaration or statement began
}

// outermost returns the '{' of the outermost open block that is not
// transparent, or -1.
func (st braceState) outermost() int {
	for _, b := range st.stack {
		if !b.transparent {
			return b.open
		}
	}
	return -1
}

// scanBraces scans s from byte from, the start of a line, in state st,
// for the blocks open at its end. It also returns a checkpoint at the
// last line start the scan passed (a line start inside a comment or a
// continued preprocessor line does not count): the state there depends
// only on the bytes before it.
func scanBraces(s string, from int, st braceState) (braceState, *Checkpoint) {
	stack := slices.Clone(st.stack)
	stmtStart := st.stmtStart
	mark := &Checkpoint{at: from, state: braceState{stack: slices.Clone(stack), stmtStart: stmtStart}}
	lineStart := true
	for i := from; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			lineStart = true
			mark.at = i + 1
			mark.state.stack = append(mark.state.stack[:0], stack...)
			mark.state.stmtStart = stmtStart
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
	mark.state.stack = slices.Clip(mark.state.stack)
	return braceState{stack: stack, stmtStart: stmtStart}, mark
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
