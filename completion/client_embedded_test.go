package completion_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"securecomplete/completion"
	"securecomplete/completion/embedded/embeddedtest"
	"securecomplete/config"
)

func embeddedModel(baseURL string) config.Model {
	return config.Model{Name: "local", BaseURL: baseURL, MaxTokens: 16, N: 1, Temperature: 0.2, TopP: 0.95, Timeout: config.Duration(10 * time.Second)}
}

func TestEmbeddedPathClient(t *testing.T) {
	path := embeddedtest.WriteModel(t)
	c, err := completion.NewClient(embeddedModel(config.EmbeddedPrefix+path), completion.EmbeddedModels{})
	if err != nil {
		t.Fatal(err)
	}
	seed := 5
	req := completion.Request{Prompt: "int main(int argc, char *argv[]) {\n", MaxTokens: 20, N: 3, Temperature: 0.8, TopP: 0.95, Stop: []string{"\n}"}, Seed: &seed}
	a, err := c.Complete(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != 3 {
		t.Fatalf("%d choices, want 3", len(a))
	}
	for i, ch := range a {
		if strings.Contains(ch.Text, "\n}") || (ch.FinishReason != "stop" && ch.FinishReason != "length") {
			t.Errorf("choice %d: %q (%s)", i, ch.Text, ch.FinishReason)
		}
	}
	b, err := c.Complete(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("choice %d differs under the same seed: %q, %q", i, a[i].Text, b[i].Text)
		}
	}
}

func TestEmbeddedClientErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.model")
	_, err := completion.NewClient(embeddedModel(config.EmbeddedPrefix+missing), completion.EmbeddedModels{})
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "local") {
		t.Errorf("missing model file: %v, want an error naming the model and the file", err)
	}
	notModel := filepath.Join(t.TempDir(), "x.c")
	os.WriteFile(notModel, []byte("int main(void) { return 0; }\n"), 0o644)
	if _, err := completion.NewClient(embeddedModel(config.EmbeddedPrefix+notModel), completion.EmbeddedModels{}); err == nil || !strings.Contains(err.Error(), "not an embedded model file") {
		t.Errorf("a C file as model: %v", err)
	}
	if _, err := completion.NewClient(embeddedModel(config.EmbeddedPrefix), completion.EmbeddedModels{}); err == nil {
		t.Error("embedded: with no path: no error")
	}
}

// embedded:default is served from the file the caller made ready, and
// refused with ErrDefaultModelNotReady before that: the serving side
// never trains.
func TestEmbeddedDefaultClient(t *testing.T) {
	m := config.Default().Models[0]
	if !completion.UsesDefaultModel(m) {
		t.Fatalf("the default configuration's model %q is not the default embedded model", m.BaseURL)
	}
	if _, err := completion.NewClient(m, completion.EmbeddedModels{}); !errors.Is(err, completion.ErrDefaultModelNotReady) || !strings.Contains(err.Error(), m.Name) {
		t.Errorf("default model not ready: %v, want ErrDefaultModelNotReady naming %s", err, m.Name)
	}
	c, err := completion.NewClient(m, completion.EmbeddedModels{Default: embeddedtest.WriteModel(t)})
	if err != nil {
		t.Fatal(err)
	}
	seed := 1
	got, err := c.Complete(t.Context(), completion.Request{Prompt: "#include <stdio.h>\n\nint main(void) {\n", MaxTokens: 12, N: 2, Temperature: 0.5, Seed: &seed})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Text == "" {
		t.Errorf("choices %+v", got)
	}
}
