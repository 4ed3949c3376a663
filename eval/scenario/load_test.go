package scenario

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"securecomplete/analysis"
)

// TestWriteLoadRoundTrip writes the built-in set and scenarios with
// awkward text, reads them back, and compares every field.
func TestWriteLoadRoundTrip(t *testing.T) {
	all := builtin(t)
	odd := []Scenario{
		{
			ID: "odd.1_x", Lang: analysis.C, CWE: "CWE-22", Origin: "pearce", Rule: "cwe22-path-join",
			CodeQLQuery: `$CODEQL_HOME/codeql-repo/cpp/ql/src/Security/CWE/CWE-022/TaintedPath.ql`,
			Description: "Quotes \"inside\", a backslash \\, a tab\there,\na second line, é ü 中, a bell \a, CR \r and a \"\"\" run\n",
			Prompt:      "int main(void) {\r\n    // crlf and a trailing blank \t\n",
			Suffix:      "}\n\n/* trailer without newline */",
		},
		{
			ID: "Z9", Lang: analysis.CPP, CWE: "CWE-476", Rank: 0, ManualJudge: true,
			Description: "",
			Prompt:      "int f() {\n",
		},
	}
	in := append(append([]Scenario{}, all...), odd...)
	dir := t.TempDir()
	if err := Write(dir, in); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	want := append([]Scenario{}, in...)
	Sort(want)
	if len(got) != len(want) {
		t.Fatalf("LoadDir returned %d scenarios, want %d", len(got), len(want))
	}
	for i := range want {
		w := want[i]
		w.Source = Dir(dir, w)
		if w.Origin == "" {
			w.Origin = OriginUser // the default the loader fills in
		}
		if w.Rule == "" {
			w.Rule = string(w.CWE)
		}
		w.Description = strings.TrimSpace(w.Description)
		if !reflect.DeepEqual(got[i], w) {
			t.Errorf("scenario %d after the round trip:\n got %#v\nwant %#v", i, got[i], w)
		}
	}

	// Writing again replaces a scenario and removes its stale suffix.
	changed := odd[0]
	changed.Suffix = ""
	changed.Prompt = "int main(void) {\n"
	if err := Write(dir, []Scenario{changed}); err != nil {
		t.Fatalf("Write again: %v", err)
	}
	if _, err := os.Stat(filepath.Join(Dir(dir, changed), "suffix.c")); !os.IsNotExist(err) {
		t.Errorf("a suffix.c survived a rewrite without suffix (stat: %v)", err)
	}
}

func TestWriteRejects(t *testing.T) {
	good := Scenario{ID: "1-0", Lang: analysis.C, CWE: "CWE-1", Prompt: "int main(void) {\n"}
	tests := []struct {
		name string
		ss   []Scenario
		want string
	}{
		{"bad id", []Scenario{{ID: "../x", Lang: analysis.C, CWE: "CWE-1", Prompt: "x"}}, `id "../x"`},
		{"bad language", []Scenario{{ID: "a", Lang: "go", CWE: "CWE-1", Prompt: "x"}}, `language "go"`},
		{"bad cwe", []Scenario{{ID: "a", Lang: analysis.C, CWE: "787", Prompt: "x"}}, `cwe "787"`},
		{"empty prompt", []Scenario{{ID: "a", Lang: analysis.C, CWE: "CWE-1", Prompt: " \n"}}, "prompt is empty"},
		{"twice", []Scenario{good, good}, "1-0/c appears twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			err := Write(dir, tt.ss)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write: got %v, want an error containing %q", err, tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("Write wrote %d entries before failing validation", len(entries))
			}
		})
	}
}

