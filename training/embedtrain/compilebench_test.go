package embedtrain

import (
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/completion/embedded"
	"securecomplete/completion/embedded/embeddedtest"
	"securecomplete/internal/testenv"
)

// The compile benchmark counts what the compiler says: a case whose
// program always compiles, and one whose program never does.
func TestCompileBench(t *testing.T) {
	testenv.Tool(t, "gcc")
	m := embeddedtest.Model(t)
	prompt := "#include <stdio.h>\n\nint main(void) {\n    int n = 0;\n"
	cases := []BenchCase{
		{Name: "closes/c", Lang: analysis.C, Prompt: prompt, Program: func(string) string {
			return prompt + "    return n;\n}\n"
		}},
		{Name: "broken/c", Lang: analysis.C, Prompt: prompt, Program: func(c string) string {
			return prompt + c + "\n    int ; }}}\n"
		}},
		{Name: "model/c", Lang: analysis.C, Prompt: prompt, Program: func(c string) string { return prompt + c }},
	}
	r, err := CompileBench(t.Context(), m, cases, CompileBenchOptions{
		Samples: 3, Seed: 1, Checker: compile.New(compile.Options{}),
		Gen: embedded.Options{MaxTokens: 32, Temperature: 0.2, TopP: 0.95},
	})
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Langs[analysis.C]; c == nil || c.Total != 9 {
		t.Fatalf("C count %+v, want 9 programs", c)
	}
	byName := map[string]CaseCount{}
	for _, c := range r.Cases {
		byName[c.Name] = c
	}
	if c := byName["closes/c"].Count; c.Valid != 3 {
		t.Errorf("a program that compiles: %d of 3 valid", c.Valid)
	}
	if c := byName["broken/c"]; c.Count.Valid != 0 || c.FirstError == "" || c.Example == "" {
		t.Errorf("a program that cannot compile: %+v", c)
	}
	if len(r.Errors) == 0 || r.Errors[0].Count < 3 {
		t.Errorf("error kinds %+v: want the broken case's error counted", r.Errors)
	}
	var out strings.Builder
	r.Write(&out, true)
	for _, want := range []string{"compiles, c", "=== broken/c: 0 / 3 compile", "first error: "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// The header table of a real compiler knows printf in <stdio.h> and
// std::string in <string>.
func TestIndexHeaders(t *testing.T) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	table, err := IndexHeaders(t.Context(), HeaderOptions{CHeaders: []string{"stdio.h", "no/such/header.h"}, CXXHeaders: []string{"string"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := table["no/such/header.h"]; ok {
		t.Error("a header the compiler cannot find is in the table")
	}
	if ni := table["stdio.h"]["printf"]; ni.Flags&embedded.NameGlobal == 0 || ni.Flags&embedded.NameArity == 0 || ni.MinArgs != 1 || ni.MaxArgs != 255 {
		t.Errorf("stdio.h printf: %+v, want a global of one or more arguments", ni)
	}
	if ni := table["string"]["string"]; ni.Flags&embedded.NameStd == 0 || ni.Flags&embedded.NameType == 0 {
		t.Errorf("<string> string: %+v, want a type of namespace std", ni)
	}
	if _, err := IndexHeaders(t.Context(), HeaderOptions{CHeaders: []string{"no/such/header.h"}, CXXHeaders: []string{}}); err == nil || !strings.Contains(err.Error(), "no/such/header.h") {
		t.Errorf("no header indexed: err %v, want one naming the header", err)
	}
}
