package lsp

import (
	"context"
	"encoding/json"
	"slices"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"securecomplete/ab/store"
)

// The outcome of an A/B request and what follows an accept: the accept
// itself, partial accepts, the end of a request nothing was accepted
// from, the background verdicts of the accepted code and its persistence
// at each horizon.

// Notifications a client may send about what the user did with a
// candidate.
const (
	// MethodDidPartiallyAccept: {"id": "i3/0", "acceptedLength": 12},
	// the user took the first acceptedLength characters of a candidate.
	MethodDidPartiallyAccept = "securecomplete/didPartiallyAccept"
	// MethodCopilotPartialAccept is the same in Copilot's shape:
	// {"item": InlineCompletionItem, "acceptedLength": 12}; the item's
	// command carries the id.
	MethodCopilotPartialAccept = "textDocument/didPartiallyAcceptCompletion"
	// MethodDidDismiss: {"id": "i3"} (a request or one of its candidates),
	// the user dismissed the candidates.
	MethodDidDismiss = "securecomplete/didDismiss"
)

// registerAB adds A/B's notifications to the server's table.
func (s *Server) registerAB() {
	s.notifications[MethodDidPartiallyAccept] = (*Server).didPartiallyAccept
	s.notifications[MethodCopilotPartialAccept] = (*Server).didPartiallyAccept
	s.notifications[MethodDidDismiss] = (*Server).didDismiss
}

// track remembers a request with shown candidates until its outcome.
func (a *abMode) track(req *abRequest) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.counts.Shown += len(req.arms)
	a.reqs[req.id] = req
	a.order = append(a.order, req.id)
	for len(a.order) > maxOffers {
		if old := a.reqs[a.order[0]]; old != nil && old.timeout != nil {
			old.timeout()
		}
		delete(a.reqs, a.order[0])
		a.order = a.order[1:]
	}
	a.lastByDoc[req.uri] = req.id
	id := req.id
	req.timeout = a.clock.AfterFunc(abOutcomeTimeout, func() { a.end(id, "timeout") })
}

// endPrevious ends the pending request of a document when a new one
// starts on it.
func (a *abMode) endPrevious(uri protocol.DocumentURI, newID, reason string) {
	a.mu.Lock()
	prev := a.lastByDoc[uri]
	a.mu.Unlock()
	if prev != "" && prev != newID {
		a.end(prev, reason)
	}
}

// end records that a request ended without an accept, once.
func (a *abMode) end(id, reason string) {
	a.mu.Lock()
	req := a.reqs[id]
	if req == nil || req.ended {
		a.mu.Unlock()
		return
	}
	req.ended = true
	if req.timeout != nil {
		req.timeout()
	}
	if a.lastByDoc[req.uri] == id {
		delete(a.lastByDoc, req.uri)
	}
	a.mu.Unlock()
	a.record(store.Event{Type: store.TypeDismiss, Request: id, Reason: reason})
}

// accepted records an accept of an A/B candidate, on the read loop right
// after the loop started tracking it, and schedules its persistence. It
// returns what the accept command's job runs: the wait for the commit.
// An accept of a candidate that was not shown in A/B mode is nil.
func (s *Server) abAccepted(ev AcceptEvent) func(context.Context) error {
	a := s.ab
	a.mu.Lock()
	req := a.reqs[ev.Request]
	if req == nil || ev.Candidate >= len(req.arms) || a.writer == nil {
		a.mu.Unlock()
		return nil
	}
	req.ended = true
	if req.timeout != nil {
		req.timeout()
	}
	if a.lastByDoc[req.uri] == req.id {
		delete(a.lastByDoc, req.uri)
	}
	a.counts.Accepted++
	arm, model := req.arms[ev.Candidate], req.models[ev.Candidate]
	storeText := a.cfg.StoreText
	a.mu.Unlock()

	chars := utf8.RuneCountInString(ev.Text)
	rec := store.Event{Type: store.TypeAccept, Request: ev.Request, Arm: arm, Model: model, Rank: ev.Candidate, Chars: chars, Accepted: chars, TextHash: shortHash(ev.Text)}
	if storeText {
		rec.Text = ev.Text
	}
	a.mu.Lock()
	a.accepts[ev.ID] = &abAccept{id: ev.ID, request: ev.Request, arm: arm, model: model, uri: protocol.DocumentURI(ev.URI), accepted: a.clock.Now(), verdicts: map[string]bool{}}
	a.mu.Unlock()
	return func(ctx context.Context) error { return a.recordWait(ctx, rec) }
}

// abTracked schedules the persistence horizons of an A/B accept once the
// loop tracks it (right after abAccepted and loop.accepted, which may
// already have verdicts coming); an accept the loop does not track (not
// C or C++, or its text not found) has no persistence.
func (s *Server) abTracked(ev AcceptEvent) {
	a := s.ab
	a.mu.Lock()
	acc := a.accepts[ev.ID]
	a.mu.Unlock()
	if acc == nil {
		return
	}
	if _, tracked := s.loop.keptShare(acc.uri, ev.ID); !tracked {
		s.log.Debug("A/B accept not tracked in its document: no persistence, no verdicts", "id", ev.ID)
		a.mu.Lock()
		delete(a.accepts, ev.ID)
		a.mu.Unlock()
		return
	}
	a.mu.Lock()
	for i, h := range horizons {
		acc.stops = append(acc.stops, a.clock.AfterFunc(h, func() { s.abPersistence(ev.ID, i) }))
	}
	a.mu.Unlock()
}

