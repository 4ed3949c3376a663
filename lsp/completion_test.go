package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/completion"
	"securecomplete/internal/openaitest"
)

const copySrc = `#include <string.h>

int copy(const char *src) {
    char buf[16];
    str‸
    return 0;
}
`

// checkRequest fails the test when the model does not receive what the
// configuration (modelTOML) and the document ask for: the prompt is the
// whole text before the cursor (the test documents fit the budget).
func checkRequest(srv *openaitest.Server, wantPrompt func() string) {
	srv.Check(func(r openaitest.Request) error {
		switch want := wantPrompt(); {
		case r.Prompt != want:
			return fmt.Errorf("prompt %q, want the text before the cursor %q", r.Prompt, want)
		case r.Model != "gptj-secure":
			return fmt.Errorf("model %q, want gptj-secure", r.Model)
		case r.MaxTokens != 64 || r.N != 2:
			return fmt.Errorf("max_tokens %d n %d, want 64 and 2", r.MaxTokens, r.N)
		case len(r.Stop) != 1 || r.Stop[0] != "\n\n\n":
			return fmt.Errorf("stop %q, want [\"\\n\\n\\n\"]", r.Stop)
		case r.Temperature < 0.39 || r.Temperature > 0.41:
			return fmt.Errorf("temperature %g, want 0.4", r.Temperature)
		}
		return nil
	})
}

func TestCompletion(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer(
		"ncpy(buf, src, sizeof buf - 1);\n    buf[sizeof buf - 1] = '\\0';",
		"cpy(buf, src);",
	)})
	h.initialize(nil)
	d := h.open("copy.c", copySrc)
	checkRequest(h.model, func() string { return d.text[:d.off] })

	list, err := d.complete()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"strncpy(buf, src, sizeof buf - 1);\n    buf[sizeof buf - 1] = '\\0';",
		"strcpy(buf, src);",
	}
	if len(list.Items) != len(want) {
		t.Fatalf("%d items %+v, want %d", len(list.Items), list.Items, len(want))
	}
	for i, it := range list.Items {
		// What the user gets: the document with the candidate inserted
		// at the cursor, the typed "str" kept once.
		got := applyEdit(t, d.text, *it.TextEdit)
		if wantDoc := d.text[:d.off-3] + want[i] + d.text[d.off:]; got != wantDoc {
			t.Errorf("item %d applied gives\n%s\nwant\n%s", i, got, wantDoc)
		}
		if !strings.Contains(it.Detail, "gptj-ft") {
			t.Errorf("item %d detail %q does not name the model gptj-ft", i, it.Detail)
		}
		if it.InsertTextFormat != protocol.InsertTextFormatPlainText {
			t.Errorf("item %d insertTextFormat %v, want plain text (a $ in code is no snippet)", i, it.InsertTextFormat)
		}
		if it.FilterText != want[i] || !strings.HasPrefix(it.Label, "str") {
			t.Errorf("item %d filterText %q label %q: both must start with the typed word", i, it.FilterText, it.Label)
		}
		if it.Command == nil || it.Command.Command != CommandAccept || len(it.Command.Arguments) != 1 {
			t.Fatalf("item %d command %+v, want %s with one argument", i, it.Command, CommandAccept)
		}
		arg, _ := it.Command.Arguments[0].(map[string]any)
		if id, _ := arg["id"].(string); !strings.HasPrefix(id, "c") || !strings.HasSuffix(id, fmt.Sprintf("/%d", i)) {
			t.Errorf("item %d accept id %v, want c<request>/%d", i, it.Command.Arguments[0], i)
		}
	}
	if list.Items[0].Label != "strncpy(buf, src, sizeof buf - 1); …" {
		t.Errorf("label of a two-line candidate %q", list.Items[0].Label)
	}
	if n := len(h.model.Requests()); n != 1 {
		t.Errorf("the model got %d requests, want 1", n)
	}
}

// TestCompletionMultibyte completes on a line holding é, € and an emoji:
// the edit's range must count UTF-16 units.
func TestCompletionMultibyte(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("len(s);")})
	h.initialize(nil)
	d := h.open("mb.c", "const char *s = \"é€😀\"; int n = str‸")
	checkRequest(h.model, func() string { return d.text[:d.off] })
	list, err := d.complete()
	if err != nil || len(list.Items) != 1 {
		t.Fatalf("complete: %v %+v", err, list)
	}
	e := list.Items[0].TextEdit
	if want := (protocol.Position{Line: 0, Character: 32}); e.Range.Start != want || e.Range.End.Character != 35 {
		t.Errorf("edit range %v, want %v to 0:35 (UTF-16: é € 1 unit each, 😀 2)", e.Range, want)
	}
	if got, want := applyEdit(t, d.text, *e), "const char *s = \"é€😀\"; int n = strlen(s);"; got != want {
		t.Errorf("applied: %q, want %q", got, want)
	}
}

