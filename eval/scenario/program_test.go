package scenario

import (
	"strings"
	"testing"

	"securecomplete/analysis"
)

func TestCut(t *testing.T) {
	const mainPrompt = "#include <stdio.h>\n\nint main(void) {\n    // say hello\n"
	tests := []struct {
		name       string
		prompt     string
		suffix     string
		completion string
		want       string
		ended      bool
	}{
		{
			name:       "function closed, the rest dropped",
			prompt:     mainPrompt,
			completion: "    puts(\"hi\");\n    return 0;\n}\n\nint helper(void) {\n    return 1;\n}\n",
			want:       "    puts(\"hi\");\n    return 0;\n}",
			ended:      true,
		},
		{
			name:       "inner blocks do not end the function",
			prompt:     mainPrompt,
			completion: "    for (int i = 0; i < 3; i++) {\n        if (i) { puts(\"x\"); }\n    }\n    return 0;\n}\njunk",
			want:       "    for (int i = 0; i < 3; i++) {\n        if (i) { puts(\"x\"); }\n    }\n    return 0;\n}",
			ended:      true,
		},
		{
			name:       "braces in strings, chars and comments are text",
			prompt:     mainPrompt,
			completion: "    puts(\"}}\\\"}\"); char c = '}'; char q = '\\'';\n    // }\n    /* } */\n    return 0;\n}\n}",
			want:       "    puts(\"}}\\\"}\"); char c = '}'; char q = '\\'';\n    // }\n    /* } */\n    return 0;\n}",
			ended:      true,
		},
		{
			name:       "a line comment continued by a backslash",
			prompt:     mainPrompt,
			completion: "    // note \\\n    }\n    return 0;\n}\n",
			want:       "    // note \\\n    }\n    return 0;\n}",
			ended:      true,
		},
		{
			name:       "braces in the prompt's strings and comments do not count",
			prompt:     "/* { */\nconst char *s = \"{\";\nint main(void) {\n    // {\n",
			completion: "    return 0;\n}\nint x;",
			want:       "    return 0;\n}",
			ended:      true,
		},
		{
			name:       "preprocessor lines are skipped",
			prompt:     "#define OPEN {\nint main(void) {\n",
			completion: "#define CLOSE }\n    return 0;\n}\n",
			want:       "#define CLOSE }\n    return 0;\n}",
			ended:      true,
		},
		{
			name:       "C++ raw strings and digit separators",
			prompt:     "#include <string>\nint main() {\n",
			completion: "    std::string s = R\"x(}\")x\"; int n = 1'000'000; char c = u8'}';\n    return n;\n}\n",
			want:       "    std::string s = R\"x(}\")x\"; int n = 1'000'000; char c = u8'}';\n    return n;\n}",
			ended:      true,
		},
		{
			name:       "completion that stops inside the function is kept whole",
			prompt:     mainPrompt,
			completion: "    puts(\"hi\");\n    if (1) {\n",
			want:       "    puts(\"hi\");\n    if (1) {\n",
			ended:      false,
		},
		{
			name:       "suffix closing the function: the model's brace is left out",
			prompt:     mainPrompt,
			suffix:     "}\n",
			completion: "    puts(\"hi\");\n}\n\nint other(void) { return 2; }\n",
			want:       "    puts(\"hi\");\n",
			ended:      true,
		},
		{
			name:       "suffix after the function: the model's brace is kept",
			prompt:     "int f(int x) {\n    // double x\n",
			suffix:     "\nint main(void) {\n    return f(2);\n}\n",
			completion: "    return 2 * x;\n}\nint main(void) { return 0; }\n",
			want:       "    return 2 * x;\n}",
			ended:      true,
		},
		{
			name:       "top level: the definition the model writes, with its semicolon",
			prompt:     "#include <stdlib.h>\n\nstruct point ",
			completion: "{\n    int x, y;\n};\n\nstruct line { int a; };\n",
			want:       "{\n    int x, y;\n};",
			ended:      true,
		},
		{
			name:       "prompt ending inside an inner block cuts at the function's end",
			prompt:     "int main(void) {\n    int n = 0;\n    while (n < 3) {\n        // count\n",
			completion: "        n++;\n    }\n    return n;\n}\nextra",
			want:       "        n++;\n    }\n    return n;\n}",
			ended:      true,
		},
		{
			name:       "a C++ method inside a namespace and a class",
			prompt:     "namespace shop {\nclass Cart {\n  public:\n    int total() const {\n        if (items_ > 0) {\n            // add up\n",
			completion: "            return items_ * 2;\n        }\n        return 0;\n    }\n    int items_ = 0;\n};\n}\n",
			want:       "            return items_ * 2;\n        }\n        return 0;\n    }",
			ended:      true,
		},
		{
			name:       "a function returning a struct pointer is a function, not a struct body",
			prompt:     "struct node;\nstruct node *make(int v) {\n    // allocate\n",
			completion: "    return 0;\n}\nstruct node { int v; };\n",
			want:       "    return 0;\n}",
			ended:      true,
		},
		{
			name:       "inside an extern \"C\" block",
			prompt:     "extern \"C\" {\nint f(int x) {\n",
			completion: "    return x;\n}\n}\n",
			want:       "    return x;\n}",
			ended:      true,
		},
		{
			name:       "CRLF line ends",
			prompt:     "int main(void) {\r\n    // go\r\n",
			completion: "    return 0; // }\r\n}\r\nrest",
			want:       "    return 0; // }\r\n}",
			ended:      true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Scenario{ID: "t", Lang: analysis.C, Prompt: tt.prompt, Suffix: tt.suffix}
			got, ended := s.Cut(tt.completion)
			if got != tt.want || ended != tt.ended {
				t.Errorf("Cut(%q)\n got %q, ended=%v\nwant %q, ended=%v", tt.completion, got, ended, tt.want, tt.ended)
			}
		})
	}
}

