package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

func (h *harness) command(name string, arg any, result any) error {
	h.t.Helper()
	params := map[string]any{"command": name}
	if arg != nil {
		params["arguments"] = []any{arg}
	}
	return h.call(protocol.MethodWorkspaceExecuteCommand, params, result)
}

// statusNotes returns the securecomplete/status notifications so far.
func statusNotes(t testing.TB, h *harness) []Status {
	var out []Status
	for _, n := range h.c.notes.all() {
		if n.Method != MethodStatus {
			continue
		}
		var st Status
		if err := json.Unmarshal(n.Params, &st); err != nil {
			t.Fatalf("status %s: %v", n.Params, err)
		}
		out = append(out, st)
	}
	return out
}

func TestSelectModelAndStatus(t *testing.T) {
	t.Parallel()
	pre := openaitest.New(t, answer("PRE_TEXT();"))
	h := newHarness(t, setup{toml: "-"})
	h.writeConfig(fmt.Sprintf(modelTOML, h.model.BaseURL) + fmt.Sprintf("\n[[models]]\nname = \"gptj-pre\"\nbase_url = %q\n\n[analysis]\nanalyzers = [\"builtin\", \"codeql\"]\n", pre.BaseURL))
	h.initialize(nil)

	var st Status
	if err := h.command(CommandStatus, nil, &st); err != nil {
		t.Fatal(err)
	}
	if st.Model != "gptj-ft" || !st.Healthy || fmt.Sprint(st.Analyzers.Available) != "[builtin]" {
		t.Errorf("status %+v", st)
	}
	if err := h.command(CommandSelectModel, map[string]any{"name": "gptj-pre"}, &st); err != nil {
		t.Fatal(err)
	}
	if st.Model != "gptj-pre" {
		t.Errorf("after selectModel the status names %q", st.Model)
	}
	d := h.open("a.c", "int main(void) {\n  ‸\n}\n")
	list, err := d.complete()
	if err != nil || len(list.Items) != 1 || !strings.Contains(list.Items[0].TextEdit.NewText, "PRE_TEXT") {
		t.Errorf("completion after selectModel: %v %+v, want gptj-pre's answer", err, list)
	}
	h.c.notes.waitFor(t, "a status notification naming gptj-pre", func(n note) bool {
		return n.Method == MethodStatus && strings.Contains(string(n.Params), `"model":"gptj-pre"`)
	}, 2*time.Second)

	for _, tt := range []struct {
		cmd  string
		arg  any
		want string
	}{
		{CommandSelectModel, map[string]any{"name": "gpt-5"}, `no model named "gpt-5"`},
		{CommandSelectModel, "gptj-pre", `want {"name": "gptj-ft"}`},
		{CommandSelectModel, map[string]any{}, "name is empty"},
		{CommandAnalyzeFile, map[string]any{"uri": "file:///nowhere.c"}, "is not open"},
		{CommandAnalyzeFile, nil, "takes one argument"},
	} {
		err := h.command(tt.cmd, tt.arg, nil)
		if errCode(err) != jsonrpc2.InvalidParams || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %v: %v, want InvalidParams saying %q", tt.cmd, tt.arg, err, tt.want)
		}
	}
	// codeql is configured but not installed here: unavailable, with why,
	// and logged once however often the status is asked for.
	for range 3 {
		if err := h.command(CommandStatus, nil, &st); err != nil {
			t.Fatal(err)
		}
	}
	if testenv.CI() || len(st.Analyzers.Unavailable) == 1 {
		if len(st.Analyzers.Unavailable) != 1 || st.Analyzers.Unavailable[0].Name != "codeql" || !strings.Contains(st.Analyzers.Unavailable[0].Reason, "not found") {
			t.Errorf("unavailable %+v, want codeql with why", st.Analyzers.Unavailable)
		}
		if n := strings.Count(h.log.String(), `msg="analyzer unavailable" analyzer=codeql`); n != 1 {
			t.Errorf("codeql's absence logged %d times, want once", n)
		}
	}
}

func TestAnalyzeFileAndSave(t *testing.T) {
	t.Parallel()
	h := newLoopHarness(t, nil, "analyzers = [\"builtin\"]\non_save = true", nil)
	src := strings.Replace(argvSrc, "‸", vulnCand, 1)
	d := h.open("whole.c", src)
	var st Status
	if err := h.command(CommandAnalyzeFile, map[string]any{"uri": d.uri}, &st); err != nil {
		t.Fatal(err)
	}
	p := d.latestDiagnostics("the whole-file diagnostic", hasCWE("CWE-787"), 2*time.Second)
	if dg := p.Diagnostics[0]; dg.Data.RangeID != 0 || len(dg.RelatedInformation) != 0 {
		t.Errorf("a finding in code no model wrote: %+v, want no accepted range", dg)
	}
	// A save of the fixed file checks it again.
	at := strings.Index(d.text, vulnCand)
	d.edit(at, at+len(vulnCand), safeCand)
	d.latestDiagnostics("cleared by the edit", noDiagnostics, 2*time.Second)
	d.edit(at, at+len(safeCand), vulnCand)
	h.c.notify(protocol.MethodTextDocumentDidSave, map[string]any{"textDocument": map[string]any{"uri": d.uri}})
	d.latestDiagnostics("back after the save", hasCWE("CWE-787"), 2*time.Second)
}
