package lsp

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// The security loop through the in-memory client: a loopback model that
// answers a known vulnerable candidate (argv[1] copied into a fixed
// buffer with strcpy) and a known safe one.

const (
	vulnCand = "strcpy(buf, argv[1]);"
	safeCand = `snprintf(buf, sizeof buf, "%s", argv[1]);`
	argvSrc  = "#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char **argv) {\n  char buf[16];\n  if (argc < 2) return 1;\n  ‸\n  puts(buf);\n  return 0;\n}\n"
)

// loopTOML configures the model and the analyzers; %s is the model's
// URL, %s the [analysis] lines.
const loopTOML = modelTOML + "\n[analysis]\n%s\n"

func newLoopHarness(t *testing.T, model func(openaitest.Request) openaitest.Reply, analysisTOML string, caps map[string]any) *harness {
	t.Helper()
	h := newHarness(t, setup{model: model, toml: "-", capabilities: caps})
	h.writeConfig(fmt.Sprintf(loopTOML, h.model.BaseURL, analysisTOML))
	h.initialize(nil)
	return h
}

// acceptCandidate completes at the cursor, inserts the item whose text is
// want as the editor does (its textEdit, then its command), and returns
// the byte offset where the candidate starts.
func (d *doc) acceptCandidate(want string) int {
	d.h.t.Helper()
	list, err := d.complete()
	if err != nil {
		d.h.t.Fatalf("complete: %v", err)
	}
	for _, it := range list.Items {
		if !strings.HasSuffix(it.TextEdit.NewText, want) {
			continue
		}
		start := byteOffset(d.h.t, d.text, it.TextEdit.Range.Start)
		end := byteOffset(d.h.t, d.text, it.TextEdit.Range.End)
		d.edit(start, end, it.TextEdit.NewText)
		if err := d.h.run(it.Command); err != nil {
			d.h.t.Fatalf("accept: %v", err)
		}
		return start + len(it.TextEdit.NewText) - len(want)
	}
	var got []string
	for _, it := range list.Items {
		got = append(got, it.TextEdit.NewText)
	}
	d.h.t.Fatalf("no candidate %q among %q", want, got)
	return 0
}

// published is one textDocument/publishDiagnostics.
type published struct {
	URI         protocol.DocumentURI `json:"uri"`
	Version     int32                `json:"version"`
	Diagnostics []struct {
		protocol.Diagnostic
		Data DiagnosticData `json:"data"`
	} `json:"diagnostics"`
}

// latestDiagnostics waits until the latest diagnostics published for uri
// satisfy pred and returns them.
func (d *doc) latestDiagnostics(what string, pred func(published) bool, timeout time.Duration) published {
	d.h.t.Helper()
	r := &d.h.c.notes
	deadline := time.After(timeout)
	for {
		r.mu.Lock()
		var last *published
		for i := len(r.notes) - 1; i >= 0; i-- {
			n := r.notes[i]
			if n.Method != protocol.MethodTextDocumentPublishDiagnostics {
				continue
			}
			var p published
			if err := json.Unmarshal(n.Params, &p); err != nil {
				d.h.t.Fatalf("publishDiagnostics %s: %v", n.Params, err)
			}
			if p.URI == d.uri {
				last = &p
				break
			}
		}
		changed := r.changed
		r.mu.Unlock()
		if last != nil && pred(*last) {
			return *last
		}
		select {
		case <-changed:
		case <-deadline:
			var got any = "nothing"
			if last != nil {
				got = *last
			}
			d.h.t.Fatalf("%s: not within %s; the latest diagnostics are %+v", what, timeout, got)
		}
	}
}

func hasCWE(cwe string) func(published) bool {
	return func(p published) bool {
		for _, d := range p.Diagnostics {
			if d.Code == cwe {
				return true
			}
		}
		return false
	}
}

func noDiagnostics(p published) bool { return len(p.Diagnostics) == 0 }

