package compile

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/eval/scenario"
	"securecomplete/internal/testenv"
)

// edgePrograms are programs written for the precompiled-header path:
// invalid ones (missing includes, a header that does not exist, the
// _FORTIFY_SOURCE error) and ones whose validity hangs on what the block
// holds (macros before, between and after the includes) or on line
// numbers. want is the study's rule's verdict.
var edgePrograms = []struct {
	path, src string
	want      bool
}{
	{"edge/open-no-mode.c", "#include <fcntl.h>\n#include <stdio.h>\nint main(void) { return open(\"x\", O_CREAT | O_WRONLY); }\n", false},
	{"edge/open-no-mode.cpp", "#include <cstring>\n#include <fcntl.h>\n#include <fstream>\n#include <iostream>\n#include <string>\n#include <sys/stat.h>\n#include <unistd.h>\nint main() { return open(\"x\", O_CREAT | O_WRONLY); }\n", false},
	{"edge/open-mode.cpp", "#include <cstring>\n#include <fcntl.h>\n#include <fstream>\n#include <iostream>\n#include <string>\n#include <sys/stat.h>\n#include <unistd.h>\nint main() { return open(\"x\", O_CREAT | O_WRONLY, 0600); }\n", true},
	{"edge/missing-stdio.c", "#include <stdlib.h>\nint main(void) { FILE *f = fopen(\"x\", \"r\"); return f == 0; }\n", false},
	{"edge/missing-vector.cpp", "#include <cstdlib>\n#include <iostream>\n#include <string>\nint main() { std::vector<int> v; return v.size(); }\n", false},
	{"edge/no-such-header.c", "#include <stdio.h>\n#include <securecomplete_no_such_header.h>\nint main(void) { return 0; }\n", false},
	{"edge/no-such-header.cpp", "#include <iostream>\n#include <securecomplete_no_such_header>\nint main() { return 0; }\n", false},
	{"edge/no-local-header.c", "#include <stdio.h>\n#include \"helpers.h\"\nint main(void) { return 0; }\n", false},
	{"edge/gnu-source.c", "#define _GNU_SOURCE\n#include <stdio.h>\nint main(void) { cookie_io_functions_t f = {0}; return sizeof f > 0 ? 0 : 1; }\n", true},
	{"edge/no-gnu-source.c", "#include <stdio.h>\nint main(void) { cookie_io_functions_t f = {0}; return sizeof f > 0 ? 0 : 1; }\n", false},
	{"edge/macro-breaks-header.c", "#define size_t double\n#include <stdlib.h>\nint main(void) { return 0; }\n", false},
	{"edge/define-between.c", "#include <stdio.h>\n#define N 4\n#include <string.h>\nint main(void) { char b[N]; memset(b, 0, N); return b[0]; }\n", true},
	{"edge/undef-between.c", "#include <stdio.h>\n#define N 4\n#undef N\n#include <string.h>\nint main(void) { char b[N]; return b[0]; }\n", false},
	{"edge/define-after.cpp", "#include <array>\n#include <iostream>\n#define N 4\nint main() { std::array<int, N> a{}; std::cout << a.size(); return 0; }\n", true},
	{"edge/line.c", "// keep the lines\n#include <stdio.h>\n\n#include <stdlib.h>\n_Static_assert(__LINE__ == 5, \"line\");\nint main(void) { return 0; }\n", true},
	{"edge/wrong-line.c", "#include <stdio.h>\n#include <stdlib.h>\n_Static_assert(__LINE__ == 2, \"line\");\nint main(void) { return 0; }\n", false},
	{"edge/line.cpp", "/* keep\n   the lines */\n#include <iostream>\n#include <string>\nstatic_assert(__LINE__ == 5, \"line\");\nstatic_assert(__INCLUDE_LEVEL__ == 0, \"level\");\nint main() { return 0; }\n", true},
	{"edge/commented-include.cpp", "/*\n#include <cstdio>\n*/\n#include <cstdlib>\nint main() { std::printf(\"x\"); return 0; }\n", false},
	{"edge/crlf.cpp", "#include <iostream>\r\n#include <string>\r\nint main() { std::string s = \"a\"; std::cout << s; return 0; }\r\n", true},
	{"edge/if-in-block.c", "#include <stdio.h>\n#if 1\n#include <stdlib.h>\n#endif\nint main(void) { return EXIT_SUCCESS; }\n", true},
	{"edge/continued-define.c", "#include <stdio.h>\n#define MSG \\\n  \"hi\"\n#include <string.h>\nint main(void) { puts(MSG); return (int)strlen(MSG); }\n", true},
	{"edge/only-includes.cpp", "#include <iostream>\n#include <string>", true},
	{"edge/syntax.cpp", "#include <iostream>\n#include <string>\n\nint main() {\n  std::string s = \"a\"\n  return 0;\n}\n", false},
	{"edge/type.cpp", "#include <iostream>\n#include <string>\nint main() { std::string s; int n = s; return n; }\n", false},
}

