package external

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
	"securecomplete/internal/testenv"
)

// Small programs whose weaknesses the tools are known to see, each with a
// fixed twin that must stay clean.
const (
	useAfterFreeC = `#include <stdio.h>
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
	useAfterFreeFixedC = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  char *p = malloc(16);
  if (p == NULL) return 1;
  strcpy(p, "abc");
  printf("%s\n", p);
  free(p);
  return 0;
}
`
	overflowC = `#include <string.h>
int main(void) {
  char buf[4];
  strcpy(buf, "far too long for it");
  return buf[0];
}
`
	overflowFixedC = `#include <string.h>
int main(void) {
  char buf[32];
  strcpy(buf, "far too long for it");
  return buf[0];
}
`
	argvSystemC = `#include <stdio.h>
#include <stdlib.h>
int main(int argc, char *argv[]) {
  char cmd[256];
  if (argc < 2) return 1;
  snprintf(cmd, sizeof cmd, "ls %s", argv[1]);
  system(cmd);
  return 0;
}
`
	argvSystemFixedC = `#include <stdio.h>
#include <stdlib.h>
int main(int argc, char *argv[]) {
  if (argc < 2) return 1;
  printf("ls %s\n", argv[1]);
  system("ls");
  return 0;
}
`
	argvIndexCPP = `#include <cstdlib>
#include <iostream>
int main(int argc, char **argv) {
  int table[10] = {0};
  if (argc < 2) return 1;
  int i = std::atoi(argv[1]);
  std::cout << table[i] << std::endl;
  return 0;
}
`
	argvIndexFixedCPP = `#include <cstdlib>
#include <iostream>
int main(int argc, char **argv) {
  int table[10] = {0};
  if (argc < 2) return 1;
  int i = std::atoi(argv[1]);
  if (i < 0 || i >= 10) return 1;
  std::cout << table[i] << std::endl;
  return 0;
}
`
	brokenC = "int main(void) { return }\n"
)

// lines lists "CWE@line" of the findings of one file, sorted.
func lines(fs []analysis.Finding, path string) []string {
	var out []string
	for _, f := range fs {
		if f.File == path {
			out = append(out, fmt.Sprintf("%s@%02d", f.CWE, f.Line))
		}
	}
	sort.Strings(out)
	return out
}

func has(got []string, want string) bool {
	for _, g := range got {
		if g == want {
			return true
		}
	}
	return false
}

func TestGCC(t *testing.T) {
	testenv.Tool(t, "gcc")
	files := []analysis.File{
		{Path: "uaf.c", Lang: analysis.C, Src: []byte(useAfterFreeC)},
		{Path: "uaf_fixed.c", Lang: analysis.C, Src: []byte(useAfterFreeFixedC)},
		{Path: "ovf.c", Lang: analysis.C, Src: []byte(overflowC)},
		{Path: "ovf_fixed.c", Lang: analysis.C, Src: []byte(overflowFixedC)},
		{Path: "broken.c", Lang: analysis.C, Src: []byte(brokenC)},
	}
	g := NewGCC(Options{})
	if err := g.Available(context.Background()); err != nil {
		t.Fatal(err)
	}
	fs, err := g.Analyze(context.Background(), files)
	var fe analysis.FileErrors
	if !errors.As(err, &fe) || len(fe) != 1 || fe["broken.c"] == nil {
		t.Fatalf("err = %v, want a per-file error for broken.c only", err)
	}
	if msg := fe["broken.c"].Error(); !strings.Contains(msg, "does not compile") {
		t.Errorf("broken.c: %s", msg)
	}
	if got := lines(fs, "uaf.c"); !has(got, "CWE-416@09") {
		t.Errorf("uaf.c: findings %v, want CWE-416 at line 9", got)
	}
	if got := lines(fs, "ovf.c"); !has(got, "CWE-787@04") {
		t.Errorf("ovf.c: findings %v, want CWE-787 at line 4", got)
	}
	for _, p := range []string{"uaf_fixed.c", "ovf_fixed.c"} {
		if got := lines(fs, p); len(got) != 0 {
			t.Errorf("%s: false alarms %v", p, got)
		}
	}
	for _, f := range fs {
		if f.Analyzer != "gcc" || f.Rule == "" || f.Message == "" || f.Column == 0 {
			t.Errorf("incomplete finding %+v", f)
		}
	}
}

