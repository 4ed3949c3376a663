package openaiserver_test

import (
	"net/http/httptest"
	"os"
	"testing"

	openai "github.com/sashabaranov/go-openai"

	"securecomplete/completion/embedded"
	"securecomplete/completion/embedded/embeddedtest"
	"securecomplete/completion/openaiserver"
)

// BenchmarkCompletion64 is one 64-token completion through HTTP on
// loopback with go-openai, on $SECURECOMPLETE_BENCH_MODEL (e.g. the
// default model) or the small test model.
func BenchmarkCompletion64(b *testing.B) {
	var m *embedded.Model
	if path := os.Getenv("SECURECOMPLETE_BENCH_MODEL"); path != "" {
		var err error
		if m, err = embedded.Load(path); err != nil {
			b.Fatal(err)
		}
	} else {
		m = embeddedtest.Model(b)
	}
	srv := httptest.NewServer(openaiserver.New(map[string]*embedded.Model{"embedded": m}, openaiserver.Options{}))
	defer srv.Close()
	c := client(srv.URL + "/v1")
	prompt := "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\nint main(int argc, char *argv[]) {\n    // copy the first argument into a fixed buffer and print it\n    char buffer[64];\n    "
	for i := 0; b.Loop(); i++ {
		resp, err := c.CreateCompletion(b.Context(), openai.CompletionRequest{Model: "embedded", Prompt: prompt, MaxTokens: 64, Temperature: 0.8, TopP: 0.95, Seed: intp(i)})
		if err != nil {
			b.Fatal(err)
		}
		if len(resp.Choices) != 1 {
			b.Fatal("no choice")
		}
	}
}
