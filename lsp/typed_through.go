package lsp

import (
	"context"
	"strings"
	"sync"

	"securecomplete/completion"
)

// The typed-through cache: while ghost text is shown, the user often types
// its next characters; the editor then asks again at the new cursor. When
// the document is the last answered one plus text typed at its cursor, and
// that text is the start of some of the candidates, the server answers
// with the rest of those candidates and does not call the model (as Tabby
// and Copilot do). A character that departs from every candidate, an edit
// elsewhere, or a request the user invoked asks the model again.

// maxTypedThrough bounds the documents whose last inline answer is kept.
const maxTypedThrough = 64

// typedThrough remembers, per document, the last inline answer the model
// gave. Safe for concurrent use; the zero value is ready.
type typedThrough struct {
	mu    sync.Mutex
	byURI map[string]*typedEntry
	order []string // oldest first
	hits  int
	calls int
}

// typedEntry is one answer: the text it was asked for (a snapshot
// string, shared with the document, not a copy), the cursor's byte
// offset, and the candidates as the model gave them at that cursor.
type typedEntry struct {
	text  string
	off   int
	model string
	cands []completion.Candidate
}

// lookup returns the candidates for text at off from the entry of uri
// when text is that entry's text with something typed at its cursor and
// at least one candidate starts with what was typed; the candidates come
// back with the typed part removed, in their order.
func (c *typedThrough) lookup(uri, text string, off int) ([]completion.Candidate, string, bool) {
	c.mu.Lock()
	e := c.byURI[uri]
	c.mu.Unlock()
	if e == nil {
		return nil, "", false
	}
	typed, ok := typedAt(e.text, e.off, text, off)
	if !ok {
		return nil, "", false
	}
	var out []completion.Candidate
	for _, cand := range e.cands {
		if len(cand.Text) > len(typed) && strings.HasPrefix(cand.Text, typed) {
			cand.Text = cand.Text[len(typed):]
			out = append(out, cand)
		}
	}
	if len(out) == 0 {
		return nil, "", false
	}
	return out, e.model, true
}

// typedAt says whether now (cursor at off) is was (cursor at wasOff) with
// text inserted at wasOff and the cursor after it, and returns that text.
func typedAt(was string, wasOff int, now string, off int) (string, bool) {
	n := off - wasOff
	if n < 0 || len(now)-len(was) != n || wasOff > len(was) {
		return "", false
	}
	if now[:wasOff] != was[:wasOff] || now[off:] != was[wasOff:] {
		return "", false
	}
	return now[wasOff:off], true
}

// store keeps the model's answer for uri, replacing the previous one.
func (c *typedThrough) store(uri, text string, off int, model string, cands []completion.Candidate) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byURI == nil {
		c.byURI = make(map[string]*typedEntry)
	}
	if _, ok := c.byURI[uri]; !ok {
		c.order = append(c.order, uri)
	}
	c.byURI[uri] = &typedEntry{text: text, off: off, model: model, cands: cands}
	for len(c.order) > maxTypedThrough {
		delete(c.byURI, c.order[0])
		c.order = c.order[1:]
	}
}

// counts returns the requests answered from the cache and those that
// called the model.
func (c *typedThrough) counts() (hits, calls int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.calls
}

func (c *typedThrough) count(hit bool) {
	c.mu.Lock()
	if hit {
		c.hits++
	} else {
		c.calls++
	}
	c.mu.Unlock()
}

// inlineCandidates answers an inline request at byte offset off of text:
// from the typed-through cache when it can, else from the model, whose
// answer is then kept. A request the user invoked asks the model; one
// that extends a selected completion item neither reads nor fills the
// cache.
func (s *Server) inlineCandidates(ctx context.Context, r *completeReq, text string, off int, hint *completion.Hint, own bool, ic InlineCompletionContext) ([]completion.Candidate, error) {
	uri := string(r.doc.uri)
	keep := ic.SelectedCompletionInfo == nil
	if keep && ic.TriggerKind != InlineCompletionTriggerInvoked && r.engine != nil {
		if cands, model, ok := s.typed.lookup(uri, text, off); ok && model == r.engine.Model().Name {
			s.typed.count(true)
			s.offers.add(newOffer(r, model, text, off, cands))
			hits, calls := s.typed.counts()
			s.log.Debug("inline completion typed through", "request", r.id, "candidates", len(cands), "hits", hits, "model_calls", calls)
			return cands, nil
		}
	}
	cands, model, err := s.candidates(ctx, r, text, off, hint, own)
	if err != nil {
		return nil, err
	}
	if r.engine != nil {
		s.typed.count(false)
	}
	if len(cands) > 0 && keep {
		s.typed.store(uri, text, off, model, cands)
	}
	return cands, nil
}
