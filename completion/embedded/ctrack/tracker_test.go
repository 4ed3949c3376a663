package ctrack

import (
	"reflect"
	"strings"
	"testing"
)

// tokens splits code written with a blank between tokens into tokens as
// the lexer writes them: a leading space after a blank, "\n" for a line
// break (indentation is not followed here).
func tokens(code string) []string {
	var out []string
	for i, line := range strings.Split(code, "\n") {
		if i > 0 {
			out = append(out, "\n")
		}
		for j, w := range strings.Fields(line) {
			if j > 0 {
				w = " " + w
			}
			out = append(out, w)
		}
	}
	return out
}

// testEnv numbers names and knows a few of a C library's.
type testEnv struct {
	idx   map[string]int32
	list  []string
	flags map[string]uint8
}

func (e *testEnv) token(text string) Token {
	tok, name := Classify(text)
	if name != "" {
		n, ok := e.idx[name]
		if !ok {
			n = int32(len(e.list))
			e.idx[name] = n
			e.list = append(e.list, name)
		}
		tok.Name = n
	}
	return tok
}

func newTestEnv() *testEnv {
	return &testEnv{idx: map[string]int32{}, flags: map[string]uint8{
		"printf": NameGlobal | NameArity, "strlen": NameGlobal | NameArity, "size_t": NameGlobal | NameType,
		"NULL": NameGlobal | NameVar, "puts": NameGlobal | NameArity, "free": NameGlobal | NameArity | NameVoidFunction,
	}}
}

func (e *testEnv) tracker(discipline bool) *Tracker {
	return New(Config{Std: -1, Main: -1, Discipline: discipline, Env: Env{
		Flags: func(n int32) uint8 {
			if n < 0 || int(n) >= len(e.list) {
				return 0
			}
			return e.flags[e.list[n]]
		},
		Arity: func(n int32) (lo, hi uint8, ok bool) {
			if n >= 0 && int(n) < len(e.list) && e.list[n] == "strlen" {
				return 1, 1, true
			}
			return 0, 0, false
		},
		Name: func(n int32) string { return e.list[n] },
	}})
}

// snapshot is a deep copy of a tracker's state without its Env.
func snapshot(t *Tracker) tracker {
	c := t.t.clone()
	c.env = Env{}
	return *c
}

const testProgram = `#include <stdio.h>
struct point { int x ; int y ; } ;
/* the length of s */
size_t length ( const char * s ) {
    size_t n = strlen ( s ) ;
    if ( n == 0 ) {
        return 0 ;
    } else {
        n = n - 1 ;
    }
    for ( int i = 0 ; i < 3 ; i ++ ) {
        printf ( "%d\n" , i ) ;
    }
    struct point p = { 1 , 2 } ;
    return n + p . x ;
}
int main ( void ) {
    char buf [ 8 ] ;
    return ( int ) length ( buf ) ;
}
`

// The transition function's promise: Allowed changes nothing and says
// what Step would report, for every token of the program after every
// prefix of it.
func TestAllowedIsStepWithoutChange(t *testing.T) {
	for _, discipline := range []bool{false, true} {
		e := newTestEnv()
		toks := tokens(testProgram)
		vocab := append([]string{"}", ";", ")", "else", " else", "#", "\n\n", "// x", "\x01 x"}, toks...)
		infos := make([]Token, len(vocab))
		for i, v := range vocab {
			infos[i] = e.token(v)
		}
		tr := e.tracker(discipline)
		allowed := 0
		for k, text := range toks {
			before := snapshot(tr)
			for i, v := range vocab {
				got := tr.Allowed(infos[i], v)
				if after := snapshot(tr); !reflect.DeepEqual(before, after) {
					t.Fatalf("discipline %v, after %q: Allowed(%q) changed the state", discipline, strings.Join(toks[:k], ""), v)
				}
				if stepped := tr.Clone().Step(infos[i], v); stepped != got {
					t.Fatalf("discipline %v, after %q: Allowed(%q) = %v, Step reports %v", discipline, strings.Join(toks[:k], ""), v, got, stepped)
				}
				if got {
					allowed++
				}
			}
			tr.Step(e.token(text), text)
		}
		if allowed == 0 {
			t.Fatalf("discipline %v: nothing allowed anywhere: the test shows nothing", discipline)
		}
		if tr.Function() >= 0 || tr.Depth() != 1 {
			t.Errorf("discipline %v: at the end, function %d and depth %d, want -1 and 1", discipline, tr.Function(), tr.Depth())
		}
	}
}

// A few decisions, each of one rule, on the program's tokens.
func TestAllowed(t *testing.T) {
	const fn = "int f ( int n ) {\n    "
	tests := []struct {
		prefix, next string
		want         bool
	}{
		{fn + "n = ( n", " )", true},
		{fn + "n = ( n", " }", false}, // brackets balance
		{fn + "n = n", " n", false},   // an operand after an operand
		{fn + "n = strlen (", " )", false},
		{fn + "n = strlen ( \"x\"", " )", true},
		{fn + "n = strlen ( \"x\"", " ,", false}, // strlen takes one argument
		{fn + "return", " ;", false},             // f returns int
		{fn + "if ( n ) {\n    }\n    ", "else", true},
		{fn + "n = 1 ;\n    ", "else", false}, // no if before it
		{fn + "n = ", " free", false},         // void: a statement, not an operand
		{fn + "n = ", " undeclared", false},
		{fn, "#", false}, // no preprocessor line in a function
		{"", "#", true},
	}
	for _, tt := range tests {
		e := newTestEnv()
		tr := e.tracker(true)
		for _, text := range tokens(tt.prefix) {
			tr.Step(e.token(text), text)
		}
		if got := tr.Allowed(e.token(tt.next), tt.next); got != tt.want {
			t.Errorf("after %q: Allowed(%q) = %v, want %v", tt.prefix, tt.next, got, tt.want)
		}
	}
}
