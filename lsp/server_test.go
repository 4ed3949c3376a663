package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

func TestInitializeCapabilities(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{})
	// Before initialize, requests are refused with ServerNotInitialized.
	err := h.call(protocol.MethodTextDocumentCompletion, map[string]any{}, nil)
	if errCode(err) != jsonrpc2.ServerNotInitialized {
		t.Errorf("completion before initialize: %v, want ServerNotInitialized", err)
	}

	// The raw result, as the editor reads it.
	var raw map[string]any
	uri := fileURI(h.root)
	h.mustCall(protocol.MethodInitialize, map[string]any{"rootUri": uri, "capabilities": map[string]any{}}, &raw)
	caps, _ := raw["capabilities"].(map[string]any)
	sync, _ := caps["textDocumentSync"].(map[string]any)
	if sync["openClose"] != true || sync["change"] != float64(protocol.TextDocumentSyncKindIncremental) {
		t.Errorf("textDocumentSync = %v, want openClose and incremental changes", caps["textDocumentSync"])
	}
	if _, ok := sync["save"].(map[string]any); !ok {
		t.Errorf("textDocumentSync = %v, want save: editors send didSave only when it is there ([analysis] on_save)", caps["textDocumentSync"])
	}
	if _, ok := caps["completionProvider"].(map[string]any); !ok {
		t.Errorf("no completionProvider in %v", caps)
	}
	if _, ok := caps["inlineCompletionProvider"]; !ok {
		t.Errorf("no inlineCompletionProvider in %v", caps)
	}
	exec, _ := caps["executeCommandProvider"].(map[string]any)
	if cmds, _ := exec["commands"].([]any); fmt.Sprint(cmds) != fmt.Sprint([]string{CommandAccept, CommandSelectModel, CommandAnalyzeFile, CommandStatus, CommandToggleAB, CommandABReport}) {
		t.Errorf("executeCommandProvider = %v, want the commands %s, %s, %s, %s, %s, %s", caps["executeCommandProvider"], CommandAccept, CommandSelectModel, CommandAnalyzeFile, CommandStatus, CommandToggleAB, CommandABReport)
	}
	if ca, _ := caps["codeActionProvider"].(map[string]any); ca["resolveProvider"] != true || fmt.Sprint(ca["codeActionKinds"]) != "[quickfix]" {
		t.Errorf("codeActionProvider = %v, want quick fixes resolved lazily", caps["codeActionProvider"])
	}
	if dp, _ := caps["diagnosticProvider"].(map[string]any); dp == nil {
		t.Errorf("no diagnosticProvider in %v", caps)
	}
	if info, _ := raw["serverInfo"].(map[string]any); info["name"] != "securecomplete" {
		t.Errorf("serverInfo = %v", raw["serverInfo"])
	}
	// A second initialize is refused.
	if err := h.call(protocol.MethodInitialize, map[string]any{"capabilities": map[string]any{}}, nil); errCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: %v, want InvalidRequest", err)
	}
}

func TestShutdownExit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		shutdown bool
		want     int
	}{
		{"exit after shutdown", true, 0},
		{"exit without shutdown", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, setup{})
			h.initialize(nil)
			d := h.open("a.c", "int main(void) {\n  ‸")
			if tt.shutdown {
				var res any = "not null"
				h.mustCall(protocol.MethodShutdown, nil, &res)
				if res != nil {
					t.Errorf("shutdown result %v, want null", res)
				}
				if _, err := d.complete(); errCode(err) != jsonrpc2.InvalidRequest {
					t.Errorf("completion after shutdown: %v, want InvalidRequest", err)
				}
			}
			h.c.notify(protocol.MethodExit, nil)
			select {
			case r := <-h.exit:
				if r.code != tt.want || r.err != nil {
					t.Errorf("Serve returned %d, %v; want exit status %d", r.code, r.err, tt.want)
				}
				h.exit <- r // for the cleanup
			case <-time.After(replyTimeout):
				t.Fatal("the server did not stop on exit")
			}
		})
	}
}