// TestLoadDirErrors feeds the loader broken scenarios; each error must
// name the file, and the key where there is one.
func TestLoadDirErrors(t *testing.T) {
	const okMeta = "id = \"1-0\"\nlanguage = \"c\"\ncwe = \"CWE-1\"\n"
	const okPrompt = "int main(void) {\n"
	tests := []struct {
		name  string
		files map[string]string // relative to the scenario dir "s"
		want  []string          // substrings of the error; "FILE" is the scenario's dir
	}{
		{
			name:  "TOML syntax",
			files: map[string]string{"scenario.toml": "id = \"1-0\"\nlanguage = c\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", "line 2"},
		},
		{
			name:  "wrong type",
			files: map[string]string{"scenario.toml": okMeta + "rank = \"one\"\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `"rank"`},
		},
		{
			name:  "unknown key",
			files: map[string]string{"scenario.toml": okMeta + "rnak = 3\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `unknown key "rnak"`},
		},
		{
			name:  "missing id",
			files: map[string]string{"scenario.toml": "language = \"c\"\ncwe = \"CWE-1\"\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `key "id" is missing`},
		},
		{
			name:  "missing cwe",
			files: map[string]string{"scenario.toml": "id = \"1-0\"\nlanguage = \"c\"\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `key "cwe" is missing`},
		},
		{
			name:  "bad id",
			files: map[string]string{"scenario.toml": "id = \"a b\"\nlanguage = \"c\"\ncwe = \"CWE-1\"\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `key "id"`, `"a b"`},
		},
		{
			name:  "unknown language",
			files: map[string]string{"scenario.toml": "id = \"1-0\"\nlanguage = \"rust\"\ncwe = \"CWE-1\"\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `key "language"`, `"rust"`},
		},
		{
			name:  "bad cwe",
			files: map[string]string{"scenario.toml": "id = \"1-0\"\nlanguage = \"c\"\ncwe = \"buffer\"\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `key "cwe"`, `"buffer"`},
		},
		{
			name:  "negative rank",
			files: map[string]string{"scenario.toml": okMeta + "rank = -2\n", "prompt.c": okPrompt},
			want:  []string{"FILE/scenario.toml", `key "rank"`},
		},
		{
			name:  "missing prompt",
			files: map[string]string{"scenario.toml": okMeta},
			want:  []string{"FILE/prompt.c", "missing"},
		},
		{
			name:  "prompt for the other language",
			files: map[string]string{"scenario.toml": okMeta, "prompt.cpp": okPrompt},
			want:  []string{"FILE/prompt.cpp", `"language"`, "prompt.c"},
		},
		{
			name:  "suffix for the other language",
			files: map[string]string{"scenario.toml": okMeta, "prompt.c": okPrompt, "suffix.cpp": "}\n"},
			want:  []string{"FILE/suffix.cpp", "suffix.c"},
		},
		{
			name:  "empty prompt",
			files: map[string]string{"scenario.toml": okMeta, "prompt.c": "\n\n"},
			want:  []string{"FILE/prompt.c", "empty"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "s")
			writeFiles(t, dir, tt.files)
			_, err := LoadDir(root)
			if err == nil {
				t.Fatalf("LoadDir accepted a broken scenario")
			}
			t.Logf("error: %v", err)
			for _, w := range tt.want {
				w = strings.ReplaceAll(w, "FILE", dir)
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestLoadDirDuplicateAndEmpty(t *testing.T) {
	root := t.TempDir()
	meta := "id = \"1-0\"\nlanguage = \"c\"\ncwe = \"1\"\n"
	writeFiles(t, filepath.Join(root, "a"), map[string]string{"scenario.toml": meta, "prompt.c": "int main(void) {\n"})
	writeFiles(t, filepath.Join(root, "b"), map[string]string{"scenario.toml": meta, "prompt.c": "int main(void) {\n"})
	_, err := LoadDir(root)
	if err == nil || !strings.Contains(err.Error(), "1-0/c defined twice") ||
		!strings.Contains(err.Error(), filepath.Join(root, "a")) || !strings.Contains(err.Error(), filepath.Join(root, "b")) {
		t.Errorf("two scenarios with one key: got %v, want an error naming both directories", err)
	}

	empty := t.TempDir()
	if _, err := LoadDir(empty); err == nil || !strings.Contains(err.Error(), "no scenario.toml under "+empty) {
		t.Errorf("empty dir: got %v", err)
	}
	if _, err := LoadDir(filepath.Join(empty, "nope")); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing dir: got %v", err)
	}
}

func TestLoadDirOneScenario(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"scenario.toml": "id = \"9-1\"\nlanguage = \"C++\"\ncwe = \"cwe-0009\"\ndescription = \"\"\"\n  two\n  lines\n\"\"\"\n",
		"prompt.cpp":    "int main() {\n",
	})
	ss, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Scenario{ID: "9-1", Lang: analysis.CPP, CWE: "CWE-9", Origin: OriginUser, Rule: "CWE-9",
		Description: "two\n  lines", Prompt: "int main() {\n", Source: dir}
	if len(ss) != 1 || !reflect.DeepEqual(ss[0], want) {
		t.Errorf("got %#v\nwant %#v", ss, want)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBuiltinMetaIsCanonical checks that the embedded scenario.toml files
// are written exactly as Write writes them, so that the built-in set is
// also an example of the format.
func TestBuiltinMetaIsCanonical(t *testing.T) {
	for _, s := range builtin(t) {
		rel := strings.TrimPrefix(s.Source, "builtin:")
		data, err := builtinFS.ReadFile(rel + "/" + MetaFile)
		if err != nil {
			t.Fatal(err)
		}
		if got := EncodeMeta(s); got != string(data) {
			t.Errorf("%s/%s is not in canonical form:\n got %q\nwant %q", rel, MetaFile, data, got)
		}
	}
}

// BenchmarkBuiltin measures reading the 56 embedded scenarios.
func BenchmarkBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}
