package cparse

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	sitter "github.com/smacker/go-tree-sitter"

	"securecomplete/analysis"
)

// dump writes every node of a tree, in order, with its kind, byte range,
// points and flags: two trees with the same dump are the same tree.
func dump(t *sitter.Tree) string {
	var b strings.Builder
	cur := sitter.NewTreeCursor(t.RootNode())
	defer cur.Close()
	depth := 0
	for {
		n := cur.CurrentNode()
		fmt.Fprintf(&b, "%*s%s %s [%d-%d] %v-%v", 2*depth, "", cur.CurrentFieldName(), n.Type(),
			n.StartByte(), n.EndByte(), n.StartPoint(), n.EndPoint())
		if n.IsMissing() {
			b.WriteString(" MISSING")
		}
		b.WriteByte('\n')
		if cur.GoToFirstChild() {
			depth++
			continue
		}
		for !cur.GoToNextSibling() {
			if !cur.GoToParent() {
				return b.String()
			}
			depth--
		}
	}
}

// sample is a C file with multi-byte characters in comments and
// strings; it parses without errors.
const sample = `#include <stdio.h>
/* Größe in €: 😀 */
static int copy(char *dst, const char *src, size_t len) {
    const char *s = "héllo 😀";
    for (size_t i = 0; i < len && src[i] != '\0'; i++) {
        dst[i] = src[i];
    }
    return 0;
}

int main(int argc, char **argv) {
    char buf[64];
    if (argc < 2) {
        return 1;
    }
    return 0;
}
`

// statements are typed into function bodies, one character at a time:
// the text is broken while one is half-typed and whole again after it.
var statements = []string{
	"int y = 2;\n    ",
	"if (len > 0 && dst != NULL) {\n        memcpy(dst, \"é€😀\", len); /* ü */\n    }\n    ",
	"strncpy(buf, argv[1], sizeof buf - 1);\n    ",
	"char *p = \"ü€😀\";\n    ",
	"/* Größe 😀 */ buf[0] = '\\0';\n    ",
}

// snippets are what the random edits insert: code, half-written code,
// brackets, and multi-byte characters.
var snippets = []string{
	"x", "s", ";", "\n", "{", "}", "(", ")", "\"", "'", "é", "€", "😀", "/*", "*/", "//",
	"int y = 2;\n", "if (a) {\n    b();\n}\n", "    ", "\n\n", "char *p = \"ü€😀\";", "#define N 4\n",
}

