package embedded

import (
	"regexp"
	"strings"
	"testing"

	"securecomplete/completion/embedded/ctrack"
)

// testHeaders are headers as `gcc -E -dD` prints them, cut down and
// written for these tests.
var testHeaders = map[string]struct {
	text string
	cpp  bool
}{
	"stdio.h": {`# 1 "<stdin>"
typedef unsigned long size_t;
typedef struct _IO_FILE FILE;
struct tm { int tm_year; };
extern FILE *stderr;
#define stderr stderr
#define EOF (-1)
#define NULL ((void *)0)
extern int printf (const char *__restrict __format, ...);
extern int fprintf (FILE *__restrict __stream, const char *__restrict __format, ...);
extern int puts (const char *__s);
extern void perror (const char *__s);
extern int fputs (const char *__restrict __s, FILE *__restrict __stream);
extern int putchar (int __c);
`, false},
	"stdlib.h": {`typedef unsigned long size_t;
extern void *malloc (size_t __size) __attribute__ ((__malloc__));
extern void free (void *__ptr);
extern int atoi (const char *__nptr);
extern int rand (void);
extern void srand (unsigned int __seed);
#define EXIT_FAILURE 1
#define abs(x) __builtin_abs(x)
`, false},
	"string.h": {`typedef unsigned long size_t;
extern size_t strlen (const char *__s);
extern char *strcpy (char *__restrict __dest, const char *__restrict __src);
`, false},
	"iostream": {`namespace std __attribute__ ((__visibility__ ("default"))) {
  class ostream { public: ostream& flush(); };
  extern ostream cout;
  extern ostream cerr;
  template<typename _CharT> inline ostream& endl(ostream& __os) { return __os; }
}
`, true},
	"string": {`namespace std {
  class basic_string { public: unsigned long size() const; basic_string substr(unsigned long __pos = 0, unsigned long __n = 0) const; };
  typedef basic_string string;
  int stoi(const string& __str, unsigned long* __idx = 0, int __base = 10);
}
`, true},
}

// headerModel is the test model with the test headers' table.
func headerModel(t testing.TB, order int) *Model {
	t.Helper()
	m := trainTest(t, order)
	setTestHeaders(m)
	return m
}

// setTestHeaders gives m the test headers' table.
func setTestHeaders(m *Model) {
	table := map[string]HeaderNames{}
	for name, h := range testHeaders {
		table[name] = ScanHeader([]byte(h.text), h.cpp)
	}
	// C++'s <cstdio> and <cstdlib> declare the C functions too.
	table["cstdio"] = ScanHeader([]byte(testHeaders["stdio.h"].text), true)
	table["cstdlib"] = ScanHeader([]byte(testHeaders["stdlib.h"].text), true)
	m.SetHeaders(table)
}

