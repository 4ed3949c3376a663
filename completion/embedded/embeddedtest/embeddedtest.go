// Package embeddedtest gives tests a small embedded model, trained in
// milliseconds on a corpus of C and C++ programs written for the tests,
// and an OpenAI-compatible server for it on loopback: a real model
// endpoint for the tests of any package.
package embeddedtest

import (
	"embed"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"securecomplete/completion/embedded"
	"securecomplete/completion/openaiserver"
)

//go:embed corpus
var corpus embed.FS

// Corpus returns the test corpus: file name to text.
func Corpus() map[string]string {
	out := map[string]string{}
	fs.WalkDir(corpus, "corpus", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := corpus.ReadFile(path)
			out[filepath.Base(path)] = string(b)
		}
		return nil
	})
	return out
}

// WriteCorpus writes the corpus into a new directory and returns it.
func WriteCorpus(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range Corpus() {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Model trains a model of order 5 on the corpus.
func Model(t testing.TB) *embedded.Model {
	t.Helper()
	tr, err := embedded.NewTrainer(5)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range Corpus() {
		tr.Add([]byte(text), 1)
	}
	m, err := tr.Build(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	m.SetSources([]string{"embeddedtest corpus"})
	return m
}

// WriteModel trains the model and saves it in a new directory, returning
// its path.
func WriteModel(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.model")
	if err := Model(t).Save(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// Serve starts an OpenAI-compatible server on loopback answering for the
// model under name, and returns its base URL (http://127.0.0.1:PORT/v1).
// Zero limits take openaiserver.DefaultLimits(). The server stops when the
// test ends.
func Serve(t testing.TB, name string, limits openaiserver.Limits) string {
	t.Helper()
	srv := httptest.NewServer(openaiserver.New(map[string]*embedded.Model{name: Model(t)}, openaiserver.Options{Limits: limits}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1"
}
