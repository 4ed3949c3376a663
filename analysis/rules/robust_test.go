package rules

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"securecomplete/analysis"
)

// deeplyNested returns a function whose body nests n blocks, ifs and
// parentheses.
func deeplyNested(n int) []byte {
	var b bytes.Buffer
	b.WriteString("int main(int argc, char **argv) {\n")
	for i := 0; i < n; i++ {
		b.WriteString("if (argc > 1) {")
	}
	b.WriteString("int x = ")
	b.WriteString(strings.Repeat("(", n))
	b.WriteString("atoi(argv[1])")
	b.WriteString(strings.Repeat(" + 1)", n))
	b.WriteString(";\n")
	b.WriteString(strings.Repeat("}", n))
	b.WriteString("\nreturn 0; }\n")
	return b.Bytes()
}

// largeProgram returns a valid C file of about size bytes: many
// functions with taint, allocations and loops.
func largeProgram(size int) []byte {
	unit := `int f%d(int argc, char **argv) {
    char buf[16];
    char *p = malloc(64);
    int v = atoi(argv[1]);
    for (int i = 0; i < v; i++) { buf[i %% 16] = argv[1][i]; }
    sprintf(buf, "%%s", argv[1]);
    free(p);
    return v + 1000;
}
`
	var b bytes.Buffer
	b.WriteString("#include <stdio.h>\n#include <stdlib.h>\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.ReplaceAll(unit, "%d", itoa(i)))
	}
	return bytes.ReplaceAll(b.Bytes(), []byte("%%"), []byte("%"))
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var d []byte
	for ; i > 0; i /= 10 {
		d = append([]byte{byte('0' + i%10)}, d...)
	}
	return string(d)
}

// largeFunction is one function of about size bytes: the worst case for
// the per-function analyses.
func largeFunction(size int) []byte {
	var b bytes.Buffer
	b.WriteString("int main(int argc, char **argv) {\n char *p = malloc(8);\n int v = atoi(argv[1]);\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(" if (v > 3) { v = v + 1; p[0] = 1; free(p); } else { v--; }\n")
	}
	b.WriteString(" return v; }\n")
	return b.Bytes()
}

func TestBadInput(t *testing.T) {
	ch := New()
	cases := []struct {
		name string
		src  []byte
	}{
		{"empty", nil},
		{"blank", []byte("\n\n   \t\n")},
		{"binary", []byte{0x7f, 'E', 'L', 'F', 0, 0, 0xff, 0xfe, 0x01, 0x02, '{', '(', 0, '}'}},
		{"invalid UTF-8", []byte("int main() { char *s = \"\xff\xfe\xc3\x28\"; printf(\"%s\", s\xa0); }")},
		{"nul bytes in code", []byte("int main(int argc, char **argv) {\x00 system(argv[1]); \x00}")},
		{"deeply nested", deeplyNested(5000)},
		{"unbalanced braces", []byte(strings.Repeat("{", 20000) + "int x = argv[1];")},
		{"junk", bytes.Repeat([]byte("}{)(;;\"'/*"), 2000)},
		{"unbalanced parens", []byte("int main() { int x = " + strings.Repeat("(", 20000) + "1; }")},
		{"half-written call", []byte("int main(int argc, char **argv) {\n  char buf[10];\n  strcpy(buf, argv[1]\n")},
		{"half-written if", []byte("int main(int argc, char **argv) {\n  if (argc > 1 && \n  system(argv[1]);\n")},
		{"candidate in the middle", []byte("#include <stdio.h>\nint main(int argc, char *argv[]) {\n    char *buf = malloc(10);\n    buf[0] = 'x'; if (\n    return 0;\n}\n")},
		{"only a function header", []byte("int main(int argc, char *argv[])")},
		{"stray statements", []byte("free(p); p->x = 1; system(argv[1]);")},
		{"preprocessor soup", []byte("#if X\n#define A(\n#endif\n#include\n#define\nint main(){ A( }")},
		{"goto spaghetti", []byte("int main(int argc, char **argv){ char *p = malloc(1); l1: free(p); if (argc) goto l1; goto l2; l2: return *p; }")},
		{"switch without braces", []byte("int main(int c){ char *p = malloc(2); switch(c) case 1: free(p); free(p); return 0; }")},
		{"many functions", largeProgram(200 << 10)},
	}
	for _, tc := range cases {
		for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
			t.Run(tc.name+"/"+string(lang), func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				rep, err := ch.CheckDetailed(ctx, analysis.File{Path: "bad.c", Lang: lang, Src: tc.src})
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				for _, f := range rep.Findings {
					if f.Line < 1 || f.Column < 1 || f.CWE == "" || f.Rule == "" {
						t.Errorf("malformed finding %+v", f)
					}
				}
			})
		}
	}
}

func TestHalfWrittenCodeStillJudged(t *testing.T) {
	// A candidate inserted into a document whose end is not written yet:
	// the parser recovers, and the weakness in the candidate is found.
	src := []byte(`#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    char cmd[256];
    sprintf(cmd, "ping -c 1 %s", argv[1]);
    system(cmd);
    if (argc >
`)
	rep, err := New().CheckDetailed(context.Background(), analysis.File{Path: "half.c", Lang: analysis.C, Src: src})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.SyntaxErrors {
		t.Error("SyntaxErrors not reported for half-written code")
	}
	found := false
	for _, f := range rep.Findings {
		if f.CWE == "CWE-78" && f.Line == 7 {
			found = true
		}
	}
	if !found {
		t.Errorf("command injection on line 7 not found in half-written code; findings: %+v", rep.Findings)
	}
}

