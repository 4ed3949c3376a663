package completion

import (
	"context"

	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"securecomplete/analysis"
	"securecomplete/config"
)

// cursorMark marks the cursor in test documents.
const cursorMark = "‸"

// TestClean runs the post-processing golden files in testdata/clean: each
// holds a document with a cursor mark (doc.c or doc.cpp), one or more raw
// model outputs (model), optional stop sequences (stop, one a line) and
// the insertions the user must be offered (want), in order.
func TestClean(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "clean", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var (
				doc   string
				lang  analysis.Lang
				raw   []Choice
				want  []string
				stops []string
			)
			for _, f := range ar.Files {
				data := string(f.Data)
				switch f.Name {
				case "doc.c", "doc.cpp":
					doc = data
					lang, _ = analysis.LangOf(f.Name)
				case "model":
					raw = append(raw, Choice{Text: strings.TrimSuffix(data, "\n")})
				case "want":
					want = append(want, strings.TrimSuffix(data, "\n"))
				case "stop":
					stops = strings.Split(strings.TrimSuffix(data, "\n"), "\n")
				default:
					t.Fatalf("unknown section %q", f.Name)
				}
			}
			off := strings.Index(doc, cursorMark)
			if off < 0 {
				t.Fatalf("document has no cursor mark %s", cursorMark)
			}
			doc = doc[:off] + doc[off+len(cursorMark):]
			e, err := Build(Setup{Model: config.Model{Name: "m", Stop: stops}, Client: noClient{}, Screen: config.ScreenOff})
			if err != nil {
				t.Fatal(err)
			}
			got := e.Clean(context.Background(), lang, doc, off, raw)
			var texts []string
			for _, c := range got {
				texts = append(texts, c.Text)
			}
			if strings.Join(texts, "\n--\n") != strings.Join(want, "\n--\n") {
				t.Errorf("candidates:\n%s\nwant:\n%s", quoteAll(texts), quoteAll(want))
			}
		})
	}
}

func quoteAll(ss []string) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString("  ")
		b.WriteString(strings.ReplaceAll(s, "\n", "⏎\n  "))
		b.WriteString("\n  --\n")
	}
	return b.String()
}

// noClient is never asked: Clean works on given choices.
type noClient struct{}

func (noClient) Complete(context.Context, Request) ([]Choice, error) {
	panic("not called")
}
