package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"securecomplete/completion"
)

// Completion kinds: each has its own slot per document (a new completion
// supersedes the running completion, not the running inline completion:
// VS Code asks for both as the user types) and its own id prefix.
const (
	kindCompletion = "completion"
	kindInline     = "inline"
)

// completeReq is a completion request as prepared on the read loop: the
// document snapshot, the cursor, and the engine configured at that
// moment.
type completeReq struct {
	id     string // "c17"
	kind   string
	doc    *document
	cursor protocol.Position // the requested position, clamped into doc
	offset int               // byte offset of cursor in doc.text
	engine *completion.Engine
	noEng  error // why engine is nil
}

// prepareComplete takes the snapshot for a completion at pos in uri and
// supersedes the completion of the same kind still running there.
func (s *Server) prepareComplete(c *call, kind string, uri protocol.DocumentURI, pos protocol.Position) (*completeReq, error) {
	d := s.st.doc(uri)
	if d == nil {
		return nil, invalidParams("document %s is not open: send textDocument/didOpen first", uri)
	}
	seq, eng, engErr := s.st.nextRequest()
	prefix := "c"
	if kind == kindInline {
		prefix = "i"
	}
	s.st.claim(c, slotKey{uri: uri, kind: kind})
	off := d.offset(pos)
	r := &completeReq{
		id: fmt.Sprintf("%s%d", prefix, seq), kind: kind, doc: d,
		cursor: d.position(off), offset: off, engine: eng, noEng: engErr,
	}
	if r.cursor != pos {
		s.log.Debug("position clamped into the document", "request", r.id, "uri", uri,
			"asked", fmt.Sprintf("%d:%d", pos.Line, pos.Character), "used", fmt.Sprintf("%d:%d", r.cursor.Line, r.cursor.Character))
	}
	return r, nil
}

// candidates asks the model to continue text at byte offset off and
// records the offer. hint is what the engine may reuse of the document;
// when text is the document's own (own), what the engine learnt is kept
// for the next request. A model that fails (down, too slow, an HTTP
// error, an answer that cannot be read) gives no candidates, a log
// entry, and a message when modelHealth says the user has not heard of
// it yet. A cancelled ctx returns its error.
func (s *Server) candidates(ctx context.Context, r *completeReq, text string, off int, hint *completion.Hint, own bool) ([]completion.Candidate, string, error) {
	if r.engine == nil {
		s.log.Debug("no completion: no model", "request", r.id, "err", r.noEng)
		return nil, "", nil
	}
	if s.ab.on() {
		return s.abCandidates(ctx, r, text, off, hint, own) // ab_complete.go
	}
	model := r.engine.Model().Name
	start := time.Now()
	res, err := r.engine.Complete(ctx, completion.Input{Path: r.doc.path, Lang: r.doc.lang, Text: text, Offset: off, Hint: hint})
	if own && res != nil {
		r.doc.scan.keep(r.doc.seq, res.Checkpoint)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, model, ctx.Err()
		}
		var me *completion.ModelError
		if errors.As(err, &me) {
			s.modelFailed(r, me)
			return nil, model, nil
		}
		s.log.Error("completion failed", "request", r.id, "uri", r.doc.uri, "err", err)
		return nil, model, err
	}
	s.health.ok(model)
	s.log.Debug("completion", "request", r.id, "model", model, "candidates", len(res.Candidates), "choices", res.Raw,
		"prompt_tokens", res.Prompt.Tokens, "model_time", res.Duration, "total", time.Since(start))
	if len(res.Candidates) > 0 {
		s.offers.add(newOffer(r, model, text, off, res.Candidates))
	}
	return res.Candidates, model, nil
}

// modelFailed logs a model failure with its cause and shows it when due.
func (s *Server) modelFailed(r *completeReq, err *completion.ModelError) {
	show := s.health.failed(err.Model)
	s.log.Warn("model failed", "request", r.id, "uri", r.doc.uri, "model", err.Model, "status", err.Status, "err", err.Err, "shown", show)
	if show {
		s.showMessage(protocol.MessageTypeWarning, fmt.Sprintf(
			"securecomplete: no completions: %v. Completions resume when the model answers; the server log has every failure.", err))
	}
}

func newOffer(r *completeReq, model, text string, off int, cands []completion.Candidate) *offer {
	o := &offer{
		request: r.id, kind: r.kind, model: model,
		uri: string(r.doc.uri), path: r.doc.path, lang: r.doc.lang, version: r.doc.version,
		line: int(r.cursor.Line), col: int(r.cursor.Character),
		prefix:     strings.Clone(tail(text[:off], maxContextBefore)),
		suffix:     strings.Clone(head(text[off:], maxContextAfter)),
		candidates: make([]string, len(cands)),
		accepted:   make([]bool, len(cands)),
		offered:    time.Now(),
	}
	for i, c := range cands {
		o.candidates[i] = c.Text
	}
	return o
}