// TestLargeInputs checks 10 MB inputs; it takes about a minute, so it
// runs only with RULES_LARGE=1.
func TestLargeInputs(t *testing.T) {
	if os.Getenv("RULES_LARGE") == "" {
		t.Skip("10 MB inputs take a minute: set RULES_LARGE=1")
	}
	ch := New(WithParseTimeout(40 * time.Second))
	for _, tc := range []struct {
		name    string
		src     []byte
		timeout bool // may end in a parse timeout instead of findings
	}{
		{"10 MB of functions", largeProgram(10 << 20), false},
		{"10 MB in one function", largeFunction(10 << 20), false},
		{"10 MB of junk", bytes.Repeat([]byte("}{)(;;\"'/*"), 1<<20), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			start := time.Now()
			rep, err := ch.CheckDetailed(ctx, analysis.File{Path: "big.c", Lang: analysis.C, Src: tc.src})
			if err != nil && tc.timeout && strings.Contains(err.Error(), "big.c") && strings.Contains(err.Error(), "parsing took longer") {
				if el := time.Since(start); el > 50*time.Second {
					t.Errorf("the parse timeout of 40s took %v to end the parse", el)
				}
				t.Logf("%d bytes: %v after %v", len(tc.src), err, time.Since(start))
				return
			}
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			t.Logf("%d bytes: %d findings in %v (truncated: %v)", len(tc.src), len(rep.Findings), time.Since(start), rep.Truncated)
		})
	}
}

func TestErrorsNameTheFile(t *testing.T) {
	ch := New(WithMaxSize(1 << 10))
	_, err := ch.Check(context.Background(), analysis.File{Path: "huge.c", Lang: analysis.C, Src: make([]byte, 2<<10)})
	if err == nil || !strings.Contains(err.Error(), "huge.c") || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("too large: err = %v, want an error naming huge.c and the limit", err)
	}
	_, err = ch.Check(context.Background(), analysis.File{Path: "prog.rs", Lang: "rust", Src: []byte("fn main() {}")})
	if err == nil || !strings.Contains(err.Error(), "prog.rs") || !strings.Contains(err.Error(), "rust") {
		t.Errorf("unknown language: err = %v, want an error naming prog.rs and the language", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = ch.Check(ctx, analysis.File{Path: "late.c", Lang: analysis.C, Src: []byte("int main(){}")})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "late.c") {
		t.Errorf("cancelled: err = %v, want context.Canceled naming late.c", err)
	}
}

func TestAnalyzeKeepsGoingAfterABadFile(t *testing.T) {
	ch := New(WithMaxSize(4 << 10))
	files := []analysis.File{
		{Path: "big.c", Lang: analysis.C, Src: make([]byte, 8<<10)},
		{Path: "cmd.c", Lang: analysis.C, Src: []byte("#include <stdlib.h>\nint main(int argc, char **argv) { return system(argv[1]); }\n")},
	}
	fs, err := ch.Analyze(context.Background(), files)
	if err == nil || !strings.Contains(err.Error(), "big.c") {
		t.Errorf("err = %v, want an error naming big.c", err)
	}
	if len(fs) != 1 || fs[0].File != "cmd.c" || fs[0].CWE != "CWE-78" {
		t.Errorf("findings = %+v, want the command injection in cmd.c", fs)
	}
	var _ analysis.Analyzer = ch
}

func TestConcurrentChecks(t *testing.T) {
	ch := New()
	srcC := []byte("#include <stdlib.h>\nint main(int argc, char **argv) { char *p = malloc(4); p[0] = 1; return system(argv[1]); }\n")
	srcCPP := []byte("#include <cstdlib>\n#include <string>\nint main(int argc, char **argv) { std::string s = argv[1]; return std::system(s.c_str()); }\n")
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				f := analysis.File{Path: "c.c", Lang: analysis.C, Src: srcC}
				want := 2
				if (w+i)%2 == 1 {
					f = analysis.File{Path: "c.cpp", Lang: analysis.CPP, Src: srcCPP}
					want = 1
				}
				fs, err := ch.Check(context.Background(), f)
				if err != nil || len(fs) != want {
					errs <- fmt.Sprintf("%s: %d findings, want %d (err %v)", f.Path, len(fs), want, err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// FuzzCheck feeds arbitrary bytes to Check in both languages: it must
// never panic, hang or fail on a valid language.
func FuzzCheck(f *testing.F) {
	seeds := [][]byte{
		nil,
		[]byte("int main(){}"),
		[]byte("int main(int argc, char *argv[]) { char b[4]; strcpy(b, argv[1]); system(b); }"),
		[]byte("void f(int *a, int n, int i) { if (i <= n) a[i] = 0; }"),
		[]byte("int main() { char *p = malloc(1); free(p); free(p); p->x = *p; }"),
		[]byte("int main() { int r = rand() + 1000; FILE *f = fopen(\"x\", \"w\"); }"),
		[]byte("#define N 3\nint a[N]; int g(int i) { return i < N ? a[i] : a[-i]; }"),
		[]byte("int main(int c, char **v) { for (;;) { switch (c) { case 1: goto x; } } x: return v[c][c]; }"),
		[]byte("std::string s; std::cin >> s; std::cout << \"<p>\" << s; delete[] p; new (std::nothrow) T;"),
		[]byte("int main() { if (a &&"),
		[]byte("\xff\xfe\x00{(["),
		deeplyNested(50),
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	ch := New(WithMaxSize(1 << 20))
	f.Fuzz(func(t *testing.T, src []byte, cpp bool) {
		lang := analysis.C
		if cpp {
			lang = analysis.CPP
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err := ch.Check(ctx, analysis.File{Path: "fuzz.c", Lang: lang, Src: src})
		if err != nil && len(src) <= 1<<20 {
			t.Fatalf("Check failed: %v", err)
		}
	})
}