func TestInlineCompletion(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("(buf, src, sizeof buf - 1);", "(buf, src);")})
	h.initialize(nil)
	d := h.open("copy.c", strings.Replace(copySrc, "str‸", "strncpy‸", 1))
	checkRequest(h.model, func() string { return d.text[:d.off] })

	var list InlineCompletionList
	h.mustCall(MethodInlineCompletion, map[string]any{
		"textDocument": map[string]any{"uri": d.uri},
		"position":     d.pos(),
		"context":      map[string]any{"triggerKind": InlineCompletionTriggerAutomatic},
	}, &list)
	if len(list.Items) != 2 {
		t.Fatalf("%d items, want 2: %+v", len(list.Items), list.Items)
	}
	for i, want := range []string{"(buf, src, sizeof buf - 1);", "(buf, src);"} {
		it := list.Items[i]
		if it.Range == nil || it.Range.Start != d.pos() || it.Range.End != d.pos() {
			t.Errorf("item %d range %v, want the cursor %v", i, it.Range, d.pos())
		}
		if it.InsertText != want {
			t.Errorf("item %d insertText %q, want %q", i, it.InsertText, want)
		}
		if it.Command == nil || it.Command.Command != CommandAccept {
			t.Errorf("item %d command %+v", i, it.Command)
		}
		if arg, _ := it.Command.Arguments[0].(map[string]any); !strings.HasPrefix(fmt.Sprint(arg["id"]), "i") {
			t.Errorf("item %d accept id %v, want an inline id i<n>/<k>", i, arg["id"])
		}
	}
}

// TestInlineCompletionSelectedItem: with the completion list open on
// "strncpy" while the user typed "str", the model continues after
// "strncpy" and the item replaces the typed word with "strncpy(...".
func TestInlineCompletionSelectedItem(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("(buf, src, 15);")})
	h.initialize(nil)
	d := h.open("copy.c", copySrc)
	word := protocol.Range{Start: utf16Pos(d.text, d.off-3), End: d.pos()}
	checkRequest(h.model, func() string { return d.text[:d.off-3] + "strncpy" })
	var list InlineCompletionList
	h.mustCall(MethodInlineCompletion, map[string]any{
		"textDocument": map[string]any{"uri": d.uri},
		"position":     d.pos(),
		"context": map[string]any{"triggerKind": InlineCompletionTriggerAutomatic,
			"selectedCompletionInfo": map[string]any{"range": word, "text": "strncpy"}},
	}, &list)
	if len(list.Items) != 1 {
		t.Fatalf("items %+v", list.Items)
	}
	it := list.Items[0]
	if *it.Range != word || it.InsertText != "strncpy(buf, src, 15);" {
		t.Errorf("item replaces %v with %q, want %v with %q", *it.Range, it.InsertText, word, "strncpy(buf, src, 15);")
	}
}

// TestTextSync drives full and incremental changes over multi-byte text
// and checks, through the prompt the model receives, that the server's
// copy of the document is the editor's.
func TestTextSync(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("x();")})
	h.initialize(nil)
	d := h.open("sync.c", "/* é€😀 */\nint main(void) {\n    return 0;\n}\n‸")
	var mu sync.Mutex
	var want string
	checkRequest(h.model, func() string { mu.Lock(); defer mu.Unlock(); return want })
	check := func(step string) {
		t.Helper()
		mu.Lock()
		want = d.text[:d.off]
		mu.Unlock()
		if _, err := d.complete(); err != nil {
			t.Fatalf("after %s: %v", step, err)
		}
	}
	check("open")

	emoji := strings.Index(d.text, "😀")
	d.edit(emoji+len("😀"), emoji+len("😀"), "X") // after the surrogate pair
	check("insert after the emoji")
	e := strings.Index(d.text, "é")
	d.edit(e, e+len("é"), "") // delete é
	check("delete é")
	eu := strings.Index(d.text, "€")
	d.edit(eu, eu+len("€"), "euro😀€é")
	check("replace € with multi-byte text")
	r := strings.Index(d.text, "return")
	d.edit(r, r, "int y = 1;\n    ")
	check("insert a line")
	d.edit(strings.Index(d.text, "int main"), strings.Index(d.text, "return"), "int f(void) {\n    ") // a range over two lines
	check("replace across lines")
	d.off = strings.Index(d.text, "return")
	d.typeText("é😀")
	check("type multi-byte characters one by one")

	// Several changes in one notification apply in order; the second
	// range is in the text the first produced.
	d.version++
	h.c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument": map[string]any{"uri": d.uri, "version": d.version},
		"contentChanges": []map[string]any{
			{"range": protocol.Range{Start: protocol.Position{Line: 0, Character: 0}, End: protocol.Position{Line: 0, Character: 0}}, "text": "😀\n"},
			{"range": protocol.Range{Start: protocol.Position{Line: 1, Character: 0}, End: protocol.Position{Line: 1, Character: 2}}, "text": "//"},
		},
	})
	d.text = "😀\n//" + d.text[2:]
	d.off = len(d.text)
	check("two changes in one notification")

	// A change without a range replaces the whole text.
	d.version++
	h.c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": d.uri, "version": d.version},
		"contentChanges": []map[string]any{{"text": "int full = 1;\n€ "}},
	})
	d.text, d.off = "int full = 1;\n€ ", len("int full = 1;\n€ ")
	check("full change")
}

