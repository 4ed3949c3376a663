package lsp

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
)

// secureModel answers completions with the vulnerable candidate and the
// secure-version prompt with fix (both candidates vulnerable when fix is
// ""), recording the prompts it saw.
type secureModel struct {
	fix     string
	mu      sync.Mutex
	prompts []string
}

func (m *secureModel) answer(r openaitest.Request) openaitest.Reply {
	m.mu.Lock()
	m.prompts = append(m.prompts, r.Prompt)
	m.mu.Unlock()
	if strings.Contains(r.Prompt, "Secure version (") {
		if m.fix == "" {
			return openaitest.Reply{Texts: []string{vulnCand, "strcat(buf, argv[1]);"}}
		}
		return openaitest.Reply{Texts: []string{"strcpy(buf, argv[1]); /* again */", m.fix}}
	}
	return openaitest.Reply{Texts: []string{vulnCand}}
}

// quickFix lists the code actions at the diagnostic and returns the one.
func quickFix(t *testing.T, h *harness, d *doc, diag protocol.Diagnostic) protocol.CodeAction {
	t.Helper()
	var actions []protocol.CodeAction
	h.mustCall(protocol.MethodTextDocumentCodeAction, map[string]any{
		"textDocument": map[string]any{"uri": d.uri},
		"range":        diag.Range,
		"context":      map[string]any{"diagnostics": []protocol.Diagnostic{diag}},
	}, &actions)
	if len(actions) != 1 {
		t.Fatalf("%d code actions, want 1: %+v", len(actions), actions)
	}
	a := actions[0]
	if a.Title != "Ask gptj-ft for a secure version (CWE-787)" || a.Kind != protocol.QuickFix || a.Edit != nil {
		t.Errorf("action %+v: want the unresolved quick fix", a)
	}
	return a
}

func TestCodeActionSecureVersion(t *testing.T) {
	t.Parallel()
	m := &secureModel{fix: safeCand}
	h := newLoopHarness(t, m.answer, `analyzers = ["builtin"]`, nil)
	d := h.open("argv.c", argvSrc)
	at := d.acceptCandidate(vulnCand)
	p := d.latestDiagnostics("the CWE-787 diagnostic", hasCWE("CWE-787"), 2*time.Second)
	raw, _ := json.Marshal(p.Diagnostics[0])
	var diag protocol.Diagnostic
	if err := json.Unmarshal(raw, &diag); err != nil {
		t.Fatal(err)
	}
	a := quickFix(t, h, d, diag)
	m.mu.Lock()
	asked := len(m.prompts)
	m.mu.Unlock()
	if asked != 1 {
		t.Errorf("listing the actions asked the model (%d prompts, want only the completion's)", asked)
	}

	var resolved protocol.CodeAction
	h.mustCall(MethodCodeActionResolve, a, &resolved)
	if resolved.Edit == nil || len(resolved.Edit.Changes[d.uri]) != 1 {
		t.Fatalf("resolved %+v: want one edit", resolved)
	}
	e := resolved.Edit.Changes[d.uri][0]
	if e.NewText != safeCand {
		t.Errorf("edit inserts %q, want the candidate that passes the rules, %q", e.NewText, safeCand)
	}
	if byteOffset(t, d.text, e.Range.Start) != at || byteOffset(t, d.text, e.Range.End) != at+len(vulnCand) {
		t.Errorf("edit range %+v, want the tracked range", e.Range)
	}
	m.mu.Lock()
	prompt := m.prompts[len(m.prompts)-1]
	m.mu.Unlock()
	if !strings.Contains(prompt, "/* Secure version (CWE-787)") || !strings.Contains(prompt, "snprintf(dst, sizeof dst") ||
		!strings.HasSuffix(prompt, "*/\n  ") || strings.Contains(prompt, vulnCand) {
		t.Errorf("prompt %q: want the code before the snippet and a comment with the finding and the safe practice", prompt)
	}
	// The editor applies the edit: the diagnostic goes.
	start, end := byteOffset(t, d.text, e.Range.Start), byteOffset(t, d.text, e.Range.End)
	d.edit(start, end, e.NewText)
	d.latestDiagnostics("no diagnostic after the fix", noDiagnostics, 2*time.Second)
}

func TestCodeActionNonePassed(t *testing.T) {
	t.Parallel()
	m := &secureModel{}
	h := newLoopHarness(t, m.answer, `analyzers = ["builtin"]`, nil)
	d := h.open("argv.c", argvSrc)
	d.acceptCandidate(vulnCand)
	p := d.latestDiagnostics("the CWE-787 diagnostic", hasCWE("CWE-787"), 2*time.Second)
	raw, _ := json.Marshal(p.Diagnostics[0])
	var diag protocol.Diagnostic
	_ = json.Unmarshal(raw, &diag)
	a := quickFix(t, h, d, diag)
	var resolved protocol.CodeAction
	h.mustCall(MethodCodeActionResolve, a, &resolved)
	if resolved.Edit != nil || resolved.Disabled == nil || !strings.Contains(resolved.Disabled.Reason, "none passed the built-in rules for CWE-787") {
		t.Errorf("resolved %+v: want no edit and a reason that says no candidate passed", resolved)
	}
	h.c.notes.waitFor(t, "the message that none passed", func(n note) bool {
		msg, ok := n.message()
		return ok && strings.Contains(msg.Message, "none passed")
	}, 2*time.Second)

	// A stale action (its range gone) is a clear error.
	d.edit(0, len(d.text), "")
	if err := h.call(MethodCodeActionResolve, a, nil); err == nil || !strings.Contains(err.Error(), "is gone") {
		t.Errorf("resolve after the range is gone: %v", err)
	}
}
