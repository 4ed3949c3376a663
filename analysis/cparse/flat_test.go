package cparse

import (
	"context"
	"fmt"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"

	"securecomplete/analysis"
)

// walk lists a tree's nodes as Flatten should, with the cursor API.
func walk(tree *sitter.Tree, lang *sitter.Language, maxDepth int) []string {
	var out []string
	cur := sitter.NewTreeCursor(tree.RootNode())
	defer cur.Close()
	var stack []int
	for {
		n := cur.CurrentNode()
		parent := -1
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		field := ""
		if len(stack) > 0 {
			field = cur.CurrentFieldName()
		}
		out = append(out, fmt.Sprintf("%d %s %q [%d-%d] %v", parent, lang.SymbolName(n.Symbol()), field, n.StartByte(), n.EndByte(), n.StartPoint()))
		if len(stack) < maxDepth && cur.GoToFirstChild() {
			stack = append(stack, len(out)-1)
			continue
		}
		for {
			if len(stack) == 0 {
				return out
			}
			if cur.GoToNextSibling() {
				break
			}
			cur.GoToParent()
			stack = stack[:len(stack)-1]
		}
	}
}

func TestFlatten(t *testing.T) {
	p := NewPool(Limits{})
	for _, tt := range []struct {
		name     string
		lang     analysis.Lang
		src      string
		maxDepth int
	}{
		{"sample", analysis.C, sample, 400},
		{"sample-cpp", analysis.CPP, sample, 400},
		{"broken", analysis.C, "int main(void) {\n    if (x {\n        y = \"é€😀;\n", 400},
		{"cut", analysis.C, sample, 3},
		{"deep", analysis.C, "int x = " + strings.Repeat("(", 3000) + "1" + strings.Repeat(")", 3000) + ";\n", 400},
		{"empty", analysis.C, "", 400},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := p.Parse(context.Background(), tt.lang, []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			defer tree.Close()
			lang, _ := Language(tt.lang)
			fields := FieldNames(lang)
			want := walk(tree, lang, tt.maxDepth)
			flat := Flatten(tree, tt.maxDepth)
			if len(flat) != len(want) {
				t.Fatalf("Flatten lists %d nodes, the cursor walk %d", len(flat), len(want))
			}
			for i, n := range flat {
				got := fmt.Sprintf("%d %s %q [%d-%d] %v", n.Parent, lang.SymbolName(n.Symbol), fields[n.Field], n.Start, n.End, sitter.Point{Row: n.Row, Column: n.Col})
				if got != want[i] {
					t.Fatalf("node %d: %s, the cursor walk says %s", i, got, want[i])
				}
			}
		})
	}
}