func TestProgram(t *testing.T) {
	tests := []struct {
		name               string
		prompt, suffix     string
		completion, wanted string
	}{
		{
			name:       "no suffix",
			prompt:     "int main(void) {\n",
			completion: "    return 0;\n}\nmore",
			wanted:     "int main(void) {\n    return 0;\n}\n",
		},
		{
			name:       "suffix after the function gets a newline before it",
			prompt:     "int f(void) {\n",
			suffix:     "int main(void) { return f(); }\n",
			completion: "    return 1; }",
			wanted:     "int f(void) {\n    return 1; }\nint main(void) { return f(); }\n",
		},
		{
			name:       "suffix closing the function after a trailing comment",
			prompt:     "int main(void) {\n",
			suffix:     "}\n",
			completion: "    return 0; // done",
			wanted:     "int main(void) {\n    return 0; // done\n}\n",
		},
		{
			name:       "empty completion leaves the function open",
			prompt:     "int main(void) {\n",
			completion: "",
			wanted:     "int main(void) {\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Scenario{ID: "t", Lang: analysis.C, Prompt: tt.prompt, Suffix: tt.suffix}
			if got := s.Program(tt.completion); got != tt.wanted {
				t.Errorf("Program(%q)\n got %q\nwant %q", tt.completion, got, tt.wanted)
			}
		})
	}
}

// BenchmarkProgram measures the assembly of one program from a scenario
// of the built-in set and a completion of a few lines plus junk.
func BenchmarkProgram(b *testing.B) {
	all, err := Builtin()
	if err != nil {
		b.Fatal(err)
	}
	s := all[0]
	completion := "    char a[32], b[32], c[32];\n    snprintf(a, sizeof a, \"%f\", first);\n    return 0;\n}\n\nint unused(void) {\n    return 1;\n}\n"
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Program(completion)
	}
}

// FuzzCut checks that the cut never panics and always keeps a prefix of
// the completion, ending at a closing brace (or its ';') when it reports
// the function ended, whatever odd text a model writes.
func FuzzCut(f *testing.F) {
	for _, seed := range []struct{ prompt, suffix, completion string }{
		{"int main(void) {\n", "", "    return 0;\n}\nint x;"},
		{"int main(void) {\n", "}\n", "  puts(\"}\"); }"},
		{"struct s ", "", "{ int a; };"},
		{"namespace n {\nclass C {\n  int f() {\n", "", "return R\"(})\"; } };"},
		{"#define X {\nint f() {\n  // \\\n", "", "'}' /* } */ 1'0 }"},
		{"", "", "}}}{{{"},
	} {
		f.Add(seed.prompt, seed.suffix, seed.completion)
	}
	f.Fuzz(func(t *testing.T, prompt, suffix, completion string) {
		s := Scenario{ID: "f", Lang: analysis.CPP, Prompt: prompt, Suffix: suffix}
		kept, ended := s.Cut(completion)
		if !strings.HasPrefix(completion, kept) {
			t.Fatalf("kept %q is not a prefix of %q", kept, completion)
		}
		if !ended && kept != completion {
			t.Fatalf("not ended but cut: %q of %q", kept, completion)
		}
		if ended && len(kept) < len(completion) && completion[len(kept)] != '}' &&
			!strings.HasSuffix(kept, "}") && !strings.HasSuffix(kept, ";") {
			t.Fatalf("cut %q of %q is neither before nor after a brace", kept, completion)
		}
		_ = s.Program(completion)
	})
}
