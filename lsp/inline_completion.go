package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"securecomplete/completion"
)

// inlineCompletion answers textDocument/inlineCompletion (LSP 3.18): the
// candidates as ghost text at the cursor. While the editor's completion
// list is open (context.selectedCompletionInfo), the model continues the
// document as if the selected item were inserted, and each item replaces
// the selected item's range with its text followed by the candidate, as
// the specification asks.
func (s *Server) inlineCompletion(c *call, raw json.RawMessage) (job, error) {
	var p InlineCompletionParams
	if err := decodeParams(raw, &p, "textDocument", "position"); err != nil {
		return nil, err
	}
	r, err := s.prepareComplete(c, kindInline, p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	sel := p.Context.SelectedCompletionInfo
	return func(ctx context.Context) (any, error) {
		text, off, lead := r.doc.text, r.offset, ""
		rng := protocol.Range{Start: r.cursor, End: r.cursor}
		hint, own := r.doc.hint(), true
		if sel != nil {
			start, end := r.doc.offset(sel.Range.Start), r.doc.offset(sel.Range.End)
			if end < start {
				start, end = end, start
			}
			text = r.doc.text[:start] + sel.Text + r.doc.text[end:]
			off, lead = start+len(sel.Text), sel.Text
			rng = protocol.Range{Start: r.doc.position(start), End: r.doc.position(end)}
			// The text before start is the document's: a checkpoint there
			// holds; the line index does not.
			hint, own = &completion.Hint{}, false
			if cp := r.doc.scan.checkpoint(r.doc.seq); cp != nil && cp.Offset() <= start {
				hint.Resume = cp
			}
		}
		cands, err := s.inlineCandidates(ctx, r, text, off, hint, own, p.Context) // typed_through.go
		if err != nil {
			return nil, err
		}
		return inlineList(r, rng, lead, cands), nil
	}, nil
}

func inlineList(r *completeReq, rng protocol.Range, lead string, cands []completion.Candidate) *InlineCompletionList {
	items := make([]InlineCompletionItem, len(cands))
	for i, cand := range cands {
		rng := rng
		items[i] = InlineCompletionItem{
			InsertText: lead + cand.Text,
			Range:      &rng,
			Command:    acceptCommand(acceptID(r.id, i)),
		}
	}
	return &InlineCompletionList{Items: items}
}

func emptyInlineList() any { return &InlineCompletionList{Items: []InlineCompletionItem{}} }
