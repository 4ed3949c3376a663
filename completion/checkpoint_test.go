package completion

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// resumeDocs are documents where the scan for the enclosing definition
// has something to get wrong: namespaces and extern "C", braces in
// strings, characters and comments, preprocessor lines with
// continuations, unclosed comments and literals, multi-byte text.
var resumeDocs = map[string]string{
	"c": `#include <stdio.h>
/* Größe in €: 😀 { */
static int copy(char *dst, const char *src, size_t len) {
    const char *s = "héllo { 😀";
    for (size_t i = 0; i < len && src[i] != '{'; i++) {
        dst[i] = src[i]; // }
    }
    return 0;
}

int main(int argc, char **argv) {
    char buf[64];
    if (argc < 2) {
        return 1;
    }
`,
	"cpp": `#include <string>
namespace app {
extern "C" {
int legacy(void);
}
/* a class */
class Box {
public:
    int get() const { return v_; }
private:
    int v_ = 0;
};

std::string name(int id) {
    if (id < 0) {
        return "{none}";
    }
`,
	"macros": `#define OPEN {
#define LONG(x) \
    do { \
        f(x); \
    } while (0)
int g(void) {
    LONG(1);
    /* unclosed comment
`,
	"toplevel": `int x = 1;
struct point { int x, y; };
typedef enum { A, B } kind;
`,
}

// snippetsTyped are typed into the documents.
var snippetsTyped = []string{"{", "}", "x;", "\n", "/*", "*/", "\"", "'", "#if X\n", "namespace n {", "é€😀", "int f() {\n", "\\\n", "  "}

// TestResumeMatchesScan edits documents at random and asks for the
// enclosing definition at random cursors, resuming each time from the
// checkpoint of the previous request when no byte before it changed:
// the answer must be the scan's from the start of the text.
func TestResumeMatchesScan(t *testing.T) {
	for name, doc := range resumeDocs {
		for seed := range uint64(6) {
			t.Run(fmt.Sprintf("%s/seed%d", name, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 3))
				text := doc
				var cp *Checkpoint
				resumed := 0
				for step := range 300 {
					// An edit: mostly typing at the end of the last cursor's
					// line, as a user does, sometimes anywhere.
					at := len(text)
					if cp != nil && rng.IntN(4) > 0 {
						at = min(len(text), cp.Offset()+rng.IntN(40))
					} else {
						at = rng.IntN(len(text) + 1)
					}
					for at > 0 && at < len(text) && !utf8.RuneStart(text[at]) {
						at--
					}
					end := at
					if rng.IntN(5) == 0 {
						end = min(len(text), at+rng.IntN(6))
						for end < len(text) && !utf8.RuneStart(text[end]) {
							end++
						}
					}
					text = text[:at] + snippetsTyped[rng.IntN(len(snippetsTyped))] + text[end:]
					if cp != nil && at < cp.Offset() {
						cp = nil // a byte before the checkpoint changed
					}
					off := rng.IntN(len(text) + 1)
					if rng.IntN(2) == 0 {
						off = min(len(text), at+rng.IntN(8))
					}
					for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
						off--
					}
					prefix := text[:off]
					want := scanCursor(prefix)
					h := &Hint{Resume: cp, Lines: lineStarts(text)}
					if cp != nil && cp.Offset() <= off {
						resumed++
					}
					got := scanCursorHint(prefix, h)
					if got.open != want.open || got.fnStart != want.fnStart {
						t.Fatalf("step %d, cursor %d, resumed from %v: open %d fnStart %d, the scan from the start says %d %d\n%s‸",
							step, off, cp, got.open, got.fnStart, want.open, want.fnStart, prefix)
					}
					if got.mark.at != want.mark.at || fmt.Sprint(got.mark.state) != fmt.Sprint(want.mark.state) {
						t.Fatalf("step %d: checkpoint %+v, the scan from the start makes %+v", step, got.mark, want.mark)
					}
					if fl, wl := got.countLines(off), strings.Count(prefix, "\n"); fl != wl {
						t.Fatalf("step %d: %d lines before the cursor by the index, %d counted", step, fl, wl)
					}
					if got.open != topLevelOpen(prefix) {
						t.Fatalf("step %d: open %d, topLevelOpen %d", step, got.open, topLevelOpen(prefix))
					}
					cp = got.mark
				}
				if resumed == 0 {
					t.Fatal("no request resumed from a checkpoint: the test compared nothing")
				}
			})
		}
	}
}

// TestResumeLargeDocument checks the resumed scan in a document larger
// than maxBraceScan, where the scan starts at a resync point.
func TestResumeLargeDocument(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 2*maxBraceScan; i++ {
		fmt.Fprintf(&b, "/* é€😀 %d */\nstatic int f%d(int a) {\n    if (a) {\n        return %d;\n    }\n    return 0;\n}\n\n", i, i, i)
	}
	b.WriteString("int main(void) {\n    ")
	text := b.String()
	cc := scanCursorHint(text, nil)
	if cc.open < 0 || cc.mark.base == 0 {
		t.Fatalf("open %d, base %d: want main's brace and a resync point", cc.open, cc.mark.base)
	}
	cp := cc.mark
	for i := range 500 {
		text += string("sx;\n{}"[i%6])
		want := scanCursor(text)
		got := scanCursorHint(text, &Hint{Resume: cp})
		if got.open != want.open || got.fnStart != want.fnStart {
			t.Fatalf("keystroke %d: open %d fnStart %d, want %d %d", i, got.open, got.fnStart, want.open, want.fnStart)
		}
		cp = got.mark
	}
}

// TestResumeElsewhere checks that a checkpoint from a scan that started
// elsewhere is not resumed. In a large document with a block left open
// in its middle, scans from different resync points disagree, and a
// request must give the answer of its own scan.
func TestResumeElsewhere(t *testing.T) {
	funcs := func(b *strings.Builder, n int) {
		for i := 0; i < n; i += 40 {
			fmt.Fprintf(b, "static int f%d(int a) {\n    return a + %d;\n}\n", i, i)
		}
	}
	var b strings.Builder
	funcs(&b, maxBraceScan)
	b.WriteString("int broken(void) {\n")
	brace := b.Len() - 2
	funcs(&b, maxBraceScan*3/4)
	mid := b.Len()
	funcs(&b, maxBraceScan/2)
	b.WriteString("int main(void) {\n    ")
	text := b.String()

	early := scanCursor(text[:mid]) // its scan starts before broken's brace
	cp := early.mark
	if cp.state.outermost() != brace {
		t.Fatalf("checkpoint: outermost block %d, want broken's at %d", cp.state.outermost(), brace)
	}
	want := scanCursor(text) // this one after it
	if want.open != strings.LastIndexByte(text, '{') {
		t.Fatalf("the scan from the resync point finds %d, want main's brace", want.open)
	}
	if cp.Offset() < resyncPoint(text) {
		t.Fatalf("the checkpoint at %d is before the resync point %d: the test would not try it", cp.Offset(), resyncPoint(text))
	}
	if got := scanCursorHint(text, &Hint{Resume: cp}); got.open != want.open {
		t.Errorf("resumed from a checkpoint of another scan: open %d, want %d", got.open, want.open)
	}
}

// lineStarts returns the offsets where the lines of s start.
func lineStarts(s string) []int {
	out := []int{0}
	for i := range len(s) {
		if s[i] == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
