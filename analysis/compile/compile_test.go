package compile

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/eval/scenario"
	"securecomplete/internal/testenv"
)

const (
	validC = `#include <stdio.h>
int main(void) { printf("hi\n"); return 0; }
`
	syntaxErrorC = `#include <stdio.h>
int main(void) { printf("hi\n") return 0; }
`
	// open with O_CREAT and no mode: gcc accepts it, but _FORTIFY_SOURCE
	// turns it into a compile error. The study's rule counts it invalid.
	openNoModeC = `#include <fcntl.h>
int main(void) { return open("x", O_CREAT | O_WRONLY); }
`
	validCPP = `#include <iostream>
#include <string>
int main() { std::string s = "hi"; std::cout << s << std::endl; return 0; }
`
	invalidCPP = `#include <string>
int main() { std::string s = 3.5; return s.size(); }
`
)

func TestCheck(t *testing.T) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	files := []analysis.File{
		{Path: "ok.c", Lang: analysis.C, Src: []byte(validC)},
		{Path: "dir/broken.c", Lang: analysis.C, Src: []byte(syntaxErrorC)},
		{Path: "open.c", Lang: analysis.C, Src: []byte(openNoModeC)},
		{Path: "ok.cpp", Lang: analysis.CPP, Src: []byte(validCPP)},
		{Path: "bad.cpp", Src: []byte(invalidCPP)}, // language from the extension
	}
	wantValid := []bool{true, false, false, true, false}
	for _, perFile := range []bool{false, true} {
		t.Run(fmt.Sprintf("perFile=%v", perFile), func(t *testing.T) {
			res := New(Options{PerFile: perFile, BatchSize: 8, Jobs: 1}).Check(context.Background(), files)
			for i, r := range res {
				if r.Err != nil {
					t.Fatalf("%s: %v", r.Path, r.Err)
				}
				if r.Path != files[i].Path || r.Valid != wantValid[i] {
					t.Errorf("%s: valid=%v, want %v\n%s", r.Path, r.Valid, wantValid[i], r.Output)
				}
				if !r.Valid && !strings.Contains(r.Output, files[i].Path+":") {
					t.Errorf("%s: diagnostics do not name the file:\n%s", r.Path, r.Output)
				}
			}
			if got := res[0].Command; got != "gcc -g -O -D_FORTIFY_SOURCE=2 -c" {
				t.Errorf("C command = %q", got)
			}
			if got := res[3].Command; got != "g++ -g -O -D_FORTIFY_SOURCE=2 -c" {
				t.Errorf("C++ command = %q", got)
			}
			if !strings.Contains(res[2].Output, "__open_missing_mode") {
				t.Errorf("open without mode: want the fortify error, got:\n%s", res[2].Output)
			}
		})
	}
}

func TestFlagsDecide(t *testing.T) {
	testenv.Tool(t, "gcc")
	f := []analysis.File{{Path: "open.c", Lang: analysis.C, Src: []byte(openNoModeC)}}
	r := New(Options{Flags: []string{"-g", "-O"}}).Check(context.Background(), f)[0]
	if r.Err != nil || !r.Valid {
		t.Errorf("without _FORTIFY_SOURCE an open without mode compiles; got valid=%v err=%v\n%s", r.Valid, r.Err, r.Output)
	}
	if r.Command != "gcc -g -O -c" {
		t.Errorf("Command = %q", r.Command)
	}
}

func TestMissingCompiler(t *testing.T) {
	c := New(Options{CC: "securecomplete-no-such-cc"})
	r := c.Check(context.Background(), []analysis.File{{Path: "a.c", Src: []byte(validC)}})[0]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "securecomplete-no-such-cc not found") {
		t.Errorf("err = %v, want the missing compiler named", r.Err)
	}
	if r.Valid {
		t.Error("a file that could not be checked must not be valid")
	}
}

func TestTimeout(t *testing.T) {
	testenv.Tool(t, "g++")
	files := []analysis.File{{Path: "a.cpp", Src: []byte(validCPP)}, {Path: "b.cpp", Src: []byte(validCPP)}}
	res := New(Options{Timeout: time.Millisecond, Jobs: 1}).Check(context.Background(), files)
	for _, r := range res {
		if r.Err == nil || !strings.Contains(r.Err.Error(), "did not finish within 1ms") {
			t.Errorf("%s: err = %v, want a timeout", r.Path, r.Err)
		}
	}
}

func TestCancelled(t *testing.T) {
	testenv.Tool(t, "gcc")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := New(Options{}).Check(ctx, []analysis.File{{Path: "a.c", Src: []byte(validC)}})[0]
	if r.Err == nil || r.Valid {
		t.Errorf("cancelled check: valid=%v err=%v", r.Valid, r.Err)
	}
}

