package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"securecomplete/analysis"
)

// The accept command: every completion item and inline item carries
// CommandAccept with an id naming its request and candidate ("c17/2").
// The editor runs it when the user takes the candidate; the server then
// records an AcceptEvent through an AcceptRecorder.

// AcceptEvent is one candidate a user accepted, with what the server knew
// when it offered it.
type AcceptEvent struct {
	ID        string // "c17/2": candidate 2 of request c17
	Request   string // "c17"; "c" completion, "i" inline completion
	Candidate int    // index among the candidates offered
	Kind      string // "completion" or "inline"
	Model     string // configured name of the model that wrote it

	URI      string
	Path     string // file path of a file: URI, else the URI
	Lang     analysis.Lang
	Version  int32 // document version the candidate was offered for
	Line     int   // 0-based line of the cursor
	Column   int   // UTF-16 column of the cursor, as the client counts
	Text     string
	Prefix   string // document text before the cursor (its last maxContextBefore bytes)
	Suffix   string // document text after the cursor (its first maxContextAfter bytes)
	Offered  time.Time
	Accepted time.Time
}

// AcceptRecorder receives accepted candidates. The A/B event store and
// the background security re-check implement it; RecordAccept runs in the
// accept command's own goroutine and must honour ctx.
type AcceptRecorder interface {
	RecordAccept(ctx context.Context, ev AcceptEvent) error
}

// MemoryAccepts keeps the latest accept events in memory, at most Max
// of them (DefaultMaxAccepts when Max is 0): older ones are dropped and
// counted, so a server that runs for weeks does not grow. Safe for
// concurrent use; the zero value is ready.
type MemoryAccepts struct {
	// Max bounds the events kept.
	Max int

	mu      sync.Mutex
	events  []AcceptEvent // a ring once full: next is the oldest
	next    int
	dropped int
}

// DefaultMaxAccepts is how many accept events MemoryAccepts keeps unless
// told otherwise.
const DefaultMaxAccepts = 1024

// RecordAccept keeps ev, dropping the oldest event when full.
func (m *MemoryAccepts) RecordAccept(_ context.Context, ev AcceptEvent) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	limit := m.Max
	if limit <= 0 {
		limit = DefaultMaxAccepts
	}
	if len(m.events) < limit {
		m.events = append(m.events, ev)
		return nil
	}
	m.events[m.next] = ev
	m.next = (m.next + 1) % len(m.events)
	m.dropped++
	return nil
}

// Events returns the events kept, oldest first.
func (m *MemoryAccepts) Events() []AcceptEvent {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]AcceptEvent, 0, len(m.events))
	out = append(out, m.events[m.next:]...)
	return append(out, m.events[:m.next]...)
}

// Dropped is how many events were dropped to keep within Max.
func (m *MemoryAccepts) Dropped() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.dropped
}

// Bounds of what the server remembers of its offers.
const (
	maxOffers        = 256      // requests whose candidates can still be accepted
	maxContextBefore = 16 << 10 // bytes of text before the cursor kept with an offer
	maxContextAfter  = 4 << 10  // bytes after it
)

// offer is one completion request's candidates, kept until maxOffers newer
// requests pushed it out.
type offer struct {
	request    string
	kind       string
	model      string
	uri        string
	path       string
	lang       analysis.Lang
	version    int32
	line, col  int
	prefix     string
	suffix     string
	candidates []string
	models     []string // per candidate, when they differ (A/B); nil: model
	accepted   []bool
	offered    time.Time
}

// offerLog remembers the latest offers by request id.
type offerLog struct {
	mu    sync.Mutex
	limit int
	byID  map[string]*offer
	order []string // oldest first
}

func newOfferLog(limit int) *offerLog {
	return &offerLog{limit: limit, byID: make(map[string]*offer)}
}

func (l *offerLog) add(o *offer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.byID[o.request] = o
	l.order = append(l.order, o.request)
	for len(l.order) > l.limit {
		delete(l.byID, l.order[0])
		l.order = l.order[1:]
	}
}

