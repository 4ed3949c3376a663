package completion

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"

	"securecomplete/analysis"
)

// Screener judges a candidate before the user sees it: the built-in rules
// (analysis/rules.Checker) satisfy it.
type Screener interface {
	Check(ctx context.Context, f analysis.File) ([]analysis.Finding, error)
}

// maxScreenAfter bounds the text after the cursor that is judged with a
// candidate: up to the end of the enclosing function, or this much.
const maxScreenAfter = 16 << 10

// screen judges each candidate in its document context (the prompt,
// which holds the includes and the enclosing function, then the
// candidate, then the rest of the function): it keeps the rules' findings
// that fall on the candidate's lines and the syntax errors the candidate
// brings into that text, and orders the candidates by Rank.
func (e *Engine) screen(ctx context.Context, lang analysis.Lang, cc cursorContext, prompt Prompt, after string, cands []Candidate) []Candidate {
	if e.screener == nil || len(cands) == 0 || prompt.FIM {
		return cands
	}
	// The rules are intraprocedural: the enclosing function is the
	// context that matters, with the #define lines the prompt kept (sizes
	// of buffers) ahead of it; line numbers are kept by blank lines.
	start := prompt.windowStart
	if cc.fnStart > start {
		start = cc.fnStart
	}
	before := defines(cc.prefix[prompt.windowStart:start]) + cc.prefix[start:]
	rest := restOfFunction(after)
	firstLine := strings.Count(before, "\n") + 1 // 1-based line of the cursor in the judged text
	base := &baseline{ctx: ctx, syn: e.parsers, lang: lang, src: before + rest}
	var wg sync.WaitGroup
	for i := range cands {
		wg.Add(1)
		go func(c *Candidate) {
			defer wg.Done()
			src := before + c.Text + rest
			if ctx.Err() == nil {
				c.Syntax = e.parsers.introduced(ctx, lang, src, len(before), len(c.Text), base)
			}
			fs, err := e.screener.Check(ctx, analysis.File{Path: "candidate", Lang: lang, Src: []byte(src)})
			if err != nil {
				return // unjudged: shown without a verdict
			}
			lastLine := firstLine + strings.Count(c.Text, "\n")
			for _, f := range fs {
				if f.Line >= firstLine && f.Line <= lastLine {
					f.File = ""
					f.Line -= firstLine - 1 // 1-based within the candidate
					c.Findings = append(c.Findings, f)
				}
			}
			c.Screened = true
		}(&cands[i])
	}
	wg.Wait()
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Rank() < cands[j].Rank() })
	if e.hideFlagged {
		clean := cands[:0]
		for _, c := range cands {
			if len(c.Findings) == 0 {
				clean = append(clean, c)
			}
		}
		cands = clean
	}
	return cands
}

// CWEs lists the weaknesses screening found in the candidate, each once,
// in the order of the findings: ["CWE-787", "CWE-476"].
func (c Candidate) CWEs() []string {
	var cwes []string
	for _, f := range c.Findings {
		if !slices.Contains(cwes, string(f.CWE)) {
			cwes = append(cwes, string(f.CWE))
		}
	}
	return cwes
}

// Rank orders screened candidates, lower first: clean and whole (0),
// clean but broken (1), flagged but whole (2), flagged and broken (3).
// A finding weighs more than a syntax error: code that does not parse
// stops at the compiler, in front of the user, while a weakness compiles
// and ships; screening is there for the weaknesses.
func (c Candidate) Rank() int { return ScreenRank(len(c.Findings) > 0, len(c.Syntax) > 0) }

// ScreenRank is the rank of a candidate that the rules flagged or not and
// that parses whole or not (see Candidate.Rank), for callers that judge
// candidates themselves, as the benchmark's screened arm does.
func ScreenRank(flagged, broken bool) int {
	r := 0
	if flagged {
		r += 2
	}
	if broken {
		r++
	}
	return r
}

// SyntaxError is a place where tree-sitter could not read the code as
// written: text it had to set aside (an ERROR node), or a token it had to
// assume (a MISSING node: a ';', a '}').
type SyntaxError struct {
	// Line is where the error starts, counted from 1 at the candidate's
	// first line as Finding.Line is. It is past the candidate's last line
	// when the error shows after it (a block the candidate opens and does
	// not close is missing its '}' where the function ends), and 0 when it
	// starts before it (text tree-sitter set aside from an earlier line).
	Line int
	// Missing is the token tree-sitter assumed, "" for an ERROR node.
	Missing string
}

// errorSite is an ERROR or MISSING node of a parsed text.
type errorSite struct {
	// pos is the byte offset of its start; for a MISSING node, which
	// tree-sitter puts right after the token before it, the offset of the
	// next non-blank byte, so that the same missing token matches in a
	// text with and without a candidate.
	pos, end int
	row      int // 0-based row of its start
	missing  string
}

