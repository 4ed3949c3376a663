package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"securecomplete/internal/testenv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// Faults of the external analyzers, with real programs that misbehave: a
// "gcc" first in PATH that hangs, or prints garbage. These tests change
// PATH, so they do not run in parallel.

// fakeTool puts an executable shell script named name first in PATH.
func fakeTool(t *testing.T, name, script string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// progressNotes returns the $/progress values sent for token.
func progressNotes(h *harness, token string) []WorkDoneProgressValue {
	var out []WorkDoneProgressValue
	for _, n := range h.c.notes.all() {
		if n.Method != MethodProgress {
			continue
		}
		var p ProgressParams
		if json.Unmarshal(n.Params, &p) == nil && p.Token == token {
			out = append(out, p.Value)
		}
	}
	return out
}

// isProgress matches a $/progress of token and kind (a waitFor
// predicate: it must not read the recorder).
func isProgress(token, kind string) func(note) bool {
	return func(n note) bool {
		var p ProgressParams
		return n.Method == MethodProgress && json.Unmarshal(n.Params, &p) == nil && p.Token == token && p.Value.Kind == kind
	}
}

func TestLoopProgressAndCancel(t *testing.T) {
	fakeTool(t, "gcc", "sleep 30")
	caps := map[string]any{"window": map[string]any{"workDoneProgress": true}}
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin", "gcc"]
timeout = "20s"`, caps)
	d := h.open("slow.c", argvSrc)
	d.acceptCandidate(vulnCand)
	d.latestDiagnostics("the built-in diagnostic", hasCWE("CWE-787"), 2*time.Second)

	create := h.c.notes.waitFor(t, "window/workDoneProgress/create", func(n note) bool { return n.Method == MethodWorkDoneProgressCreate }, 5*time.Second)
	var cp WorkDoneProgressCreateParams
	if err := json.Unmarshal(create.Params, &cp); err != nil {
		t.Fatal(err)
	}
	h.c.notes.waitFor(t, "the progress begin", isProgress(cp.Token, "begin"), 5*time.Second)
	begin := progressNotes(h, cp.Token)[0]
	if begin.Title != "Checking accepted code" || begin.Message != "gcc on slow.c" {
		t.Errorf("progress begin %+v, want the analyzer and the file", begin)
	}
	cancelled := time.Now()
	h.c.notify(MethodWorkDoneProgressCancel, map[string]any{"token": cp.Token})
	h.c.notes.waitFor(t, "the progress end", isProgress(cp.Token, "end"), 5*time.Second)
	vs := progressNotes(h, cp.Token)
	if end := vs[len(vs)-1]; !strings.Contains(end.Message, "cancelled") {
		t.Errorf("progress end %+v, want it to say the run was cancelled", end)
	}
	if waited := time.Since(cancelled); waited > 5*time.Second {
		t.Errorf("the cancelled run stopped after %s", waited)
	}
	// A cancelled run is not a failure: no message.
	for _, m := range h.c.notes.messages() {
		if strings.Contains(m.Message, "gcc") {
			t.Errorf("message %q after a cancel", m.Message)
		}
	}
}

func TestLoopHangingAnalyzerKilledAtTimeout(t *testing.T) {
	fakeTool(t, "gcc", "sleep 30")
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin", "gcc"]
timeout = "300ms"`, nil)
	d := h.open("hang.c", argvSrc)
	start := time.Now()
	d.acceptCandidate(vulnCand)
	d.latestDiagnostics("the built-in diagnostic", hasCWE("CWE-787"), 2*time.Second)
	msg := h.c.notes.waitFor(t, "the failure shown once", func(n note) bool {
		m, ok := n.message()
		return ok && strings.Contains(m.Message, "the gcc check failed")
	}, 10*time.Second)
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the hanging gcc was stopped after %s, want about its 300ms timeout", took)
	}
	m, _ := msg.message()
	if !strings.Contains(m.Message, "did not finish within 300ms") {
		t.Errorf("message %q, want it to name the timeout", m.Message)
	}
	// The list says nothing false: only the built-in rules' finding.
	p := d.latestDiagnostics("diagnostics", func(published) bool { return true }, time.Second)
	for _, dg := range p.Diagnostics {
		if dg.Source != "securecomplete" {
			t.Errorf("diagnostic from %s after it hung: %+v", dg.Source, dg)
		}
	}
	var st Status
	waitUntil(t, "the check to end", func() bool {
		h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
		return st.Running == 0
	})
	if st.Counts.Failed != 1 || st.Counts.Done != 1 {
		t.Errorf("status counts %+v running %d, want one failure and nothing running", st.Counts, st.Running)
	}
}