func TestLoopVulnerableAcceptDiagnostic(t *testing.T) {
	t.Parallel()
	h := newLoopHarness(t, answer(vulnCand, safeCand), `analyzers = ["builtin"]`, nil)
	d := h.open("argv.c", argvSrc)
	at := d.acceptCandidate(vulnCand)
	accepted := time.Now()

	p := d.latestDiagnostics("the CWE-787 diagnostic", hasCWE("CWE-787"), 2*time.Second)
	t.Logf("built-in diagnostic %s after the accept", time.Since(accepted))
	diag := p.Diagnostics[0]
	if diag.Source != "securecomplete" || diag.Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("source %q severity %v", diag.Source, diag.Severity)
	}
	if diag.CodeDescription == nil || diag.CodeDescription.Href != "https://cwe.mitre.org/data/definitions/787.html" {
		t.Errorf("codeDescription %+v, want the MITRE page", diag.CodeDescription)
	}
	wantRange := protocol.Range{Start: utf16Pos(d.text, at), End: utf16Pos(d.text, at+len(vulnCand)-1)}
	if diag.Range.Start != wantRange.Start || diag.Range.End.Line != wantRange.Start.Line {
		t.Errorf("range %+v, want it on the strcpy at %+v", diag.Range, wantRange)
	}
	if len(diag.RelatedInformation) != 1 || !strings.HasPrefix(diag.RelatedInformation[0].Message, "written by model gptj-ft, accepted ") {
		t.Errorf("related information %+v", diag.RelatedInformation)
	} else if ri := diag.RelatedInformation[0].Location; ri.URI != d.uri || ri.Range.Start != utf16Pos(d.text, at) || ri.Range.End != utf16Pos(d.text, at+len(vulnCand)) {
		t.Errorf("related location %+v, want the accepted range", ri)
	}
	if diag.Data.RangeID == 0 || diag.Data.CWE != "CWE-787" || diag.Data.Model != "gptj-ft" || !slices.Equal(diag.Data.Analyzers, []string{"builtin"}) {
		t.Errorf("data %+v", diag.Data)
	}

	// Pull diagnostics say the same.
	var report struct {
		Kind  string                `json:"kind"`
		Items []protocol.Diagnostic `json:"items"`
	}
	h.mustCall(MethodTextDocumentDiagnostic, map[string]any{"textDocument": map[string]any{"uri": d.uri}}, &report)
	if report.Kind != "full" || len(report.Items) != 1 || report.Items[0].Code != "CWE-787" || report.Items[0].Range != diag.Range {
		t.Errorf("pull diagnostics %+v, want the published one", report)
	}

	// An edit above moves it.
	d.edit(0, 0, "// Copyright\n\n")
	at += len("// Copyright\n\n")
	moved := d.latestDiagnostics("the diagnostic two lines down", func(p published) bool {
		return hasCWE("CWE-787")(p) && p.Diagnostics[0].Range.Start == utf16Pos(d.text, at)
	}, 2*time.Second)
	if moved.Version != d.version {
		t.Errorf("published for version %d, want %d", moved.Version, d.version)
	}

	// An edit inside that keeps the weakness: it comes back.
	sp := strings.Index(d.text[at:], "argv") + at
	d.edit(sp, sp, " ")
	d.latestDiagnostics("the diagnostic after an edit that keeps the weakness", hasCWE("CWE-787"), 2*time.Second)

	// An edit that fixes it clears it, and it stays cleared.
	line := d.text[at : at+strings.Index(d.text[at:], ";")+1]
	d.edit(at, at+len("strcpy"), "strncpy")
	end := at + len(line) + 1 - len(");")
	d.edit(end, end, ", sizeof buf - 1")
	d.latestDiagnostics("no diagnostic after the fix", noDiagnostics, 2*time.Second)
	time.Sleep(3 * builtinDebounce)
	if p := d.latestDiagnostics("still none", func(published) bool { return true }, time.Second); len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %+v (text %q)", p.Diagnostics, d.text)
	}
}

func TestLoopDeleteCloseReopen(t *testing.T) {
	t.Parallel()
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin"]`, nil)
	d := h.open("argv.c", argvSrc)
	at := d.acceptCandidate(vulnCand)
	d.latestDiagnostics("the CWE-787 diagnostic", hasCWE("CWE-787"), 2*time.Second)

	// Closed: cleared. Reopened with the same text: back.
	h.c.notify(protocol.MethodTextDocumentDidClose, map[string]any{"textDocument": map[string]any{"uri": d.uri}})
	d.latestDiagnostics("cleared on close", noDiagnostics, 2*time.Second)
	h.c.notify(protocol.MethodTextDocumentDidOpen, map[string]any{
		"textDocument": map[string]any{"uri": d.uri, "languageId": "c", "version": 7, "text": d.text},
	})
	d.version = 7
	d.latestDiagnostics("back on reopen", hasCWE("CWE-787"), 2*time.Second)

	// Deleting the snippet clears it.
	d.edit(at, at+len(vulnCand), "")
	d.latestDiagnostics("cleared when the snippet is deleted", noDiagnostics, 2*time.Second)
	var st Status
	h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
	if st.Tracked != 0 {
		t.Errorf("status tracks %d ranges after the deletion, want 0", st.Tracked)
	}
}

func TestLoopSafeAcceptHasNoDiagnostic(t *testing.T) {
	t.Parallel()
	h := newLoopHarness(t, answer(safeCand), `analyzers = ["builtin"]`, nil)
	d := h.open("argv.c", argvSrc)
	d.acceptCandidate(safeCand)
	d.latestDiagnostics("an empty diagnostics list", noDiagnostics, 2*time.Second)
	var st Status
	h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
	if st.Tracked != 1 {
		t.Errorf("tracked %d, want 1", st.Tracked)
	}
}

const (
	overflowSrc  = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\nint main(void) {\n  char buf[4];\n  char *p = malloc(16);\n  if (p == NULL) return 1;\n  ‸\n  return buf[0];\n}\n"
	overflowCand = "strcpy(buf, \"far too long for it\");\n  strcpy(p, \"abc\");\n  free(p);\n  printf(\"%s\\n\", p);"
)