// runeBoundary moves off back to the start of the character holding it.
func runeBoundary(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

// checkPoints fails unless every node's points are those of its bytes in
// text: go-tree-sitter's EditInput passes the old end point as the new
// one, and the reparse must not keep that mistake.
func checkPoints(t *testing.T, tree *sitter.Tree, text string) {
	t.Helper()
	root := tree.RootNode()
	if root.EndByte() != uint32(len(text)) && strings.TrimRight(text[root.EndByte():], " \t\n") != "" {
		t.Fatalf("the root ends at %d of %d bytes", root.EndByte(), len(text))
	}
	lines := []int{0}
	for i := range len(text) {
		if text[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	pointAt := func(off int) sitter.Point {
		row := sort.SearchInts(lines, off+1) - 1
		return sitter.Point{Row: uint32(row), Column: uint32(off - lines[row])}
	}
	cur := sitter.NewTreeCursor(root)
	defer cur.Close()
	for {
		n := cur.CurrentNode()
		if got, want := n.StartPoint(), pointAt(int(n.StartByte())); got != want {
			t.Fatalf("%s at byte %d: start point %v, want %v", n.Type(), n.StartByte(), got, want)
		}
		if got, want := n.EndPoint(), pointAt(int(n.EndByte())); got != want {
			t.Fatalf("%s ending at byte %d: end point %v, want %v", n.Type(), n.EndByte(), got, want)
		}
		if cur.GoToFirstChild() {
			continue
		}
		for !cur.GoToNextSibling() {
			if !cur.GoToParent() {
				return
			}
		}
	}
}

// editor keeps a text and its incrementally reparsed tree.
type editor struct {
	t    *testing.T
	p    *Pool
	lang analysis.Lang
	text string
	tree *sitter.Tree
}

func (e *editor) replace(start, end int, repl string) {
	e.t.Helper()
	edit := Edit(e.text, start, end, repl)
	e.text = e.text[:start] + repl + e.text[end:]
	nt, err := e.p.Reparse(context.Background(), e.lang, e.tree, edit, []byte(e.text))
	if err != nil {
		e.t.Fatalf("reparse after replacing [%d,%d) with %q: %v", start, end, repl, err)
	}
	e.tree.Close()
	e.tree = nt
	checkPoints(e.t, e.tree, e.text)
}

// compare reports whether the tree is the same as a fresh parse of the
// text, node for node with ranges and points; whole says the text
// parses without errors.
func (e *editor) compare() (same, whole bool, got, want string) {
	e.t.Helper()
	fresh, err := e.p.Parse(context.Background(), e.lang, []byte(e.text))
	if err != nil {
		e.t.Fatal(err)
	}
	defer fresh.Close()
	return dump(e.tree) == dump(fresh), !fresh.RootNode().HasError(), e.tree.RootNode().String(), fresh.RootNode().String()
}

// TestReparseTyping types statements into function bodies one character
// at a time and deletes some again, reparsing after each keystroke. Each
// time the text parses whole, and at the end, the incremental tree is
// the fresh parse's; in between, every node's points match its bytes.
func TestReparseTyping(t *testing.T) {
	p := NewPool(Limits{})
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s/seed%d", lang, seed), func(t *testing.T) {
				rng := rand.New(rand.NewPCG(seed, 7))
				tree, err := p.Parse(context.Background(), lang, []byte(sample))
				if err != nil {
					t.Fatal(err)
				}
				e := &editor{t: t, p: p, lang: lang, text: sample, tree: tree}
				defer func() { e.tree.Close() }()
				wholeStates := 0
				for round := range 6 {
					// A line inside a function body: it starts with 4 spaces.
					var starts []int
					for off := 0; off < len(e.text); {
						nl := strings.IndexByte(e.text[off:], '\n')
						if nl < 0 {
							break
						}
						if strings.HasPrefix(e.text[off:], "    ") && !strings.HasPrefix(e.text[off:], "     ") {
							starts = append(starts, off+4)
						}
						off += nl + 1
					}
					at := starts[rng.IntN(len(starts))]
					stmt := statements[rng.IntN(len(statements))]
					off := at
					for _, r := range stmt {
						e.replace(off, off, string(r))
						off += utf8.RuneLen(r)
						if same, whole, got, want := e.compare(); whole {
							wholeStates++
							if !same {
								t.Fatalf("round %d: the text parses whole but the incremental tree differs:\n%s\nfresh:\n%s\ntext:\n%s", round, got, want, e.text)
							}
						}
					}
					if rng.IntN(2) == 0 { // and delete it again, backwards
						for off > at {
							_, size := utf8.DecodeLastRuneInString(e.text[:off])
							e.replace(off-size, off, "")
							off -= size
						}
					}
					if same, whole, got, want := e.compare(); !whole || !same {
						t.Fatalf("round %d, statement typed: whole %v, same %v:\n%s\nfresh:\n%s\ntext:\n%s", round, whole, same, got, want, e.text)
					}
				}
				if wholeStates == 0 {
					t.Fatal("no state parsed whole: the test compared nothing")
				}
			})
		}
	}
}

// TestReparseRandomEdits makes random edits, most of which leave the text
// broken. tree-sitter recovers from errors differently with and without
// an old tree, so broken texts may get another tree than a fresh parse
// (rarely: the test logs how often); every node's points still match its
// bytes, and a text that parses whole gets the same tree.
func TestReparseRandomEdits(t *testing.T) {
	p := NewPool(Limits{})
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		differ, broken := 0, 0
		for seed := range uint64(8) {
			rng := rand.New(rand.NewPCG(seed, 42))
			tree, err := p.Parse(context.Background(), lang, []byte(sample))
			if err != nil {
				t.Fatal(err)
			}
			e := &editor{t: t, p: p, lang: lang, text: sample, tree: tree}
			for range 60 {
				start := runeBoundary(e.text, rng.IntN(len(e.text)+1))
				end := start
				if rng.IntN(3) == 0 { // a deletion or a replacement
					end = max(start, runeBoundary(e.text, min(len(e.text), start+rng.IntN(12))))
				}
				repl := ""
				if end == start || rng.IntN(2) == 0 {
					repl = snippets[rng.IntN(len(snippets))]
				}
				e.replace(start, end, repl)
				same, whole, got, want := e.compare()
				switch {
				case whole && !same:
					t.Fatalf("the text parses whole but the incremental tree differs:\n%s\nfresh:\n%s", got, want)
				case !whole:
					broken++
					if !same {
						differ++
					}
				}
			}
			e.tree.Close()
		}
		t.Logf("%s: %d of %d broken texts got another tree than a fresh parse", lang, differ, broken)
	}
}

