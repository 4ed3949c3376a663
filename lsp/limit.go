package lsp

import (
	"container/list"
	"context"
	"fmt"
	"sync"

	"go.lsp.dev/jsonrpc2"

	"securecomplete/completion"
)

// Defaults of Options.MaxModelCalls and Options.MaxQueuedModelCalls.
const (
	DefaultMaxModelCalls       = 8
	DefaultMaxQueuedModelCalls = 32
)

// CodeServerCancelled answers a completion the server dropped because too
// many were waiting for the model (LSP 3.17 ServerCancelled); clients ask
// again when the user types on.
const CodeServerCancelled jsonrpc2.Code = -32802

// modelLimit bounds the model calls of one server: at most max run at
// once; up to queued more wait, first come first served; when the queue
// is full the one that waited longest is dropped for the newcomer, since
// an editor's newest request is the one its user still waits for. Only
// model calls pass through it: notifications, cancellations and every
// other request are answered on the read loop, never behind a model.
type modelLimit struct {
	max, queued int

	mu      sync.Mutex
	running int
	waiting *list.List // of *modelWaiter, oldest first
}

type modelWaiter struct {
	granted chan struct{} // closed when a slot is handed over
	shed    chan struct{} // closed when dropped from the queue
}

func newModelLimit(max, queued int) *modelLimit {
	if max <= 0 {
		max = DefaultMaxModelCalls
	}
	if queued < 0 {
		queued = 0
	} else if queued == 0 {
		queued = DefaultMaxQueuedModelCalls
	}
	return &modelLimit{max: max, queued: queued, waiting: list.New()}
}

// acquire waits for a slot; the caller calls release once done.
func (l *modelLimit) acquire(ctx context.Context) error {
	l.mu.Lock()
	if l.running < l.max {
		l.running++
		l.mu.Unlock()
		return nil
	}
	if l.queued == 0 {
		l.mu.Unlock()
		return l.busy()
	}
	if l.waiting.Len() >= l.queued {
		oldest := l.waiting.Remove(l.waiting.Front()).(*modelWaiter)
		close(oldest.shed)
	}
	w := &modelWaiter{granted: make(chan struct{}), shed: make(chan struct{})}
	e := l.waiting.PushBack(w)
	l.mu.Unlock()
	select {
	case <-w.granted:
		return nil
	case <-w.shed:
		return l.busy()
	case <-ctx.Done():
		l.mu.Lock()
		defer l.mu.Unlock()
		select {
		case <-w.granted: // handed a slot as ctx ended: give it on
			l.releaseLocked()
		case <-w.shed:
		default:
			l.waiting.Remove(e)
		}
		return ctx.Err()
	}
}

func (l *modelLimit) busy() error {
	return jsonrpc2.NewError(CodeServerCancelled, fmt.Sprintf("the server is busy: %d model calls running and %d waiting; this completion was dropped", l.max, l.queued))
}

// release frees a slot, handing it to the oldest waiter.
func (l *modelLimit) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.releaseLocked()
}

func (l *modelLimit) releaseLocked() {
	if front := l.waiting.Front(); front != nil {
		w := l.waiting.Remove(front).(*modelWaiter)
		close(w.granted) // the slot passes on: running is unchanged
		return
	}
	l.running--
}

// client wraps c so that each of its calls takes a slot.
func (l *modelLimit) client(c completion.Client) completion.Client {
	return limitedClient{inner: c, limit: l}
}

type limitedClient struct {
	inner completion.Client
	limit *modelLimit
}

func (c limitedClient) Complete(ctx context.Context, req completion.Request) ([]completion.Choice, error) {
	if err := c.limit.acquire(ctx); err != nil {
		return nil, err
	}
	defer c.limit.release()
	return c.inner.Complete(ctx, req)
}