// pearce reads the dev set: every sample, and the set the study found
// invalid.
func pearce(t testing.TB) ([]analysis.File, map[string]bool) {
	dir := testenv.Dataset(t, "pearce-copilot-dev")
	f, err := os.Open(filepath.Join(dir, "labels.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var files []analysis.File
	invalid := map[string]bool{}
	for _, row := range rows[1:] {
		src, err := os.ReadFile(filepath.Join(dir, row[1]))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, analysis.File{Path: row[1], Lang: analysis.C, Src: src})
		if row[2] == "invalid" {
			invalid[row[1]] = true
		}
	}
	return files, invalid
}

// TestStudyValidity checks that the rule reproduces the study's
// "invalid" labels exactly on the Pearce dev set.
func TestStudyValidity(t *testing.T) {
	testenv.Tool(t, "gcc")
	files, invalid := pearce(t)
	res := New(Options{}).Check(context.Background(), files)
	var missed, extra []string
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Path, r.Err)
		}
		switch {
		case invalid[r.Path] && r.Valid:
			missed = append(missed, r.Path)
		case !invalid[r.Path] && !r.Valid:
			extra = append(extra, r.Path+"\n"+r.Output)
		}
	}
	sort.Strings(missed)
	if len(missed)+len(extra) > 0 {
		t.Errorf("%d of %d invalid programs compiled: %v\n%d valid programs failed:\n%s",
			len(missed), len(invalid), missed, len(extra), strings.Join(extra, "\n"))
	}
}

// cppPrograms are small C++ programs with the standard headers model
// output usually pulls in.
func cppPrograms(n int) []analysis.File {
	var files []analysis.File
	for i := range n {
		src := fmt.Sprintf(`#include <iostream>
#include <string>
#include <vector>
int main(int argc, char **argv) {
  std::vector<std::string> v(argv, argv + argc);
  std::cout << v.size() + %d << std::endl;
  return 0;
}
`, i)
		files = append(files, analysis.File{Path: fmt.Sprintf("p%d.cpp", i), Lang: analysis.CPP, Src: []byte(src)})
	}
	return files
}

// BenchmarkCheck compares one process per file with batches, for C (the
// Pearce dev set when present, else copies of a small program) and C++,
// plainly and through precompiled headers (built before the timing).
// It reports ms/file.
func BenchmarkCheck(b *testing.B) {
	testenv.Tool(b, "gcc")
	var cFiles []analysis.File
	if _, err := os.Stat(filepath.Join(testenv.RepoRoot(b), "..", "shared", "datasets", "pearce-copilot-dev")); err == nil {
		cFiles, _ = pearce(b)
	} else {
		for i := range 100 {
			cFiles = append(cFiles, analysis.File{Path: fmt.Sprintf("p%d.c", i), Lang: analysis.C, Src: []byte(validC)})
		}
	}
	sets := map[string][]analysis.File{"c": cFiles, "cpp": cppPrograms(32)}
	dir := b.TempDir()
	for _, lang := range []string{"c", "cpp"} {
		for _, mode := range []struct {
			name string
			opts Options
		}{
			{"perfile-1job", Options{PerFile: true, Jobs: 1}},
			{"perfile-pool", Options{PerFile: true}},
			{"batched-1job", Options{Jobs: 1}},
			{"batched-pool", Options{}},
		} {
			for _, pch := range []bool{false, true} {
				opts := mode.opts
				opts.NoPCH, opts.PCHDir = !pch, dir
				name := lang + "/" + mode.name + "/plain"
				if pch {
					name = lang + "/" + mode.name + "/pch"
				}
				b.Run(name, func(b *testing.B) {
					c := New(opts)
					files := sets[lang]
					c.Check(context.Background(), files) // build the headers
					b.ResetTimer()
					cpu := childCPU()
					for b.Loop() {
						c.Check(context.Background(), files)
					}
					reportPerFile(b, len(files), childCPU()-cpu)
				})
			}
		}
	}
}

var copiesFlag = flag.Int("copies", 4, "BenchmarkScenarios: copies of each scenario program (30 makes the benchmark's 3,360 programs)")

