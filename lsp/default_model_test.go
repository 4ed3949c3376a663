package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"testing"

	"go.lsp.dev/protocol"

	"securecomplete/completion/embedded/embeddedtest"
)

// defaultModelTOML configures the default embedded model as answering.
const defaultModelTOML = `
[[models]]
name = "local"
base_url = "embedded:default"
max_tokens = 24
n = 2
timeout = "10s"
`

// TestDefaultModelPrepared: a configuration on embedded:default makes the
// server run the step it was given (the command passes training's) once,
// in the background, with its progress shown to the editor; completions
// asked meanwhile get an empty list at once, and completions work as soon
// as the model is ready.
func TestDefaultModelPrepared(t *testing.T) {
	for _, tc := range []struct {
		name     string
		progress bool // the client shows work-done progress
	}{{"work-done progress", true}, {"window messages", false}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			model := embeddedtest.WriteModel(t)
			release := make(chan struct{})
			var calls atomic.Int32
			prepare := func(ctx context.Context, progress io.Writer) (string, error) {
				calls.Add(1)
				fmt.Fprintln(progress, "reading the corpus: 3 files")
				select {
				case <-release:
				case <-ctx.Done():
					return "", ctx.Err()
				}
				fmt.Fprintln(progress, "built in 1ms")
				return model, nil
			}
			caps := map[string]any{}
			if tc.progress {
				caps["window"] = map[string]any{"workDoneProgress": true}
			}
			h := newHarness(t, setup{toml: defaultModelTOML, capabilities: caps, options: Options{PrepareDefaultModel: prepare}})
			h.initialize(nil)
			d := h.open("a.c", "int main(void) {\n    ‸\n}\n")

			for range 3 { // typing on while the model trains
				list, err := d.complete()
				if err != nil {
					t.Fatal(err)
				}
				if len(list.Items) != 0 {
					t.Fatalf("%d items before the model is ready, want none", len(list.Items))
				}
			}
			if tc.progress {
				h.c.notes.waitFor(t, "a progress begin", func(n note) bool {
					return n.Method == MethodProgress && strings.Contains(string(n.Params), `"begin"`) && strings.Contains(string(n.Params), "default embedded model")
				}, replyTimeout)
				h.c.notes.waitFor(t, "a progress report of the training's line", func(n note) bool {
					return n.Method == MethodProgress && strings.Contains(string(n.Params), "reading the corpus")
				}, replyTimeout)
			} else {
				h.c.notes.waitFor(t, "a message that the model is being trained", func(n note) bool {
					m, ok := n.message()
					return ok && strings.Contains(m.Message, "default embedded model") && strings.Contains(m.Message, "training")
				}, replyTimeout)
			}
			close(release)
			h.c.notes.waitFor(t, "the end of the preparation", func(n note) bool {
				if tc.progress {
					return n.Method == MethodProgress && strings.Contains(string(n.Params), `"end"`)
				}
				m, ok := n.message()
				return ok && strings.Contains(m.Message, "ready")
			}, replyTimeout)
			waitUntil(t, "completions from the default model", func() bool {
				list, err := d.complete()
				return err == nil && len(list.Items) > 0 && strings.Contains(list.Items[0].Detail, "local")
			})
			if n := calls.Load(); n != 1 {
				t.Errorf("the preparation ran %d times, want once", n)
			}
			var messages, creates int
			for _, n := range h.c.notes.all() {
				switch n.Method {
				case protocol.MethodWindowShowMessage:
					messages++
				case MethodWorkDoneProgressCreate:
					creates++
				}
			}
			if tc.progress && (messages != 0 || creates != 1) {
				t.Errorf("%d messages and %d progress tokens, want 0 and 1", messages, creates)
			}
			if !tc.progress && messages != 2 {
				t.Errorf("%d messages, want 2 (training, ready): %v", messages, h.c.notes.messages())
			}
		})
	}
}

// TestDefaultModelPreparationFails: a failed training is shown once as an
// error, and completions answer an empty list.
func TestDefaultModelPreparationFails(t *testing.T) {
	t.Parallel()
	prepare := func(context.Context, io.Writer) (string, error) {
		return "", errors.New("no C compiler for the header table")
	}
	h := newHarness(t, setup{toml: defaultModelTOML, options: Options{PrepareDefaultModel: prepare}})
	h.initialize(nil)
	d := h.open("a.c", "int main(void) {\n    ‸\n}\n")
	h.c.notes.waitFor(t, "the training's error", func(n note) bool {
		m, ok := n.message()
		return ok && m.Type == protocol.MessageTypeError && strings.Contains(m.Message, "no C compiler")
	}, replyTimeout)
	for range 3 {
		list, err := d.complete()
		if err != nil || len(list.Items) != 0 {
			t.Fatalf("after a failed training: %v, %v; want an empty list", list, err)
		}
	}
	errorsShown := 0
	for _, m := range h.c.notes.messages() {
		if m.Type == protocol.MessageTypeError {
			errorsShown++
		}
	}
	if errorsShown != 1 {
		t.Errorf("%d error messages, want 1: %v", errorsShown, h.c.notes.messages())
	}
}

// TestDefaultModelWithoutStep: a server given no preparation step says
// once why the default model does not answer.
func TestDefaultModelWithoutStep(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{toml: defaultModelTOML})
	h.initialize(nil)
	n := h.c.notes.waitFor(t, "why there are no completions", func(n note) bool {
		m, ok := n.message()
		return ok && strings.Contains(m.Message, "train embedded")
	}, replyTimeout)
	var m protocol.ShowMessageParams
	_ = json.Unmarshal(n.Params, &m)
	if m.Type != protocol.MessageTypeError {
		t.Errorf("message type %v, want an error", m.Type)
	}
}