func TestPositionPastTheEnd(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer(" 42;")})
	h.initialize(nil)
	d := h.open("end.c", "int x =")
	checkRequest(h.model, func() string { return d.text })
	for _, pos := range []protocol.Position{{Line: 0, Character: 500}, {Line: 900, Character: 0}} {
		var list protocol.CompletionList
		h.mustCall(protocol.MethodTextDocumentCompletion, map[string]any{"textDocument": map[string]any{"uri": d.uri}, "position": pos}, &list)
		if len(list.Items) != 1 {
			t.Fatalf("at %v: items %+v", pos, list.Items)
		}
		end := protocol.Position{Line: 0, Character: 7}
		if r := list.Items[0].TextEdit.Range; r.Start != end || r.End != end {
			t.Errorf("at %v: edit range %v, want the clamped end of the document %v", pos, r, end)
		}
	}
}

// TestLargeDocument opens a 10 MB document, edits it and completes at its
// end: the prompt is cut to the model's budget.
func TestLargeDocument(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("return n;")})
	h.initialize(nil)
	var b strings.Builder
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, "int f%d(int n) {\n    /* é€😀 */\n    n += %d;\n    return n * 2;\n}\n\n", i, i)
	}
	b.WriteString("int last(int n) {\n    ‸")
	d := h.open("big.c", b.String())
	tc, err := completion.NewTokenCounter()
	if err != nil {
		t.Fatal(err)
	}
	h.model.Check(func(r openaitest.Request) error {
		if n := tc.Count(r.Prompt); n+r.MaxTokens > 2048 {
			return fmt.Errorf("prompt of %d tokens + max_tokens %d overflows the 2048-token window", n, r.MaxTokens)
		}
		if !strings.HasSuffix(r.Prompt, "int last(int n) {\n    ") {
			return fmt.Errorf("prompt does not end at the cursor: ...%q", r.Prompt[max(0, len(r.Prompt)-60):])
		}
		return nil
	})
	d.edit(d.off, d.off, "n++;\n    ")
	h.model.Check(func(r openaitest.Request) error {
		if !strings.HasSuffix(r.Prompt, "int last(int n) {\n    n++;\n    ") {
			return fmt.Errorf("the edit is not in the prompt: ...%q", r.Prompt[max(0, len(r.Prompt)-60):])
		}
		return nil
	})
	list, err := d.complete()
	if err != nil || len(list.Items) != 1 || list.Items[0].TextEdit.NewText != "return n;" {
		t.Fatalf("completion on a 10 MB document: %v %+v", err, list)
	}
}

// TestInvalidUTF8 sends a document holding bytes that are not UTF-8: the
// server reads each as U+FFFD, as the JSON decoder does, and its
// positions count them as the client shows them.
func TestInvalidUTF8(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{model: answer("2;")})
	h.initialize(nil)
	uri := fileURI(h.root + "/bad.c")
	h.c.writeRaw(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"` + uri +
		`","languageId":"c","version":1,"text":"int a` + "\xff\xfe" + ` = 1;\nint b` + "\xc3" + ` = "}}}`)
	checkRequest(h.model, func() string { return "int a\uFFFD\uFFFD = 1;\nint b\uFFFD = " })
	var list protocol.CompletionList
	h.mustCall(protocol.MethodTextDocumentCompletion, map[string]any{
		"textDocument": map[string]any{"uri": uri}, "position": protocol.Position{Line: 1, Character: 9},
	}, &list)
	if len(list.Items) != 1 {
		t.Fatalf("items %+v", list.Items)
	}
	if r := list.Items[0].TextEdit.Range; r.Start != (protocol.Position{Line: 1, Character: 9}) {
		t.Errorf("edit range %v, want it at 1:9", r)
	}
}

