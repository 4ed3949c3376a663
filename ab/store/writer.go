package store

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// Writer records events on a Store off the caller's path: Record never
// blocks, RecordWait waits for the commit. Events wait in a memory buffer
// of bounded size while the store cannot be written (a PostgreSQL server
// that went away); beyond the bound, new events are dropped and counted,
// and the count is written as a loss event once the store takes writes
// again.
type Writer struct {
	st    Store
	log   *slog.Logger
	max   int
	retry time.Duration

	mu      sync.Mutex
	queue   []pending
	lost    int // dropped, not yet written as a loss event
	lostAll int // dropped since the start
	failing bool
	wake    chan struct{}
	closed  bool
	done    chan struct{}
}

type pending struct {
	ev   Event
	done chan error // nil: nobody waits
}

// WriterOptions tune a Writer.
type WriterOptions struct {
	// Buffer bounds the events waiting in memory (DefaultBuffer when 0).
	Buffer int
	// Retry is the pause after a failed write (1s when 0).
	Retry time.Duration
	// Logger receives write failures; nil discards them.
	Logger *slog.Logger
}

// DefaultBuffer is how many events wait in memory for an unreachable
// store before new ones are dropped.
const DefaultBuffer = 10000

// maxBatch bounds the events written in one transaction.
const maxBatch = 512

// NewWriter starts a writer on st; Close stops it.
func NewWriter(st Store, o WriterOptions) *Writer {
	if o.Buffer <= 0 {
		o.Buffer = DefaultBuffer
	}
	if o.Retry <= 0 {
		o.Retry = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	w := &Writer{st: st, log: o.Logger, max: o.Buffer, retry: o.Retry, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go w.run()
	return w
}

// Store returns the store written to.
func (w *Writer) Store() Store { return w.st }

// Record queues ev; it never blocks. It reports false when the buffer
// was full and ev was dropped.
func (w *Writer) Record(ev Event) bool {
	return w.enqueue(pending{ev: ev})
}

// errDropped is RecordWait's error for an event the full buffer dropped.
var errDropped = errors.New("the A/B store is not taking writes and the memory buffer is full: the event was dropped and counted")

// RecordWait queues ev and waits until it is committed or ctx ends.
func (w *Writer) RecordWait(ctx context.Context, ev Event) error {
	p := pending{ev: ev, done: make(chan error, 1)}
	if !w.enqueue(p) {
		return errDropped
	}
	select {
	case err := <-p.done:
		return err
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (w *Writer) enqueue(p pending) bool {
	w.mu.Lock()
	if w.closed || len(w.queue) >= w.max {
		w.lost++
		w.lostAll++
		w.mu.Unlock()
		return false
	}
	w.queue = append(w.queue, p)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return true
}

// Stats returns the events waiting and those dropped since the start.
func (w *Writer) Stats() (waiting, lost int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.queue), w.lostAll
}

// Failing reports whether the latest write failed.
func (w *Writer) Failing() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.failing
}

func (w *Writer) run() {
	defer close(w.done)
	for {
		w.mu.Lock()
		for len(w.queue) == 0 && w.lost == 0 && !w.closed {
			w.mu.Unlock()
			<-w.wake
			w.mu.Lock()
		}
		if len(w.queue) == 0 && w.closed {
			w.mu.Unlock()
			return
		}
		n := min(len(w.queue), maxBatch)
		batch := make([]pending, n)
		copy(batch, w.queue[:n])
		lost := w.lost
		closed := w.closed
		w.mu.Unlock()

		evs := make([]Event, 0, n+1)
		for _, p := range batch {
			evs = append(evs, p.ev)
		}
		if lost > 0 {
			evs = append(evs, Event{Type: TypeLoss, Time: time.Now(), Lost: lost})
		}
		// The last try when closing is short: a server stopping does not
		// wait long for a store that is gone.
		timeout := 10 * time.Second
		if closed {
			timeout = 2 * time.Second
		}
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		err := w.st.Append(ctx, evs)
		cancel()
		w.mu.Lock()
		if err != nil {
			if !w.failing {
				w.log.Warn("A/B store write failed: events wait in memory", "store", w.st.Location(), "waiting", len(w.queue), "err", err)
			}
			w.failing = true
			w.mu.Unlock()
			if closed {
				w.failAll(err)
				return
			}
			time.Sleep(w.retry)
			continue
		}
		if w.failing {
			w.log.Info("A/B store takes writes again", "store", w.st.Location(), "lost", lost)
		}
		w.failing = false
		w.queue = w.queue[n:]
		w.lost -= lost
		w.mu.Unlock()
		for _, p := range batch {
			if p.done != nil {
				p.done <- nil
			}
		}
	}
}

// failAll answers the waiters of the events never written.
func (w *Writer) failAll(err error) {
	w.mu.Lock()
	q := w.queue
	w.queue = nil
	w.lostAll += len(q)
	w.mu.Unlock()
	for _, p := range q {
		if p.done != nil {
			p.done <- err
		}
	}
}

// Close writes what is queued (trying once more if the store fails),
// stops the writer, and closes the store.
func (w *Writer) Close() error {
	w.mu.Lock()
	already := w.closed
	w.closed = true
	w.mu.Unlock()
	if !already {
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
	<-w.done
	if already {
		return nil
	}
	return w.st.Close()
}