func TestScanHeader(t *testing.T) {
	c := ScanHeader([]byte(testHeaders["stdio.h"].text+testHeaders["stdlib.h"].text), false)
	cpp := ScanHeader([]byte(testHeaders["iostream"].text+testHeaders["string"].text), true)
	tests := []struct {
		names      HeaderNames
		name       string
		has, hasnt uint8
		lo, hi     uint8
	}{
		{c, "printf", NameGlobal | NameArity, NameType | NameVar, 1, 255},
		{c, "perror", NameGlobal | NameVoidFunction | NameArity, NameType, 1, 1},
		{c, "malloc", NameGlobal | NameArity, NameVoidFunction, 1, 1},
		{c, "FILE", NameGlobal | NameType, NameArity, 0, 0},
		{c, "size_t", NameGlobal | NameType, 0, 0, 0},
		{c, "stderr", NameGlobal | NameVar, NameArity, 0, 0},
		{c, "EOF", NameGlobal | NameVar, 0, 0, 0},
		{c, "abs", NameGlobal | NameArity, NameVar, 1, 1}, // a function-like macro
		{c, "tm", NameTag, NameGlobal | NameType, 0, 0},   // in C a tag is no name of its own
		{c, "tm_year", NameMember, NameGlobal, 0, 0},
		{cpp, "cout", NameStd | NameVar, NameGlobal, 0, 0},
		{cpp, "string", NameStd | NameType, NameGlobal, 0, 0},
		{cpp, "stoi", NameStd | NameArity, NameGlobal, 1, 3}, // two defaults
		{cpp, "substr", NameMember | NameArity, NameGlobal, 0, 2},
		{cpp, "std", NameGlobal, NameType, 0, 0},
	}
	for _, tt := range tests {
		ni, ok := tt.names[tt.name]
		if !ok {
			t.Errorf("%s: not found", tt.name)
			continue
		}
		if ni.Flags&tt.has != tt.has || ni.Flags&tt.hasnt != 0 {
			t.Errorf("%s: flags %08b, want %08b set and %08b clear", tt.name, ni.Flags, tt.has, tt.hasnt)
		}
		if tt.has&NameArity != 0 && (ni.MinArgs != tt.lo || ni.MaxArgs != tt.hi) {
			t.Errorf("%s: %d to %d arguments, want %d to %d", tt.name, ni.MinArgs, ni.MaxArgs, tt.lo, tt.hi)
		}
	}
	for _, reserved := range []string{"__format", "_IO_FILE", "__builtin_abs"} {
		if _, ok := c[reserved]; ok {
			t.Errorf("reserved name %s in the table", reserved)
		}
	}
}

// nextAllowed asks the tracker of a session whether tok may come next,
// after the whole prompt (its last token too, which sampling may heal).
func nextAllowed(s *session, tok string) bool {
	tr := s.syn.tr.Clone()
	if s.heal != nil && s.heal.tok != ^uint32(0) {
		tr.Step(s.info(s.heal.tok), s.text(s.heal.tok))
	}
	ti, name := classify(tok)
	if name != "" {
		if n, ok := s.m.names.idx[name]; ok {
			ti.Name = n
		} else if n, ok := s.syn.xnames[name]; ok {
			ti.Name = n
		} else {
			ti.Name = int32(len(s.syn.flags)) // a name no one declared
		}
	}
	return tr.Allowed(ti, tok)
}