// With .ci/run's real gcc, clang and cppcheck configured, their findings
// arrive with their source (or folded into the built-in rules' diagnostic
// of the same line and CWE, which names them); one that is not installed
// is listed as unavailable.
func TestLoopExternalAnalyzers(t *testing.T) {
	t.Parallel()
	testenv.Tool(t, "gcc")
	caps := map[string]any{"window": map[string]any{"workDoneProgress": true}}
	h := newLoopHarness(t, answer(overflowCand), `analyzers = ["builtin", "gcc", "clang", "cppcheck", "codeql"]
debounce = "50ms"`, caps)
	var st Status
	h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
	installed := map[string]bool{"gcc": true}
	for _, n := range []string{"clang", "cppcheck", "codeql"} {
		names := []string{n}
		if n == "clang" {
			names = []string{"clang-22", "clang-19", "clang"}
		}
		for _, b := range names {
			if _, err := exec.LookPath(b); err == nil {
				installed[n] = true
			}
		}
		if testenv.CI() && n != "codeql" && !installed[n] {
			t.Errorf("%s is not installed; .ci/run installs it", n)
		}
	}
	for n, ok := range installed {
		if ok != slices.Contains(st.Analyzers.Available, n) {
			t.Errorf("status lists %s available %v, installed %v: %+v", n, !ok, ok, st.Analyzers)
		}
	}
	for _, u := range st.Analyzers.Unavailable {
		if installed[u.Name] || u.Reason == "" {
			t.Errorf("unavailable %+v", u)
		}
	}
	if len(st.Analyzers.Available)+len(st.Analyzers.Unavailable) != 5 {
		t.Errorf("status lists %d analyzers, want the 5 configured: %+v", len(st.Analyzers.Available)+len(st.Analyzers.Unavailable), st.Analyzers)
	}

	d := h.open("ovf.c", overflowSrc)
	accepted := time.Now()
	d.acceptCandidate(overflowCand)
	d.latestDiagnostics("the built-in diagnostic", hasCWE("CWE-787"), 2*time.Second)
	t.Logf("built-in after %s", time.Since(accepted))
	reported := func(tool string) func(published) bool {
		return func(p published) bool {
			for _, dg := range p.Diagnostics {
				if dg.Source == tool || slices.Contains(dg.Data.Analyzers, tool) {
					return true
				}
			}
			return false
		}
	}
	for _, tool := range []string{"gcc", "cppcheck", "clang"} {
		if !installed[tool] {
			continue
		}
		p := d.latestDiagnostics(tool+"'s diagnostics", reported(tool), 60*time.Second)
		t.Logf("%s after %s: %d diagnostics", tool, time.Since(accepted), len(p.Diagnostics))
	}
	p := d.latestDiagnostics("all", func(published) bool { return true }, time.Second)
	for _, dg := range p.Diagnostics {
		t.Logf("%s %s %s: %s", dg.Source, dg.Code, fmt.Sprint(dg.Data.Analyzers), dg.Message)
		if dg.Source == "gcc" && !strings.HasPrefix(fmt.Sprint(dg.Code), "CWE-") {
			t.Errorf("gcc diagnostic without a CWE code: %+v", dg)
		}
	}
	// A diagnostic that several analyzers report once, the built-in one
	// kept and naming the others.
	for _, dg := range p.Diagnostics {
		if len(dg.Data.Analyzers) > 1 && (dg.Data.Analyzers[0] != "builtin" || dg.Source != "securecomplete" || !strings.Contains(dg.Message, "also reported by")) {
			t.Errorf("merged diagnostic %+v: want the built-in one first, naming the others", dg)
		}
	}
}

// An analyzer that calls a finding an error gets an Error diagnostic;
// the built-in rules' stay warnings.
func TestLoopAnalyzerErrorSeverity(t *testing.T) {
	t.Parallel()
	testenv.Tool(t, "cppcheck")
	const cand = "buf[20] = argv[1][0];"
	h := newLoopHarness(t, answer(cand), `analyzers = ["builtin", "cppcheck"]
debounce = "50ms"`, nil)
	d := h.open("oob.c", argvSrc)
	d.acceptCandidate(cand)
	p := d.latestDiagnostics("cppcheck's out-of-bounds error", func(p published) bool {
		for _, dg := range p.Diagnostics {
			if dg.Source == "cppcheck" {
				return true
			}
		}
		return false
	}, 60*time.Second)
	for _, dg := range p.Diagnostics {
		t.Logf("%s %s %v: %s", dg.Source, dg.Code, dg.Severity, dg.Message)
		want := protocol.DiagnosticSeverityWarning
		if dg.Source == "cppcheck" {
			want = protocol.DiagnosticSeverityError // arrayIndexOutOfBounds has severity="error"
		}
		if dg.Severity != want {
			t.Errorf("%s diagnostic %s has severity %v, want %v", dg.Source, dg.Code, dg.Severity, want)
		}
	}
}
