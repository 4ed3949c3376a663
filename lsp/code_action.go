package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"go.lsp.dev/protocol"

	"securecomplete/analysis"
	"securecomplete/completion"
)

// Code actions: on a securecomplete diagnostic in accepted code, the
// quick fix "Ask MODEL for a secure version (CWE-787)". Listing actions
// never waits for a model: the edit is computed on codeAction/resolve,
// which prompts the answering model with the code before the accepted
// range and a comment stating the finding and the safe practice for its
// CWE, screens the candidates with the built-in rules, and replaces the
// range with the first that passes, or says that none did.

// codeActionData is the data of the quick fix, kept by the client between
// textDocument/codeAction and codeAction/resolve.
type codeActionData struct {
	URI     protocol.DocumentURI `json:"uri"`
	RangeID uint64               `json:"rangeId"`
	CWE     analysis.CWE         `json:"cwe"`
	Message string               `json:"message"`
}

// codeAction lists the quick fixes for the securecomplete diagnostics in
// the requested range.
func (s *Server) codeAction(_ *call, raw json.RawMessage) (job, error) {
	var p protocol.CodeActionParams
	if err := decodeParams(raw, &p, "textDocument", "range"); err != nil {
		return nil, err
	}
	if s.st.doc(p.TextDocument.URI) == nil {
		return nil, invalidParams("document %s is not open: send textDocument/didOpen first", p.TextDocument.URI)
	}
	if len(p.Context.Only) > 0 && !containsKind(p.Context.Only, protocol.QuickFix) {
		return func(context.Context) (any, error) { return []protocol.CodeAction{}, nil }, nil
	}
	model := ""
	if eng, _ := s.st.engineNow(); eng != nil {
		model = s.shownModel(eng.Model().Name)
	}
	diags := s.loop.diagnosticsOf(p.TextDocument.URI)
	actions := []protocol.CodeAction{}
	seen := map[string]bool{}
	for _, d := range diags {
		data, ok := d.Data.(DiagnosticData)
		if !ok || data.RangeID == 0 || !rangesMeet(d.Range, p.Range) {
			continue
		}
		k := fmt.Sprint(data.RangeID, data.CWE)
		if seen[k] || model == "" {
			continue
		}
		seen[k] = true
		actions = append(actions, protocol.CodeAction{
			Title:       fmt.Sprintf("Ask %s for a secure version (%s)", model, data.CWE),
			Kind:        protocol.QuickFix,
			Diagnostics: []protocol.Diagnostic{d},
			Data:        codeActionData{URI: p.TextDocument.URI, RangeID: data.RangeID, CWE: data.CWE, Message: d.Message},
		})
	}
	return func(context.Context) (any, error) { return actions, nil }, nil
}

func containsKind(kinds []protocol.CodeActionKind, k protocol.CodeActionKind) bool {
	for _, x := range kinds {
		if x == k || strings.HasPrefix(string(k), string(x)+".") {
			return true
		}
	}
	return false
}

// rangesMeet reports whether two ranges overlap or touch.
func rangesMeet(a, b protocol.Range) bool {
	before := func(p, q protocol.Position) bool {
		return p.Line < q.Line || (p.Line == q.Line && p.Character < q.Character)
	}
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// codeActionResolve asks the model for a secure version of the tracked
// range and fills in the action's edit.
func (s *Server) codeActionResolve(_ *call, raw json.RawMessage) (job, error) {
	var action protocol.CodeAction
	if err := decodeParams(raw, &action, "title"); err != nil {
		return nil, err
	}
	b, _ := json.Marshal(action.Data)
	var data codeActionData
	if err := json.Unmarshal(b, &data); err != nil || data.URI == "" || data.RangeID == 0 {
		return nil, invalidParams("codeAction/resolve: data %s is not a securecomplete action's", b)
	}
	// The snapshot, on the read loop: the text and the range now.
	s.loop.mu.Lock()
	sd := s.loop.docs[data.URI]
	var r *trackedRange
	if sd != nil {
		r = sd.rangeByID(data.RangeID)
	}
	if r == nil {
		s.loop.mu.Unlock()
		return nil, invalidParams("codeAction/resolve: accepted range %d of %s is gone (edited away or the document was closed and changed)", data.RangeID, data.URI)
	}
	text, sp, path, lang := sd.text, r.Span, sd.path, sd.lang
	s.loop.mu.Unlock()
	eng, engErr := s.st.engineNow()
	return func(ctx context.Context) (any, error) {
		if eng == nil {
			return nil, fmt.Errorf("no model answers: %w", engErr)
		}
		model := s.shownModel(eng.Model().Name)
		fix, tried, err := s.secureVersion(ctx, eng, path, lang, text, sp, data)
		if err != nil {
			return nil, err
		}
		m := newMapper(text)
		if fix == "" {
			reason := fmt.Sprintf("%s answered %d candidates; none passed the built-in rules for %s", model, tried, data.CWE)
			if tried == 0 {
				reason = fmt.Sprintf("%s answered no candidate", model)
			}
			action.Title = fmt.Sprintf("Ask %s for a secure version (%s): none passed", model, data.CWE)
			action.Disabled = &protocol.CodeActionDisable{Reason: reason}
			action.Edit = nil
			s.showMessage(protocol.MessageTypeInfo, "securecomplete: "+reason)
			return action, nil
		}
		rng := protocol.Range{Start: m.position(sp.Start), End: m.position(sp.End)}
		action.Edit = &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{
			data.URI: {{Range: rng, NewText: fix}},
		}}
		return action, nil
	}, nil
}

