package cparse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"securecomplete/analysis"
)

// cFile returns a C file of about n lines, like lsp's benchmark file,
// with a function open at the end where the typing happens.
func cFile(n int) string {
	var b strings.Builder
	b.WriteString("#include <stdio.h>\n")
	for i := 0; i < n/11; i++ {
		fmt.Fprintf(&b, "/* Copy at most len bytes of record %d (é€😀). */\nstatic int copy_%d(char *dst, const char *src, size_t len) {\n"+
			"    if (dst == NULL || src == NULL) {\n        return -1;\n    }\n    for (size_t i = 0; i < len && src[i] != '\\0'; i++) {\n"+
			"        dst[i] = src[i];\n    }\n    return %d;\n}\n\n", i, i, i)
	}
	b.WriteString("int main(int argc, char **argv) {\n    char buf[64];\n    ")
	return b.String()
}

// BenchmarkReparse measures what keeping a whole document's tree costs
// per keystroke: one character typed at the end of the file, the tree
// edited and reparsed with the old tree. tree-sitter's reuse of the old
// tree still visits every top-level definition, so the cost grows with
// the file.
func BenchmarkReparse(b *testing.B) {
	for _, lines := range []int{5000, 50_000} {
		b.Run(fmt.Sprintf("%d-lines", lines), func(b *testing.B) {
			p := NewPool(Limits{})
			text := cFile(lines)
			tree, err := p.Parse(context.Background(), analysis.C, []byte(text))
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				at := len(text)
				edit := Edit(text, at, at, "s")
				text += "s"
				nt, err := p.Reparse(context.Background(), analysis.C, tree, edit, []byte(text))
				if err != nil {
					b.Fatal(err)
				}
				tree.Close()
				tree = nt
			}
			tree.Close()
		})
	}
}
