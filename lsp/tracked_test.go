package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// trackIn returns a range tracking the first occurrence of sub in text.
func trackIn(t *testing.T, text, sub string) *trackedRange {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	sp := span{i, i + len(sub)}
	return &trackedRange{ID: 1, Span: sp, Original: sp.len(), Kept: []span{sp}}
}

func TestTrackedRangeFollowsEdits(t *testing.T) {
	const text = "int main(int argc, char **argv) {\n  char buf[8];\n  strcpy(buf, argv[1]);\n  return 0;\n}\n"
	const acc = "strcpy(buf, argv[1]);"
	at := strings.Index(text, acc)
	tests := []struct {
		name string
		edit byteEdit // against text
		ins  string   // the inserted text (NewLen is its length)
		want string   // the range's text after the edit; "" gone
		kept int      // accepted bytes still there
	}{
		{"insert before", byteEdit{Start: 0, End: 0}, "// x\n", acc, len(acc)},
		{"delete before", byteEdit{Start: 0, End: 4}, "", acc, len(acc)},
		{"insert at its start stays outside", byteEdit{Start: at, End: at}, "  ", acc, len(acc)},
		{"insert at its end stays outside", byteEdit{Start: at + len(acc), End: at + len(acc)}, " x();", acc, len(acc)},
		{"after", byteEdit{Start: len(text) - 2, End: len(text)}, "}\n\n", acc, len(acc)},
		{"inside: replace a word", byteEdit{Start: at, End: at + 6}, "strncpy", "strncpy(buf, argv[1]);", len(acc) - 6},
		{"inside: insert", byteEdit{Start: at + 7, End: at + 7}, "(char *)", "strcpy((char *)buf, argv[1]);", len(acc)},
		{"across its start", byteEdit{Start: at - 5, End: at + 7}, "X", "buf, argv[1]);", len(acc) - 7},
		{"across its end", byteEdit{Start: at + 11, End: at + len(acc) + 4}, "", "strcpy(buf,", 11},
		{"covers it", byteEdit{Start: at - 1, End: at + len(acc) + 1}, "", "", 0},
		{"rewrites exactly it", byteEdit{Start: at, End: at + len(acc)}, "snprintf(buf, sizeof buf, \"%s\", argv[1]);", "", 0},
		{"deletes all of it by pieces inside", byteEdit{Start: at, End: at + len(acc) - 1}, "", ";", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := trackIn(t, text, acc)
			e := tt.edit
			e.NewLen = len(tt.ins)
			alive := r.apply(e, 2)
			after := text[:e.Start] + tt.ins + text[e.End:]
			if tt.want == "" {
				if alive {
					t.Fatalf("range survives as %q, want it gone", after[r.Span.Start:r.Span.End])
				}
				return
			}
			if !alive {
				t.Fatalf("range gone, want %q", tt.want)
			}
			if got := after[r.Span.Start:r.Span.End]; got != tt.want {
				t.Errorf("range holds %q, want %q", got, tt.want)
			}
			if r.KeptBytes() != tt.kept {
				t.Errorf("kept %d accepted bytes, want %d", r.KeptBytes(), tt.kept)
			}
			for _, k := range r.Kept {
				if k.Start < r.Span.Start || k.End > r.Span.End {
					t.Errorf("kept piece %v outside the range %v", k, r.Span)
				}
				if !strings.Contains(acc, after[k.Start:k.End]) {
					t.Errorf("kept piece %q is not accepted text", after[k.Start:k.End])
				}
			}
			changed := touches(span{at, at + len(acc)}, e)
			if (r.Gen == 1) != changed {
				t.Errorf("generation %d after an edit that touches it: %v", r.Gen, changed)
			}
		})
	}
}

// A sequence of incremental changes in one didChange, with UTF-16
// columns after characters that take two units and three bytes.
func TestByteEditsUTF16(t *testing.T) {
	const text = "/* 😀 é */ char b[4];\nx = \"日本\"; strcpy(b, s);\n"
	const acc = "strcpy(b, s);"
	r := trackIn(t, text, acc)
	// Line 1: `x = "日本"; ` is 10 UTF-16 units; strcpy starts at unit 10.
	changes := []TextDocumentContentChangeEvent{
		// Replace "😀" (units 3-5 of line 0) by "ok".
		{Range: &protocol.Range{Start: protocol.Position{Line: 0, Character: 3}, End: protocol.Position{Line: 0, Character: 5}}, Text: "ok"},
		// Then, in the text after that change, "strcpy" -> "strncpy" (units 10-16 of line 1).
		{Range: &protocol.Range{Start: protocol.Position{Line: 1, Character: 10}, End: protocol.Position{Line: 1, Character: 16}}, Text: "strncpy"},
		// Then insert a line at the top.
		{Range: &protocol.Range{Start: protocol.Position{Line: 0, Character: 0}, End: protocol.Position{Line: 0, Character: 0}}, Text: "#include <string.h>\n"},
	}
	edits, after := byteEdits(text, changes)
	want := "#include <string.h>\n/* ok é */ char b[4];\nx = \"日本\"; strncpy(b, s);\n"
	if after != want {
		t.Fatalf("text after the changes:\n%q\nwant\n%q", after, want)
	}
	if len(edits) != 3 || edits[0] != (byteEdit{Start: 3, End: 7, NewLen: 2}) {
		t.Fatalf("edits %v: want the emoji's 4 bytes at 3 first", edits)
	}
	for _, e := range edits {
		if !r.apply(e, 2) {
			t.Fatal("range gone")
		}
	}
	if got := after[r.Span.Start:r.Span.End]; got != "strncpy(b, s);" {
		t.Errorf("range holds %q", got)
	}
}

func TestByteEditsFullText(t *testing.T) {
	old := "a();\nstrcpy(b, s);\nz();\n"
	r := trackIn(t, old, "strcpy(b, s);")
	newText := "// top\na();\nstrcpy(b, s);\nz();\n"
	edits, after := byteEdits(old, []TextDocumentContentChangeEvent{{Text: newText}})
	if after != newText || len(edits) != 1 {
		t.Fatalf("edits %v, text %q", edits, after)
	}
	if !r.apply(edits[0], 2) || after[r.Span.Start:r.Span.End] != "strcpy(b, s);" {
		t.Fatalf("a full-text change that only adds a line above moved the range to %v", r.Span)
	}
}

func TestFindAccepted(t *testing.T) {
	text := "x = 1;\nfoo();\nbar();\nfoo();\n"
	tests := []struct {
		near  int
		want  int
		found bool
	}{
		{near: 7, want: 7, found: true},   // exactly there
		{near: 20, want: 21, found: true}, // the closer one
		{near: 2, want: 7, found: true},   // within the window
		{near: 0, want: 7, found: true},
	}
	for _, tt := range tests {
		sp, ok := findAccepted(text, "foo();", tt.near, 64)
		if ok != tt.found || (ok && sp.Start != tt.want) {
			t.Errorf("findAccepted near %d = %v %v, want %d %v", tt.near, sp, ok, tt.want, tt.found)
		}
	}
	if _, ok := findAccepted(text, "gone();", 7, 64); ok {
		t.Error("found text that is not there")
	}
	if _, ok := findAccepted(strings.Repeat(" ", 1000)+"foo();", "foo();", 0, 64); ok {
		t.Error("found text outside the window")
	}
}
