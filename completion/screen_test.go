package completion

import (
	"context"
	"slices"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/config"
	"securecomplete/internal/openaitest"
)

// screenDoc is a C document with a cursor (‸) inside main, before its
// return.
const screenDoc = `#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[]) {
    char buf[16];
    if (argc < 2) {
        return 1;
    }
    ‸
    return 0;
}
`

// screenEngine serves texts from a loopback OpenAI server and returns an
// engine that screens with the built-in rules.
func screenEngine(t *testing.T, texts ...string) *Engine {
	t.Helper()
	srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: texts} })
	m := testModel(srv.BaseURL)
	m.N = len(texts)
	return newTestEngine(t, m, config.ScreenRank)
}

func completeAt(t *testing.T, e *Engine, lang analysis.Lang, doc string) []Candidate {
	t.Helper()
	off := strings.Index(doc, "‸")
	res, err := e.Complete(context.Background(), Input{Lang: lang, Text: doc[:off] + doc[off+len("‸"):], Offset: off})
	if err != nil {
		t.Fatal(err)
	}
	return res.Candidates
}

// TestEngineRanksBrokenCandidates: what the user sees first is clean and
// parses; a clean candidate that does not parse comes next, marked with
// where tree-sitter stumbled; a flagged one after it, whole or not.
func TestEngineRanksBrokenCandidates(t *testing.T) {
	const (
		flaggedBroken = "strcpy(buf, argv[1]);\n    puts(buf"
		flaggedWhole  = "strcpy(buf, argv[1]);\n    puts(buf);"
		cleanUnclosed = "if (strlen(argv[1]) < sizeof buf) {\n        puts(argv[1]);"
		cleanWhole    = "snprintf(buf, sizeof buf, \"%s\", argv[1]);\n    puts(buf);"
	)
	e := screenEngine(t, flaggedBroken, flaggedWhole, cleanUnclosed, cleanWhole)
	got := completeAt(t, e, analysis.C, screenDoc)
	var order []string
	for _, c := range got {
		order = append(order, c.Text)
	}
	if want := []string{cleanWhole, cleanUnclosed, flaggedWhole, flaggedBroken}; !slices.Equal(order, want) {
		t.Fatalf("order:\n%q\nwant:\n%q", order, want)
	}
	if c := got[0]; len(c.Syntax) != 0 || len(c.Findings) != 0 || !c.Screened {
		t.Errorf("the snprintf candidate should be clean and whole: %+v", c)
	}
	// The unclosed block takes the function's '}': tree-sitter misses one
	// where the function ends, after the candidate's two lines.
	if c := got[1]; len(c.Findings) != 0 || len(c.Syntax) != 1 || c.Syntax[0].Missing != "}" || c.Syntax[0].Line <= 2 {
		t.Errorf("the unclosed if should be clean and miss a '}' after its lines: %+v", c)
	}
	if c := got[2]; len(c.Findings) == 0 || c.Findings[0].CWE != "CWE-787" || len(c.Syntax) != 0 {
		t.Errorf("the whole strcpy candidate should be flagged CWE-787 and parse: %+v", c)
	}
	if c := got[3]; len(c.Findings) == 0 || len(c.Syntax) == 0 || c.Syntax[0].Line != 2 {
		t.Errorf("the cut strcpy candidate should be flagged and broken on its line 2: %+v", c)
	}
	for i, c := range got {
		if c.Rank() != i {
			t.Errorf("candidate %d ranks %d", i, c.Rank())
		}
	}
}

// TestScreenKeepsDocumentErrors: errors the document already has, around
// the function or in it, are not the candidate's.
func TestScreenKeepsDocumentErrors(t *testing.T) {
	tests := []struct {
		name string
		lang analysis.Lang
		doc  string
		cand string // default "puts(buf);"
		// broken: whether the candidate is marked
		broken bool
	}{
		{name: "whole document", lang: analysis.C, doc: screenDoc},
		{
			name: "an unfinished line below the cursor",
			lang: analysis.C,
			doc:  "int main(void) {\n    char buf[16];\n    ‸\n    int n = ;\n    return n;\n}\n",
		},
		{
			name: "a statement above the cursor missing its semicolon",
			lang: analysis.C,
			doc:  "int main(void) {\n    char buf[16];\n    buf[0] = 0\n    ‸\n    return 0;\n}\n",
		},
		{
			name: "the function not closed yet, at the end of the file",
			lang: analysis.C,
			doc:  "#include <stdio.h>\n\nint main(void) {\n    char buf[16];\n    ‸",
		},
		{
			name: "C++, an unfinished line below",
			lang: analysis.CPP,
			doc:  "#include <cstdio>\n\nint main() {\n    char buf[16];\n    ‸\n    std::vector<int> v = {1, 2\n    return 0;\n}\n",
		},
		{
			name:   "the candidate's own error beside the document's",
			lang:   analysis.C,
			cand:   "puts(buf",
			doc:    "int main(void) {\n    char buf[16];\n    ‸\n    int n = ;\n    return n;\n}\n",
			broken: true,
		},
		{
			name:   "an error after the candidate that the document did not have",
			lang:   analysis.C,
			cand:   "puts(buf)",
			doc:    "int main(void) {\n    char buf[16];\n    ‸\n    int n = ;\n    return n;\n}\n",
			broken: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cand := "puts(buf);"
			if tt.cand != "" {
				cand = tt.cand
			}
			got := completeAt(t, screenEngine(t, cand), tt.lang, tt.doc)
			if len(got) != 1 {
				t.Fatalf("%d candidates", len(got))
			}
			if broken := len(got[0].Syntax) > 0; broken != tt.broken {
				t.Errorf("marked broken = %v (%+v), want %v", broken, got[0].Syntax, tt.broken)
			}
		})
	}
}

func TestSyntaxErrors(t *testing.T) {
	const prompt = "#include <stdlib.h>\n\nint main(void) {\n    int *p = malloc(4);\n"
	tests := []struct {
		name, completion string
		want             []SyntaxError
	}{
		{name: "whole", completion: "    free(p);\n    return 0;\n}\n"},
		{name: "missing semicolon", completion: "    free(p)\n    return 0;\n}\n", want: []SyntaxError{{Line: 2}}},
		{name: "function never closed", completion: "    free(p);\n", want: []SyntaxError{{Line: 1, Missing: "}"}}},
		{name: "garbage on line 2", completion: "    free(p);\n    ) return 0;\n}\n", want: []SyntaxError{{Line: 2}}},
	}
	s := NewSyntax()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Errors(analysis.C, prompt+tt.completion, len(prompt))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors %+v, want %+v", got, tt.want)
			}
		})
	}
	// The prompt's own error is not the completion's.
	bad := "int f(void) { return ; ) }\n" + prompt
	if got, err := s.Errors(analysis.C, bad+"    free(p);\n    return 0;\n}\n", len(bad)); err != nil || len(got) != 0 {
		t.Errorf("an error in the prompt was counted: %+v %v", got, err)
	}
}
