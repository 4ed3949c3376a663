package embedded

import (
	"bytes"
	"os"
	"testing"
)

// benchModel loads $SECURECOMPLETE_BENCH_MODEL (a model of a real
// corpus, e.g. the default one) or trains the small test model.
func benchModel(b *testing.B) *Model {
	b.Helper()
	if path := os.Getenv("SECURECOMPLETE_BENCH_MODEL"); path != "" {
		m, err := Load(path)
		if err != nil {
			b.Fatal(err)
		}
		return m
	}
	return trainTest(b, DefaultOrder)
}

const benchPrompt = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\nint main(int argc, char *argv[]) {\n    // copy the first argument into a fixed buffer and print it\n    char buffer[64];\n    "

// BenchmarkGenerate64 is one 64-token completion in-process; it reports
// tokens per second.
func BenchmarkGenerate64(b *testing.B) {
	m := benchModel(b)
	b.ResetTimer()
	tokens := 0
	for i := 0; b.Loop(); i++ {
		seed := int64(i)
		res, err := m.Generate(b.Context(), benchPrompt, Options{MaxTokens: 64, Temperature: 0.8, TopP: 0.95, Seed: &seed, IgnoreEOS: true}, nil)
		if err != nil {
			b.Fatal(err)
		}
		tokens += res.CompletionTokens
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad decodes a model file held in memory (Load adds the read).
func BenchmarkLoad(b *testing.B) {
	m := benchModel(b)
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := Decode(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