// secureVersion prompts the model for a replacement of text[sp] and
// returns the first candidate the built-in rules pass in place ("" when
// none did) and how many candidates it tried.
func (s *Server) secureVersion(ctx context.Context, eng *completion.Engine, path string, lang analysis.Lang, text string, sp span, data codeActionData) (string, int, error) {
	lineStart := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	indent := text[lineStart:sp.Start]
	if strings.TrimSpace(indent) != "" {
		indent = ""
	}
	comment := secureComment(data.CWE, data.Message) + "\n" + indent
	before := text[:sp.Start] + comment
	res, err := eng.Complete(ctx, completion.Input{Path: path, Lang: lang, Text: before + text[sp.End:], Offset: len(before)})
	if err != nil {
		var me *completion.ModelError
		if errors.As(err, &me) {
			s.health.failed(me.Model)
		}
		return "", 0, fmt.Errorf("ask %s for a secure version: %w", s.shownModel(eng.Model().Name), err)
	}
	s.health.ok(eng.Model().Name)
	for _, c := range res.Candidates {
		cand := strings.TrimRight(c.Text, " \t\n")
		if strings.TrimSpace(cand) == "" {
			continue
		}
		if s.passes(ctx, path, lang, text[:sp.Start]+cand+text[sp.End:], span{sp.Start, sp.Start + len(cand)}) {
			return cand, len(res.Candidates), nil
		}
	}
	return "", len(res.Candidates), nil
}

// passes reports whether the built-in rules find nothing in the part sp
// of text (checked within its enclosing declarations).
func (s *Server) passes(ctx context.Context, path string, lang analysis.Lang, text string, sp span) bool {
	u := enclosingUnit(text, sp)
	fs, err := s.rules.Check(ctx, analysis.File{Path: path, Lang: lang, Src: []byte(text[u.Start:u.End])})
	if err != nil && len(fs) == 0 {
		return false
	}
	um := newMapper(text[u.Start:u.End])
	for _, f := range fs {
		fsp := findingSpan(&um, f)
		if fsp.Start+u.Start < sp.End && fsp.End+u.Start > sp.Start {
			return false
		}
	}
	return true
}

// secureComment is the comment that tells the model what to avoid.
func secureComment(cwe analysis.CWE, finding string) string {
	finding = strings.ReplaceAll(strings.TrimSpace(finding), "*/", "* /")
	if i := strings.Index(finding, ". Fix:"); i >= 0 {
		finding = finding[:i]
	}
	return fmt.Sprintf("/* Secure version (%s): the code that was here was flagged: %s. %s */", cwe, finding, safePractice(cwe))
}

// safePractice is the safe practice for a CWE, in one sentence.
func safePractice(cwe analysis.CWE) string {
	switch cwe {
	case "CWE-787", "CWE-119", "CWE-120":
		return "Bound every write by the destination's size: snprintf(dst, sizeof dst, ...), or check the length before memcpy/strncpy and terminate the string."
	case "CWE-125":
		return "Check every index and length against the buffer's size before reading."
	case "CWE-190":
		return "Check the operands before arithmetic that could overflow, and compute sizes in size_t."
	case "CWE-20":
		return "Validate every input (range, length, format) before using it."
	case "CWE-22":
		return "Reject paths with \"..\" or a leading \"/\" and resolve them under a fixed base directory."
	case "CWE-416":
		return "Do not use memory after free: set the pointer to NULL after freeing it and check before use."
	case "CWE-476":
		return "Check every pointer that can be NULL (malloc, fopen, getenv results) before using it."
	case "CWE-732":
		return "Create files with the narrowest permissions (0600) and never world-writable."
	case "CWE-78":
		return "Do not pass input to a shell: use execve with an argument vector, or validate against an allow-list."
	case "CWE-79":
		return "Escape all output written into HTML."
	case "CWE-434":
		return "Store uploads under a name the server generates, or check the extension against an allow-list (strrchr(name, '.') compared with fixed strings) before creating the file."
	case "CWE-502":
		return "Never read raw bytes into objects with pointers, function pointers or virtual functions: read plain fields into a buffer, check each, and choose functions and classes from the program's own table."
	}
	return "Write the code so that it does not have this weakness."
}
