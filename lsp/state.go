package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/completion"
	"securecomplete/config"
)

// phase is where the server is in the LSP lifecycle.
type phase int

const (
	phaseNew      phase = iota // before initialize
	phaseRunning               // after initialize
	phaseShutdown              // after shutdown
)

// Why a request's context was cancelled (its context.Cause).
var (
	errCancelled  = errors.New("cancelled by the client ($/cancelRequest)")
	errSuperseded = errors.New("superseded by a newer request on the same document")
	errClosed     = errors.New("the document was closed")
	errShutdown   = errors.New("the server is shutting down")
)

// call is one request being answered.
type call struct {
	id     jsonrpc2.ID
	method string
	ctx    context.Context
	cancel context.CancelCauseFunc
	slot   slotKey // set when the call holds a document's slot
}

// slotKey names the one completion of a kind that may run on a document:
// a newer one supersedes it.
type slotKey struct {
	uri  protocol.DocumentURI
	kind string
}

// state is everything the server knows, under one lock: the lifecycle
// phase, the open documents, the configuration and its engine, and the
// requests in flight. Handlers read and change it only through the
// methods below; documents are immutable values, so a handler takes a
// snapshot and works without the lock.
type state struct {
	mu sync.Mutex

	phase    phase
	root     string          // workspace root folder, "" when none
	initOpts json.RawMessage // initializationOptions, applied on every reload
	settings json.RawMessage // the last didChangeConfiguration payload

	progress bool // the client shows work-done progress

	cfg          *config.Config
	engine       *completion.Engine
	engineErr    error // why there is no engine
	defaultModel defaultModelState

	docs  map[protocol.DocumentURI]*document
	calls map[jsonrpc2.ID]*call
	slots map[slotKey]*call
	seq   uint64 // numbers completion requests: c1, i2, ...
}

func newState() *state {
	return &state{
		docs:  make(map[protocol.DocumentURI]*document),
		calls: make(map[jsonrpc2.ID]*call),
		slots: make(map[slotKey]*call),
	}
}

func (st *state) getPhase() phase {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.phase
}

// begin registers a request and returns its call, whose context derives
// from base (the connection), not from the request that started it.
func (st *state) begin(base context.Context, id jsonrpc2.ID, method string) *call {
	ctx, cancel := context.WithCancelCause(base)
	c := &call{id: id, method: method, ctx: ctx, cancel: cancel}
	st.mu.Lock()
	st.calls[id] = c
	st.mu.Unlock()
	return c
}

// end forgets a finished request.
func (st *state) end(c *call) {
	st.mu.Lock()
	if st.calls[c.id] == c {
		delete(st.calls, c.id)
	}
	if c.slot.uri != "" && st.slots[c.slot] == c {
		delete(st.slots, c.slot)
	}
	st.mu.Unlock()
	c.cancel(context.Canceled)
}

// cancel cancels the request with the given id, if it is running.
func (st *state) cancel(id jsonrpc2.ID, cause error) bool {
	st.mu.Lock()
	c := st.calls[id]
	st.mu.Unlock()
	if c == nil {
		return false
	}
	c.cancel(cause)
	return true
}

// cancelAll cancels every running request.
func (st *state) cancelAll(cause error) {
	st.mu.Lock()
	calls := make([]*call, 0, len(st.calls))
	for _, c := range st.calls {
		calls = append(calls, c)
	}
	st.mu.Unlock()
	for _, c := range calls {
		c.cancel(cause)
	}
}

// claim makes c the running request of its kind on a document and
// cancels the one it supersedes.
func (st *state) claim(c *call, key slotKey) {
	st.mu.Lock()
	prev := st.slots[key]
	st.slots[key] = c
	c.slot = key
	st.mu.Unlock()
	if prev != nil && prev != c {
		prev.cancel(errSuperseded)
	}
}

// cancelDocument cancels the requests running on a document.
func (st *state) cancelDocument(uri protocol.DocumentURI, cause error) {
	st.mu.Lock()
	var victims []*call
	for k, c := range st.slots {
		if k.uri == uri {
			victims = append(victims, c)
		}
	}
	st.mu.Unlock()
	for _, c := range victims {
		c.cancel(cause)
	}
}

func (st *state) doc(uri protocol.DocumentURI) *document {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.docs[uri]
}

func (st *state) setDoc(d *document) {
	st.mu.Lock()
	st.docs[d.uri] = d
	st.mu.Unlock()
}

func (st *state) closeDoc(uri protocol.DocumentURI) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	_, ok := st.docs[uri]
	delete(st.docs, uri)
	return ok
}

// nextRequest numbers a completion request and returns the engine that
// answers it, or why there is none.
func (st *state) nextRequest() (seq uint64, eng *completion.Engine, engErr error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.seq++
	return st.seq, st.engine, st.engineErr
}
