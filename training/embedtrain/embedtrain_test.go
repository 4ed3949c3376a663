package embedtrain

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"securecomplete/completion/embedded"
	"securecomplete/completion/embedded/embeddedtest"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDirSource(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.c"), "int a;\n")
	write(t, filepath.Join(dir, "sub", "b.hpp"), "int b;\n")
	write(t, filepath.Join(dir, "sub", "notes.txt"), "not code\n")
	write(t, filepath.Join(dir, ".git", "c.c"), "int hidden;\n")
	src, err := DirSource(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range src.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		names = append(names, rel)
	}
	if strings.Join(names, ",") != "a.c,sub/b.hpp" {
		t.Errorf("files %v, want a.c and sub/b.hpp", names)
	}

	missing := filepath.Join(dir, "missing")
	if _, err := DirSource(t.Context(), missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing dir: %v", err)
	}
	empty := filepath.Join(dir, "sub2")
	write(t, filepath.Join(empty, "readme.md"), "# nothing\n")
	if _, err := DirSource(t.Context(), empty); err == nil || !strings.Contains(err.Error(), "holds no C or C++ file") {
		t.Errorf("dir without C: %v", err)
	}
}

func TestReadFixes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, wantErr string
		docs                   int
	}{
		{"good", `{"text": "int a;"}` + "\n\n" + `{"text": "int b;", "cve": "CVE-1"}` + "\n", "", 2},
		{"no trailing newline", `{"text": "int a;"}`, "", 1},
		{"malformed line", `{"text": "int a;"}` + "\n" + `{"text": "int b;"` + "\n", ":2: not a JSON object", 0},
		{"no text field", `{"text": "int a;"}` + "\n" + `{"code": "int b;"}` + "\n", `:2: no "text" field`, 0},
		{"text not a string", `{"text": 3}` + "\n", `:1: "text" is a number, want a string`, 0},
		{"empty", "\n\n", "no document", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".jsonl")
			write(t, path, tt.content)
			docs := 0
			err := ReadFixes(path, func(int, string) error { docs++; return nil })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), path) {
					t.Errorf("err = %v, want %q naming %s", err, tt.wantErr, path)
				}
				return
			}
			if err != nil || docs != tt.docs {
				t.Errorf("err %v, %d documents, want %d", err, docs, tt.docs)
			}
		})
	}
}

