package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/eval/scenario"
)

func TestEvalImport(t *testing.T) {
	fixtures := filepath.Join("..", "..", "eval", "importer", "testdata")
	out := filepath.Join(t.TempDir(), "scenarios")

	code, stdout, stderr := runCLI(t, "eval", "import", "--format", "pearce", filepath.Join(fixtures, "pearce", "good"), "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	for _, want := range []string{"imported 4 scenarios (3 C, 1 C++)", "skipped 1 in other languages", "cwe-787_my-eg-1/c", "cwe-416_my-eg-2/c", "judged by hand"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout does not mention %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "py-eg-1: language python") {
		t.Errorf("stderr should list the skipped Python scenario:\n%s", stderr)
	}
	ss, err := scenario.LoadDir(out)
	if err != nil || len(ss) != 4 {
		t.Fatalf("LoadDir(%s): %d scenarios, %v", out, len(ss), err)
	}

	// The same again: refused without --force, nothing changed.
	code, _, stderr = runCLI(t, "eval", "import", "--format", "pearce", filepath.Join(fixtures, "pearce", "good"), "-o", out)
	if code != 1 || !strings.Contains(stderr, "4 scenarios already exist") || !strings.Contains(stderr, "--force") {
		t.Errorf("re-import without --force: exit %d, stderr %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "eval", "import", "--force", "--format", "pearce", filepath.Join(fixtures, "pearce", "good"), "-o", out)
	if code != 0 {
		t.Errorf("re-import with --force: exit %d, stderr %s", code, stderr)
	}

	// SVEN into the same directory: different keys, no clash.
	code, stdout, stderr = runCLI(t, "eval", "import", "--format", "sven", filepath.Join(fixtures, "sven", "good"), "-o", out)
	if code != 0 || !strings.Contains(stdout, "imported 3 scenarios (2 C, 1 C++)") {
		t.Errorf("sven import: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if ss, err := scenario.LoadDir(out); err != nil || len(ss) != 7 {
		t.Errorf("after both imports: %d scenarios, %v", len(ss), err)
	}
}

func TestEvalImportErrors(t *testing.T) {
	fixtures := filepath.Join("..", "..", "eval", "importer", "testdata")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no format", []string{"eval", "import", "x", "-o", "y"}, 2, "--format is required: pearce or sven"},
		{"bad format", []string{"eval", "import", "--format", "codeql", "x", "-o", "y"}, 2, `unknown format "codeql"`},
		{"no output", []string{"eval", "import", "--format", "sven", "x"}, 2, "-o OUTDIR is required"},
		{"no dir", []string{"eval", "import", "--format", "sven", "-o", "y"}, 2, "one directory to read, got 0"},
		{"missing dir", []string{"eval", "import", "--format", "pearce", "/nonexistent/scenarios", "-o", "y"}, 1, "/nonexistent/scenarios"},
		{"malformed", []string{"eval", "import", "--format", "pearce", filepath.Join(fixtures, "pearce", "no-marker"), "-o", "OUT"}, 1, `no line "//-copilot next line-"`},
		{"only other languages", []string{"eval", "import", "--format", "sven", filepath.Join(fixtures, "sven", "good", "cwe-022"), "-o", "OUT"}, 1, "no C or C++ scenario found (1 skipped)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := make([]string, len(tt.args))
			for i, a := range tt.args {
				args[i] = strings.ReplaceAll(a, "OUT", out)
			}
			code, _, stderr := runCLI(t, args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want %d; stderr %q should contain %q", code, tt.code, stderr, tt.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed import wrote %s", out)
			}
		})
	}
}
