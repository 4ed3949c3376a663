package lsp

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/internal/testenv"
)

// BenchmarkLoopEdit is the cost of one keystroke in a 5,000-line file
// holding ten tracked ranges: moving them (didChange) and running the
// built-in rules on their enclosing functions again, as the debounced
// re-check does.
func BenchmarkLoopEdit(b *testing.B) {
	s := New(Options{})
	s.base = context.Background()
	var src strings.Builder
	for i := 0; strings.Count(src.String(), "\n") < 5000; i++ {
		fmt.Fprintf(&src, "int main(int argc, char **argv) { /* %d */\n  char buf[16];\n  if (argc < 2) return 1;\n  strcpy(buf, argv[1]);\n  return buf[0];\n}\n\n", i)
	}
	text := "#include <string.h>\n" + src.String()
	uri := protocol.DocumentURI("file:///bench.c")
	s.st.setDoc(newDocument(uri, "c", 1, text))
	s.loop.mu.Lock()
	s.loop.refresh()
	sd := s.loop.resetDoc(uri, "/bench.c", "c", 1, text)
	sd.open = false // nothing to publish to
	const snippet = "strcpy(buf, argv[1]);"
	for i, at, k := 0, 0, 0; i < 10; k++ {
		at += strings.Index(text[at:], snippet)
		if k%70 == 0 { // spread through the file
			sp := span{at, at + len(snippet)}
			sd.ranges = append(sd.ranges, &trackedRange{ID: uint64(i + 1), URI: uri, Span: sp, Original: sp.len(), Kept: []span{sp}})
			i++
		}
		at += len(snippet)
	}
	s.loop.mu.Unlock()
	edit := func(v int) {
		// Type one character on line 2, above every range.
		s.loop.didChange(uri, int32(v), []TextDocumentContentChangeEvent{{
			Range: &protocol.Range{Start: protocol.Position{Line: 1, Character: 0}, End: protocol.Position{Line: 1, Character: 0}}, Text: " ",
		}})
	}
	b.Run("didChange", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			edit(i + 2)
		}
	})
	b.Run("builtin-recheck", func(b *testing.B) {
		for b.Loop() {
			s.loop.runBuiltinRanges(uri)
		}
	})
	s.loop.mu.Lock()
	n := len(sd.findings)
	s.loop.mu.Unlock()
	if n != 10 {
		b.Errorf("%d findings after the re-check, want one per tracked range", n)
	}
}

// TestMeasureLoopLatency prints the time from an accept to the built-in
// diagnostic (p50, p99 over 50 accepts) and to gcc's and cppcheck's, and
// the queue's throughput with gcc on 100 accepted snippets. It runs with
// SECURECOMPLETE_MEASURE=1.
func TestMeasureLoopLatency(t *testing.T) {
	if os.Getenv("SECURECOMPLETE_MEASURE") != "1" {
		t.Skip("set SECURECOMPLETE_MEASURE=1 to measure")
	}
	testenv.Tool(t, "gcc")
	pct := func(ds []time.Duration, p float64) time.Duration {
		slices.Sort(ds)
		return ds[min(len(ds)-1, int(p*float64(len(ds))))]
	}
	// Built-in: 50 accepts, each in a fresh document.
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin"]`, nil)
	var builtin []time.Duration
	for i := range 50 {
		d := h.open(fmt.Sprintf("b%d.c", i), argvSrc)
		list, err := d.complete()
		if err != nil || len(list.Items) == 0 {
			t.Fatal(err)
		}
		it := list.Items[0]
		d.edit(byteOffset(t, d.text, it.TextEdit.Range.Start), byteOffset(t, d.text, it.TextEdit.Range.End), it.TextEdit.NewText)
		start := time.Now()
		if err := h.run(it.Command); err != nil {
			t.Fatal(err)
		}
		d.latestDiagnostics("built-in", hasCWE("CWE-787"), 5*time.Second)
		builtin = append(builtin, time.Since(start))
	}
	t.Logf("accept -> built-in diagnostic: p50 %s, p99 %s (n=50)", pct(builtin, 0.5), pct(builtin, 0.99))

	// External: gcc (and cppcheck where installed), 10 accepts each.
	for _, tool := range []string{"gcc", "cppcheck"} {
		if tool == "cppcheck" {
			if _, err := os.Stat("/usr/bin/cppcheck"); err != nil {
				t.Logf("cppcheck not installed: not measured")
				continue
			}
		}
		h := newLoopHarness(t, answer(overflowCand), fmt.Sprintf("analyzers = [%q]", tool), nil)
		var ds []time.Duration
		for i := range 10 {
			d := h.open(fmt.Sprintf("%s%d.c", tool, i), overflowSrc)
			list, err := d.complete()
			if err != nil || len(list.Items) == 0 {
				t.Fatal(err)
			}
			it := list.Items[0]
			d.edit(byteOffset(t, d.text, it.TextEdit.Range.Start), byteOffset(t, d.text, it.TextEdit.Range.End), it.TextEdit.NewText)
			start := time.Now()
			if err := h.run(it.Command); err != nil {
				t.Fatal(err)
			}
			d.latestDiagnostics(tool, func(p published) bool {
				for _, dg := range p.Diagnostics {
					if dg.Source == tool {
						return true
					}
				}
				return false
			}, 60*time.Second)
			ds = append(ds, time.Since(start))
		}
		t.Logf("accept -> %s diagnostic: p50 %s, max %s (n=10)", tool, pct(ds, 0.5), pct(ds, 1))
	}

	// Throughput: 100 accepted snippets in 100 documents, gcc, 2 workers,
	// a queue long enough to hold them all.
	h = newLoopHarness(t, answer(overflowCand), "analyzers = [\"gcc\"]\npending = 200\nworkers = 2", nil)
	start := time.Now()
	for i := range 100 {
		d := h.open(fmt.Sprintf("t%d.c", i), overflowSrc)
		list, err := d.complete()
		if err != nil || len(list.Items) == 0 {
			t.Fatal(err)
		}
		it := list.Items[0]
		d.edit(byteOffset(t, d.text, it.TextEdit.Range.Start), byteOffset(t, d.text, it.TextEdit.Range.End), it.TextEdit.NewText)
		if err := h.run(it.Command); err != nil {
			t.Fatal(err)
		}
	}
	var st Status
	waitUntil(t, "100 checks", func() bool {
		h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
		return st.Counts.Done == 100
	})
	el := time.Since(start)
	t.Logf("gcc queue: 100 snippets in %s, %.1f checks/s (2 workers, 2 gcc passes each), counts %+v", el.Round(time.Millisecond), 100/el.Seconds(), st.Counts)
}
