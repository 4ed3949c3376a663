package lsp

import (
	"sync"
	"time"

	"go.lsp.dev/protocol"
)

// showMessage puts a message in front of the user (window/showMessage).
func (s *Server) showMessage(typ protocol.MessageType, msg string) {
	msg = s.ab.scrub(msg) // ab_blind.go
	s.log.Info("showMessage", "type", typ.String(), "message", msg)
	s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: typ, Message: msg})
}

// modelHealth decides when a failing model is worth a message. An editor
// asks for a completion on nearly every keystroke; a model that is down
// must not answer each with a pop-up. A failure is shown when:
//
//   - it is the model's first failure, or the first since it last
//     answered (it recovered, then failed anew), or
//   - the model stayed quiet for the quiet period since its previous
//     failure (the user stopped typing, came back, and it still fails).
//
// Every failure is logged, shown or not.
type modelHealth struct {
	quiet time.Duration
	now   func() time.Time

	mu     sync.Mutex
	models map[string]*health
}

type health struct {
	failing  bool      // failed since it last answered
	lastFail time.Time // the latest failure, shown or not
}

func newModelHealth(quiet time.Duration, now func() time.Time) *modelHealth {
	return &modelHealth{quiet: quiet, now: now, models: make(map[string]*health)}
}

// failed records a failure of model and reports whether to show it.
func (h *modelHealth) failed(model string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	now := h.now()
	m := h.models[model]
	if m == nil {
		m = &health{}
		h.models[model] = m
	}
	show := !m.failing || now.Sub(m.lastFail) >= h.quiet
	m.failing, m.lastFail = true, now
	return show
}

// ok records that model answered.
func (h *modelHealth) ok(model string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if m := h.models[model]; m != nil {
		m.failing = false
	}
}

// reset forgets every model's history (a new configuration).
func (h *modelHealth) reset() {
	h.mu.Lock()
	defer h.mu.Unlock()
	clear(h.models)
}
