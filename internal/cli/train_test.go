package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/completion/embedded"
	"securecomplete/completion/embedded/embeddedtest"
)

func TestTrainEmbedded(t *testing.T) {
	corpus := embeddedtest.WriteCorpus(t)
	model := filepath.Join(t.TempDir(), "small.model")
	code, out, errs := runCLI(t, "train", "embedded", "--corpus", corpus, "--order", "4", "-o", model, "--samples", "2")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	m, err := embedded.Load(model)
	if err != nil {
		t.Fatal(err)
	}
	if m.Order() != 4 || m.Info().Documents != len(embeddedtest.Corpus()) {
		t.Errorf("model: order %d, %d documents", m.Order(), m.Info().Documents)
	}
	if !strings.Contains(out, "model "+model) || strings.Count(out, "\n--- ") != 2 || !strings.Contains(errs, "counting") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out, errs)
	}
}

func TestTrainEmbeddedErrors(t *testing.T) {
	corpus := embeddedtest.WriteCorpus(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "fixes.jsonl")
	os.WriteFile(bad, []byte("{\"text\": \"int a;\"}\n{\"text\": \"int b;\"\n"), 0o644)
	missing := filepath.Join(dir, "missing")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"missing corpus", []string{"--corpus", missing, "-o", filepath.Join(dir, "m")}, 1, missing},
		{"no output", []string{"--corpus", corpus}, 2, "-o MODEL is required"},
		{"malformed fixes", []string{"--corpus", corpus, "--fixes", bad, "-o", filepath.Join(dir, "m")}, 1, bad + ":2"},
		{"bad order", []string{"--order", "1", "-o", filepath.Join(dir, "m")}, 2, "--order 1"},
		{"bad weight", []string{"--fixes", bad, "--fixes-weight", "0", "-o", filepath.Join(dir, "m")}, 2, "--fixes-weight 0"},
		{"a stray argument", []string{"corpus"}, 2, "unknown command"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCLI(t, append([]string{"train", "embedded"}, tt.args...)...)
			if code != tt.code || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.want)
			}
		})
	}
}

func TestTrainEmbeddedEval(t *testing.T) {
	corpus := embeddedtest.WriteCorpus(t)
	code, out, errs := runCLI(t, "train", "embedded", "--corpus", corpus, "--eval", "--hold-out", "3", "--order", "3")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	for _, want := range []string{"add-k bigram", "Kneser-Ney, order 3", "cache gain", "per MB of corpus", "tokens/s", "through HTTP"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// With no corpus and no -o, the default model is built in the user cache
// (here a temporary one), then found up to date.
func TestTrainEmbeddedDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the default corpus (seconds): skipped with -short")
	}
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	code, out, errs := runCLI(t, "train", "embedded", "--samples", "1")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "training the default embedded model") || !strings.Contains(out, filepath.Join(cache, "securecomplete", "embedded", "default.model")) {
		t.Errorf("first run: stdout\n%s\nstderr\n%s", out, errs)
	}
	code, _, errs = runCLI(t, "train", "embedded", "--samples", "0")
	if code != 0 || !strings.Contains(errs, "up to date") {
		t.Errorf("second run: exit %d, stderr %s", code, errs)
	}
}