// TestUnknownDocument: a completion on a document never opened (or
// closed) is a clear error, not an empty answer.
func TestUnknownDocument(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{})
	h.initialize(nil)
	d := h.open("a.c", "int x‸")
	h.c.notify(protocol.MethodTextDocumentDidClose, map[string]any{"textDocument": map[string]any{"uri": d.uri}})
	_, err := d.complete()
	if errCode(err) != jsonrpc2.InvalidParams || !strings.Contains(err.Error(), string(d.uri)+" is not open") {
		t.Errorf("completion on a closed document: %v, want InvalidParams naming it", err)
	}
	var raw json.RawMessage
	if err := h.call(MethodInlineCompletion, map[string]any{"textDocument": map[string]any{"uri": "untitled:1"}, "position": protocol.Position{}}, &raw); errCode(err) != jsonrpc2.InvalidParams {
		t.Errorf("inline completion on an unknown document: %v", err)
	}
}

const argvCopySrc = `#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char buf[16];
    if (argc < 2) {
        return 1;
    }
    ‸
    return 0;
}
`

// TestCompletionScreening: the built-in judge screens the candidates
// before the user sees them: the clean one first, the flagged one after
// it with the weakness in its detail and documentation; with screen =
// "hide" the flagged one is not offered at all.
func TestCompletionScreening(t *testing.T) {
	t.Parallel()
	model := answer("strcpy(buf, argv[1]);\n    puts(buf);", "snprintf(buf, sizeof buf, \"%s\", argv[1]);\n    puts(buf);")
	h := newHarness(t, setup{model: model})
	h.initialize(nil)
	d := h.open("argv.c", argvCopySrc)
	list, err := d.complete()
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Items) != 2 {
		t.Fatalf("%d items, want 2", len(list.Items))
	}
	clean, flagged := list.Items[0], list.Items[1]
	if !strings.HasPrefix(clean.Label, "snprintf") || strings.Contains(clean.Detail, "⚠") {
		t.Errorf("first item %q (%s): want the clean snprintf candidate", clean.Label, clean.Detail)
	}
	doc, _ := flagged.Documentation.(map[string]any)
	if !strings.HasPrefix(flagged.Label, "strcpy") || !strings.Contains(flagged.Detail, "⚠ CWE-787") {
		t.Errorf("second item %q detail %q: want the strcpy candidate marked CWE-787", flagged.Label, flagged.Detail)
	}
	if v, _ := doc["value"].(string); !strings.Contains(v, "cwe.mitre.org") || !strings.Contains(v, "line 1 of the completion") {
		t.Errorf("flagged item documentation does not explain the finding: %v", flagged.Documentation)
	}

	// A clean candidate that leaves a block open comes after the clean
	// whole one, marked as not parsing, and before the flagged one.
	broken := newHarness(t, setup{model: answer("strcpy(buf, argv[1]);", "if (strlen(argv[1]) < sizeof buf) {\n        puts(argv[1]);", "puts(argv[1]);")})
	broken.initialize(nil)
	d = broken.open("argv.c", argvCopySrc)
	if list, err = d.complete(); err != nil {
		t.Fatal(err)
	}
	var labels, details []string
	for _, it := range list.Items {
		labels, details = append(labels, it.Label), append(details, it.Detail)
	}
	if len(list.Items) != 3 || !strings.HasPrefix(labels[0], "puts") || !strings.HasPrefix(labels[1], "if") || !strings.HasPrefix(labels[2], "strcpy") {
		t.Fatalf("items %q, want the whole puts, the unclosed if, then the flagged strcpy", labels)
	}
	if strings.Contains(details[0], "does not parse") || !strings.Contains(details[1], "does not parse") || strings.Contains(details[1], "⚠") {
		t.Errorf("details %q: want only the unclosed if marked as not parsing", details)
	}
	doc, _ = list.Items[1].Documentation.(map[string]any)
	if v, _ := doc["value"].(string); !strings.Contains(v, "does not parse here") || !strings.Contains(v, "`}` expected") {
		t.Errorf("the unclosed if's documentation does not say what is missing: %v", list.Items[1].Documentation)
	}

	hide := newHarness(t, setup{model: model})
	hide.initialize(map[string]any{"completion": map[string]any{"screen": "hide"}})
	d = hide.open("argv.c", argvCopySrc)
	if list, err = d.complete(); err != nil {
		t.Fatal(err)
	}
	if len(list.Items) != 1 || !strings.HasPrefix(list.Items[0].Label, "snprintf") {
		t.Errorf("screen = hide offered %d items (%v), want only the clean one", len(list.Items), list.Items)
	}
}