func TestEditPoints(t *testing.T) {
	text := "ab\nc😀d\n"
	e := Edit(text, 4, 8, "x\nyz") // replace "😀" (bytes 4-8) in line 1
	want := sitter.EditInput{
		StartIndex: 4, OldEndIndex: 8, NewEndIndex: 8,
		StartPoint: sitter.Point{Row: 1, Column: 1}, OldEndPoint: sitter.Point{Row: 1, Column: 5},
		NewEndPoint: sitter.Point{Row: 2, Column: 2},
	}
	if e != want {
		t.Errorf("Edit = %+v, want %+v", e, want)
	}
}

func TestLimits(t *testing.T) {
	ctx := context.Background()
	t.Run("size", func(t *testing.T) {
		p := NewPool(Limits{MaxBytes: 10})
		_, err := p.Parse(ctx, analysis.C, []byte("int main(void) { return 0; }"))
		var tl *TooLargeError
		if !errors.As(err, &tl) || tl.Size != 28 || tl.Max != 10 {
			t.Fatalf("err = %v, want a TooLargeError for 28 bytes over 10", err)
		}
		if !strings.Contains(err.Error(), "28 bytes") {
			t.Errorf("error %q does not name the size", err)
		}
	})
	t.Run("time", func(t *testing.T) {
		p := NewPool(Limits{MaxTime: time.Millisecond})
		garbage := []byte(strings.Repeat("(\"{'[<", 200_000))
		_, err := p.Parse(ctx, analysis.CPP, garbage)
		var te *TimeoutError
		if !errors.As(err, &te) {
			t.Fatalf("err = %v, want a TimeoutError", err)
		}
		// The parser that timed out is back in the pool: the next parse
		// starts afresh.
		p = p.WithLimits(Limits{})
		for range 4 {
			tree, err := p.Parse(ctx, analysis.CPP, []byte("int f() { return 1; }"))
			if err != nil {
				t.Fatal(err)
			}
			if tree.RootNode().HasError() {
				t.Errorf("parse after a timeout: %s", tree.RootNode())
			}
			tree.Close()
		}
	})
	t.Run("deadline", func(t *testing.T) {
		p := NewPool(Limits{})
		dctx, cancel := context.WithDeadline(ctx, time.Now().Add(-time.Second))
		defer cancel()
		if _, err := p.Parse(dctx, analysis.C, []byte("int x;")); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want the context's deadline", err)
		}
	})
	t.Run("language", func(t *testing.T) {
		p := NewPool(Limits{})
		_, err := p.Parse(ctx, analysis.Lang("rust"), []byte("fn main() {}"))
		if err == nil || !strings.Contains(err.Error(), `"rust"`) {
			t.Errorf("err = %v, want one naming the language", err)
		}
	})
}

func TestShare(t *testing.T) {
	p := NewPool(Limits{})
	src := []byte("int main(void) { return 0; }")
	other := NewPool(Limits{MaxTime: time.Second}) // another pool, same context

	sctx, release := Share(context.Background())
	a, err := p.Parse(sctx, analysis.C, src)
	if err != nil {
		t.Fatal(err)
	}
	b, err := other.Parse(sctx, analysis.C, src)
	if err != nil {
		t.Fatal(err)
	}
	c, err := p.Parse(sctx, analysis.CPP, src)
	if err != nil {
		t.Fatal(err)
	}
	// A root node's id is its tree's; its children's are the nodes'.
	if a == b || a.RootNode().Child(0).ID() != b.RootNode().Child(0).ID() {
		t.Errorf("the same text under one shared context was parsed twice (or handed out the same *Tree)")
	}
	if c.RootNode().Child(0).ID() == a.RootNode().Child(0).ID() {
		t.Errorf("C and C++ parses of one text were shared")
	}
	release()
	// The callers' trees outlive the release.
	if got := a.RootNode().String(); !strings.HasPrefix(got, "(translation_unit (function_definition") {
		t.Errorf("tree after release: %s", got)
	}
	a.Close()
	b.Close()
	c.Close()

	// Without Share, each parse is its own.
	x, _ := p.Parse(context.Background(), analysis.C, src)
	y, _ := p.Parse(context.Background(), analysis.C, src)
	if x.RootNode().Child(0).ID() == y.RootNode().Child(0).ID() {
		t.Errorf("two parses without a shared context share a tree")
	}
	x.Close()
	y.Close()
}

func TestPoolConcurrent(t *testing.T) {
	p := NewPool(Limits{})
	errs := make(chan error, 8)
	for g := range 8 {
		go func() {
			for i := range 50 {
				src := fmt.Sprintf("int f%d(void) { return %d; }\n", g, i)
				tree, err := p.Parse(context.Background(), analysis.C, []byte(src))
				if err != nil {
					errs <- err
					return
				}
				if tree.RootNode().HasError() {
					errs <- fmt.Errorf("%q: %s", src, tree.RootNode())
					return
				}
				tree.Close()
			}
			errs <- nil
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