// errorSites parses src and returns its ERROR and MISSING nodes, in
// document order; an ERROR node is one site, whatever it holds. A text
// that parses whole costs one parse and no walk.
func (p *parsers) errorSites(ctx context.Context, lang analysis.Lang, src []byte) ([]errorSite, error) {
	tree, err := p.parse(ctx, lang, src)
	if err != nil {
		return nil, err
	}
	defer tree.Close()
	root := tree.RootNode()
	if !root.HasError() {
		return nil, nil
	}
	var out []errorSite
	cur := sitter.NewTreeCursor(root)
	defer cur.Close()
	for {
		n := cur.CurrentNode()
		descend := false
		switch {
		case n.IsMissing():
			pos := int(n.StartByte())
			for pos < len(src) && (src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\n' || src[pos] == '\r') {
				pos++
			}
			out = append(out, errorSite{pos: pos, end: pos, row: int(n.StartPoint().Row), missing: n.Type()})
		case n.IsError():
			out = append(out, errorSite{pos: int(n.StartByte()), end: int(n.EndByte()), row: int(n.StartPoint().Row)})
		default:
			descend = n.HasError()
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

// syntaxError places a site in a candidate starting on row firstRow.
func (s errorSite) syntaxError(firstRow int) SyntaxError {
	return SyntaxError{Line: max(0, s.row-firstRow+1), Missing: s.missing}
}

// baseline is the judged text without any candidate, parsed at most
// once, when a candidate's text has errors: the document may be mid-edit
// elsewhere, and errors it already has are not the candidate's.
type baseline struct {
	ctx   context.Context
	syn   *parsers
	lang  analysis.Lang
	src   string
	once  sync.Once
	sites []errorSite
	err   error
}

func (b *baseline) get() ([]errorSite, error) {
	b.once.Do(func() { b.sites, b.err = b.syn.errorSites(b.ctx, b.lang, []byte(b.src)) })
	return b.sites, b.err
}

// introduced returns the syntax errors of src, in which a candidate of n
// bytes was inserted at byte at, that base (src without the candidate)
// does not have. An error inside the candidate is always its own. One
// before or after it is the document's when base has an error of the
// same kind at the same place, or else any error of base left over:
// tree-sitter may recover from the document's own error differently once
// the candidate follows it (a statement missing its ';' right before the
// cursor swallows the candidate's first token); base is parsed only then.
// A parse that fails (too long) reports nothing: unjudged, not broken.
func (p *parsers) introduced(ctx context.Context, lang analysis.Lang, src string, at, n int, base *baseline) []SyntaxError {
	sites, err := p.errorSites(ctx, lang, []byte(src))
	if err != nil || len(sites) == 0 {
		return nil
	}
	firstRow := strings.Count(src[:at], "\n")
	var out []SyntaxError
	var outside []errorSite
	for _, s := range sites {
		if s.pos >= at && s.pos < at+n {
			out = append(out, s.syntaxError(firstRow)) // inside the candidate
		} else {
			outside = append(outside, s)
		}
	}
	if len(outside) == 0 {
		return out // base is not needed
	}
	have, err := base.get()
	if err != nil {
		return out
	}
	type key struct {
		pos     int
		missing string
	}
	left := make(map[key]int, len(have))
	for _, s := range have {
		left[key{s.pos, s.missing}]++
	}
	spare := len(have) // base's errors not matched at their place
	unmatched := outside[:0]
	for _, s := range outside {
		pos := s.pos
		if pos >= at+n {
			pos -= n
		}
		if k := (key{pos, s.missing}); left[k] > 0 {
			left[k]--
			spare--
			continue
		}
		unmatched = append(unmatched, s)
	}
	for _, s := range unmatched {
		if spare > 0 {
			spare--
			continue
		}
		out = append(out, s.syntaxError(firstRow))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// Syntax tells whether completions leave the code around them whole, with
// tree-sitter as the editor's screening does. It is safe for concurrent
// use.
type Syntax struct{ p *parsers }

// NewSyntax returns a Syntax with its own parsers.
func NewSyntax() *Syntax { return &Syntax{p: newParsers()} }

// Errors parses src, a whole program whose completion starts at byte
// from, and returns the errors the completion (or the text after it)
// brings: the MISSING tokens at or after from and the ERROR nodes that
// reach past it. Errors wholly before from are the prompt's own.
func (s *Syntax) Errors(lang analysis.Lang, src string, from int) ([]SyntaxError, error) {
	sites, err := s.p.errorSites(context.Background(), lang, []byte(src))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	from = min(max(from, 0), len(src))
	firstRow := strings.Count(src[:from], "\n")
	var out []SyntaxError
	for _, st := range sites {
		if (st.missing != "" && st.pos >= from) || (st.missing == "" && st.end > from) {
			out = append(out, st.syntaxError(firstRow))
		}
	}
	return out, nil
}

// defines keeps the preprocessor lines of s and blanks the others, so that
// the text keeps its line count.
func defines(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if t := strings.TrimLeft(line, " \t"); strings.HasPrefix(t, "#") {
			b.WriteString(line)
		} else if strings.HasSuffix(line, "\n") {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// restOfFunction returns the text after the cursor up to the end of the
// block the cursor is in (the enclosing function's closing brace and the
// lines before it), bounded by maxScreenAfter.
func restOfFunction(after string) string {
	if len(after) > maxScreenAfter {
		after = after[:maxScreenAfter]
	}
	depth := 0
	for i := 0; i < len(after); i++ {
		switch after[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				end := i + 1
				if nl := strings.IndexByte(after[end:], '\n'); nl >= 0 {
					end += nl + 1
				}
				return after[:end]
			}
		}
	}
	return after
}