func TestLoopGarbageAnalyzerShownOnce(t *testing.T) {
	fakeTool(t, "gcc", "echo 'internal compiler error: in a pass' >&2; echo '[{\"kind\": \"warn' >&2; kill -SEGV $$")
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin", "gcc"]`, nil)
	d := h.open("garbage.c", argvSrc)
	d.acceptCandidate(vulnCand)
	h.c.notes.waitFor(t, "the failure shown", func(n note) bool {
		m, ok := n.message()
		return ok && strings.Contains(m.Message, "the gcc check failed")
	}, 10*time.Second)
	// A second accept fails again: logged, not shown again.
	d2 := h.open("garbage2.c", argvSrc)
	d2.acceptCandidate(vulnCand)
	waitUntil(t, "the second failure", func() bool {
		return strings.Count(h.log.String(), "analyzer failed") >= 2
	})
	shown := 0
	for _, m := range h.c.notes.messages() {
		if strings.Contains(m.Message, "the gcc check failed") {
			shown++
		}
	}
	if shown != 1 {
		t.Errorf("the failure was shown %d times, want once", shown)
	}
	if !strings.Contains(h.log.String(), "internal compiler error") {
		t.Errorf("the log does not hold what the tool printed:\n%s", h.log.String())
	}
}

// 200 accepts in a burst with real gcc: the queue stays within its bound,
// the checks of ranges edited meanwhile are replaced or cancelled, every
// job is accounted for, and edits and completions are answered meanwhile.
func TestLoopBurstOfAccepts(t *testing.T) {
	t.Parallel()
	testenv.Tool(t, "gcc")
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin", "gcc"]
workers = 2
pending = 8
debounce = "20ms"`, nil)
	d := h.open("burst.c", argvSrc)
	var starts []int
	for i := range 200 {
		at := d.acceptCandidate(vulnCand)
		starts = append(starts, at)
		d.typeText("\n  ")
		if i%20 == 19 {
			// Edit inside an earlier range: its check is replaced or
			// cancelled and queued again.
			old, cursor := starts[len(starts)-5], d.off
			d.edit(old+len("strcpy("), old+len("strcpy("), " ")
			d.off = cursor + 1
			for k := range starts {
				if starts[k] > old {
					starts[k]++
				}
			}
		}
	}
	// An edit and a completion are answered while the queue is busy.
	began := time.Now()
	d.typeText("(void)0;")
	if _, err := d.complete(); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); took > 2*time.Second {
		t.Errorf("a completion during the burst took %s", took)
	}
	var st Status
	waitUntil(t, "the queue to drain", func() bool {
		h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
		return st.Pending == 0 && st.Running == 0
	})
	c := st.Counts
	t.Logf("counts %+v, tracked %d", c, st.Tracked)
	for _, line := range strings.Split(h.log.String(), "\n") {
		if strings.Contains(line, "analyzer failed") {
			t.Errorf("%s", line)
		}
	}
	if c.Queued < 200 || c.Queued != c.Replaced+c.Dropped+c.Done {
		t.Errorf("counts %+v: every queued job must be replaced, dropped or done", c)
	}
	if c.Dropped == 0 || c.Replaced+c.Cancelled == 0 {
		t.Errorf("counts %+v: want jobs dropped at the bound and stale ones replaced or cancelled", c)
	}
	if st.Tracked != 200 {
		t.Errorf("tracked %d ranges, want 200", st.Tracked)
	}
	for _, s := range statusNotes(t, h) {
		if s.Pending > 8 || s.Running > 2 {
			t.Fatalf("status %+v exceeds the bounds (8 pending, 2 running)", s)
		}
	}
	if t.Failed() {
		lines := strings.Split(d.text, "\n")
		t.Logf("text:\n%s", strings.Join(lines[:min(40, len(lines))], "\n"))
	}
	p := d.latestDiagnostics("200 diagnostics", func(p published) bool { return len(p.Diagnostics) == 200 }, 5*time.Second)
	_ = p
}

// A 10 MB file on save: the checks are bounded by the analyzers' timeout,
// and edits and completions go on meanwhile.
func TestLoopHugeFileOnSave(t *testing.T) {
	t.Parallel()
	testenv.Tool(t, "gcc")
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin", "gcc"]
on_save = true
timeout = "2s"`, nil)
	var b strings.Builder
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "static int f%d(int x) {\n  int a[4] = {0};\n  return a[x & 3] + %d;\n}\n", i, i)
	}
	d := h.open("huge.c", b.String()+"int main(void) {\n  ‸\n}\n")
	start := time.Now()
	h.c.notify(protocol.MethodTextDocumentDidSave, map[string]any{"textDocument": map[string]any{"uri": d.uri}})
	d.typeText("int y = 0;")
	if _, err := d.complete(); err != nil {
		t.Fatal(err)
	}
	t.Logf("10 MB save: the edits and a completion answered after %s", time.Since(start))
	var st Status
	waitUntil(t, "the checks to end", func() bool {
		h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
		return st.Pending == 0 && st.Running == 0 && st.Counts.Done == 1
	})
	// Bounded: the built-in rules stop at their parse timeout (1s), gcc at
	// its 2s; what is left is the machine's load.
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("the checks of a 10 MB file ended after %s, want them bounded by the 2s timeout", took)
	}
	if !strings.Contains(h.log.String(), "did not finish within 2s") && !strings.Contains(h.log.String(), `msg="analyzer ran" analyzer=gcc`) {
		t.Errorf("gcc neither ran nor timed out")
	}
	t.Logf("10 MB save: checks ended after %s, counts %+v", time.Since(start), st.Counts)
}
