package lsp

import (
	"strings"
	"testing"
	"time"

	"securecomplete/completion"
)

func TestTypedAt(t *testing.T) {
	const was = "int main() {\n    str\n}\n"
	off := strings.Index(was, "str") + 3
	tests := []struct {
		name  string
		now   string
		off   int
		typed string
		ok    bool
	}{
		{"nothing typed", was, off, "", true},
		{"one character", "int main() {\n    strn\n}\n", off + 1, "n", true},
		{"several, across a line", "int main() {\n    strncpy(\n\n}\n", off + 6, "ncpy(\n", true},
		{"cursor moved back", was, off - 1, "", false},
		{"edit before the cursor", "int  main() {\n    strn\n}\n", off + 2, "", false},
		{"edit after the cursor", "int main() {\n    strn\n}\n\n", off + 1, "", false},
		{"deleted a character", "int main() {\n    st\n}\n", off - 1, "", false},
		{"cursor not after the insertion", "int main() {\n    strn\n}\n", off, "", false},
	}
	for _, tt := range tests {
		typed, ok := typedAt(was, off, tt.now, tt.off)
		if ok != tt.ok || typed != tt.typed {
			t.Errorf("%s: typedAt = %q, %v; want %q, %v", tt.name, typed, ok, tt.typed, tt.ok)
		}
	}
}

func TestTypedThroughLookup(t *testing.T) {
	var c typedThrough
	const text = "f(){\n  str"
	cands := []completion.Candidate{{Text: "ncpy(d, s, n);"}, {Text: "cpy(d, s);"}, {Text: "len(s);"}}
	c.store("file:///a.c", text, len(text), "m", cands)
	tests := []struct {
		typed string
		want  []string
	}{
		{"", []string{"ncpy(d, s, n);", "cpy(d, s);", "len(s);"}},
		{"n", []string{"cpy(d, s, n);"}},
		{"ncpy(d, s, n)", []string{";"}},
		{"ncpy(d, s, n);", nil}, // all of it typed: nothing left to show, ask again
		{"c", []string{"py(d, s);"}},
		{"x", nil},
	}
	for _, tt := range tests {
		got, model, ok := c.lookup("file:///a.c", text+tt.typed, len(text)+len(tt.typed))
		var texts []string
		for _, g := range got {
			texts = append(texts, g.Text)
		}
		if ok != (tt.want != nil) || strings.Join(texts, "|") != strings.Join(tt.want, "|") || (ok && model != "m") {
			t.Errorf("typed %q: %q, %q, %v; want %q", tt.typed, texts, model, ok, tt.want)
		}
	}
	if cands[0].Text != "ncpy(d, s, n);" {
		t.Errorf("lookup changed the stored candidates: %q", cands[0].Text)
	}
	if _, _, ok := c.lookup("file:///b.c", text, len(text)); ok {
		t.Error("a hit for a document never answered")
	}
	for i := range maxTypedThrough + 10 {
		c.store("file:///"+strings.Repeat("x", i), text, len(text), "m", cands)
	}
	if len(c.byURI) != maxTypedThrough || len(c.order) != maxTypedThrough {
		t.Errorf("kept %d documents (%d in order), want the bound %d", len(c.byURI), len(c.order), maxTypedThrough)
	}
}

// TestTypedThroughServer: through the server, typing the next characters
// of the shown candidate is answered without a model call, the answer's
// items can be accepted, and a departing character asks the model again.
func TestTypedThroughServer(t *testing.T) {
	h := newHarness(t, setup{model: answer("ncpy(buf, src, 15);", "cpy(buf, src);")})
	h.initialize(nil)
	d := h.open("a.c", "void f(char *src) {\n    char buf[16];\n    str‸\n}\n")
	inline := func(invoked bool) InlineCompletionList {
		t.Helper()
		p := d.params()
		if invoked {
			p["context"] = map[string]any{"triggerKind": 1}
		} else {
			p["context"] = map[string]any{"triggerKind": 2}
		}
		var l InlineCompletionList
		h.mustCall(MethodInlineCompletion, p, &l)
		return l
	}
	texts := func(l InlineCompletionList) string {
		var s []string
		for _, it := range l.Items {
			s = append(s, it.InsertText)
		}
		return strings.Join(s, "|")
	}

	if got := texts(inline(false)); got != "ncpy(buf, src, 15);|cpy(buf, src);" {
		t.Fatalf("first answer %q", got)
	}
	d.typeText("nc")
	start := time.Now()
	l := inline(false)
	took := time.Since(start)
	if got := texts(l); got != "py(buf, src, 15);" || len(h.model.Requests()) != 1 {
		t.Fatalf("after typing nc: %q with %d model requests; want py(buf, src, 15); from the first answer", got, len(h.model.Requests()))
	}
	t.Logf("a typed-through answer took %s over the in-memory connection", took)
	if r := l.Items[0].Range; r == nil || r.Start != d.pos() {
		t.Errorf("item range %v, want the cursor %v", r, d.pos())
	}
	if err := h.run(l.Items[0].Command); err != nil {
		t.Fatalf("accept the typed-through item: %v", err)
	}
	evs := h.accepts.Events()
	if ev := evs[len(evs)-1]; ev.Text != "py(buf, src, 15);" || ev.Model != "gptj-ft" || ev.Column != int(d.pos().Character) {
		t.Errorf("accept event %+v: want the rest of the candidate at the cursor", ev)
	}

	d.typeText("x") // departs from every candidate
	inline(false)
	if n := len(h.model.Requests()); n != 2 {
		t.Errorf("after a departing character: %d model requests, want 2", n)
	}
	inline(true) // invoked by the user: always the model
	if n := len(h.model.Requests()); n != 3 {
		t.Errorf("after an invoked request: %d model requests, want 3", n)
	}
	d.edit(0, 0, "\n") // an edit elsewhere
	inline(false)
	if n := len(h.model.Requests()); n != 4 {
		t.Errorf("after an edit above: %d model requests, want 4", n)
	}
	if hits, calls := h.srv.typed.counts(); hits != 1 || calls != 4 {
		t.Errorf("counts: %d hits, %d model calls; want 1, 4", hits, calls)
	}
}

// BenchmarkTypedThroughLookup: the cache's answer on a 5,000-line
// document, the cost a typed character pays instead of a model call.
func BenchmarkTypedThroughLookup(b *testing.B) {
	var sb strings.Builder
	for i := range 5000 {
		sb.WriteString("    int v")
		sb.WriteString(strings.Repeat("x", i%40))
		sb.WriteString(" = 0;\n")
	}
	before := sb.String() + "    str"
	after := "\n}\n"
	var c typedThrough
	c.store("file:///big.c", before+after, len(before), "m", []completion.Candidate{{Text: "ncpy(buf, src, sizeof buf - 1);"}, {Text: "cpy(buf, src);"}})
	now := before + "nc" + after
	b.SetBytes(int64(len(now)))
	for b.Loop() {
		if _, _, ok := c.lookup("file:///big.c", now, len(before)+2); !ok {
			b.Fatal("no hit")
		}
	}
}
