package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"securecomplete/internal/testenv"
)

// fakeCodeQL stands in for the CodeQL CLI, which is not installed here:
// `database create` runs the build command in the source root as CodeQL's
// tracer would (so the real gcc compiles what the adapter generated) and
// keeps a copy of build.sh; `database analyze` writes the SARIF 2.1.0
// document the test prepared (in the shape CodeQL publishes) to --output.
const fakeCodeQL = `log="$FAKE_CODEQL_DIR"
case "$2" in
create)
  for a; do case "$a" in --source-root=*) src="${a#--source-root=}";; --command=*) cmd="${a#--command=}";; esac; done
  cp "$src/build.sh" "$log/build.sh" 2>/dev/null
  (cd "$src" && eval "$cmd") > "$log/build.out" 2>&1
  ls "$src" > "$log/built"
  exit 0;;
analyze)
  for a; do case "$a" in --output=*) out="${a#--output=}";; esac; done
  cp "$log/results.sarif" "$out";;
esac`

const codeqlSARIF = `{
  "version": "2.1.0",
  "runs": [{
    "tool": {"driver": {"name": "CodeQL", "rules": [
      {"id": "cpp/unbounded-write", "properties": {"tags": ["security", "external/cwe/cwe-120", "external/cwe/cwe-787"]}}
    ]}},
    "results": [{
      "ruleId": "cpp/unbounded-write", "ruleIndex": 0, "level": "error",
      "message": {"text": "This 'call to strcpy' with input from a command-line argument may overflow the destination."},
      "locations": [{"physicalLocation": {"artifactLocation": {"uri": "f00000.c", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": LINE, "startColumn": 3, "endColumn": 9}}}]
    }]
  }]
}`

// The project's own defines and include paths must reach CodeQL's build,
// or the file does not even compile there.
const projectSrc = "#include <stdio.h>\n#include <string.h>\n#include \"app_limits.h\"\n#if APP_LEVEL != 2\n#error built without the project's flags\n#endif\n\nint main(int argc, char **argv) {\n  char buf[APP_NAME_LEN];\n  if (argc < 2) return 1;\n  ‸\n  puts(buf);\n  return 0;\n}\n"

func TestLoopCodeQLWithCompileCommands(t *testing.T) {
	testenv.Tool(t, "gcc")
	logDir := t.TempDir()
	t.Setenv("FAKE_CODEQL_DIR", logDir)
	fakeTool(t, "codeql", fakeCodeQL)
	h := newLoopHarness(t, answer(vulnCand), `analyzers = ["builtin", "codeql"]`, nil)
	if err := os.MkdirAll(filepath.Join(h.root, "include"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(h.root, "include", "app_limits.h"), []byte("#define APP_NAME_LEN 16\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cc := `[{"directory": "` + h.root + `", "file": "src/app.c", "command": "gcc -Iinclude -DAPP_LEVEL=2 -O2 -c src/app.c -o build/app.o"}]`
	if err := os.WriteFile(filepath.Join(h.root, "compile_commands.json"), []byte(cc), 0o644); err != nil {
		t.Fatal(err)
	}
	line := strings.Count(projectSrc[:strings.Index(projectSrc, cursor)], "\n") + 1
	sarif := strings.Replace(codeqlSARIF, "LINE", strconv.Itoa(line), 1)
	if err := os.WriteFile(filepath.Join(logDir, "results.sarif"), []byte(sarif), 0o644); err != nil {
		t.Fatal(err)
	}

	d := h.open("src/app.c", projectSrc)
	d.acceptCandidate(vulnCand)
	p := d.latestDiagnostics("CodeQL's finding", func(p published) bool {
		for _, dg := range p.Diagnostics {
			if dg.Source == "codeql" || slices.Contains(dg.Data.Analyzers, "codeql") {
				return true
			}
		}
		return false
	}, 20*time.Second)
	for _, dg := range p.Diagnostics {
		if (dg.Source == "codeql" || slices.Contains(dg.Data.Analyzers, "codeql")) && (dg.Code != "CWE-120" || int(dg.Range.Start.Line) != line-1) {
			t.Errorf("CodeQL's diagnostic %+v, want CWE-120 (the query's first tag) on line %d", dg, line)
		}
	}

	script, err := os.ReadFile(filepath.Join(logDir, "build.sh"))
	if err != nil {
		t.Fatalf("the database was not built with the project's command: %v", err)
	}
	for _, s := range []string{"-DAPP_LEVEL=2", "-Iinclude", "cd " + h.root} {
		if !strings.Contains(string(script), s) {
			t.Errorf("build.sh lacks %q:\n%s", s, script)
		}
	}
	out, _ := os.ReadFile(filepath.Join(logDir, "build.out"))
	built, _ := os.ReadFile(filepath.Join(logDir, "built"))
	if !strings.Contains(string(built), "f00000.o") {
		t.Errorf("the accepted text did not compile with the project's flags:\n%s\nfiles: %s", out, built)
	}
	if _, err := os.Stat(filepath.Join(h.root, "build")); !os.IsNotExist(err) {
		t.Errorf("the check wrote into the project's build tree (stat: %v)", err)
	}
}