func TestTrackerAllows(t *testing.T) {
	m := headerModel(t, 3)
	const c = "#include <stdio.h>\n#include <stdlib.h>\n\nstruct person { int status; };\n\nint main(int argc, char *argv[]) {\n    int n = 0;\n    struct person *p = malloc(sizeof(struct person));\n"
	const cc = "#include <cstdio>\n#include <cstdlib>\n\nint main(int argc, char *argv[]) {\n    int n = 0;\n"
	const cpp = "#include <iostream>\n#include <string>\n\nint main(int argc, char *argv[]) {\n    std::string name = argv[1];\n"
	tests := []struct {
		prompt, next string
		want         bool
	}{
		{c + "    n = ", ";", false},
		{c + "    n = ", " n", true},
		{c + "    n = ", " undeclared_name", false},
		{c + "    n = ", " atoi", true},
		{c + "    n = ", " strlen", false}, // <string.h> is not included
		{c + "    n = ", " status", false}, // a member, not a variable
		{c + "    n = p", "->", true},
		{c + "    n = n", "->", false}, // an int is no pointer
		{c + "    n = p->", " status", true},
		{c + "    if (n", ")", true},
		{c + "    if (n", "{", false},
		{c + "    if (n)", ";", false}, // no empty body
		{c + "    n = (", ")", false},
		{c + "    puts(", ")", false}, // puts takes one argument
		{c + "    puts(\"x\"", ",", false},
		{c + "    puts(\"x\"", ")", true},
		{c + "    n = puts", ";", false}, // a function is called
		{c + "    return", ";", false},   // main returns int
		{c + "    return", " n", true},
		{c + "    int m", "(", false}, // no function declared in a function
		{c + "    int", " n", false},  // n is declared at this level
		{c + "    int", " m", true},
		{c + "    n", " n", false}, // an operand after an operand
		{c + "    n = 1", " <", true},
		{c + "    n = 1 < 2", " <", false},
		{c + "    // set n", " n", false},
		{c + "    // set n", "\x01 n", true},
		{c, "#", false},
		{c, ";", false}, // no empty statement in a function
		{c + "    n = 1;\n", ";", false},
		{c + "    for (", ";", true},
		{c + "    if ((n == 2)", "[", false}, // no subscript of a parenthesized expression
		{c + "    if (argv", "[", true},
		{c, "}", true},
		{c, "else", false}, // no if before it
		{c + "    if (n) {\n    }\n", "else", true},
		{c + "    perror(\"x\")", ";", true},
		{c + "    n = ", " perror", false}, // void: a statement, not an operand
		{c + "    stderr", "(", false},     // an object, not a function
		{cpp + "    std::", " cout", true},
		{cpp + "    std::", " printf", false},
		{cpp + "    int k = std::", "~", false}, // a name follows ::
		{cpp + "    int k = std::", " 1", false},
		{cpp + "    std::cout << name.", " substr", true},
		{cpp + "    int k = std::stoi(name", ")", true},
		{cpp + "    std", " cout", false}, // std::
		{cpp + "    ", " cout", false},    // no using namespace std
		// Arguments fit their parameters' kinds (from the header table), in C++.
		{cc + "    puts(", " n", false},            // an int is no char pointer
		{cc + "    puts(", " 1", false},            // nor is a number other than 0
		{cc + "    puts(", " \"x\"", true},         // a string literal is
		{cc + "    puts(", " argv", true},          // and a pointer may be
		{cc + "    fputs(\"x\",", " \"y\"", false}, // FILE *: no string literal
		{cc + "    fputs(\"x\",", " stderr", true},
		{cc + "    n = putchar(", " \"x\"", false}, // a scalar: no string literal
		{cc + "    n = putchar(", "&", false},      // nor an address
		{cc + "    n = putchar(", " n", true},
		{cc + "    n = putchar(argv", "[", true},  // an element of a pointer
		{cc + "    n = putchar(argv", ")", false}, // not the pointer itself
		{cc + "    n = abs(", " \"x\"", true},     // a macro: unknown
		{cc + "    srand(", " rand", true},
		{cc + "    free(", " NULL", true},
		{cc + "    free(", " 0", true},
		{cc + "    n = atoi(", " n", false},
		{c + "    puts(", " n", true},                   // in C a warning, not an error
		{cpp + "    int k = std::stoi(", " name", true}, // a class: unknown, allowed
	}
	for _, tt := range tests {
		s := m.newSession(tt.prompt, NoCache(), true)
		if got := nextAllowed(s, tt.next); got != tt.want {
			lines := strings.Split(tt.prompt, "\n")
			t.Errorf("after %q: %q allowed = %v, want %v", lines[len(lines)-1], tt.next, got, tt.want)
		}
	}
}

// declaredNames returns the names the declarations of a C text declare:
// the names after a type (or its '*'), and after a ',' of a declaration
// (a statement or a for header that starts with a type).
func declaredNames(text string) map[string]bool {
	out := map[string]bool{}
	depth := 0
	start, stmtDecl, forDecl, afterFor := true, false, false, false
	prev := "" // the last token, '*' skipped
	for _, tok := range Tokenize(text) {
		if isLayout(tok) {
			continue
		}
		t := strings.TrimPrefix(tok, " ")
		ti, _ := classify(tok)
		typeWord := ti.Class == ctrack.Keyword && (typeKeywords[t] || tagKeywords[t]) || t == "size_t" || t == "FILE"
		if start && depth == 0 {
			stmtDecl = typeWord
		}
		if afterFor && depth == 1 {
			forDecl = typeWord
		}
		start, afterFor = false, false
		if ti.Class == ctrack.Ident {
			prevType := prev == "type" || prev == "tag"
			if prevType || prev == "," && (depth == 0 && stmtDecl || depth == 1 && forDecl) {
				out[t] = true
			}
		}
		switch {
		case t == ";":
			if depth == 0 {
				start = true
			} else {
				forDecl = false
			}
		case t == "{" || t == "}":
			start, depth = true, 0
		case t == "(" || t == "[":
			depth++
			afterFor = prev == "for"
		case t == ")" || t == "]":
			depth--
		}
		switch {
		case t == "*":
			// keep prev
		case typeWord && tagKeywords[t]:
			prev = "tagkw"
		case typeWord:
			prev = "type"
		case prev == "tagkw" && ti.Class == ctrack.Ident:
			prev = "tag"
		default:
			prev = t
		}
	}
	return out
}

