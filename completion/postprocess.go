package completion

import (
	"context"
	"math"
	"strings"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"securecomplete/analysis"
	"securecomplete/analysis/cparse"
)

// maxCutContext bounds the text before the cursor that is parsed to cut a
// candidate: the enclosing function, or this many bytes of it.
const maxCutContext = 64 << 10

// parsers are the tree-sitter parsers of the post-processing and the
// screening (analysis/cparse, with the limits of a parse of a function).
type parsers struct {
	pool *cparse.Pool
}

// maxParseTime bounds one parse. The text parsed is one function and a
// candidate: this is generous.
const maxParseTime = 250 * time.Millisecond

func newParsers() *parsers {
	// The texts are bounded by the callers (a function, a candidate);
	// tree-sitter's own bound on offsets is the only size limit.
	return &parsers{pool: cparse.NewPool(cparse.Limits{MaxBytes: math.MaxInt, MaxTime: maxParseTime})}
}

// parse parses src; the caller closes the tree. Under a context from
// cparse.Share, a text parsed before in the same request is not parsed
// again. Only maxParseTime bounds the parse, not ctx's deadline or
// cancellation: a verdict does not depend on how much time the request
// has left.
func (p *parsers) parse(ctx context.Context, lang analysis.Lang, src []byte) (*sitter.Tree, error) {
	return p.pool.Parse(context.WithoutCancel(ctx), lang, src)
}

// literalRanges returns the byte ranges, at or after from, of the
// comments, string and character literals of src: the places where a
// brace is text, not structure.
func (p *parsers) literalRanges(ctx context.Context, lang analysis.Lang, src []byte, from int) ([][2]int, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tree, err := p.parse(ctx, lang, src)
	if err != nil {
		return nil, err
	}
	defer tree.Close()
	var out [][2]int
	cur := sitter.NewTreeCursor(tree.RootNode())
	defer cur.Close()
	for {
		n := cur.CurrentNode()
		end := int(n.EndByte())
		descend := false
		if end > from {
			switch n.Type() {
			case "comment", "string_literal", "char_literal", "raw_string_literal", "system_lib_string":
				out = append(out, [2]int{int(n.StartByte()), end})
			default:
				descend = true
			}
		}
		if descend && cur.GoToFirstChild() {
			continue
		}
		for !cur.GoToNextSibling() {
			if !cur.GoToParent() {
				return out, nil
			}
		}
	}
}

// cutAtBlockEnd cuts a candidate where the block enclosing the cursor
// ends. before is the text before the cursor from the start of the
// enclosing top-level definition (or some lines above the cursor at the
// top level); after is the document after the cursor. It returns the
// candidate cut, and whether a closing brace already in the document
// (at the start of after) made the candidate's own brace redundant.
func (p *parsers) cutAtBlockEnd(ctx context.Context, lang analysis.Lang, before, cand, after string) string {
	if !strings.ContainsAny(cand, "{}") {
		return cand
	}
	src := []byte(before + cand)
	lits, err := p.literalRanges(ctx, lang, src, len(before))
	if err != nil {
		lits = nil // fall back to a plain brace count
	}
	topLevel := topLevelOpen(before) < 0 // before is one definition at most: cheap
	depth, li := 0, 0
	for i := len(before); i < len(src); i++ {
		for li < len(lits) && lits[li][1] <= i {
			li++
		}
		if li < len(lits) && lits[li][0] <= i {
			i = lits[li][1] - 1
			continue
		}
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			k := i - len(before) // index in cand
			switch {
			case depth < 0:
				// This brace closes the block the cursor is in.
				if startsWithBrace(after) {
					return trimClosingLine(cand[:k])
				}
				return cand[:k+1]
			case depth == 0 && topLevel:
				// At the top level: the definition being written is done.
				end := k + 1
				if rest := strings.TrimLeft(cand[end:], " \t"); strings.HasPrefix(rest, ";") {
					end = len(cand) - len(rest) + 1
				}
				return cand[:end]
			}
		}
	}
	return cand
}

// startsWithBrace reports whether s starts, after blanks, with '}'.
func startsWithBrace(s string) bool {
	return strings.HasPrefix(strings.TrimLeft(s, " \t\r\n"), "}")
}

// trimClosingLine drops the indentation before a closing brace that is
// left out, and the newline before it when the brace stood on its own
// line, so that the document's own brace follows as written.
func trimClosingLine(s string) string {
	t := strings.TrimRight(s, " \t")
	if strings.HasSuffix(t, "\n") {
		return strings.TrimRight(t, "\r\n")
	}
	return s
}

// trimStops cuts s at the first stop sequence.
func trimStops(s string, stops []string) string {
	for _, st := range stops {
		if st == "" {
			continue
		}
		if i := strings.Index(s, st); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

// maxRepeatPeriod is the longest block of lines checked for repetition.
const maxRepeatPeriod = 8

// trimRepetition keeps the first copy of a block of lines that the model
// repeats three times or more in a row (a model stuck in a loop), and
// drops a tail that repeats the lines right after the cursor.
func trimRepetition(s, after string) string {
	lines := strings.SplitAfter(s, "\n")
	norm := make([]string, len(lines))
	for i, l := range lines {
		norm[i] = strings.TrimSpace(l)
	}
	cut := len(lines)
outer:
	for i := 0; i < len(lines); i++ {
		for p := 1; p <= maxRepeatPeriod && i+3*p <= len(lines); p++ {
			if isBlankBlock(norm[i : i+p]) {
				continue
			}
			if equalBlocks(norm[i:i+p], norm[i+p:i+2*p]) && equalBlocks(norm[i:i+p], norm[i+2*p:i+3*p]) {
				cut = i + p
				break outer
			}
		}
	}
	lines = lines[:cut]
	norm = norm[:cut]

	// A tail that repeats the text already after the cursor.
	var next []string
	for _, l := range strings.SplitN(after, "\n", maxRepeatPeriod+2) {
		if t := strings.TrimSpace(l); t != "" {
			next = append(next, t)
		}
		if len(next) == maxRepeatPeriod {
			break
		}
	}
	for k := min(len(next), len(norm)); k >= 1; k-- {
		tail := nonBlankTail(norm, k)
		if tail < 0 || !isMeaningful(next[:k]) {
			continue
		}
		if equalBlocks(nonBlank(norm[tail:]), next[:k]) {
			lines = lines[:tail]
			break
		}
	}
	return strings.Join(lines, "")
}

// nonBlankTail returns the index where the last k non-blank lines begin.
func nonBlankTail(norm []string, k int) int {
	for i := len(norm) - 1; i >= 0; i-- {
		if norm[i] != "" {
			k--
			if k == 0 {
				return i
			}
		}
	}
	return -1
}

func nonBlank(ls []string) []string {
	var out []string
	for _, l := range ls {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// isMeaningful reports whether lines hold more than braces and
// punctuation: repeating "}" is how code ends, not a loop.
func isMeaningful(ls []string) bool {
	for _, l := range ls {
		if strings.Trim(l, "{}();, \t") != "" {
			return true
		}
	}
	return false
}

func isBlankBlock(ls []string) bool {
	for _, l := range ls {
		if l != "" {
			return false
		}
	}
	return true
}

func equalBlocks(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