func TestClangArgvTaint(t *testing.T) {
	testenv.Tool(t, ClangNames()...)
	files := []analysis.File{
		{Path: "cmd.c", Lang: analysis.C, Src: []byte(argvSystemC)},
		{Path: "cmd_fixed.c", Lang: analysis.C, Src: []byte(argvSystemFixedC)},
		{Path: "idx.cpp", Lang: analysis.CPP, Src: []byte(argvIndexCPP)},
		{Path: "idx_fixed.cpp", Lang: analysis.CPP, Src: []byte(argvIndexFixedCPP)},
		{Path: "uaf.c", Lang: analysis.C, Src: []byte(useAfterFreeC)},
	}
	c := NewClang(Options{})
	if err := c.Available(context.Background()); err != nil {
		t.Fatal(err)
	}
	fs, err := c.Analyze(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(fs, "cmd.c"); !has(got, "CWE-78@07") {
		t.Errorf("cmd.c: findings %v, want CWE-78 at line 7 (argv into system)", got)
	}
	if got := lines(fs, "idx.cpp"); !has(got, "CWE-129@07") {
		t.Errorf("idx.cpp: findings %v, want CWE-129 at line 7 (argv as an index)", got)
	}
	if got := lines(fs, "uaf.c"); !has(got, "CWE-416@09") {
		t.Errorf("uaf.c: findings %v, want CWE-416 at line 9", got)
	}
	for _, p := range []string{"cmd_fixed.c", "idx_fixed.cpp"} {
		if got := lines(fs, p); len(got) != 0 {
			t.Errorf("%s: false alarms %v", p, got)
		}
	}
	for _, f := range fs {
		if strings.Contains(f.Message, renamedMain) {
			t.Errorf("message leaks the wrapper: %s", f.Message)
		}
	}
}

func TestCppcheck(t *testing.T) {
	testenv.Tool(t, "cppcheck")
	files := []analysis.File{
		{Path: "ovf.c", Lang: analysis.C, Src: []byte(overflowC)},
		{Path: "ovf_fixed.c", Lang: analysis.C, Src: []byte(overflowFixedC)},
		{Path: "ovf.cpp", Lang: analysis.CPP, Src: []byte(overflowC)},
	}
	fs, err := NewCppcheck(Options{}).Analyze(context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	got := lines(fs, "ovf.c")
	if len(got) == 0 || !strings.HasSuffix(got[0], "@04") {
		t.Errorf("ovf.c: findings %v, want one at line 4", got)
	}
	if got := lines(fs, "ovf_fixed.c"); len(got) != 0 {
		t.Errorf("ovf_fixed.c: false alarms %v", got)
	}
	if got := lines(fs, "ovf.cpp"); len(got) == 0 {
		t.Errorf("ovf.cpp: no findings, want one at line 4")
	}
}

func TestUnavailable(t *testing.T) {
	opts := Options{CodeQL: CodeQLOptions{Path: "securecomplete-no-codeql"}}
	for _, a := range []analysis.Analyzer{
		&GCC{CC: "securecomplete-no-gcc", opts: opts.withDefaults()},
		&Clang{Names: []string{"securecomplete-no-clang"}, opts: opts.withDefaults()},
		&Cppcheck{Path: "securecomplete-no-cppcheck", opts: opts.withDefaults()},
		NewCodeQL(opts),
	} {
		err := a.Available(context.Background())
		if err == nil || !strings.Contains(err.Error(), "securecomplete-no-") {
			t.Errorf("%s: Available() = %v, want the missing program named", a.Name(), err)
		}
	}
	if _, err := New("frama-c", Options{}); err == nil {
		t.Error("New accepted an unknown analyzer")
	}
}

// recorder stands in for the codeql CLI: it records each command line and
// answers `database analyze` with the SARIF fixture (written by us to the
// SARIF 2.1.0 specification) at the --output path.
type recorder struct {
	t    *testing.T
	cmds []run.Cmd
}

func (r *recorder) Run(_ context.Context, c run.Cmd) (run.Output, error) {
	r.cmds = append(r.cmds, c)
	if len(c.Args) > 1 && c.Args[1] == "analyze" {
		for _, a := range c.Args {
			if out, ok := strings.CutPrefix(a, "--output="); ok {
				b, err := os.ReadFile(filepath.Join("testdata", "codeql-results.sarif"))
				if err != nil {
					r.t.Fatal(err)
				}
				if err := os.WriteFile(out, b, 0o600); err != nil {
					r.t.Fatal(err)
				}
			}
		}
	}
	return run.Output{}, nil
}

func TestCodeQLCommandsAndSARIF(t *testing.T) {
	rec := &recorder{t: t}
	q := NewCodeQL(Options{Runner: rec, CodeQL: CodeQLOptions{Path: "codeql", Queries: []string{"cpp/ql/src/Security/CWE/CWE-732/DoNotCreateWorldWritable.ql", "codeql/cpp-queries:codeql-suites/cpp-security-extended.qls"}, Threads: 2}})
	work := t.TempDir()
	files := []analysis.File{
		{Path: "samples/a.c", Lang: analysis.C, Src: []byte(overflowC)},
		{Path: "samples/b.cpp", Lang: analysis.CPP, Src: []byte("int main() { return 0; }\n")},
	}
	fs, err := q.analyzeIn(context.Background(), work, files)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"codeql", "database", "create", work + "/db", "--language=cpp", "--source-root=" + work + "/src", "--command=make -B -k", "--overwrite"},
		{"codeql", "database", "analyze", work + "/db", "cpp/ql/src/Security/CWE/CWE-732/DoNotCreateWorldWritable.ql",
			"codeql/cpp-queries:codeql-suites/cpp-security-extended.qls", "--format=sarif-latest", "--output=" + work + "/results.sarif", "--threads=2"},
	}
	if len(rec.cmds) != len(want) {
		t.Fatalf("ran %d commands, want %d: %v", len(rec.cmds), len(want), rec.cmds)
	}
	for i, c := range rec.cmds {
		if got := append([]string{c.Name}, c.Args...); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("command %d:\n got %q\nwant %q", i, got, want[i])
		}
	}
	mk, err := os.ReadFile(filepath.Join(work, "src", "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"OBJS = f00000.o f00001.o", "gcc -g -O -c $< -o $@", "g++ -g -O -c $< -o $@"} {
		if !strings.Contains(string(mk), s) {
			t.Errorf("Makefile lacks %q:\n%s", s, mk)
		}
	}
	if src, _ := os.ReadFile(filepath.Join(work, "src", "f00000.c")); string(src) != overflowC {
		t.Errorf("sample not written as given: %q", src)
	}
	wantF := []analysis.Finding{
		{CWE: "CWE-787", Rule: "cpp/potential-buffer-overflow", File: "samples/a.c", Line: 6, Column: 3, EndColumn: 10,
			Message: "This conversion may yield a string of length 17, which exceeds the allocated buffer size of 4", Analyzer: "codeql"},
		{CWE: "CWE-732", Rule: "cpp/world-writable-file-creation", File: "samples/b.cpp", Line: 4, Column: 12,
			Message: "A file may be created here with mode 0666, which would make it world-writable.", Analyzer: "codeql"},
	}
	if !reflect.DeepEqual(fs, wantF) {
		t.Errorf("findings:\n got %+v\nwant %+v", fs, wantF)
	}
}