// abPersistence records horizon i of an accept, once.
func (s *Server) abPersistence(id string, i int) {
	a := s.ab
	a.mu.Lock()
	acc := a.accepts[id]
	if acc == nil || acc.done[i] {
		a.mu.Unlock()
		return
	}
	acc.done[i] = true
	all := !slices.Contains(acc.done[:], false)
	if all {
		delete(a.accepts, id)
	}
	a.mu.Unlock()
	kept, _ := s.loop.keptShare(acc.uri, id)
	a.record(store.Event{Type: store.TypePersistence, Request: acc.request, Arm: acc.arm, Model: acc.model, Horizon: horizons[i], Kept: kept})
}

// abDidClose records the remaining horizons of the accepts in a closed
// document now, and ends its pending request.
func (s *Server) abDidClose(uri protocol.DocumentURI) {
	a := s.ab
	a.mu.Lock()
	pending := a.lastByDoc[uri]
	var ids []string
	for id, acc := range a.accepts {
		if acc.uri == uri {
			ids = append(ids, id)
			for _, stop := range acc.stops {
				stop()
			}
		}
	}
	a.mu.Unlock()
	if pending != "" {
		a.end(pending, "closed")
	}
	slices.Sort(ids)
	for _, id := range ids {
		for i := range horizons {
			s.abPersistence(id, i)
		}
	}
}

// abVerdict records the first verdict of each analyzer on an accepted
// A/B candidate.
func (s *Server) abVerdict(acceptID, analyzer string, cwes []string) {
	a := s.ab
	a.mu.Lock()
	acc := a.accepts[acceptID]
	if acc == nil || acc.verdicts[analyzer] {
		a.mu.Unlock()
		return
	}
	acc.verdicts[analyzer] = true
	a.mu.Unlock()
	a.record(store.Event{Type: store.TypeVerdict, Request: acc.request, Arm: acc.arm, Model: acc.model, Analyzer: analyzer, CWEs: cwes})
}

// keptShare is the share of an accepted candidate's bytes still in its
// document; tracked is false when the loop does not track it (never did,
// or the range was deleted whole: then nothing is kept).
func (l *loop) keptShare(uri protocol.DocumentURI, acceptID string) (share float64, tracked bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	sd := l.docs[uri]
	if sd == nil {
		return 0, false
	}
	for _, r := range sd.ranges {
		if r.AcceptID == acceptID {
			return r.Persistence(), true
		}
	}
	return 0, false
}

// rangeVerdicts returns, for each tracked range of a document, the CWEs
// of an analyzer's findings in it; l.mu held.
func rangeVerdicts(sd *secDoc, analyzer string, placed []storedFinding) map[string][]string {
	out := map[string][]string{}
	for _, r := range sd.ranges {
		var cwes []string
		for _, f := range placed {
			if f.Analyzer == analyzer && f.scope == r.ID && f.CWE != "" && !slices.Contains(cwes, string(f.CWE)) {
				cwes = append(cwes, string(f.CWE))
			}
		}
		slices.Sort(cwes)
		out[r.AcceptID] = cwes
	}
	return out
}

// didPartiallyAccept records a partial accept.
func (s *Server) didPartiallyAccept(raw json.RawMessage) error {
	var p struct {
		ID             string `json:"id"`
		AcceptedLength int    `json:"acceptedLength"`
		Item           *struct {
			Command *struct {
				Arguments []json.RawMessage `json:"arguments"`
			} `json:"command"`
		} `json:"item"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	id := p.ID
	if id == "" && p.Item != nil && p.Item.Command != nil && len(p.Item.Command.Arguments) == 1 {
		id, _ = acceptArg(p.Item.Command.Arguments[0])
	}
	req, idx, err := parseAcceptID(id)
	if err != nil {
		return err
	}
	a := s.ab
	a.mu.Lock()
	r := a.reqs[req]
	if r == nil || idx >= len(r.arms) {
		a.mu.Unlock()
		return nil // not an A/B candidate
	}
	r.ended = true
	if r.timeout != nil {
		r.timeout()
	}
	arm, model := r.arms[idx], r.models[idx]
	a.mu.Unlock()
	a.record(store.Event{Type: store.TypePartialAccept, Request: req, Arm: arm, Model: model, Rank: idx, Accepted: p.AcceptedLength})
	return nil
}

// didDismiss ends a request the user dismissed.
func (s *Server) didDismiss(raw json.RawMessage) error {
	var p struct {
		ID string `json:"id"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	req := p.ID
	if r, _, err := parseAcceptID(p.ID); err == nil {
		req = r
	}
	s.ab.end(req, "dismissed")
	return nil
}

// cwesOf lists the CWEs of findings, sorted, once each.
func cwesOf(fs []storedFinding) []string {
	var out []string
	for _, f := range fs {
		if f.CWE != "" && !slices.Contains(out, string(f.CWE)) {
			out = append(out, string(f.CWE))
		}
	}
	slices.Sort(out)
	return out
}
