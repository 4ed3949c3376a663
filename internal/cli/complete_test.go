package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/internal/openaitest"
)

// runCLI runs the command line in-process and returns its exit status and
// output.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCompleteCommand(t *testing.T) {
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{"if (p == NULL) {\n        return 1;\n    }\n    p->status = 0;\n    return 0;\n}\n\nint next(void) {\n"}}
	})
	srv.Check(func(r openaitest.Request) error {
		if !strings.HasSuffix(r.Prompt, "    struct person *p = malloc(sizeof *p);\n    ") {
			return fmt.Errorf("prompt does not end at line 6 col 5: %q", r.Prompt)
		}
		if r.N != 2 || r.MaxTokens != 64 {
			return fmt.Errorf("n %d max_tokens %d, want 2 and 64", r.N, r.MaxTokens)
		}
		return nil
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf(`
[[models]]
name = "local"
base_url = %q
max_tokens = 64
n = 2
`, srv.BaseURL))
	src := writeFile(t, filepath.Join(dir, "person.c"), "#include <stdlib.h>\nstruct person { int status; };\n\nint main(void)\n{\n    struct person *p = malloc(sizeof *p);\n    \n}\n")

	code, out, errOut := runCLI(t, "--config", cfg, "complete", src+":7:5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "=== candidate 1 of 1 (local) ===\nif (p == NULL) {\n        return 1;\n    }\n    p->status = 0;\n    return 0;\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}

	code, out, _ = runCLI(t, "--config", cfg, "complete", "--json", src+":7:5")
	if code != 0 || !strings.Contains(out, `"model": "local"`) || !strings.Contains(out, `"raw_choices": 1`) {
		t.Errorf("--json: exit %d output %s", code, out)
	}
}

func TestCompleteCommandErrors(t *testing.T) {
	dir := t.TempDir()
	src := writeFile(t, filepath.Join(dir, "a.c"), "int main(void) {\n}\n")
	badCfg := writeFile(t, filepath.Join(dir, "bad.toml"), "[[models]]\nname = \"x\"\nbase_url = \"ftp://nowhere\"\n")
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"complete", src}, 2, "want FILE:LINE[:COL]"},
		{[]string{"complete", src + ":9"}, 2, "line 9 is past the end"},
		{[]string{"complete", src + ":1:99"}, 2, "column 99 is past the end of line 1"},
		{[]string{"complete", filepath.Join(dir, "missing.c") + ":1"}, 1, "no such file"},
		{[]string{"--config", badCfg, "complete", src + ":1"}, 1, `base_url "ftp://nowhere"`},
		{[]string{"--config", filepath.Join(dir, "none.toml"), "complete", src + ":1"}, 1, "none.toml"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.contains) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d containing %q", tt.args, code, errOut, tt.code, tt.contains)
		}
	}
}

func TestParsePosition(t *testing.T) {
	tests := []struct {
		in        string
		path      string
		line, col int
		bad       bool
	}{
		{in: "a.c:3:4", path: "a.c", line: 3, col: 4},
		{in: "a.c:3", path: "a.c", line: 3},
		{in: "C:/x/a.c:3:4", path: "C:/x/a.c", line: 3, col: 4},
		{in: "a.c", bad: true},
		{in: "a.c:0:1", bad: true},
	}
	for _, tt := range tests {
		p, l, c, err := parsePosition(tt.in)
		if (err != nil) != tt.bad || (!tt.bad && (p != tt.path || l != tt.line || c != tt.col)) {
			t.Errorf("parsePosition(%q) = %q %d %d %v", tt.in, p, l, c, err)
		}
	}
}
