package lsp

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"securecomplete/completion"
	"securecomplete/internal/openaitest"
)

// scanDocs are documents for the reuse of the engine's scan between
// requests: C and C++ with namespaces, extern "C", braces in literals
// and comments, macros with continuations, multi-byte text.
var scanDocs = map[string]string{
	"copy.c": "#include <stdio.h>\n/* Größe in €: 😀 { */\nstatic int copy(char *dst, const char *src, size_t len) {\n" +
		"    const char *s = \"héllo { 😀\";\n    for (size_t i = 0; i < len && src[i] != '{'; i++) {\n" +
		"        dst[i] = src[i]; // }\n    }\n    return 0;\n}\n\nint main(int argc, char **argv) {\n    char buf[64];\n    ‸\n}\n",
	"box.cpp": "#include <string>\nnamespace app {\nextern \"C\" {\nint legacy(void);\n}\nclass Box {\npublic:\n" +
		"    int get() const { return v_; }\n};\n\nstd::string name(int id) {\n    if (id < 0) {\n        return \"{none}\";\n    }\n    ‸\n}\n}\n",
	"macros.c": "#define LONG(x) \\\n    do { \\\n        f(x); \\\n    } while (0)\nint g(void) {\n    LONG(1);\n    ‸\n}\n",
}

// typed are what the user types in TestDocumentScanReuse.
var typed = []string{"s", "x", ";", "\n    ", "{", "}", "(", "é", "😀", "/*", "*/", "\"", "if (n) {\n        ", "int f(void) {\n"}

// TestDocumentScanReuse edits documents through didChange, mostly at the
// cursor and sometimes above it, and asks for a completion after each
// edit. The server reuses what the engine learnt of the text in the
// previous request; the prompt the model receives and the list the
// editor gets must be those of an engine reading the text afresh.
func TestDocumentScanReuse(t *testing.T) {
	var mu sync.Mutex
	var prompts []string
	reply := "if (n > 0) {\n        use(n);\n    }\n    done();\n}\nint other(void) {"
	h := newHarness(t, setup{model: func(r openaitest.Request) openaitest.Reply {
		mu.Lock()
		prompts = append(prompts, r.Prompt)
		mu.Unlock()
		return openaitest.Reply{Texts: []string{reply}}
	}})
	h.initialize(nil)
	_, eng, engErr := h.srv.st.nextRequest()
	if eng == nil {
		t.Fatalf("no engine: %v", engErr)
	}
	reused := 0
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range scanDocs {
			if !yield(n) {
				return
			}
		}
	})
	for i, name := range names {
		rng := rand.New(rand.NewPCG(uint64(i), 11))
		d := h.open(name, scanDocs[name])
		for step := range 60 {
			switch k := rng.IntN(10); {
			case k < 7: // type at the cursor
				d.typeText(typed[rng.IntN(len(typed))])
			case k < 9: // edit a line above the cursor
				at := rng.IntN(d.off + 1)
				for at > 0 && !utf8.RuneStart(d.text[at]) {
					at--
				}
				off, ins := d.off, typed[rng.IntN(len(typed))]
				d.edit(at, at, ins)
				d.off = off + len(ins)
			default: // delete the character before the cursor
				if d.off > 0 {
					_, size := utf8.DecodeLastRuneInString(d.text[:d.off])
					d.edit(d.off-size, d.off, "")
				}
			}
			list, err := d.complete()
			if err != nil {
				t.Fatalf("%s step %d: %v", name, step, err)
			}
			mu.Lock()
			got := prompts[len(prompts)-1]
			mu.Unlock()
			fresh, err := eng.BuildPrompt(completion.Input{Lang: docLang("", name), Text: d.text, Offset: d.off})
			if err != nil {
				t.Fatal(err)
			}
			if got != fresh.Text {
				t.Fatalf("%s step %d: the server's prompt differs from a fresh engine's:\n%q\nwant\n%q", name, step, got, fresh.Text)
			}
			res, err := eng.Complete(context.Background(), completion.Input{Lang: docLang("", name), Text: d.text, Offset: d.off})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, c := range res.Candidates {
				want = append(want, c.Text)
			}
			var have []string
			ws := wordStart(d.text, d.off)
			for _, it := range list.Items {
				have = append(have, strings.TrimPrefix(it.TextEdit.NewText, d.text[ws:d.off]))
			}
			if fmt.Sprint(have) != fmt.Sprint(want) {
				t.Fatalf("%s step %d: the server offers %q, a fresh engine %q", name, step, have, want)
			}
			if sd := h.srv.st.doc(d.uri); sd != nil && sd.scan.checkpoint(sd.seq) != nil {
				reused++
			}
		}
	}
	if reused == 0 {
		t.Fatal("no request left a checkpoint for the next: the test compared nothing")
	}
}

// TestScanMemo checks which edits keep a checkpoint.
func TestScanMemo(t *testing.T) {
	h := newHarness(t, setup{})
	h.initialize(nil)
	_, eng, engErr := h.srv.st.nextRequest()
	if eng == nil {
		t.Fatalf("no engine: %v", engErr)
	}
	text := "int f(void) {\n    a();\n    b();\n    "
	res, err := eng.Complete(context.Background(), completion.Input{Lang: "c", Text: text, Offset: len(text)})
	if err != nil {
		t.Fatal(err)
	}
	cp := res.Checkpoint
	at := cp.Offset()
	if at != strings.LastIndexByte(text, '\n')+1 {
		t.Fatalf("checkpoint at %d, want the start of the last line", at)
	}
	rangeAt := func(p protocol.Position) *protocol.Range { return &protocol.Range{Start: p, End: p} }

	d := newDocument("file:///x.c", "c", 1, text)
	d.scan.keep(d.seq, cp)
	d2 := d.apply(2, []TextDocumentContentChangeEvent{{Range: rangeAt(d.position(at)), Text: "x"}})
	if d2.scan.checkpoint(d2.seq) == nil {
		t.Error("an insertion at the checkpoint dropped it")
	}
	if d.scan.checkpoint(d.seq) == nil {
		t.Error("the older snapshot lost its checkpoint")
	}
	d3 := d2.apply(3, []TextDocumentContentChangeEvent{{Range: rangeAt(d2.position(at - 1)), Text: "y"}})
	if d3.scan.checkpoint(d3.seq) != nil || d2.scan.checkpoint(d2.seq) != nil {
		t.Error("an edit before the checkpoint kept it")
	}
	d3.scan.keep(d3.seq, cp)
	d4 := d3.apply(4, []TextDocumentContentChangeEvent{{Text: "whole"}})
	if d4.scan.checkpoint(d4.seq) != nil {
		t.Error("a change of the whole text kept the checkpoint")
	}
	d4.scan.keep(d3.seq, cp) // a request on an older snapshot
	if d4.scan.checkpoint(d4.seq) != nil {
		t.Error("a checkpoint of an older snapshot was kept")
	}
}