// typeKeywords and tagKeywords are the keywords that write a type.
var (
	typeKeywords = map[string]bool{
		"void": true, "char": true, "short": true, "int": true, "long": true, "float": true, "double": true,
		"signed": true, "unsigned": true, "_Bool": true, "_Complex": true, "bool": true, "wchar_t": true,
		"char8_t": true, "char16_t": true, "char32_t": true, "auto": true,
		"const": true, "volatile": true, "restrict": true, "_Atomic": true, "mutable": true,
	}
	tagKeywords = map[string]bool{"struct": true, "union": true, "enum": true, "class": true, "typename": true}
)

var (
	identRE   = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	literalRE = regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`)
)

// The corpus uses names (copy_name, buffer, values, ...) that a prompt of
// another program does not declare: sampled freely, the model writes
// them; with the tracker, never.
func TestGenerateWritesOnlyDeclaredNames(t *testing.T) {
	m := headerModel(t, 4)
	prompt := "#include <stdio.h>\n#include <stdlib.h>\n\nint main(int argc, char *argv[]) {\n    int count = atoi(argv[1]);\n\n    // print the count\n"
	undeclared := map[string]bool{}
	for _, d := range testCorpus {
		for _, w := range identRE.FindAllString(d, -1) {
			undeclared[w] = true
		}
	}
	for _, w := range identRE.FindAllString(prompt+testHeaders["stdio.h"].text+testHeaders["stdlib.h"].text, -1) {
		delete(undeclared, w)
	}
	for w := range undeclared {
		if ctrack.IsKeyword(w, true) {
			delete(undeclared, w)
		}
	}
	found := func(texts []string) map[string]string {
		got := map[string]string{}
		for _, text := range texts {
			// Names the choice declares itself are fine: drop those that
			// follow a type keyword.
			text = literalRE.ReplaceAllString(text, `""`)
			declared := declaredNames(text)
			for _, w := range identRE.FindAllString(text, -1) {
				if undeclared[w] && !declared[w] {
					got[w] = text
				}
			}
		}
		return got
	}
	run := func(free bool) []string {
		res := generate(t, m, prompt, Options{N: 40, MaxTokens: 40, Temperature: 1, Seed: seed(3), Unconstrained: free})
		var out []string
		for _, c := range res.Choices {
			out = append(out, c.Text)
		}
		return out
	}
	if got := found(run(true)); len(got) == 0 {
		t.Fatalf("unconstrained, the model never wrote a name the prompt lacks: the test shows nothing")
	}
	if got := found(run(false)); len(got) > 0 {
		t.Errorf("constrained choices use names nothing declares: %v", got)
	}
}

// braceDepth counts the braces of C text outside literals and comments
// well enough for the tests' programs.
func braceDepth(s string) int {
	d := 0
	for _, tok := range Tokenize(s) {
		switch strings.TrimPrefix(tok, " ") {
		case "{":
			d++
		case "}":
			d--
		}
	}
	return d
}

// Asked for the rest of a function (max_tokens of at least
// wholeFunction), a constrained choice ends where the function closes,
// and closes it before max_tokens runs out.
func TestGenerateClosesTheFunction(t *testing.T) {
	m := headerModel(t, 4)
	for _, prompt := range []string{
		"#include <stdio.h>\n\nint main(int argc, char *argv[]) {\n    if (argc < 2) {\n        return 1;\n    }\n",
		// Two blocks open and calls that owe arguments: a statement
		// begun late cannot be finished and closed in time.
		"#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char *argv[]) {\n    if (argc > 1) {\n        if (strcmp(argv[1], \"-v\") == 0) {\n            puts(argv[1]);\n",
	} {
		closesTheFunction(t, m, prompt)
	}
}

func closesTheFunction(t *testing.T, m *Model, prompt string) {
	t.Helper()
	for _, maxTokens := range []int{wholeFunction, 40, 64, 128} {
		res := generate(t, m, prompt, Options{N: 200, MaxTokens: maxTokens, Temperature: 1, Seed: seed(5)})
		for i, c := range res.Choices {
			if d := braceDepth(prompt + c.Text); d != 0 {
				t.Errorf("max_tokens %d, choice %d leaves %d braces open:\n%s", maxTokens, i, d, c.Text)
			}
			if c.FinishReason != FinishStop || !strings.HasSuffix(strings.TrimSpace(c.Text), "}") {
				t.Errorf("max_tokens %d, choice %d: finish %q, text %q: want it to end with the function's brace", maxTokens, i, c.FinishReason, c.Text)
			}
			if len(c.Tokens) > maxTokens {
				t.Errorf("max_tokens %d, choice %d: %d tokens", maxTokens, i, len(c.Tokens))
			}
		}
	}
}

func TestHeaderTableRoundTrip(t *testing.T) {
	m := headerModel(t, 3)
	var buf strings.Builder
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Decode([]byte(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(back.Headers(), ","), strings.Join(m.Headers(), ","); got != want {
		t.Fatalf("headers %s, want %s", got, want)
	}
	for _, h := range m.Headers() {
		a, _ := m.headerFlags([]string{h})
		b, _ := back.headerFlags([]string{h})
		for name, n := range m.names.idx {
			nb, ok := back.names.idx[name]
			if !ok {
				if a.flags[n] != 0 {
					t.Errorf("%s: %s lost", h, name)
				}
				continue
			}
			if a.flags[n] != b.flags[nb] || a.flags[n]&NameArity != 0 && (a.arity[n] != b.arity[nb] || a.kinds[n] != b.kinds[nb]) {
				t.Errorf("%s: %s flags %08b arity %04x kinds %04x, read back %08b %04x %04x", h, name, a.flags[n], a.arity[n], a.kinds[n], b.flags[nb], b.arity[nb], b.kinds[nb])
			}
		}
	}
}

func TestScanHeaderArgKinds(t *testing.T) {
	c := ScanHeader([]byte(testHeaders["stdio.h"].text+testHeaders["stdlib.h"].text), false)
	cpp := ScanHeader([]byte(testHeaders["string"].text), true)
	tests := []struct {
		names HeaderNames
		name  string
		want  []uint16 // the kinds of the first parameters, the others unknown
	}{
		{c, "fprintf", []uint16{ctrack.ParamPointer, ctrack.ParamCharPointer}}, // then "...": unknown
		{c, "fputs", []uint16{ctrack.ParamCharPointer, ctrack.ParamPointer}},
		{c, "putchar", []uint16{ctrack.ParamScalar}},
		{c, "malloc", []uint16{ctrack.ParamScalar}}, // size_t
		{c, "free", []uint16{ctrack.ParamPointer}},
		{c, "rand", nil},
		{c, "abs", nil}, // a macro
		{cpp, "stoi", []uint16{0, ctrack.ParamPointer, ctrack.ParamScalar}}, // a reference: unknown
		{cpp, "substr", []uint16{ctrack.ParamScalar, ctrack.ParamScalar}},   // defaults do not matter
	}
	for _, tt := range tests {
		ni, ok := tt.names[tt.name]
		if !ok {
			t.Errorf("%s: not in the table", tt.name)
			continue
		}
		var want uint16
		for i, k := range tt.want {
			want |= k << (2 * i)
		}
		if ni.ArgKinds != want {
			t.Errorf("%s: parameter kinds %016b, want %016b", tt.name, ni.ArgKinds, want)
		}
	}
}
