package embedded

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Any text lexes, and any prompt completes: the choice's tokens spell its
// text, within max_tokens.
func FuzzGenerate(f *testing.F) {
	for _, s := range []string{
		"", "\n", "   ", "int main(", "x = R\"d(unterminated", "'", "\"abc", "/* open comment\n * ",
		"\t\tif (x) {\n\t\t\t", "a\\\nb", "\xff\xfe\x00", "#include <", "p-", "// é€😀\n",
		"f() {\n    call(a,\n         ", "\r\n\r\n  x;\r\n",
	} {
		f.Add(s)
	}
	m := trainTest(f, 4)
	f.Fuzz(func(t *testing.T, prompt string) {
		watchdog := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("prompt %q: no answer in 5 s", prompt)) })
		defer watchdog.Stop()
		toks := Tokenize(prompt)
		for _, tok := range toks {
			if tok == "" {
				t.Fatalf("empty token in %q", toks)
			}
		}
		seed := int64(len(prompt))
		res, err := m.Generate(t.Context(), prompt, Options{N: 2, MaxTokens: 8, Temperature: 0.9, TopP: 0.9, Seed: &seed, Stop: []string{";"}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Choices {
			var b strings.Builder
			for _, tok := range c.Tokens {
				b.WriteString(tok.Text)
			}
			if b.String() != c.Text || len(c.Tokens) > 8 || strings.Contains(c.Text, ";") {
				t.Fatalf("prompt %q: choice %q, tokens %+v", prompt, c.Text, c.Tokens)
			}
		}
	})
}