// BenchmarkScenarios checks what the benchmark checks: the 56 scenario
// prompts completed with their testdata completions (vulnerable and
// safe), each in -copies copies that differ by a comment (samples of a
// model), per language: plainly, through headers already built ("pch"),
// and building them first in an empty folder ("pch-cold", a first run).
// It reports ms/file (wall and the compilers' CPU), and for pch-cold the
// headers built.
func BenchmarkScenarios(b *testing.B) {
	needCompilers(b)
	copiesPerProgram := *copiesFlag
	byLang := map[analysis.Lang][]analysis.File{}
	for _, f := range scenarioPrograms(b) {
		for i := range copiesPerProgram {
			g := f
			g.Path = fmt.Sprintf("%s.%d", f.Path, i)
			g.Src = append(append([]byte{}, f.Src...), fmt.Sprintf("// sample %d\n", i)...)
			byLang[f.Lang] = append(byLang[f.Lang], g)
		}
	}
	warm := b.TempDir()
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		files := byLang[lang]
		for _, mode := range []string{"plain", "pch", "pch-cold"} {
			b.Run(string(lang)+"/"+mode, func(b *testing.B) {
				var built int
				if mode == "pch" {
					New(Options{PCHDir: warm}).Check(context.Background(), files)
				}
				cpu := childCPU()
				for b.Loop() {
					opts := Options{NoPCH: mode == "plain", PCHDir: warm}
					if mode == "pch-cold" {
						opts.PCHDir = b.TempDir()
					}
					c := New(opts)
					res := c.Check(context.Background(), files)
					for _, r := range res {
						if r.Err != nil {
							b.Fatalf("%s: %v", r.Path, r.Err)
						}
					}
					built += c.Stats().PCHBuilt
				}
				reportPerFile(b, len(files), childCPU()-cpu)
				if mode == "pch-cold" {
					b.ReportMetric(float64(built)/float64(b.N), "headers")
				}
			})
		}
	}
}

// BenchmarkInvalid measures what precompiled headers cost on invalid
// programs, which are always decided by a plain compile: the C++
// scenarios completed with nothing (the function never closes), 4
// copies each, plainly and through headers already built.
func BenchmarkInvalid(b *testing.B) {
	needCompilers(b)
	all, err := scenario.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	var files []analysis.File
	for _, s := range all {
		if s.Lang != analysis.CPP {
			continue
		}
		for i := range 4 {
			files = append(files, analysis.File{Path: fmt.Sprintf("%s.%d.cpp", s.ID, i), Lang: s.Lang, Src: []byte(s.Program(fmt.Sprintf("// sample %d\n", i)))})
		}
	}
	dir := b.TempDir()
	New(Options{PCHDir: dir, PCHMin: 1}).Check(context.Background(), files)
	for _, mode := range []string{"plain", "pch"} {
		b.Run(mode, func(b *testing.B) {
			c := New(Options{NoPCH: mode == "plain", PCHDir: dir})
			cpu := childCPU()
			for b.Loop() {
				for _, r := range c.Check(context.Background(), files) {
					if r.Valid || r.Err != nil {
						b.Fatalf("%s: valid=%v err=%v", r.Path, r.Valid, r.Err)
					}
				}
			}
			reportPerFile(b, len(files), childCPU()-cpu)
		})
	}
}

// BenchmarkPCHBuild builds the header of every scenario's block, one at a
// time in an empty folder, and reports the time and size of one.
func BenchmarkPCHBuild(b *testing.B) {
	needCompilers(b)
	byLang := map[analysis.Lang][]analysis.File{}
	for _, f := range scenarioPrograms(b) {
		byLang[f.Lang] = append(byLang[f.Lang], f)
	}
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		b.Run(string(lang), func(b *testing.B) {
			var built int
			var took time.Duration
			var size int64
			cpu := childCPU()
			for b.Loop() {
				dir := b.TempDir()
				c := New(Options{PCHDir: dir, PCHMin: 1, Jobs: 1})
				_, _, st := c.precompile(context.Background(), byLang[lang], langsOf(byLang[lang]), make([]Result, len(byLang[lang])))
				built += st.PCHBuilt
				took += st.PCHTime
				ents, _ := os.ReadDir(dir)
				for _, e := range ents {
					if info, err := e.Info(); err == nil && strings.HasSuffix(e.Name(), ".gch") {
						size += info.Size()
					}
				}
			}
			b.ReportMetric(float64(built)/float64(b.N), "headers")
			b.ReportMetric(float64(took.Milliseconds())/float64(built), "ms/header")
			b.ReportMetric(float64((childCPU()-cpu).Milliseconds())/float64(built), "cpu-ms/header")
			b.ReportMetric(float64(size)/float64(built)/1e6, "MB/header")
		})
	}
}

// reportPerFile reports the wall time and the compilers' CPU time per
// file of b's loop.
func reportPerFile(b *testing.B, files int, cpu time.Duration) {
	n := float64(b.N * files)
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/n, "ms/file")
	b.ReportMetric(float64(cpu.Microseconds())/1000/n, "cpu-ms/file")
}

func langsOf(files []analysis.File) []analysis.Lang {
	var l []analysis.Lang
	for _, f := range files {
		l = append(l, f.Lang)
	}
	return l
}
