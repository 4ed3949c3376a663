package rules

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/analysis"
)

// TestTestdataPrefixes judges the test programs as the language server
// sees a candidate: the document cut after the block of a line that must
// be reported (the last line before the indentation drops: a loop's
// decrement may follow the write), the function (and the file) left
// unfinished. The finding of that line must still be there.
func TestTestdataPrefixes(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cwe*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	ch := New()
	checked := 0
	for _, path := range files {
		lang, ok := analysis.LangOf(path)
		if !ok {
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(src), "\n")
		for _, w := range parseWants(t, path, src) {
			end := w.line // 1-based: the last line kept
			for end < len(lines) && indent(lines[end]) >= indent(lines[w.line-1]) && strings.TrimSpace(lines[end]) != "" {
				end++
			}
			prefix := strings.Join(lines[:end], "")
			fs, err := ch.Check(context.Background(), analysis.File{Path: path, Lang: lang, Src: []byte(prefix)})
			if err != nil {
				t.Errorf("%s cut after line %d: %v", path, w.line, err)
				continue
			}
			checked++
			found := false
			for _, f := range fs {
				if f.Line == w.line && string(f.CWE) == w.cwe && (w.rule == "" || w.rule == f.Rule) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s cut after line %d: %s not reported in the unfinished program", path, w.line, w.cwe)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no program checked")
	}
}

func indent(line string) int {
	return len(line) - len(strings.TrimLeft(line, " \t"))
}