// completions reads eval/scenario/testdata/completions/LANG.txt:
// sections "-- ID KIND --" followed by the text a model would write.
func completions(t testing.TB, lang analysis.Lang) map[string]string {
	data, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "eval", "scenario", "testdata", "completions", string(lang)+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if s := strings.TrimSpace(line); strings.HasPrefix(s, "-- ") && strings.HasSuffix(s, " --") {
			name = strings.TrimSuffix(strings.TrimPrefix(s, "-- "), " --")
			continue
		}
		if name != "" {
			out[name] += line
		}
	}
	return out
}

// scenarioPrograms are the built-in scenarios completed with their
// testdata completions (vulnerable and safe), as the benchmark assembles
// them, and with SECURECOMPLETE_PCH_FULL=1 also with nothing (an
// unfinished function: invalid).
func scenarioPrograms(t testing.TB) []analysis.File {
	all, err := scenario.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	comp := map[analysis.Lang]map[string]string{analysis.C: completions(t, analysis.C), analysis.CPP: completions(t, analysis.CPP)}
	kinds := []string{"vulnerable", "safe"}
	if os.Getenv(fullEnv) == "1" {
		kinds = append(kinds, "empty")
	}
	var files []analysis.File
	for _, s := range all {
		for _, kind := range kinds {
			c, ok := comp[s.Lang][s.ID+" "+kind]
			if !ok && kind != "empty" {
				t.Fatalf("no %s completion for %s", kind, s.Key())
			}
			files = append(files, analysis.File{Path: fmt.Sprintf("scenario/%s/%s/%s%s", s.Lang, s.ID, kind, s.Ext()), Lang: s.Lang, Src: []byte(s.Program(c))})
		}
	}
	return files
}

// fullEnv asks for the long equivalence runs: every C++ program of the
// rules' testdata, and the shared data sets.
const fullEnv = "SECURECOMPLETE_PCH_FULL"