// tail returns the last n bytes of s or fewer, starting at a line.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// head returns the first n bytes of s or fewer, ending after a line.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[:i+1]
	}
	return s
}

// completion answers textDocument/completion. Each candidate becomes an
// item whose textEdit replaces the identifier being typed (from its start
// to the cursor) with that identifier followed by the candidate: applied,
// the edit inserts the candidate at the cursor. Replacing the word, not
// inserting after it, is what editors filter and insert by (Neovim's
// omnifunc replaces the word with newText; VS Code filters on it).
func (s *Server) completion(c *call, raw json.RawMessage) (job, error) {
	var p protocol.CompletionParams
	if err := decodeParams(raw, &p, "textDocument", "position"); err != nil {
		return nil, err
	}
	r, err := s.prepareComplete(c, kindCompletion, p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (any, error) {
		cands, model, err := s.candidates(ctx, r, r.doc.text, r.offset, r.doc.hint(), true)
		if err != nil {
			return nil, err
		}
		return completionList(r, model, cands), nil
	}, nil
}

func completionList(r *completeReq, model string, cands []completion.Candidate) *protocol.CompletionList {
	ws := wordStart(r.doc.text, r.offset)
	word := r.doc.text[ws:r.offset]
	rng := protocol.Range{Start: r.doc.position(ws), End: r.cursor}
	fence := "```" + string(r.doc.lang) + "\n"
	items := make([]protocol.CompletionItem, len(cands))
	for i, cand := range cands {
		text := word + cand.Text
		id := acceptID(r.id, i)
		detail, doc := "securecomplete · "+model, fence+text+"\n```"
		if w := warnings(cand); w != "" {
			detail += " · ⚠ " + strings.Join(cand.CWEs(), ", ")
			doc = w + "\n\n" + doc
		}
		if w := syntaxWarning(cand); w != "" {
			detail += " · does not parse"
			doc = w + "\n\n" + doc
		}
		items[i] = protocol.CompletionItem{
			Label:            label(text),
			Kind:             protocol.CompletionItemKindText,
			Detail:           detail,
			Documentation:    &protocol.MarkupContent{Kind: protocol.Markdown, Value: doc},
			FilterText:       text,
			SortText:         fmt.Sprintf("%04d", i),
			Preselect:        i == 0,
			InsertTextFormat: protocol.InsertTextFormatPlainText,
			TextEdit:         &protocol.TextEdit{Range: rng, NewText: text},
			Command:          acceptCommand(id),
		}
	}
	return &protocol.CompletionList{Items: items}
}

// warnings is the Markdown that tells the user what the screening found
// in a candidate, "" when it found nothing.
func warnings(c completion.Candidate) string {
	if len(c.Findings) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("**securecomplete found a weakness in this completion**\n")
	for _, f := range c.Findings {
		fmt.Fprintf(&b, "\n- [%s](%s) (line %d of the completion): %s", f.CWE, f.CWE.URL(), f.Line, f.Message)
		if f.Fix != "" {
			b.WriteString(" Fix: " + f.Fix)
		}
	}
	return b.String()
}

// syntaxWarning is the Markdown that tells the user the candidate does
// not parse where it would be inserted, "" when it does.
func syntaxWarning(c completion.Candidate) string {
	if len(c.Syntax) == 0 {
		return ""
	}
	lines := strings.Count(c.Text, "\n") + 1
	var b strings.Builder
	b.WriteString("**This completion does not parse here**\n")
	for _, e := range c.Syntax {
		what := "code tree-sitter cannot parse"
		if e.Missing != "" {
			what = "`" + e.Missing + "` expected"
		}
		switch {
		case e.Line < 1:
			fmt.Fprintf(&b, "\n- before the completion: %s", what)
		case e.Line > lines:
			fmt.Fprintf(&b, "\n- after the completion: %s", what)
		default:
			fmt.Fprintf(&b, "\n- line %d of the completion: %s", e.Line, what)
		}
	}
	return b.String()
}

func acceptCommand(id string) *protocol.Command {
	return &protocol.Command{Title: "Accept completion", Command: CommandAccept, Arguments: []any{AcceptArgs{ID: id}}}
}

// maxLabel bounds an item's label, in characters.
const maxLabel = 60

// label is the first non-blank line of text, shortened, with " …" when
// more lines follow.
func label(text string) string {
	var first string
	lines := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if lines++; lines == 1 {
			first = strings.TrimSpace(line)
		}
	}
	if utf8.RuneCountInString(first) > maxLabel {
		first = string([]rune(first)[:maxLabel-1]) + "…"
	}
	if lines > 1 {
		first += " …"
	}
	return first
}

func emptyCompletionList() any {
	return &protocol.CompletionList{IsIncomplete: true, Items: []protocol.CompletionItem{}}
}
