package lsp

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
)

// slowWhere answers prompts holding "SLOW" after a minute (so a test only
// ends them by cancelling), others at once.
func slowWhere(r openaitest.Request) openaitest.Reply {
	if strings.Contains(r.Prompt, "SLOW") {
		return openaitest.Reply{Texts: []string{"slow();"}, Delay: time.Minute}
	}
	return openaitest.Reply{Texts: []string{"fast();"}}
}

// started waits until the model received a request.
func started(t *testing.T, srv *openaitest.Server) openaitest.Request {
	t.Helper()
	select {
	case r := <-srv.Started():
		return r
	case <-time.After(replyTimeout):
		t.Fatal("the model received no request")
		return openaitest.Request{}
	}
}

// TestCancelRequest cancels a completion waiting on a slow model by its
// id, a number as editors send it and a string: the reply is
// RequestCancelled and the HTTP call to the model is aborted.
func TestCancelRequest(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		id   jsonrpc2.ID
		wire any
	}{
		{"numeric id", jsonrpc2.NewNumberID(77), 77},
		{"string id", jsonrpc2.NewStringID("req-7"), "req-7"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, setup{model: slowWhere})
			h.initialize(nil)
			d := h.open("slow.c", "// SLOW\nint main(void) {\n    ‸")
			reply := d.startComplete(tt.id)
			started(t, h.model)
			h.c.notify(MethodCancelRequest, map[string]any{"id": tt.wire})
			err := decode(wait(t, "the cancelled completion", reply), nil)
			if errCode(err) != CodeRequestCancelled {
				t.Errorf("cancelled completion answered %v, want RequestCancelled (-32800)", err)
			}
			waitUntil(t, "the model's HTTP request aborted", func() bool { return h.model.Aborted() == 1 })
		})
	}
}

// TestFastWhileSlow: while a completion waits on a slow model, an edit, a
// completion on another document and another method are all answered.
func TestFastWhileSlow(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: slowWhere})
	h.initialize(nil)
	slow := h.open("slow.c", "// SLOW\nint main(void) {\n    ‸")
	fast := h.open("fast.c", "int main(void) {\n    ‸")
	slowReply := slow.startComplete(jsonrpc2.NewNumberID(1000))
	started(t, h.model)

	fast.typeText("x = 1;\n    ")
	h.model.Check(func(r openaitest.Request) error {
		if !strings.Contains(r.Prompt, "SLOW") && !strings.HasSuffix(r.Prompt, "x = 1;\n    ") {
			t.Errorf("the fast completion did not see the edit made while the slow one ran: %q", r.Prompt)
		}
		return nil
	})
	list, err := fast.complete()
	if err != nil || len(list.Items) != 1 || list.Items[0].TextEdit.NewText != "fast();" {
		t.Fatalf("fast completion: %v %+v", err, list)
	}
	if err := h.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": fast.uri}, "position": fast.pos()}, nil); errCode(err) != jsonrpc2.MethodNotFound {
		t.Errorf("hover: %v", err)
	}
	select {
	case r := <-slowReply:
		t.Fatalf("the slow completion was answered before the fast ones: %v", r)
	default:
	}
	h.c.notify(MethodCancelRequest, map[string]any{"id": 1000})
	if err := decode(wait(t, "the slow completion", slowReply), nil); errCode(err) != CodeRequestCancelled {
		t.Errorf("slow completion: %v", err)
	}
}

// TestSupersede: a new completion on a document cancels the one still
// running there; the old one gets an empty, incomplete list, and its
// model call is aborted.
func TestSupersede(t *testing.T) {
	t.Parallel()
	var n atomic.Int32
	h := newHarness(t, setup{model: func(r openaitest.Request) openaitest.Reply {
		if n.Add(1) == 1 {
			return openaitest.Reply{Texts: []string{"first();"}, Delay: time.Minute}
		}
		return openaitest.Reply{Texts: []string{"second();"}}
	}})
	h.initialize(nil)
	d := h.open("a.c", "int main(void) {\n    ‸")
	first := d.startComplete(jsonrpc2.NewNumberID(1))
	started(t, h.model)
	d.typeText("s")
	var second protocol.CompletionList
	if err := decode(wait(t, "the second completion", d.startComplete(jsonrpc2.NewNumberID(2))), &second); err != nil {
		t.Fatal(err)
	}
	if len(second.Items) != 1 || second.Items[0].TextEdit.NewText != "ssecond();" {
		t.Errorf("second completion: %+v", second.Items)
	}
	var old protocol.CompletionList
	if err := decode(wait(t, "the superseded completion", first), &old); err != nil {
		t.Fatalf("superseded completion answered an error %v, want an empty list", err)
	}
	if len(old.Items) != 0 || !old.IsIncomplete {
		t.Errorf("superseded completion answered %+v, want an empty incomplete list", old)
	}
	waitUntil(t, "the superseded model call aborted", func() bool { return h.model.Aborted() == 1 })

	// An inline completion does not supersede a completion: VS Code asks
	// for both on the same keystroke.
	slowAgain := d.startComplete(jsonrpc2.NewNumberID(3))
	var inline InlineCompletionList
	if err := decode(wait(t, "inline completion", h.c.start(jsonrpc2.NewNumberID(4), MethodInlineCompletion, d.params())), &inline); err != nil || len(inline.Items) != 1 {
		t.Fatalf("inline completion: %v %+v", err, inline)
	}
	if err := decode(wait(t, "completion beside the inline one", slowAgain), &second); err != nil || len(second.Items) != 1 {
		t.Errorf("the completion running beside an inline completion: %v %+v", err, second)
	}
}

// TestCloseCancels: closing a document ends its running completion.
func TestCloseCancels(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: slowWhere})
	h.initialize(nil)
	d := h.open("slow.c", "// SLOW\n‸")
	reply := d.startComplete(jsonrpc2.NewNumberID(5))
	started(t, h.model)
	h.c.notify(protocol.MethodTextDocumentDidClose, map[string]any{"textDocument": map[string]any{"uri": d.uri}})
	var list protocol.CompletionList
	if err := decode(wait(t, "completion on a closed document", reply), &list); err != nil || len(list.Items) != 0 {
		t.Errorf("completion of a document closed meanwhile: %v %+v, want an empty list", err, list)
	}
	waitUntil(t, "the model call aborted", func() bool { return h.model.Aborted() == 1 })
}

// TestShutdownCancels: shutdown ends the running completions, which are
// still answered.
func TestShutdownCancels(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: slowWhere})
	h.initialize(nil)
	d := h.open("slow.c", "// SLOW\n‸")
	reply := d.startComplete(jsonrpc2.NewNumberID(9))
	started(t, h.model)
	h.mustCall(protocol.MethodShutdown, nil, nil)
	if err := decode(wait(t, "completion at shutdown", reply), nil); errCode(err) != CodeRequestCancelled {
		t.Errorf("completion at shutdown: %v, want RequestCancelled", err)
	}
}
