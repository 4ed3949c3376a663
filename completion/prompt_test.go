package completion

import (
	"fmt"
	"strings"
	"testing"

	"securecomplete/config"
)

// bigFile returns a C file of includes, n small functions, and a target
// function whose body is cut by the cursor, with the cursor's offset.
func bigFile(n int) (string, int) {
	var b strings.Builder
	b.WriteString("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n#define LIMIT 64\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "/* helper %d */\nstatic int helper_%d(int x)\n{\n    return x * %d + LIMIT;\n}\n\n", i, i, i)
	}
	b.WriteString("// copy the name given on the command line\nint\nmain(int argc,\n     char *argv[]) {\n    char buf[LIMIT];\n    if (argc < 2) {\n        return 1;\n    }\n    ")
	off := b.Len()
	b.WriteString("\n    return 0;\n}\n")
	return b.String(), off
}

func TestBuildPrompt(t *testing.T) {
	tc, err := NewTokenCounter()
	if err != nil {
		t.Fatal(err)
	}
	big, bigOff := bigFile(400)
	small, smallOff := bigFile(2)
	const fnHead = "// copy the name given on the command line\nint\nmain(int argc,\n     char *argv[]) {\n"
	tests := []struct {
		name   string
		model  config.Model
		text   string
		off    int
		checks func(t *testing.T, p Prompt, text string, off int)
	}{
		{
			name:  "small file is sent whole",
			model: config.Model{ContextWindow: 2048, MaxTokens: 128},
			text:  small, off: smallOff,
			checks: func(t *testing.T, p Prompt, text string, off int) {
				if p.Text != text[:off] || p.Truncated {
					t.Errorf("prompt is not the whole text before the cursor (truncated=%v)", p.Truncated)
				}
			},
		},
		{
			name:  "big file keeps includes and the whole function, cut from the top",
			model: config.Model{ContextWindow: 512, MaxTokens: 128},
			text:  big, off: bigOff,
			checks: func(t *testing.T, p Prompt, text string, off int) {
				if !p.Truncated {
					t.Fatal("a 400-function file fit in 380 tokens?")
				}
				if !strings.HasPrefix(p.Text, "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n") {
					t.Errorf("includes not kept at the top:\n%.200s", p.Text)
				}
				if !strings.HasSuffix(p.Text, fnHead+"    char buf[LIMIT];\n    if (argc < 2) {\n        return 1;\n    }\n    ") {
					t.Errorf("the enclosing function is not whole up to the cursor:\n%s", p.Text)
				}
				if !strings.Contains(p.Text, "helper_399") {
					t.Errorf("the nearest lines above the function were not used to fill the budget")
				}
				if strings.Contains(p.Text, "helper_0(") {
					t.Errorf("the top of the file was not cut")
				}
				if p.KeptIncludes != 3 {
					t.Errorf("KeptIncludes = %d, want 3", p.KeptIncludes)
				}
			},
		},
		{
			name:  "a function bigger than the budget keeps its tail",
			model: config.Model{ContextWindow: 160, MaxTokens: 128},
			text:  big, off: bigOff,
			checks: func(t *testing.T, p Prompt, text string, off int) {
				if strings.Contains(p.Text, "#include") {
					t.Errorf("includes kept though the function does not fit:\n%s", p.Text)
				}
				if !strings.HasSuffix(p.Text, "        return 1;\n    }\n    ") || !strings.HasSuffix(text[:off], p.Text) {
					t.Errorf("prompt is not the tail of the function:\n%s", p.Text)
				}
			},
		},
		{
			name: "fill-in-the-middle template",
			model: config.Model{ContextWindow: 512, MaxTokens: 128,
				FIM: config.FIM{Prefix: "<fim_prefix>", Suffix: "<fim_suffix>", Middle: "<fim_middle>"}},
			text: small, off: smallOff,
			checks: func(t *testing.T, p Prompt, text string, off int) {
				want := "<fim_prefix>" + text[:off] + "<fim_suffix>" + text[off:] + "<fim_middle>"
				if !p.FIM || p.Text != want {
					t.Errorf("FIM prompt:\n%s\nwant:\n%s", p.Text, want)
				}
			},
		},
		{
			name:  "namespaces are not functions",
			model: config.Model{ContextWindow: 2048, MaxTokens: 128},
			text:  "#include <string>\nnamespace app {\nextern \"C\" {\nint f(int x) {\n    return x;\n}\n}\nint g() {\n    ", off: -1,
			checks: func(t *testing.T, p Prompt, text string, off int) {
				if p.FunctionLine != 7 {
					t.Errorf("FunctionLine = %d, want 7 (int g)", p.FunctionLine)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := tt.off
			if off < 0 {
				off = len(tt.text)
			}
			p := buildPrompt(tc, tt.model, scanCursor(tt.text[:off]), tt.text[off:])
			exact := tc.Count(p.Text)
			if budget := tt.model.ContextWindow - tt.model.MaxTokens; exact > budget {
				t.Errorf("prompt has %d tokens, over the budget of %d", exact, budget)
			}
			if exact > p.Tokens {
				t.Errorf("the line-wise count %d undercounts the exact %d", p.Tokens, exact)
			}
			tt.checks(t, p, tt.text, off)
		})
	}
}

func TestEnclosingFunctionLine(t *testing.T) {
	tests := []struct {
		prefix string
		want   int
	}{
		{"int x;\n", -1},
		{"int f(void) {\n  ", 0},
		{"int a;\n\n/* doc */\nstatic int\nf(void)\n{\n  if (x) {\n    ", 2},
		{"void f() {}\nvoid g() {\n  const char *s = \"{\";\n  char c = '}';\n  // }\n  ", 1},
		{"#define OPEN {\nint f() {\n  ", 1},
		{"int f() {\n  /* { */\n  ", 0},
		{"struct s {\n  int x;\n};\nint g() { return 0; }\n", -1},
	}
	for _, tt := range tests {
		if got := enclosingFunctionLine(tt.prefix); got != tt.want {
			t.Errorf("enclosingFunctionLine(%q) = %d, want %d", tt.prefix, got, tt.want)
		}
	}
}

func TestEnclosingFunctionInHugeFile(t *testing.T) {
	text, off := bigFile(40000) // about 4 MB: the scan starts near the cursor
	prefix := text[:off]
	want := strings.Count(prefix[:strings.Index(prefix, "// copy the name")], "\n")
	if got := enclosingFunctionLine(prefix); got != want {
		t.Errorf("enclosingFunctionLine = %d, want %d", got, want)
	}
	if resyncPoint(prefix) == 0 {
		t.Errorf("no resync point in a %d-byte prefix", len(prefix))
	}
}
