package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"securecomplete/analysis/sarif"
	"securecomplete/internal/testenv"
)

// goldenDir is found before any test changes the working directory.
var goldenDir, _ = filepath.Abs(filepath.Join("testdata", "analyze"))

func init() {
	// Other test files of this package may define -update as well.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares got with testdata/analyze/name, or rewrites it under
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if updating() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// Programs the tests judge, written for these tests.
const (
	progUAF = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  char *p = malloc(16);
  if (p == NULL) return 1;
  strcpy(p, "abc");
  free(p);
  printf("%s\n", p);
  return 0;
}
`
	progClean = `#include <stdio.h>
int main(void) {
  puts("hello");
  return 0;
}
`
	progBroken = `#include <stdio.h>
int main(void) {
  puts("hello")
  return 0;
}
`
	progCPP = `#include <iostream>
#include <string>
int main() {
  std::string s = "hello";
  std::cout << s << std::endl;
  return 0;
}
`
)

// workspace writes files into a temporary folder and makes it the
// working directory, so that outputs name them by short relative paths.
func workspace(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func TestAnalyzeText(t *testing.T) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	workspace(t, map[string]string{"src/uaf.c": progUAF, "src/clean.c": progClean, "src/broken.c": progBroken, "src/hello.cpp": progCPP, "src/notes.txt": "not code"})
	code, out, errOut := runCLI(t, "analyze", "--analyzers", "compile,gcc,codeql", "src")
	if code != 1 {
		t.Errorf("exit %d, want 1 (something vulnerable); stderr %s", code, errOut)
	}
	for _, want := range []string{
		"src/broken.c: invalid: does not compile with gcc -g -O -D_FORTIFY_SOURCE=2 -c\n  src/broken.c:3:16: error: expected ';' before 'return'\n",
		"src/clean.c: non-vulnerable\n",
		"src/hello.cpp: non-vulnerable\n",
		"src/uaf.c: vulnerable\n",
		"  src/uaf.c:9:3: CWE-416 [gcc -Wuse-after-free] pointer 'p' used after 'free'\n",
		"4 files: 1 vulnerable, 2 non-vulnerable, 1 invalid, 0 errors\n",
		"analyzers: compile (g++ -g -O -D_FORTIFY_SOURCE=2 -c; gcc -g -O -D_FORTIFY_SOURCE=2 -c), gcc\n",
		"not available: codeql: codeql not found in PATH",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "notes.txt") {
		t.Errorf("a directory walk judged a non-source file:\n%s", out)
	}
}

func TestAnalyzeCWEFilter(t *testing.T) {
	testenv.Tool(t, "gcc")
	workspace(t, map[string]string{"uaf.c": progUAF})
	if code, out, _ := runCLI(t, "analyze", "--analyzers", "compile,gcc", "--cwe", "CWE-787", "uaf.c"); code != 0 || !strings.Contains(out, "uaf.c: non-vulnerable") {
		t.Errorf("--cwe CWE-787: exit %d\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "analyze", "--analyzers", "compile,gcc", "--cwe", "416", "uaf.c"); code != 1 || !strings.Contains(out, "uaf.c: vulnerable") {
		t.Errorf("--cwe 416: exit %d\n%s", code, out)
	}
}

func TestAnalyzeJSONGolden(t *testing.T) {
	testenv.Tool(t, "gcc")
	workspace(t, map[string]string{"uaf.c": progUAF, "clean.c": progClean, "broken.c": progBroken, "empty.c": ""})
	code, out, _ := runCLI(t, "analyze", "--analyzers", "compile,gcc,codeql", "--format", "json", "uaf.c", "clean.c", "broken.c", "empty.c", "missing.c")
	if code != 2 {
		t.Errorf("exit %d, want 2 (unreadable and empty files)", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("want one JSON object per file, got %d lines:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(l), &obj); err != nil {
			t.Fatalf("not JSON: %s: %v", l, err)
		}
		for _, k := range []string{"file", "findings", "analyzers"} {
			if _, ok := obj[k]; !ok {
				t.Errorf("object lacks %q: %s", k, l)
			}
		}
		if _, ok := obj["verdict"]; !ok && obj["error"] == nil {
			t.Errorf("object has neither verdict nor error: %s", l)
		}
	}
	golden(t, "analyze.jsonl", []byte(out))
}

func TestAnalyzeSARIFGolden(t *testing.T) {
	testenv.Tool(t, "gcc")
	workspace(t, map[string]string{"uaf.c": progUAF, "clean.c": progClean, "broken.c": progBroken})
	code, out, errOut := runCLI(t, "analyze", "--analyzers", "compile,gcc", "--format", "sarif", "uaf.c", "clean.c", "broken.c")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut, "broken.c: invalid: does not compile with gcc -g -O -D_FORTIFY_SOURCE=2 -c") {
		t.Errorf("stderr does not report the invalid file: %s", errOut)
	}
	l, err := sarif.Read(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not SARIF 2.1.0: %v", err)
	}
	if fs := l.Findings("gcc", nil, nil); len(fs) == 0 || fs[0].File != "uaf.c" {
		t.Errorf("findings read back: %+v", fs)
	}
	golden(t, "analyze.sarif", []byte(out))
}

func TestAnalyzeBadInput(t *testing.T) {
	testenv.Tool(t, "gcc")
	workspace(t, map[string]string{
		"empty.c":  "",
		"bin.c":    "\x7fELF\x02\x01\x01\x00\x00",
		"latin.c":  "/* d\xe9j\xe0 vu */\nint main(void) { return 0; }\n",
		"half.c":   "int main(int argc, char **argv) {\n  if (argc > 1) {\n    for (int i = 0; i < argc; i++",
		"nested.c": "int main(void) { return " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "; }\n",
		"ok.c":     progClean,
	})
	big := bytes.Repeat([]byte("/* padding */\n"), 10<<20/14+1)
	if err := os.WriteFile("big.c", big, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("locked.c", []byte(progClean), 0o000); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "analyze", "empty.c", "bin.c", "latin.c", "half.c", "nested.c", "big.c", "locked.c", "ok.c")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	want := []string{
		"empty.c: error: empty file\n",
		"bin.c: error: binary file: NUL byte at offset 7\n",
		"latin.c: error: not UTF-8 text: invalid byte 0xe9 at offset 4\n",
		"half.c: invalid: does not compile",
		"big.c: error: file too large: 10485762 bytes (the judge takes at most 4194304; see --max-size)\n",
		"ok.c: non-vulnerable\n",
	}
	if os.Getuid() != 0 { // root reads anything
		want = append(want, "locked.c: error: read locked.c: permission denied\n")
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	if !strings.Contains(out, "nested.c: ") {
		t.Errorf("no verdict for the deeply nested file:\n%s", out)
	}
}

func TestAnalyzeUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"analyze"}, "name at least one file or directory"},
		{[]string{"analyze", "--format", "xml", "a.c"}, `--format "xml": want text, json or sarif`},
		{[]string{"analyze", "--lang", "rust", "a.c"}, `--lang "rust": want c or cpp`},
		{[]string{"analyze", "--cwe", "buffer", "a.c"}, `--cwe "buffer": want CWE-N`},
		{[]string{"analyze", "--analyzers", "compile,frama-c", "a.c"}, `unknown analyzer "frama-c"`},
		{[]string{"analyze", "agree"}, "--labels is required"},
		{[]string{"analyze", "--no-such-flag", "a.c"}, "unknown flag"},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

func TestAnalyzeForcedLang(t *testing.T) {
	testenv.Tool(t, "g++")
	workspace(t, map[string]string{"snippet.txt": progCPP})
	code, out, _ := runCLI(t, "analyze", "--lang", "cpp", "--analyzers", "compile", "snippet.txt")
	if code != 0 || !strings.Contains(out, "snippet.txt: non-vulnerable") || !strings.Contains(out, "g++ -g -O -D_FORTIFY_SOURCE=2 -c") {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "analyze", "snippet.txt")
	if code != 2 || !strings.Contains(out, "cannot tell the language of snippet.txt from its name: use --lang c or --lang cpp") {
		t.Errorf("exit %d\n%s", code, out)
	}
}

func TestAnalyzeAgree(t *testing.T) {
	testenv.Tool(t, "gcc")
	workspace(t, map[string]string{
		"set/a/uaf.c":    progUAF,
		"set/a/clean.c":  progClean,
		"set/b/broken.c": progBroken,
		"set/labels.csv": "scenario_id,file,label,oracle,check_query,alert_lines\n" +
			"CWE-416-0,a/uaf.c,vulnerable,codeql,,9\n" +
			"CWE-416-0,a/clean.c,vulnerable,codeql,,3\n" +
			"CWE-787-0,a/uaf.c,non-vulnerable,codeql,,\n" +
			"CWE-787-0,b/broken.c,invalid,gcc,,\n" +
			"CWE-787-0,b/gone.c,non-vulnerable,codeql,,\n",
	})
	code, out, errOut := runCLI(t, "analyze", "agree", "--labels", "set/labels.csv", "--analyzers", "compile,gcc")
	if code != 0 {
		t.Errorf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"programs: 5 labelled, 3 judged valid by both and compared, 1 could not be judged\n",
		"TP 1  FP 0  FN 1  TN 1\n",
		"accuracy 0.667  precision 1.000  recall 0.500  Cohen's kappa 0.400\n",
		"invalid: 1 labelled, 1 found, 0 missed, 0 extra: found exactly\n",
		"CWE-416-0       2      1   50.0%    1    0    1    0  0.000\n",
		"CWE-416-0 a/clean.c: want vulnerable, got non-vulnerable\n  a/clean.c:3: flagged by the reference\n",
		"CWE-787-0 b/gone.c: want non-vulnerable, got error: read set/b/gone.c: no such file or directory\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "compile") || !strings.Contains(errOut, "ms/file") {
		t.Errorf("no timings on stderr: %s", errOut)
	}
	code, _, errOut = runCLI(t, "analyze", "agree", "--labels", "set/nope.csv")
	if code != 2 || !strings.Contains(errOut, "read labels: read set/nope.csv: no such file or directory") {
		t.Errorf("missing labels: exit %d, %s", code, errOut)
	}
	if err := os.WriteFile("bad.csv", []byte("file,label\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "analyze", "agree", "--labels", "bad.csv")
	if code != 2 || !strings.Contains(errOut, `no "scenario_id" column`) {
		t.Errorf("bad labels: exit %d, %s", code, errOut)
	}
}

// TestAnalyzeNoPCH checks that --no-pch, which compiles every file as it
// is, gives the verdicts the default (precompiled headers for the
// #include block that many files share) gives.
func TestAnalyzeNoPCH(t *testing.T) {
	testenv.Tool(t, "gcc")
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	files := map[string]string{"uaf.c": progUAF, "broken.c": strings.Replace(progUAF, "free(p);", "free(p)", 1)}
	var names []string
	for i := range 20 { // enough files sharing one #include block for a precompiled header
		files[fmt.Sprintf("ok%02d.c", i)] = strings.Replace(progUAF, "  free(p);\n  printf(\"%s\\n\", p);\n", fmt.Sprintf("  printf(\"%%d %%s\\n\", %d, p);\n  free(p);\n", i), 1)
	}
	workspace(t, files)
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	var outs [2]string
	for i, extra := range [][]string{nil, {"--no-pch"}} {
		args := append([]string{"analyze", "--format", "json"}, extra...)
		code, out, stderr := runCLI(t, append(args, names...)...)
		if code != 1 {
			t.Fatalf("%v: exit %d, want 1 (uaf.c is vulnerable): %s", extra, code, stderr)
		}
		outs[i] = out
	}
	if outs[0] != outs[1] {
		t.Errorf("verdicts differ with --no-pch:\n--- default\n%s\n--- --no-pch\n%s", outs[0], outs[1])
	}
	for _, want := range []string{`"file":"broken.c","lang":"c","verdict":"invalid"`, `"file":"uaf.c","lang":"c","verdict":"vulnerable"`, `"file":"ok07.c","lang":"c","verdict":"non-vulnerable"`} {
		if !strings.Contains(outs[1], want) {
			t.Errorf("output lacks %s:\n%s", want, outs[1])
		}
	}
}