// repoPrograms is the repository's C/C++ programs: the testdata of the
// judge and the rules, the scenario programs and the edge programs. The
// C++ programs of the testdata (173, most with a block of their own)
// come only with SECURECOMPLETE_PCH_FULL=1: compiling them plainly and
// building their headers takes a minute or more on 2 cores.
func repoPrograms(t testing.TB) []analysis.File {
	root := testenv.RepoRoot(t)
	full := os.Getenv(fullEnv) == "1"
	var files []analysis.File
	for _, d := range []string{"analysis/judge/testdata", "analysis/rules/testdata"} {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			lang, ok := analysis.LangOf(p)
			if !ok || lang == analysis.CPP && !full {
				return nil
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			files = append(files, analysis.File{Path: rel, Lang: lang, Src: src})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	files = append(files, scenarioPrograms(t)...)
	for _, e := range edgePrograms {
		files = append(files, analysis.File{Path: e.path, Src: []byte(e.src)})
	}
	return files
}

func needCompilers(t testing.TB) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
}

// quiet is a logger for checkers whose warnings the test provokes.
func quiet() *slog.Logger { return slog.New(slog.DiscardHandler) }

// TestPCHEquivalence compiles every program the repository has with and
// without precompiled headers (built for every block, however few files
// share it) and requires the same validity and, for invalid programs,
// the same diagnostics.
func TestPCHEquivalence(t *testing.T) {
	needCompilers(t)
	files := repoPrograms(t)
	ctx := context.Background()
	t0 := time.Now()
	plain := New(Options{NoPCH: true}).Check(ctx, files)
	t1 := time.Now()
	pc := New(Options{PCHMin: 1})
	if on, why := pc.PCH(); !on {
		t.Skipf("precompiled headers off here: %s", why)
	}
	fast := pc.Check(ctx, files)
	t.Logf("plain %v, with precompiled headers %v", t1.Sub(t0), time.Since(t1))
	compareResults(t, files, plain, fast)
	for i, e := range edgePrograms {
		r := fast[len(files)-len(edgePrograms)+i]
		if r.Valid != e.want {
			t.Errorf("%s: valid=%v, want %v\n%s", e.path, r.Valid, e.want, r.Output)
		}
	}
	st := pc.Stats()
	valid := 0
	for _, r := range plain {
		if r.Valid {
			valid++
		}
	}
	t.Logf("%d programs, %d valid; %d found valid through a precompiled header, %d recompiled plainly; %d headers built in %v",
		len(files), valid, st.ViaPCH, st.Recompiled, st.PCHBuilt, st.PCHTime)
	if st.ViaPCH < valid*9/10 {
		t.Errorf("only %d of %d valid programs went through a precompiled header", st.ViaPCH, valid)
	}
	if st.Disagreed != 0 {
		t.Errorf("%d precompiled headers rejected programs the plain compile accepts", st.Disagreed)
	}
}

// compareResults requires two runs over files to agree file by file.
func compareResults(t *testing.T, files []analysis.File, plain, fast []Result) {
	t.Helper()
	for i, f := range files {
		p, q := plain[i], fast[i]
		if p.Err != nil || q.Err != nil {
			t.Errorf("%s: errors %v / %v", f.Path, p.Err, q.Err)
			continue
		}
		if p.Valid != q.Valid {
			t.Errorf("%s: valid=%v plainly, %v with precompiled headers\n%s%s", f.Path, p.Valid, q.Valid, p.Output, q.Output)
		} else if p.Output != q.Output {
			t.Errorf("%s: diagnostics differ:\n%s\n---\n%s", f.Path, p.Output, q.Output)
		}
		if q.Command != p.Command {
			t.Errorf("%s: command %q, want the rule %q", f.Path, q.Command, p.Command)
		}
	}
}

// copies are n copies of a program (a scenario of the benchmark, several
// samples) with a distinct body each; the last one is invalid, at line 8.
func copies(lang analysis.Lang, n int) []analysis.File {
	var files []analysis.File
	for i := range n {
		var src string
		if lang == analysis.CPP {
			body := fmt.Sprintf("  std::cout << s.size() + %d << std::endl;\n", i)
			if i == n-1 {
				body = "  std::cout << s.size() + undeclared << std::endl;\n"
			}
			src = "// sample\n#include <iostream>\n#include <string>\n\nint main(int argc, char **argv) {\n  std::string s = argv[0];\n  (void)argc;\n" + body + "  return 0;\n}\n"
		} else {
			body := fmt.Sprintf("  printf(\"%%zu\\n\", strlen(s) + %d);\n", i)
			if i == n-1 {
				body = "  printf(\"%zu\\n\", strlen(s) + undeclared);\n"
			}
			src = "// sample\n#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char **argv) {\n  const char *s = argv[0];\n  (void)argc;\n" + body + "  return 0;\n}\n"
		}
		files = append(files, analysis.File{Path: fmt.Sprintf("samples/%d.%s", i, lang), Lang: lang, Src: []byte(src)})
	}
	return files
}

func TestPCH(t *testing.T) {
	needCompilers(t)
	dir := t.TempDir()
	ctx := context.Background()
	files := copies(analysis.CPP, 5)
	for _, perFile := range []bool{false, true} {
		t.Run(fmt.Sprintf("perFile=%v", perFile), func(t *testing.T) {
			c := New(Options{PCHDir: dir, PerFile: perFile, PCHMin: 5})
			res := c.Check(ctx, files)
			for i, r := range res[:len(res)-1] {
				if r.Err != nil || !r.Valid || !r.PCH {
					t.Errorf("%s: valid=%v pch=%v err=%v\n%s", files[i].Path, r.Valid, r.PCH, r.Err, r.Output)
				}
				if r.Described() != "g++ -g -O -D_FORTIFY_SOURCE=2 -c (precompiled headers)" || r.Command != "g++ -g -O -D_FORTIFY_SOURCE=2 -c" {
					t.Errorf("command %q, described %q", r.Command, r.Described())
				}
			}
			bad := res[len(res)-1]
			if bad.Valid || bad.PCH || !strings.Contains(bad.Output, "samples/4.cpp:8:") || strings.Contains(bad.Output, dir) {
				t.Errorf("invalid sample: valid=%v pch=%v; want its own path and line 8, no cache path:\n%s", bad.Valid, bad.PCH, bad.Output)
			}
			if bad.Described() != bad.Command {
				t.Errorf("invalid sample described as %q", bad.Described())
			}
			st := c.Stats()
			if st.Files != 5 || st.ViaPCH != 4 || st.Recompiled != 1 || st.Disagreed != 0 {
				t.Errorf("stats %+v", st)
			}
		})
	}
	// One file, a new checker: the header built above is used.
	c := New(Options{PCHDir: dir})
	r := c.Check(ctx, files[:1])[0]
	if !r.Valid || !r.PCH || c.Stats().PCHBuilt != 0 {
		t.Errorf("one file, header in the folder: valid=%v pch=%v built=%d", r.Valid, r.PCH, c.Stats().PCHBuilt)
	}
	// One file of a new block: not worth a header.
	other := []analysis.File{{Path: "x.cpp", Src: []byte("#include <vector>\nint main() { std::vector<int> v; return v.size(); }\n")}}
	r = c.Check(ctx, other)[0]
	if !r.Valid || r.PCH || c.Stats().PCHBuilt != 0 {
		t.Errorf("one file of a new block: valid=%v pch=%v built=%d", r.Valid, r.PCH, c.Stats().PCHBuilt)
	}
	entries := pchEntries(t, dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %v, want one entry", entries)
	}
}

// pchEntries lists the folder's entries (keys with a .gch) and fails on
// debris: temporary folders, entries without all three files.
func pchEntries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]string{}
	for _, e := range ents {
		if e.IsDir() {
			t.Errorf("left in the folder: %s/", e.Name())
			continue
		}
		key, ext, _ := strings.Cut(e.Name(), ".")
		files[key] = append(files[key], ext)
	}
	var keys []string
	for k, exts := range files {
		slices.Sort(exts)
		if strings.Join(exts, ",") != "deps,h,h.gch" {
			t.Errorf("entry %s has %v", k, exts)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestPCHRepairs damages the folder the ways a crash, a system upgrade
// or another program could, and checks that results stay right and the
// entry is rebuilt.
func TestPCHRepairs(t *testing.T) {
	needCompilers(t)
	ctx := context.Background()
	files := copies(analysis.C, 8)
	for _, tc := range []struct {
		name   string
		damage func(entry string)
	}{
		{"truncated gch", func(e string) {
			data, _ := os.ReadFile(e + ".h.gch")
			os.WriteFile(e+".h.gch", data[:len(data)/2], 0o600)
		}},
		{"garbage gch", func(e string) { os.WriteFile(e+".h.gch", []byte("not a header"), 0o600) }},
		{"a header changed since", func(e string) {
			deps, _ := os.ReadFile(e + ".deps")
			f := strings.SplitN(string(deps), " ", 3)
			n, _ := strconv.Atoi(f[0])
			os.WriteFile(e+".deps", []byte(strconv.Itoa(n+1)+" "+f[1]+" "+f[2]), 0o600)
		}},
		{"other text", func(e string) { os.WriteFile(e+".h", []byte("#include <vector>\n"), 0o600) }},
		{"no deps", func(e string) { os.Remove(e + ".deps") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			New(Options{PCHDir: dir, PCHMin: 8}).Check(ctx, files)
			keys := pchEntries(t, dir)
			if len(keys) != 1 {
				t.Fatalf("entries %v", keys)
			}
			tc.damage(filepath.Join(dir, keys[0]))
			c := New(Options{PCHDir: dir, Logger: quiet(), PCHMin: 8})
			res := c.Check(ctx, files)
			for i, r := range res {
				if r.Err != nil || r.Valid != (i < len(files)-1) {
					t.Errorf("%s: valid=%v err=%v\n%s", r.Path, r.Valid, r.Err, r.Output)
				}
			}
			// Whether the damage was seen before the compile (rebuilt) or
			// by it (dropped, rebuilt on the next call), the next call
			// has a working header again.
			c = New(Options{PCHDir: dir, PCHMin: 8})
			res = c.Check(ctx, files)
			for i, r := range res[:len(res)-1] {
				if !r.Valid || !r.PCH {
					t.Errorf("%s after repair: valid=%v pch=%v", files[i].Path, r.Valid, r.PCH)
				}
			}
			pchEntries(t, dir)
		})
	}
}

// TestPCHConcurrent runs checkers on one folder at once, from goroutines
// and from other processes (this test binary run again), as concurrent
// test binaries and benchmark shards do.
func TestPCHConcurrent(t *testing.T) {
	needCompilers(t)
	if dir := os.Getenv("SECURECOMPLETE_PCH_CHILD"); dir != "" {
		concurrentCheck(t, dir)
		return
	}
	dir := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	outs := make([][]byte, 2)
	errs := make([]error, 2)
	for i := range outs {
		wg.Go(func() {
			cmd := exec.Command(exe, "-test.run", "^TestPCHConcurrent$", "-test.count", "1")
			cmd.Env = append(os.Environ(), "SECURECOMPLETE_PCH_CHILD="+dir)
			outs[i], errs[i] = cmd.CombinedOutput()
		})
	}
	for range 2 {
		wg.Go(func() { concurrentCheck(t, dir) })
	}
	wg.Wait()
	for i := range outs {
		if errs[i] != nil {
			t.Errorf("process %d: %v\n%s", i, errs[i], outs[i])
		}
	}
	if keys := pchEntries(t, dir); len(keys) != 1 {
		t.Errorf("entries %v, want one", keys)
	}
}

func concurrentCheck(t *testing.T, dir string) {
	files := copies(analysis.C, 8)
	res := New(Options{PCHDir: dir, Jobs: 1, PCHMin: 4}).Check(context.Background(), files)
	for i, r := range res {
		if want := i != len(files)-1; r.Err != nil || r.Valid != want {
			t.Errorf("%s: valid=%v err=%v, want %v\n%s", r.Path, r.Valid, r.Err, want, r.Output)
		}
	}
}

func TestPCHOff(t *testing.T) {
	needCompilers(t)
	ctx := context.Background()
	files := copies(analysis.C, 8)
	file := filepath.Join(t.TempDir(), "not-a-folder")
	os.WriteFile(file, nil, 0o600)
	var log bytes.Buffer
	for _, tc := range []struct {
		name string
		opts Options
		why  string
	}{
		{"NoPCH", Options{NoPCH: true}, "turned off"},
		{"include path", Options{Flags: []string{"-g", "-O", "-I", "."}}, `flag "-I" is not one precompiled headers are known to be safe with`},
		{"folder is a file", Options{PCHDir: file, PCHMin: 8, Logger: slog.New(slog.NewTextHandler(&log, nil))}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(tc.opts)
			if on, why := c.PCH(); tc.why != "" && (on || why != tc.why) {
				t.Errorf("PCH() = %v, %q; want off: %q", on, why, tc.why)
			}
			for i, r := range c.Check(ctx, files) {
				if r.PCH || r.Err != nil || r.Valid != (i < len(files)-1) {
					t.Errorf("%s: valid=%v pch=%v err=%v", r.Path, r.Valid, r.PCH, r.Err)
				}
			}
		})
	}
	if !strings.Contains(log.String(), "precompiled headers off") || !strings.Contains(log.String(), "not-a-folder") {
		t.Errorf("no clear warning for an unusable folder:\n%s", log.String())
	}
	c := New(Options{PCHDir: file, Logger: quiet(), PCHMin: 8})
	c.Check(ctx, files)
	if on, why := c.PCH(); on || !strings.Contains(why, "not-a-folder") {
		t.Errorf("after a failed build PCH() = %v, %q", on, why)
	}
}

// TestPCHRefused gives the check clang, which makes precompiled headers
// but does not take GCC's for an #include: the check must notice (-H)
// and compile plainly.
func TestPCHRefused(t *testing.T) {
	clang := testenv.Tool(t, "clang-19", "clang")
	dir := t.TempDir()
	var files []analysis.File
	for i := range 8 {
		files = append(files, analysis.File{Path: fmt.Sprintf("c%d.c", i), Src: []byte(fmt.Sprintf("#include <stdio.h>\nint main(void) { return %d; }\n", i))})
	}
	c := New(Options{CC: clang, PCHDir: dir, Logger: quiet(), PCHMin: 8})
	for range 2 {
		for _, r := range c.Check(context.Background(), files) {
			if !r.Valid || r.PCH || r.Err != nil {
				t.Errorf("%s: valid=%v pch=%v err=%v", r.Path, r.Valid, r.PCH, r.Err)
			}
		}
	}
	if st := c.Stats(); st.PCHBuilt != 0 {
		t.Errorf("stats %+v", st)
	}
	if keys := pchEntries(t, dir); len(keys) != 0 {
		t.Errorf("entries %v", keys)
	}
}

// TestPCHEviction bounds the folder below two headers: building the
// second removes the first, never the one in use.
func TestPCHEviction(t *testing.T) {
	needCompilers(t)
	dir := t.TempDir()
	ctx := context.Background()
	c := New(Options{PCHDir: dir, PCHCacheSize: 1, PCHMin: 1})
	a := []analysis.File{{Path: "a.c", Src: []byte("#include <stdio.h>\nint main(void) { return 0; }\n")}}
	b := []analysis.File{{Path: "b.c", Src: []byte("#include <string.h>\nint main(void) { return 0; }\n")}}
	c.Check(ctx, a)
	first := pchEntries(t, dir)
	if r := c.Check(ctx, b)[0]; !r.PCH {
		t.Errorf("b.c did not use its header")
	}
	second := pchEntries(t, dir)
	if len(first) != 1 || len(second) != 1 || first[0] == second[0] {
		t.Errorf("entries %v then %v: want the first replaced", first, second)
	}
}

// TestPCHEquivalenceDatasets compares the two ways on the shared data
// sets: the Pearce dev set (which must also keep the study's labels) and
// the 3,750 programs of asleep-completions-dev. It takes minutes: run it
// with SECURECOMPLETE_PCH_FULL=1.
func TestPCHEquivalenceDatasets(t *testing.T) {
	if os.Getenv(fullEnv) != "1" {
		t.Skipf("set %s=1 to compare on the shared data sets (minutes)", fullEnv)
	}
	needCompilers(t)
	t.Run("pearce", func(t *testing.T) {
		files, invalid := pearce(t)
		plain, fast, pc := bothWays(t, files)
		compareResults(t, files, plain, fast)
		for i, r := range fast {
			if r.Valid == invalid[files[i].Path] {
				t.Errorf("%s: valid=%v, the study says invalid=%v", r.Path, r.Valid, invalid[files[i].Path])
			}
		}
		t.Logf("%d programs, %d invalid; stats %+v", len(files), len(invalid), pc.Stats())
	})
	t.Run("asleep", func(t *testing.T) {
		dir := testenv.Dataset(t, "asleep-completions-dev")
		data, err := os.ReadFile(filepath.Join(dir, "programs.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var files []analysis.File
		for i, line := range bytes.Split(bytes.TrimSpace(data), []byte("\n")) {
			var p struct {
				Model    string `json:"model"`
				Scenario string `json:"scenario_id"`
				Index    int    `json:"index"`
				Source   string `json:"source"`
			}
			if err := json.Unmarshal(line, &p); err != nil {
				t.Fatalf("programs.jsonl:%d: %v", i+1, err)
			}
			files = append(files, analysis.File{Path: fmt.Sprintf("%s/%s/%d.c", p.Model, p.Scenario, p.Index), Lang: analysis.C, Src: []byte(p.Source)})
		}
		plain, fast, pc := bothWays(t, files)
		compareResults(t, files, plain, fast)
		n := 0
		for _, r := range plain {
			if !r.Valid {
				n++
			}
		}
		t.Logf("%d programs, %d invalid; stats %+v", len(files), n, pc.Stats())
	})
}

// bothWays checks files plainly and with precompiled headers (in the
// user's folder, the default), timing both.
func bothWays(t *testing.T, files []analysis.File) (plain, fast []Result, pc *Checker) {
	ctx := context.Background()
	t0 := time.Now()
	plain = New(Options{NoPCH: true}).Check(ctx, files)
	t1 := time.Now()
	pc = New(Options{})
	fast = pc.Check(ctx, files)
	t.Logf("plain %v (%.1f ms a file), with precompiled headers %v (%.1f ms a file)",
		t1.Sub(t0), float64(t1.Sub(t0).Microseconds())/1000/float64(len(files)),
		time.Since(t1), float64(time.Since(t1).Microseconds())/1000/float64(len(files)))
	return plain, fast, pc
}
