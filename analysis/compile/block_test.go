package compile

import (
	"bytes"
	"strings"
	"testing"
)

func TestLeadingBlock(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		lines int    // 0: no block
		text  string // the header's text
	}{
		{"includes", "#include <stdio.h>\n#include <stdlib.h>\nint main(void) { return 0; }\n", 2, "#include <stdio.h>\n#include <stdlib.h>\n"},
		{"comments and blank lines", "// tool\n/* a\n   b */\n\n#include <stdio.h> // io\n#include<string.h>\nint x;\n", 6, "#include <stdio.h> // io\n#include<string.h>\n"},
		{"defines before and between", "#define _GNU_SOURCE\n#include <stdio.h>\n#define N 4\n#undef M\n#\n#include <string.h>\n#define AFTER 1\nint x;\n", 6, "#define _GNU_SOURCE\n#include <stdio.h>\n#define N 4\n#undef M\n#\n#include <string.h>\n"},
		{"define after the last include stays", "#include <stdio.h>\n#define SIZE 8\nchar b[SIZE];\n", 1, "#include <stdio.h>\n"},
		{"spaces in the directive", "  #  include   <stdio.h>  \nint x;\n", 1, "  #  include   <stdio.h>  \n"},
		{"CRLF", "#include <stdio.h>\r\n#include <stdlib.h>\r\nint x;\r\n", 2, "#include <stdio.h>\n#include <stdlib.h>\n"},
		{"quoted include ends it", "#include <stdio.h>\n#include \"local.h\"\n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"#if ends it", "#include <stdio.h>\n#if 1\n#include <string.h>\n#endif\n", 1, "#include <stdio.h>\n"},
		{"#pragma ends it", "#include <stdio.h>\n#pragma once\n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"include_next ends it", "#include <stdio.h>\n#include_next <string.h>\n", 1, "#include <stdio.h>\n"},
		{"macro include ends it", "#include <stdio.h>\n#define H <string.h>\n#include H\n", 1, "#include <stdio.h>\n"},
		{"line continuation ends it", "#include <stdio.h>\n#define M \\\n  1\n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"continuation with trailing space ends it", "#include <stdio.h>\n#define M 1 \\ \n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"trigraph ends it", "#include <stdio.h>\n#define Q \"??/\"\n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"code ends it", "#include <stdio.h>\nint x;\n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"include inside a comment is a comment", "/*\n#include <stdio.h>\n*/\n#include <stdlib.h>\nint x;\n", 4, "#include <stdlib.h>\n"},
		{"directive after a comment on its line ends it", "#include <stdio.h>\n/* c */ #include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"directive where a comment ends ends it", "#include <stdio.h>\n/* a\n*/ #include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"comment left open by a directive ends it", "#include <stdio.h>\n#include <string.h> /* a\n b */\nint x;\n", 1, "#include <stdio.h>\n"},
		{"comment inside a header name ends it", "#include <stdio.h>\n#include <str/*x*/ing.h>\n", 1, "#include <stdio.h>\n"},
		{"slashes inside a header name end it", "#include <stdio.h>\n#include <sys//stat.h>\n", 1, "#include <stdio.h>\n"},
		{"string in a define", "#define S \"/* not a comment\"\n#include <stdio.h>\nint x;\n", 2, "#define S \"/* not a comment\"\n#include <stdio.h>\n"},
		{"unclosed string ends it", "#include <stdio.h>\n#define S \"abc\n#include <string.h>\n", 1, "#include <stdio.h>\n"},
		{"last line without a newline is left", "#include <stdio.h>\n#include <string.h>", 1, "#include <stdio.h>\n"},
		{"byte order mark", "\ufeff#include <stdio.h>\n", 0, ""},
		{"no include", "#define X 1\nint x;\n", 0, ""},
		{"code first", "int x;\n#include <stdio.h>\n", 0, ""},
		{"empty", "", 0, ""},
		{"line marker", "# 1 \"x.c\"\n#include <stdio.h>\n", 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, ok := leadingBlock([]byte(tc.src))
			if ok != (tc.lines > 0) || b.lines != tc.lines || b.text != tc.text {
				t.Fatalf("leadingBlock = %d lines %q (ok=%v), want %d lines %q", b.lines, b.text, ok, tc.lines, tc.text)
			}
			if ok && strings.Count(tc.src[:b.end], "\n") != b.lines {
				t.Errorf("end %d is not after line %d", b.end, b.lines)
			}
		})
	}
}

// TestWithBlockIncluded checks that the copy that includes the header
// keeps every line after the block where it was.
func TestWithBlockIncluded(t *testing.T) {
	src := []byte("// header\n#include <stdio.h>\n\n#include <string.h>\nint main(void) {\n  return 0;\n}\n")
	b, ok := leadingBlock(src)
	if !ok {
		t.Fatal("no block")
	}
	got := withBlockIncluded(src, b, "/cache/c-1.h")
	want := "#include \"/cache/c-1.h\"\n\n\n\nint main(void) {\n  return 0;\n}\n"
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if bytes.Count(got, []byte("\n")) != bytes.Count(src, []byte("\n")) {
		t.Error("line count changed")
	}
}

func TestMakeWords(t *testing.T) {
	got := makeWords("/tmp/a\\ b/k.h.gch: /tmp/a\\ b/k.h /usr/include/stdio.h \\\n /usr/include/x$$y.h \\#z\n")
	want := []string{"/tmp/a b/k.h.gch:", "/tmp/a b/k.h", "/usr/include/stdio.h", "/usr/include/x$y.h", "#z"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("makeWords = %q, want %q", got, want)
	}
}

func TestPCHFlags(t *testing.T) {
	for _, tc := range []struct {
		flags []string
		ok    bool
	}{
		{DefaultFlags(), true},
		{[]string{"-O2", "-std=c11", "-Wall", "-Werror=implicit-function-declaration", "-D", "X=1", "-U", "Y", "-fno-strict-aliasing", "-m64", "-pedantic-errors", "-w", "-c"}, true},
		{[]string{"-g", "-I", "include"}, false},
		{[]string{"-Iinclude"}, false},
		{[]string{"-include", "config.h"}, false},
		{[]string{"@flags.txt"}, false},
		{[]string{"-Wp,-DX"}, false},
		{[]string{"-fplugin=x.so"}, false},
		{[]string{"--sysroot=/x"}, false},
		{[]string{"-x", "c"}, false},
	} {
		if err := pchFlagsOK(tc.flags); (err == nil) != tc.ok {
			t.Errorf("pchFlagsOK(%q) = %v, want ok=%v", tc.flags, err, tc.ok)
		}
	}
}