func testSource(t *testing.T) Source {
	t.Helper()
	src, err := DirSource(t.Context(), embeddedtest.WriteCorpus(t))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// Training on fixes moves the model towards them: the fine-tuned model
// predicts a held-out fix of the same kind better than the base model.
func TestFixesFineTune(t *testing.T) {
	src := testSource(t)
	fix := func(name, buf string) string {
		return "#include <stdio.h>\n#include <string.h>\n\nint " + name + "(const char *input) {\n    char " + buf + "[64];\n" +
			"    if (input == NULL || strlen(input) >= sizeof(" + buf + ")) {\n        return -1;\n    }\n" +
			"    snprintf(" + buf + ", sizeof(" + buf + "), \"%s\", input);\n    return 0;\n}\n"
	}
	var jsonl bytes.Buffer
	for _, n := range []string{"load_user", "load_group", "load_host", "load_path"} {
		line, _ := json.Marshal(map[string]string{"text": fix(n, "tmp_"+n[5:])})
		jsonl.Write(append(line, '\n'))
	}
	fixes := filepath.Join(t.TempDir(), "fixes.jsonl")
	write(t, fixes, jsonl.String())

	var progress bytes.Buffer
	base, _, err := Train(t.Context(), Options{Order: 5, Sources: []Source{src}})
	if err != nil {
		t.Fatal(err)
	}
	tuned, st, err := Train(t.Context(), Options{Order: 5, Sources: []Source{src}, Fixes: []string{fixes}, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if st.FixDocs != 4 || !strings.Contains(progress.String(), "weight 4") {
		t.Errorf("fix documents %d, progress:\n%s", st.FixDocs, progress.String())
	}
	heldOut := []byte(fix("load_team", "tmp_team"))
	b, f := base.Score(heldOut, embedded.NoCache()), tuned.Score(heldOut, embedded.NoCache())
	if f.BitsPerToken() >= b.BitsPerToken()-0.5 {
		t.Errorf("held-out fix: base %.2f bits/token, fine-tuned %.2f: want the fine-tune clearly better", b.BitsPerToken(), f.BitsPerToken())
	}
	if info := tuned.Info(); len(info.Sources) != 2 || !strings.Contains(info.Sources[1], "fixes.jsonl: 4 documents") {
		t.Errorf("model sources %q", info.Sources)
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	blank := filepath.Join(dir, "blank.c")
	write(t, blank, "\n\n")
	src, err := DirSource(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Train(t.Context(), Options{Sources: []Source{src}}); err == nil || !strings.Contains(err.Error(), "no C or C++ token") {
		t.Errorf("blank corpus: %v", err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	write(t, bad, "{\"text\": \"int a;\"}\nnot json\n")
	if _, _, err := Train(t.Context(), Options{Sources: []Source{testSource(t)}, Fixes: []string{bad}}); err == nil || !strings.Contains(err.Error(), bad+":2") {
		t.Errorf("malformed fixes: %v, want it to name %s:2", err, bad)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, _, err := Train(ctx, Options{Sources: []Source{testSource(t)}}); err != context.Canceled {
		t.Errorf("cancelled: %v", err)
	}
}

func TestDefaultModelCache(t *testing.T) {
	corpus := embeddedtest.WriteCorpus(t)
	sources := func(ctx context.Context) ([]Source, error) {
		s, err := DirSource(ctx, corpus)
		return []Source{s}, err
	}
	d := DefaultModel{Dir: t.TempDir(), Sources: sources, Order: 4, Headers: &HeaderOptions{CHeaders: []string{"stdio.h"}, CXXHeaders: []string{}}}

	// Concurrent first uses train once.
	var wg sync.WaitGroup
	var mu sync.Mutex
	trainings := 0
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, trained, err := d.Ensure(t.Context())
			if err != nil {
				t.Error(err)
			}
			if trained {
				mu.Lock()
				trainings++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if trainings != 1 {
		t.Errorf("4 concurrent first uses trained %d times, want 1", trainings)
	}
	path, trained, err := d.Ensure(t.Context())
	if err != nil || trained {
		t.Fatalf("second use: trained %v, err %v", trained, err)
	}
	if _, err := embedded.Load(path); err != nil {
		t.Fatal(err)
	}
	// A corpus change retrains.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(filepath.Join(corpus, "sum.c"), later, later); err != nil {
		t.Fatal(err)
	}
	if _, trained, err := d.Ensure(t.Context()); err != nil || !trained {
		t.Errorf("after the corpus changed: trained %v, err %v", trained, err)
	}
	// So does another order (a setting of the fingerprint).
	d.Order = 5
	if _, trained, err := d.Ensure(t.Context()); err != nil || !trained {
		t.Errorf("after the order changed: trained %v, err %v", trained, err)
	}
}

// The default corpus of this machine: whatever it holds, no generated
// tree-sitter parser is in it.
func TestDefaultSources(t *testing.T) {
	sources, err := DefaultSources(t.Context())
	if err != nil {
		t.Skipf("no default corpus on this machine: %v", err)
	}
	for _, s := range sources {
		if len(s.Files) == 0 {
			t.Errorf("source %s holds no file", s.Name)
		}
		for _, f := range s.Files {
			if filepath.Base(f.Path) == "parser.c" && generatedParser(f.Path) {
				t.Errorf("%s: a generated parser in the corpus", f.Path)
			}
			if f.Size > maxFileSize {
				t.Errorf("%s: %d bytes, over the limit", f.Path, f.Size)
			}
		}
	}
}

func TestCompareVersions(t *testing.T) {
	if compareVersions("v0.0.0-20240827094217-dd81d9e9be82", "v0.0.0-20230101000000-abc") <= 0 ||
		compareVersions("v0.10.0", "v0.9.5") <= 0 || compareVersions("v1.0.0", "v1.0.0") != 0 {
		t.Error("version order wrong")
	}
}

func TestEvaluate(t *testing.T) {
	src := testSource(t)
	var jsonl bytes.Buffer
	for i, name := range []string{"user", "group", "host", "path", "team", "role", "zone", "disk"} {
		text := "#include <string.h>\n\nint set_" + name + "(char *dst, size_t size, const char *src) {\n" +
			"    if (src == NULL || strlen(src) >= size) {\n        return -1;\n    }\n    memcpy(dst, src, strlen(src) + 1);\n    return " + string(rune('0'+i%2)) + ";\n}\n"
		line, _ := json.Marshal(map[string]string{"text": text})
		jsonl.Write(append(line, '\n'))
	}
	fixes := filepath.Join(t.TempDir(), "fixes.jsonl")
	write(t, fixes, jsonl.String())
	r, err := Evaluate(t.Context(), EvalOptions{Order: 4, Orders: []int{2, 3}, Sources: []Source{src}, HoldOut: 3, Fixes: []string{fixes}})
	if err != nil {
		t.Fatal(err)
	}
	if r.TestFiles == 0 || r.TrainFiles+r.TestFiles != len(src.Files) {
		t.Errorf("split: %d trained, %d held out of %d files", r.TrainFiles, r.TestFiles, len(src.Files))
	}
	if !(r.KNCache < r.KN) || math.IsNaN(r.Bigram) || len(r.ByOrder) != 3 {
		t.Errorf("cross-entropy: bigram %.3f, KN %.3f, KN+cache %.3f, by order %v", r.Bigram, r.KN, r.KNCache, r.ByOrder)
	}
	if r.ModelBytes == 0 || r.TokensPerSec <= 0 || r.InProcess64 <= 0 || r.HTTP64 <= 0 {
		t.Errorf("figures: %+v", r)
	}
	f := r.Fixes
	if f == nil || f.TestDocs == 0 || f.TrainDocs+f.TestDocs != 8 || !(f.TunedOnFixes < f.BaseOnFixes) {
		t.Fatalf("fine-tune report %+v", f)
	}
	var out bytes.Buffer
	r.Write(&out)
	for _, want := range []string{"add-k bigram", "cache gain", "by order", "held-out fixes"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
