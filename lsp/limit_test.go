package lsp

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
)

// TestModelLimit fills the slots and the queue: the next call sheds the
// oldest waiter, a release hands its slot to the next in line, and a
// waiter whose context ends leaves the queue.
func TestModelLimit(t *testing.T) {
	l := newModelLimit(2, 2)
	ctx := context.Background()
	for range 2 {
		if err := l.acquire(ctx); err != nil {
			t.Fatal(err)
		}
	}
	results := make(chan error, 4)
	wait := func(ctx context.Context) { results <- l.acquire(ctx) }
	queued := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			l.mu.Lock()
			got := l.waiting.Len()
			l.mu.Unlock()
			if got == n {
				return
			}
		}
		t.Fatalf("queue never reached %d", n)
	}
	go wait(ctx) // first waiter
	queued(1)
	cctx, cancel := context.WithCancel(ctx)
	go wait(cctx) // second waiter
	queued(2)
	go wait(ctx) // third: sheds the first
	var je *jsonrpc2.Error
	if err := <-results; !errors.As(err, &je) || je.Code != CodeServerCancelled {
		t.Fatalf("the oldest waiter got %v, want ServerCancelled", err)
	}
	cancel() // the second leaves the queue
	if err := <-results; !errors.Is(err, context.Canceled) {
		t.Fatalf("the cancelled waiter got %v", err)
	}
	queued(1)
	l.release() // the third gets the slot
	if err := <-results; err != nil {
		t.Fatalf("the third waiter got %v", err)
	}
	l.release()
	l.release()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running != 0 || l.waiting.Len() != 0 {
		t.Errorf("after all releases: %d running, %d waiting", l.running, l.waiting.Len())
	}
}
