package embedded

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"words and punctuators", "a->b <<= c::d", []string{"a", "->", "b", " <<=", " c", "::", "d"}},
		{"blank runs are one space", "x  =\t1;   ", []string{"x", " =", " 1", ";"}},
		{"include header name", "#include <stdio.h>\n#include \"my.h\"", []string{"#", "include", " <stdio.h>", "\n", "#", "include", ` "my.h"`}},
		{"less-than is not a header outside #include", "a < b", []string{"a", " <", " b"}},
		{"literals", `s = "a \"q\" b"; c = '\''; w = L"x"; r = u8"y";`, []string{"s", " =", ` "a \"q\" b"`, ";", " c", " =", ` '\''`, ";", " w", " =", ` L"x"`, ";", " r", " =", ` u8"y"`, ";"}},
		{"raw string spans lines", "x = R\"d(a\n)\" b)d\";", []string{"x", " =", " R\"d(a\n)\" b)d\"", ";"}},
		{"numbers", "1.5e-3 0x1fULL 1'000'000 .5f", []string{"1.5e-3", " 0x1fULL", " 1'000'000", " .5f"}},
		{"line comment words are comment text", "x; // don't copy\ny;", []string{"x", ";", " //", "\x01 don", "\x01'", "\x01t", "\x01 copy", "\n", "y", ";"}},
		{"block comment across lines", "/* a\n * b */\nint x;", []string{"/*", "\x01 a", "\n+1", "\x01*", "\x01 b", "\x01 */", "\n-1", "int", " x", ";"}},
		{"code after a comment is code", "// line.\n* p = 0;", []string{"//", "\x01 line", "\x01.", "\n", "*", " p", " =", " 0", ";"}},
		{"a block comment inside a line", "a /* b */ c", []string{"a", " /*", "\x01 b", "\x01 */", " c"}},
		{"indentation in levels", "f() {\n    if (x) {\n        y();\n    }\n}", []string{"f", "(", ")", " {", "\n>1", "if", " (", "x", ")", " {", "\n>1", "y", "(", ")", ";", "\n<1", "}", "\n<1", "}"}},
		{"tabs", "f() {\n\tg();\n}", []string{"f", "(", ")", " {", "\n>1", "g", "(", ")", ";", "\n<1", "}"}},
		{"blank lines collapse to one mark", "a;\n\n\n\nb;", []string{"a", ";", "\n\n", "b", ";"}},
		{"continuation aligned on a parenthesis", "f() {\n    call(a,\n         b);\n}", []string{"f", "(", ")", " {", "\n>1", "call", "(", "a", ",", "\n+5", "b", ")", ";", "\n-9", "}"}},
		{"utf-8 in comments", "// café €\n", []string{"//", "\x01 caf", "\x01é", "\x01 €"}},
		{"empty", "  \n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.src)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

// Printing the tokens back gives the source with its layout: lines,
// indentation and blank lines, only runs of blanks inside a line and
// trailing blanks normalized.
func TestDetokenizeRoundTrip(t *testing.T) {
	for i, src := range testCorpus {
		got := Detokenize(Tokenize(src))
		want := strings.TrimRight(src, "\n")
		if strings.Contains(src, "\tint total") {
			// Tab-indented: Detokenize writes four spaces a level.
			want = strings.ReplaceAll(want, "\t", "    ")
		}
		if got != want {
			t.Errorf("corpus[%d]: round trip differs\n got:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

func TestLayoutFollowsTheDocumentStyle(t *testing.T) {
	toks := Tokenize("f() {\n    if (x) {\n        y();\n    }\n}")
	p := printer{unit: 8, tabs: true}
	var b strings.Builder
	for _, tok := range toks {
		b.WriteString(p.render(tok))
	}
	want := "f() {\n\tif (x) {\n\t\ty();\n\t}\n}"
	if b.String() != want {
		t.Errorf("rendered with tabs:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestIndentUnit(t *testing.T) {
	tests := []struct {
		src  string
		want int
	}{
		{"a {\n  b {\n    c;\n  }\n}\n", 2},
		{"a {\n    b;\n}\n", 4},
		{"a {\n\tb;\n}\n", 8},
		{"a;\nb;\n", 4},
	}
	for _, tt := range tests {
		if got := indentUnit([]byte(tt.src)); got != tt.want {
			t.Errorf("indentUnit(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}

// The end of a prompt: the cursor on an indented empty line, after a
// space, or in a word.
func TestLexPromptEnd(t *testing.T) {
	tests := []struct {
		src           string
		layout, space bool
		raw           string
		prevCol, col  int
		lastTok       string
	}{
		{"int f() {\n    ", true, false, "\n    ", 0, 4, "\n>1"},
		{"int f() {\n", true, false, "\n", 0, 0, "\n"},
		{"    x = 1;\n\n", true, false, "\n\n", 4, 0, "\n\n<1"},
		{"x = ", false, true, "", 0, 0, " ="},
		{"    str", false, false, "", 4, 4, "str"},
	}
	for _, tt := range tests {
		var toks []string
		end := lex([]byte(tt.src), true, func(tok []byte) { toks = append(toks, string(tok)) })
		if end.layout != tt.layout || end.space != tt.space || end.raw != tt.raw || end.prevCol != tt.prevCol || end.col != tt.col {
			t.Errorf("lex(%q) end = %+v, want layout %v space %v raw %q prevCol %d col %d", tt.src, end, tt.layout, tt.space, tt.raw, tt.prevCol, tt.col)
		}
		if len(toks) == 0 || toks[len(toks)-1] != tt.lastTok {
			t.Errorf("lex(%q) tokens %q, want the last %q", tt.src, toks, tt.lastTok)
		}
	}
}