func TestCodeQLFailure(t *testing.T) {
	fail := runnerFunc(func(_ context.Context, c run.Cmd) (run.Output, error) {
		return run.Output{ExitCode: 32, Stderr: []byte("A fatal error occurred: no source code seen during build")}, nil
	})
	q := NewCodeQL(Options{Runner: fail})
	_, err := q.analyzeIn(context.Background(), t.TempDir(), []analysis.File{{Path: "a.c", Src: []byte(brokenC)}})
	if err == nil || !strings.Contains(err.Error(), "codeql create exited with status 32: A fatal error occurred") {
		t.Errorf("err = %v", err)
	}
}

type runnerFunc func(context.Context, run.Cmd) (run.Output, error)

func (f runnerFunc) Run(ctx context.Context, c run.Cmd) (run.Output, error) { return f(ctx, c) }

// TestCodeQLCompileDB builds the database of a file the workspace's
// compile_commands.json compiles with the project's own command: the
// generated build.sh is run here with the real gcc (CodeQL itself is not
// installed; the recorder stands in for it as above).
func TestCodeQLCompileDB(t *testing.T) {
	testenv.Tool(t, "gcc")
	ws := t.TempDir()
	for name, text := range map[string]string{
		"include/limits_local.h": "#define NAME_MAX_LOCAL 16\n",
		"src/names.h":            "int copy_name(char *dst, const char *src);\n",
		"src/main.c":             "#include <string.h>\n#include \"limits_local.h\"\n#include \"names.h\"\n#if LEVEL != 2\n#error built without the project's defines\n#endif\nint main(int argc, char **argv) {\n  char name[NAME_MAX_LOCAL];\n  strcpy(name, argv[1]);\n  return name[0];\n}\n",
	} {
		if err := os.MkdirAll(filepath.Join(ws, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ws, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ccPath := filepath.Join(ws, "compile_commands.json")
	entries := `[{"directory": "` + ws + `", "file": "src/main.c", "command": "gcc -Iinclude -DLEVEL=2 -O0 -c src/main.c -o build/main.o"},
 {"directory": "` + ws + `", "file": "src/other.c", "arguments": ["gcc", "-c", "src/other.c"]}]`
	if err := os.WriteFile(ccPath, []byte(entries), 0o644); err != nil {
		t.Fatal(err)
	}
	rec := &recorder{t: t}
	q := NewCodeQL(Options{Runner: rec, CodeQL: CodeQLOptions{CompileDB: ccPath}})
	work := t.TempDir()
	edited, err := os.ReadFile(filepath.Join(ws, "src/main.c")) // the editor's text may differ from the disk's
	if err != nil {
		t.Fatal(err)
	}
	files := []analysis.File{
		{Path: filepath.Join(ws, "src/main.c"), Lang: analysis.C, Src: edited},
		{Path: "scratch/b.cpp", Lang: analysis.CPP, Src: []byte("int main() { return 0; }\n")},
	}
	if _, err := q.analyzeIn(context.Background(), work, files); err != nil {
		t.Fatal(err)
	}
	if got := rec.cmds[0].Args[5]; got != "--command=sh build.sh" {
		t.Errorf("database create builds with %q, want sh build.sh", got)
	}
	script, err := os.ReadFile(filepath.Join(work, "src", "build.sh"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"make -B -k\n", "-DLEVEL=2", "-Iinclude", "-iquote " + filepath.Join(ws, "src"), filepath.Join(work, "src", "f00000.c"), "-o " + filepath.Join(work, "src", "f00000.o")} {
		if !strings.Contains(string(script), s) {
			t.Errorf("build.sh lacks %q:\n%s", s, script)
		}
	}
	if mk, _ := os.ReadFile(filepath.Join(work, "src", "Makefile")); !strings.Contains(string(mk), "OBJS = f00001.o\n") {
		t.Errorf("the file outside the database is not built by make:\n%s", mk)
	}
	// Run what CodeQL would trace: the project's file compiles with its
	// defines and includes, and nothing is written into its build tree.
	cmd := exec.Command("sh", "build.sh")
	cmd.Dir = filepath.Join(work, "src")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build.sh: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(work, "src", "f00000.o")); err != nil {
		t.Errorf("the project's command did not build the sample: %v", err)
	}
	if _, err := os.Stat(filepath.Join(ws, "build")); !os.IsNotExist(err) {
		t.Errorf("the project's build tree was written to (stat: %v)", err)
	}
}

func TestReadCompileDBErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "compile_commands.json")
	if err := os.WriteFile(bad, []byte(`{"directory": "/x"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadCompileDB(bad); err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "JSON array") {
		t.Errorf("err = %v, want the file named and the shape expected", err)
	}
	if _, err := ReadCompileDB(filepath.Join(dir, "none.json")); err == nil {
		t.Error("a missing database was read")
	}
	e := CompileEntry{Directory: dir, File: "a.c", Command: "gcc -c b.c"}
	if _, err := e.Rewrite("/tmp/s.c", "/tmp/s.o"); err == nil || !strings.Contains(err.Error(), "does not name the file") {
		t.Errorf("Rewrite of a command without its file: %v", err)
	}
}