// accept marks a candidate accepted and returns its event.
func (l *offerLog) accept(id string, now time.Time) (AcceptEvent, error) {
	req, idx, err := parseAcceptID(id)
	if err != nil {
		return AcceptEvent{}, err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	o := l.byID[req]
	switch {
	case o == nil:
		return AcceptEvent{}, invalidParams("unknown completion id %q: request %s was never answered with candidates, or is older than the last %d requests", id, req, l.limit)
	case idx >= len(o.candidates):
		return AcceptEvent{}, invalidParams("unknown completion id %q: request %s offered %d candidates", id, req, len(o.candidates))
	case o.accepted[idx]:
		return AcceptEvent{}, invalidParams("completion id %q was already accepted", id)
	}
	o.accepted[idx] = true
	model := o.model
	if idx < len(o.models) {
		model = o.models[idx]
	}
	return AcceptEvent{
		ID: id, Request: req, Candidate: idx, Kind: o.kind, Model: model,
		URI: o.uri, Path: o.path, Lang: o.lang, Version: o.version,
		Line: o.line, Column: o.col, Text: o.candidates[idx], Prefix: o.prefix, Suffix: o.suffix,
		Offered: o.offered, Accepted: now,
	}, nil
}

// acceptID names candidate i of request req.
func acceptID(req string, i int) string { return req + "/" + strconv.Itoa(i) }

func parseAcceptID(id string) (string, int, error) {
	req, idx, ok := strings.Cut(id, "/")
	n, err := strconv.Atoi(idx)
	if !ok || req == "" || err != nil || n < 0 {
		return "", 0, invalidParams("completion id %q is not of the form REQUEST/CANDIDATE, such as \"c17/2\"", id)
	}
	return req, n, nil
}

// executeCommand runs a workspace command; the accept command is the only
// one.
func (s *Server) executeCommand(_ *call, raw json.RawMessage) (job, error) {
	var p ExecuteCommandParams
	if err := decodeParams(raw, &p, "command"); err != nil {
		return nil, err
	}
	if j, ok, err := s.securityCommand(p); ok {
		return j, err
	}
	if j, ok, err := s.abCommand(p); ok { // ab_commands.go
		return j, err
	}
	if p.Command != CommandAccept {
		return nil, invalidParams("unknown command %q (securecomplete runs %s, %s, %s, %s, %s, %s)", p.Command, CommandAccept, CommandSelectModel, CommandAnalyzeFile, CommandStatus, CommandToggleAB, CommandABReport)
	}
	if len(p.Arguments) != 1 {
		return nil, invalidParams("%s takes one argument, {\"id\": \"c17/2\"}; got %d", CommandAccept, len(p.Arguments))
	}
	id, err := acceptArg(p.Arguments[0])
	if err != nil {
		return nil, err
	}
	ev, err := s.offers.accept(id, time.Now())
	if err != nil {
		return nil, err
	}
	abRecord := s.abAccepted(ev) // ab_events.go
	s.loop.accepted(ev)
	s.abTracked(ev)
	return func(ctx context.Context) (any, error) {
		s.log.Info("accepted", "id", ev.ID, "kind", ev.Kind, "model", ev.Model, "uri", ev.URI,
			"line", ev.Line+1, "bytes", len(ev.Text), "after", ev.Accepted.Sub(ev.Offered).Round(time.Millisecond))
		if err := s.accepts.RecordAccept(ctx, ev); err != nil {
			return nil, fmt.Errorf("record the accepted candidate %s: %w", ev.ID, err)
		}
		if abRecord != nil {
			if err := abRecord(ctx); err != nil {
				// The editor is not held up by the store: the event waits
				// in the writer's buffer.
				s.log.Warn("the A/B accept event is not on disk yet", "id", ev.ID, "err", err)
			}
		}
		return nil, nil
	}, nil
}

// acceptArg reads {"id": "c17/2"} or a bare "c17/2".
func acceptArg(raw json.RawMessage) (string, error) {
	var id string
	if json.Unmarshal(raw, &id) == nil {
		return id, nil
	}
	var a AcceptArgs
	if err := json.Unmarshal(raw, &a); err != nil || a.ID == "" {
		return "", invalidParams("%s argument %s: want {\"id\": \"c17/2\"}", CommandAccept, raw)
	}
	return a.ID, nil
}
