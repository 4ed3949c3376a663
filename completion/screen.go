package completion

import (
	"context"
	"sort"
	"strings"
	"sync"

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
// candidate, then the rest of the function), keeps the findings that fall
// on the candidate's lines, and orders the candidates clean ones first.
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
	var wg sync.WaitGroup
	for i := range cands {
		wg.Add(1)
		go func(c *Candidate) {
			defer wg.Done()
			src := before + c.Text + rest
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
	sort.SliceStable(cands, func(i, j int) bool { return len(cands[i].Findings) == 0 && len(cands[j].Findings) > 0 })
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
