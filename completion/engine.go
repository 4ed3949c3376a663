package completion

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"securecomplete/analysis"
	"securecomplete/analysis/cparse"
	"securecomplete/config"
)

// Input is a completion request: a document and a cursor in it.
type Input struct {
	Path   string // for logs and messages
	Lang   analysis.Lang
	Text   string
	Offset int // byte offset of the cursor in Text
	// N overrides the model's configured number of candidates when > 0.
	N int
	// Hint, optional, is what the caller keeps of the document between
	// requests (see Hint).
	Hint *Hint
}

// Candidate is one completion to show: the text to insert at the cursor.
type Candidate struct {
	Index        int    // the model's choice it came from
	Text         string // what to insert at the cursor
	FinishReason string
	// Screened is true when the screener judged the candidate; Findings
	// are the weaknesses it found on the candidate's lines, their lines
	// counted from 1 at the candidate's first line.
	Screened bool
	Findings []analysis.Finding
	// Syntax holds the syntax errors the candidate brings into the code
	// around it (none when it parses whole there); set when screening.
	Syntax []SyntaxError
}

// Result is the outcome of one completion.
type Result struct {
	Model      string // the configured model's name
	Prompt     Prompt
	Candidates []Candidate
	// Raw is how many choices the model returned before cleaning.
	Raw      int
	Duration time.Duration // time spent waiting for the model
	// Checkpoint is where the scan for the enclosing definition stood at
	// the start of the cursor's line, for a later Input.Hint.Resume.
	Checkpoint *Checkpoint
}

// Engine completes documents with one configured model. Build makes one
// from a Setup. It is safe for concurrent use.
type Engine struct {
	model       config.Model
	client      Client
	tokens      *TokenCounter
	parsers     *parsers
	screener    Screener
	hideFlagged bool
}

// Model returns the configured model the engine asks.
func (e *Engine) Model() config.Model { return e.model }

// BuildPrompt returns the prompt the engine would send for in.
func (e *Engine) BuildPrompt(in Input) (Prompt, error) {
	off, err := clampOffset(in.Text, in.Offset)
	if err != nil {
		return Prompt{}, err
	}
	return buildPrompt(e.tokens, e.model, scanCursorHint(in.Text[:off], in.Hint), in.Text[off:]), nil
}

// Complete asks the model for completions at the cursor and returns the
// cleaned candidates: cut where the enclosing block ends, trimmed of stop
// sequences and repetition, without duplicates or empty ones. Errors from
// the model side are *ModelError; a cancelled ctx returns ctx.Err().
func (e *Engine) Complete(ctx context.Context, in Input) (*Result, error) {
	off, err := clampOffset(in.Text, in.Offset)
	if err != nil {
		return nil, err
	}
	cc := scanCursorHint(in.Text[:off], in.Hint)
	p := buildPrompt(e.tokens, e.model, cc, in.Text[off:])
	if p.Budget <= 0 {
		return nil, fmt.Errorf("model %s: context_window %d leaves no room for a prompt", e.model.Name, e.model.ContextWindow)
	}
	n := e.model.N
	if in.N > 0 {
		n = in.N
	}
	start := time.Now()
	choices, err := e.client.Complete(ctx, Request{
		Prompt:      p.Text,
		MaxTokens:   e.model.MaxTokens,
		N:           n,
		Temperature: e.model.Temperature,
		TopP:        e.model.TopP,
		Stop:        e.model.Stop,
	})
	res := &Result{Model: e.model.Name, Prompt: p, Duration: time.Since(start), Checkpoint: cc.mark}
	if err != nil {
		return res, err
	}
	res.Raw = len(choices)
	// The screening's syntax check and the rules parse the same texts:
	// once each.
	ctx, release := cparse.Share(ctx)
	defer release()
	res.Candidates = e.clean(ctx, in.Lang, cc, in.Text[off:], choices)
	res.Candidates = e.screen(ctx, in.Lang, cc, p, in.Text[off:], res.Candidates)
	return res, nil
}

// Clean post-processes model choices for a cursor at byte offset off of
// text: stop sequences, the cut at the end of the enclosing block,
// repetition, then empty and duplicate candidates dropped.
func (e *Engine) Clean(ctx context.Context, lang analysis.Lang, text string, off int, choices []Choice) []Candidate {
	return e.clean(ctx, lang, scanCursor(text[:off]), text[off:], choices)
}

func (e *Engine) clean(ctx context.Context, lang analysis.Lang, cc cursorContext, after string, choices []Choice) []Candidate {
	before := cutContext(cc)
	seen := make(map[string]bool, len(choices))
	var out []Candidate
	for i, ch := range choices {
		s := strings.ToValidUTF8(ch.Text, "\uFFFD")
		s = trimStops(s, e.model.Stop)
		s = e.parsers.cutAtBlockEnd(ctx, lang, before, s, after)
		s = trimRepetition(s, after)
		s = trimTrailingSpace(s)
		if strings.TrimSpace(s) == "" {
			continue
		}
		key := normalizeForDedup(s)
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Candidate{Index: i, Text: s, FinishReason: ch.FinishReason})
	}
	return out
}

// cutContext returns the text before the cursor that decides where a
// candidate's block ends: from the start of the enclosing top-level
// definition, at most maxCutContext bytes, starting at a line.
func cutContext(cc cursorContext) string {
	prefix := cc.prefix
	start := 0
	if cc.open >= 0 {
		start = strings.LastIndexByte(prefix[:cc.open], '\n') + 1
	} else {
		// At the top level, the current line is enough.
		start = strings.LastIndexByte(prefix, '\n') + 1
	}
	if len(prefix)-start > maxCutContext {
		start = len(prefix) - maxCutContext
		if nl := strings.IndexByte(prefix[start:], '\n'); nl >= 0 {
			start += nl + 1
		}
	}
	return prefix[start:]
}

// trimTrailingSpace drops blanks at the ends of lines and blank lines at
// the end: the document's text after the cursor follows directly.
func trimTrailingSpace(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), " \t\r\n")
}

func normalizeForDedup(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// clampOffset checks a cursor offset: past the end it is clamped to the
// end; inside a UTF-8 sequence it is an error.
func clampOffset(text string, off int) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("cursor offset %d is negative", off)
	}
	if off > len(text) {
		off = len(text)
	}
	if off < len(text) && !utf8.RuneStart(text[off]) {
		return 0, fmt.Errorf("cursor offset %d falls inside a UTF-8 sequence", off)
	}
	return off, nil
}
