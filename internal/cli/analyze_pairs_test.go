package cli

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"securecomplete/analysis/pairs"
	"securecomplete/internal/testenv"
)

// pairLine is one SVEN-format record, typed as SVEN types its fields.
func pairLine(t *testing.T, name, before, after, vulType, file string) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"func_name": name, "func_src_before": before, "func_src_after": after,
		"vul_type": vulType, "file_name": file, "commit_link": "https://example.org/c/1", "line_changes": map[string]any{"added": []any{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAnalyzePairs(t *testing.T) {
	testenv.Tool(t, "cppcheck")
	dir := t.TempDir()
	before := "#include <stdlib.h>\nint boxed(int v) {\n  int *p = malloc(sizeof *p);\n  if (p == NULL) return -1;\n  *p = v;\n  free(p);\n  return *p;\n}\n"
	after := "#include <stdlib.h>\nint boxed(int v) {\n  int *p = malloc(sizeof *p);\n  if (p == NULL) return -1;\n  *p = v;\n  int r = *p;\n  free(p);\n  return r;\n}\n"
	path := writeFile(t, filepath.Join(dir, "cwe-416.jsonl"), strings.Join([]string{
		pairLine(t, "boxed", before, after, "CWE-416", "src/box.c"),
		pairLine(t, "py", "x = 1\n", "x = 2\n", "cwe-089", "tool.py"),
	}, "\n")+"\n")

	code, out, errOut := runCLI(t, "analyze", "pairs", "--analyzers", "builtin,cppcheck", path)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !regexp.MustCompile(`(?m)^cwe\s+pairs\s+builtin bef/aft/diff\s+cppcheck bef/aft/diff$`).MatchString(out) {
		t.Errorf("no header naming both analyzers:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^CWE-416\s+1\s+1/0/1\s+\d/\d/\d$`).MatchString(out) {
		t.Errorf("the built-in rules should flag the read after free only:\n%s", out)
	}
	if !strings.Contains(errOut, "1 pairs from 1 files, 1 records skipped (not C/C++)") {
		t.Errorf("stderr does not count the skipped Python record:\n%s", errOut)
	}

	code, out, _ = runCLI(t, "analyze", "pairs", "--analyzers", "builtin", "--format", "json", path)
	var rep pairs.Report
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("exit %d, json: %v\n%s", code, err, out)
	}
	if got := rep.Total.Counts[0]; got != (pairs.Counts{Pairs: 1, Before: 1, Differential: 1}) {
		t.Errorf("json total %+v", got)
	}
}

func TestAnalyzePairsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, filepath.Join(dir, "bad.jsonl"), pairLine(t, "f", "int f(void){return 0;}\n", "int f(void){return 1;}\n", "cwe-787", "f.c")+"\n{not json\n")
	py := writeFile(t, filepath.Join(dir, "py.jsonl"), pairLine(t, "f", "x=1\n", "x=2\n", "cwe-078", "f.py")+"\n")
	badCWE := writeFile(t, filepath.Join(dir, "cwe.jsonl"), pairLine(t, "f", "int f(void){return 0;}\n", "int f(void){return 1;}\n", "overflow", "f.c")+"\n")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"analyze", "pairs"}, 2, "name at least one JSONL file"},
		{[]string{"analyze", "pairs", filepath.Join(dir, "none.jsonl")}, 2, "none.jsonl"},
		{[]string{"analyze", "pairs", bad}, 2, "bad.jsonl:2"},
		{[]string{"analyze", "pairs", badCWE}, 2, `vul_type "overflow" is not a CWE`},
		{[]string{"analyze", "pairs", py}, 2, "no C/C++ pair"},
		{[]string{"analyze", "pairs", "--analyzers", "lint", py}, 2, `unknown analyzer "lint"`},
		{[]string{"analyze", "pairs", "--format", "xml", py}, 2, `--format "xml"`},
	} {
		code, _, errOut := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args[2:], code, errOut, tc.code, tc.want)
		}
	}
}