func TestMalformedRequests(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{})
	h.initialize(nil)
	d := h.open("a.c", "int main(void) {\n  ‸")

	tests := []struct {
		name   string
		method string
		params any
		code   jsonrpc2.Code
		says   string
	}{
		{"position of the wrong type", protocol.MethodTextDocumentCompletion,
			json.RawMessage(`{"textDocument":{"uri":"` + string(d.uri) + `"},"position":"line 3"}`), jsonrpc2.InvalidParams, "position"},
		{"no position", protocol.MethodTextDocumentCompletion,
			map[string]any{"textDocument": map[string]any{"uri": d.uri}}, jsonrpc2.InvalidParams, "params.position is missing"},
		{"no params", protocol.MethodTextDocumentCompletion, nil, jsonrpc2.InvalidParams, "params are missing"},
		{"params an array", MethodInlineCompletion, json.RawMessage(`[1,2]`), jsonrpc2.InvalidParams, "params"},
		{"negative line", protocol.MethodTextDocumentCompletion,
			json.RawMessage(`{"textDocument":{"uri":"` + string(d.uri) + `"},"position":{"line":-1,"character":0}}`), jsonrpc2.InvalidParams, "position"},
		{"unknown document", protocol.MethodTextDocumentCompletion,
			map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.c"}, "position": protocol.Position{}}, jsonrpc2.InvalidParams, "file:///nowhere.c is not open"},
		{"unknown command", protocol.MethodWorkspaceExecuteCommand,
			map[string]any{"command": "rm -rf"}, jsonrpc2.InvalidParams, `unknown command "rm -rf"`},
		{"accept without arguments", protocol.MethodWorkspaceExecuteCommand,
			map[string]any{"command": CommandAccept}, jsonrpc2.InvalidParams, "takes one argument"},
		{"accept with a bad id", protocol.MethodWorkspaceExecuteCommand,
			map[string]any{"command": CommandAccept, "arguments": []any{map[string]any{"id": "c1"}}}, jsonrpc2.InvalidParams, "REQUEST/CANDIDATE"},
		{"unimplemented method", "textDocument/hover", map[string]any{}, jsonrpc2.MethodNotFound, "only completes code"},
		{"unknown method", "securecomplete/frobnicate", map[string]any{}, jsonrpc2.MethodNotFound, "securecomplete/frobnicate: unknown method"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := h.call(tt.method, tt.params, nil)
			if errCode(err) != tt.code || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("%s: error %v (code %d), want code %d saying %q", tt.method, err, errCode(err), tt.code, tt.says)
			}
		})
	}

	// Malformed notifications get no answer and change nothing.
	h.c.notify(protocol.MethodTextDocumentDidChange, json.RawMessage(`{"textDocument": 7}`))
	h.c.notify(protocol.MethodTextDocumentDidOpen, json.RawMessage(`"not an object"`))
	h.c.notify(MethodCancelRequest, json.RawMessage(`{"id": {"x": 1}}`))
	h.c.notify(MethodCancelRequest, json.RawMessage(`{"id": 1.5}`))

	// A body that is not JSON, and a request with a wrong version, are
	// answered with errors; the connection stays up.
	h.c.writeRaw(`{"jsonrpc": "2.0", "id": 1, "method": `)
	select {
	case err := <-h.c.nullReplies:
		if err.Code != jsonrpc2.ParseError {
			t.Errorf("broken JSON answered %v, want a ParseError", err)
		}
	case <-time.After(replyTimeout):
		t.Fatal("broken JSON got no ParseError reply")
	}
	wrongVersion := make(chan *jsonrpc2.Response, 1)
	h.c.mu.Lock()
	h.c.pending[jsonrpc2.NewNumberID(4242)] = wrongVersion
	h.c.mu.Unlock()
	h.c.writeRaw(`{"jsonrpc": "1.0", "id": 4242, "method": "textDocument/completion", "params": {}}`)
	if err := decode(wait(t, "a request with jsonrpc 1.0", wrongVersion), nil); errCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("jsonrpc 1.0: %v, want an InvalidRequest reply", err)
	}

	// The server still works.
	list, err := d.complete()
	if err != nil || len(list.Items) == 0 {
		t.Fatalf("completion after malformed input: %v, %+v", err, list)
	}
}

// TestPanicBecomesError checks that a panic in a handler is answered with
// an InternalError and logged, and the server goes on.
func TestPanicBecomesError(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{})
	h.initialize(nil)
	h.srv.requests["test/panic"] = requestMethod{
		prepare: func(*Server, *call, json.RawMessage) (job, error) {
			return func(context.Context) (any, error) { panic("boom") }, nil
		},
		async: true,
	}
	err := h.call("test/panic", map[string]any{}, nil)
	if errCode(err) != jsonrpc2.InternalError || !strings.Contains(err.Error(), "boom") {
		t.Errorf("a panicking handler answered %v, want an InternalError naming the panic", err)
	}
	if !strings.Contains(h.log.String(), "panic in a handler") {
		t.Errorf("the panic was not logged")
	}
	d := h.open("a.c", "int x = ‸")
	if _, err := d.complete(); err != nil {
		t.Errorf("completion after a panic: %v", err)
	}
}
