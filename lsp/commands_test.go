package lsp

import (
	"fmt"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// run runs an item's command as the editor does after inserting it.
func (h *harness) run(cmd *protocol.Command) error {
	h.t.Helper()
	var res any = "not null"
	err := h.call(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": cmd.Command, "arguments": cmd.Arguments}, &res)
	if err == nil && res != nil {
		h.t.Errorf("%s answered %v, want null", cmd.Command, res)
	}
	return err
}

func TestAcceptCommand(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("ncpy(buf, src, 15);", "cpy(buf, src);")})
	h.initialize(nil)
	d := h.open("copy.c", copySrc)
	list, err := d.complete()
	if err != nil || len(list.Items) != 2 {
		t.Fatalf("complete: %v %+v", err, list)
	}

	if err := h.run(list.Items[1].Command); err != nil {
		t.Fatalf("accept: %v", err)
	}
	evs := h.accepts.Events()
	if len(evs) != 1 {
		t.Fatalf("%d accept events, want 1", len(evs))
	}
	ev := evs[0]
	id := list.Items[1].Command.Arguments[0].(map[string]any)["id"].(string)
	switch {
	case ev.ID != id || ev.Candidate != 1 || ev.Request+"/1" != id:
		t.Errorf("event id %q request %q candidate %d, want %q", ev.ID, ev.Request, ev.Candidate, id)
	case ev.Kind != kindCompletion || ev.Model != "gptj-ft":
		t.Errorf("event kind %q model %q", ev.Kind, ev.Model)
	case ev.Text != "cpy(buf, src);":
		t.Errorf("event text %q, want the candidate inserted at the cursor", ev.Text)
	case ev.URI != string(d.uri) || ev.Lang != "c" || ev.Line != 4 || ev.Column != 7 || ev.Version != 1:
		t.Errorf("event document %s %s %d:%d v%d", ev.URI, ev.Lang, ev.Line, ev.Column, ev.Version)
	case ev.Prefix != d.text[:d.off] || ev.Suffix != d.text[d.off:]:
		t.Errorf("event context %q / %q, want the text around the cursor", ev.Prefix, ev.Suffix)
	case ev.Accepted.Before(ev.Offered):
		t.Errorf("accepted %v before offered %v", ev.Accepted, ev.Offered)
	}

	// The same candidate twice, an id never offered, a candidate past the
	// offer: clear errors.
	for _, tt := range []struct {
		arg  any
		says string
	}{
		{map[string]any{"id": id}, "already accepted"},
		{map[string]any{"id": "c9999/0"}, `unknown completion id "c9999/0"`},
		{map[string]any{"id": ev.Request + "/7"}, "offered 2 candidates"},
		{42, "want {\"id\": \"c17/2\"}"},
	} {
		err := h.run(&protocol.Command{Command: CommandAccept, Arguments: []any{tt.arg}})
		if errCode(err) != jsonrpc2.InvalidParams || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("accept %v: %v, want InvalidParams saying %q", tt.arg, err, tt.says)
		}
	}
	// A bare id string is accepted too.
	if err := h.run(&protocol.Command{Command: CommandAccept, Arguments: []any{ev.Request + "/0"}}); err != nil {
		t.Errorf("accept with a bare id: %v", err)
	}

	// Inline items carry their own ids.
	var inline InlineCompletionList
	h.mustCall(MethodInlineCompletion, d.params(), &inline)
	if err := h.run(inline.Items[0].Command); err != nil {
		t.Fatal(err)
	}
	evs = h.accepts.Events()
	if last := evs[len(evs)-1]; len(evs) != 3 || last.Kind != kindInline || last.Text != "ncpy(buf, src, 15);" {
		t.Errorf("after an inline accept: %+v", evs)
	}
	if !strings.Contains(h.log.String(), "msg=accepted") {
		t.Errorf("accepts are not logged")
	}
}

// TestMemoryAcceptsBounded: the in-memory recorder keeps the latest Max
// events, oldest first, and counts what it dropped.
func TestMemoryAcceptsBounded(t *testing.T) {
	m := &MemoryAccepts{Max: 3}
	for i := range 5 {
		if err := m.RecordAccept(t.Context(), AcceptEvent{ID: fmt.Sprintf("c%d/0", i)}); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for _, ev := range m.Events() {
		ids = append(ids, ev.ID)
	}
	if got := strings.Join(ids, " "); got != "c2/0 c3/0 c4/0" {
		t.Errorf("kept %s, want c2/0 c3/0 c4/0", got)
	}
	if m.Dropped() != 2 {
		t.Errorf("dropped %d, want 2", m.Dropped())
	}
	var zero MemoryAccepts
	for range DefaultMaxAccepts + 10 {
		_ = zero.RecordAccept(t.Context(), AcceptEvent{})
	}
	if n := len(zero.Events()); n != DefaultMaxAccepts || zero.Dropped() != 10 {
		t.Errorf("zero value: kept %d, dropped %d; want %d and 10", n, zero.Dropped(), DefaultMaxAccepts)
	}
}
