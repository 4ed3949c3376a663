package judge

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/analysis/compile"
	"securecomplete/analysis/external"
	"securecomplete/internal/testenv"
)

const (
	uafC = `#include <stdio.h>
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
	cleanC  = "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n"
	brokenC = "int main(void) { return }\n"
)

func TestJudgeVerdictsAndCWE(t *testing.T) {
	testenv.Tool(t, "gcc")
	j, err := New(Options{Analyzers: []string{"compile", "gcc", "codeql"}, External: external.Options{CodeQL: external.CodeQLOptions{Path: "securecomplete-no-codeql"}}})
	if err != nil {
		t.Fatal(err)
	}
	files := []analysis.File{
		{Path: "uaf.c", Src: []byte(uafC)},
		{Path: "clean.c", Src: []byte(cleanC)},
		{Path: "broken.c", Src: []byte(brokenC)},
	}
	for _, tc := range []struct {
		cwe  string
		want []analysis.Verdict
	}{
		{"", []analysis.Verdict{analysis.Vulnerable, analysis.NonVulnerable, analysis.Invalid}},
		{"CWE-416", []analysis.Verdict{analysis.Vulnerable, analysis.NonVulnerable, analysis.Invalid}},
		{"787", []analysis.Verdict{analysis.NonVulnerable, analysis.NonVulnerable, analysis.Invalid}},
	} {
		res := j.Judge(context.Background(), files, tc.cwe)
		for i, r := range res {
			if r.Err != nil {
				t.Fatalf("cwe %q %s: %v", tc.cwe, r.File, r.Err)
			}
			if r.Verdict != tc.want[i] {
				t.Errorf("cwe %q %s: verdict %s, want %s (findings %+v)", tc.cwe, r.File, r.Verdict, tc.want[i], r.Findings)
			}
			if r.Lang != analysis.C || r.Compiler != "gcc -g -O -D_FORTIFY_SOURCE=2 -c" {
				t.Errorf("%s: lang %q compiler %q", r.File, r.Lang, r.Compiler)
			}
			if tc.cwe != "" {
				for _, f := range r.Findings {
					if !Accepts(analysis.CWE(tc.cwe), f.CWE) {
						t.Errorf("cwe %q: finding of %s counted", tc.cwe, f.CWE)
					}
				}
			}
		}
		if res[2].Findings != nil || !strings.Contains(res[2].CompileOutput, "broken.c:1:") {
			t.Errorf("invalid file: findings %v, compile output %q", res[2].Findings, res[2].CompileOutput)
		}
		st := res[0].Analyzers
		if len(st) != 3 || st[0].Name != "compile" || !st[1].Available || st[2].Name != "codeql" || st[2].Available ||
			!strings.Contains(st[2].Reason, "securecomplete-no-codeql not found") {
			t.Errorf("statuses %+v", st)
		}
		if len(res[2].Analyzers) != 1 {
			t.Errorf("invalid file was analyzed: %+v", res[2].Analyzers)
		}
	}
}

func TestJudgeBadInput(t *testing.T) {
	j, err := New(Options{Analyzers: []string{"builtin"}, MaxFileSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat([]byte("int x;\n"), 10<<20/7+1)[:10<<20]
	files := []analysis.File{
		{Path: "empty.c", Src: nil},
		{Path: "blank.c", Src: []byte(" \n\t\n")},
		{Path: "bin.c", Src: []byte("int main(){}\x00\x01\x02")},
		{Path: "latin1.c", Src: []byte("/* caf\xe9 */ int main(void){return 0;}\n")},
		{Path: "big.c", Src: big},
		{Path: "notes.txt", Src: []byte(cleanC)},
		{Path: "ok.c", Src: []byte(cleanC)},
		{Path: "ok.c", Src: []byte(cleanC)},
		{Path: "half.cpp", Src: []byte("int main() { if (x) { for (;;")},
	}
	want := []string{
		"empty file", "empty file", "binary file: NUL byte at offset 12",
		"not UTF-8 text: invalid byte 0xe9 at offset 6", "file too large: 10485760 bytes (the judge takes at most 1048576)",
		"cannot tell the language of notes.txt", "", "ok.c given twice", "",
	}
	res := j.Judge(context.Background(), files, "")
	for i, r := range res {
		switch {
		case want[i] == "" && r.Err != nil:
			t.Errorf("%s: unexpected error %v", r.File, r.Err)
		case want[i] == "" && r.Verdict == "":
			t.Errorf("%s: no verdict", r.File)
		case want[i] != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), want[i])):
			t.Errorf("%s: err = %v, want %q", r.File, r.Err, want[i])
		}
	}
}

func TestJudgeNothingAvailable(t *testing.T) {
	j, err := New(Options{Analyzers: []string{"codeql"}, External: external.Options{CodeQL: external.CodeQLOptions{Path: "securecomplete-no-codeql"}}})
	if err != nil {
		t.Fatal(err)
	}
	r := j.Judge(context.Background(), []analysis.File{{Path: "a.c", Src: []byte(cleanC)}}, "")[0]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "no analyzer could judge it (codeql: securecomplete-no-codeql not found") || r.Verdict != "" {
		t.Errorf("verdict %q err %v", r.Verdict, r.Err)
	}
}

func TestJudgeMissingCompiler(t *testing.T) {
	j, err := New(Options{Compile: compile.Options{CC: "securecomplete-no-cc"}})
	if err != nil {
		t.Fatal(err)
	}
	r := j.Judge(context.Background(), []analysis.File{{Path: "a.c", Src: []byte(cleanC)}}, "")[0]
	if r.Err == nil || !strings.Contains(r.Err.Error(), "securecomplete-no-cc not found in PATH") {
		t.Errorf("err = %v", r.Err)
	}
}

func TestNewRejectsUnknown(t *testing.T) {
	_, err := New(Options{Analyzers: []string{"builtin", "frama-c"}})
	if err == nil || !strings.Contains(err.Error(), `unknown analyzer "frama-c" (known: compile, builtin, gcc, clang, cppcheck, codeql)`) {
		t.Errorf("err = %v", err)
	}
}

func TestAccepts(t *testing.T) {
	for _, tc := range []struct {
		want, found string
		ok          bool
	}{
		{"CWE-787", "CWE-787", true},
		{"787", "cwe-787", true},
		{"CWE-787", "CWE-121", true},
		{"CWE-787", "CWE-416", false},
		{"CWE-476", "CWE-690", true},
		{"CWE-690", "CWE-476", false},
		{"CWE-119", "CWE-125", true},
		{"CWE-125", "CWE-787", false},
		{"", "CWE-401", true},
	} {
		if got := Accepts(analysis.CWE(tc.want), analysis.CWE(tc.found)); got != tc.ok {
			t.Errorf("Accepts(%q, %q) = %v", tc.want, tc.found, got)
		}
	}
}

func TestConfusion(t *testing.T) {
	c := Confusion{TP: 20, FP: 5, FN: 10, TN: 15}
	for name, got := range map[string][2]float64{
		"accuracy":  {c.Accuracy(), 0.7},
		"precision": {c.Precision(), 0.8},
		"recall":    {c.Recall(), 20.0 / 30},
		"kappa":     {c.Kappa(), 0.4}, // po 0.7, pe (25*30+25*20)/2500 = 0.5
	} {
		if math.Abs(got[0]-got[1]) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, got[0], got[1])
		}
	}
	if k := (Confusion{TP: 5, TN: 5}).Kappa(); k != 1 {
		t.Errorf("perfect agreement: kappa %v", k)
	}
	if k := (Confusion{TN: 9}).Kappa(); !math.IsNaN(k) {
		t.Errorf("one class only: kappa %v, want NaN (undefined)", k)
	}
	if p := (Confusion{FN: 3, TN: 2}).Precision(); !math.IsNaN(p) {
		t.Errorf("nothing called vulnerable: precision %v, want NaN", p)
	}
}

func TestReadLabels(t *testing.T) {
	good := "scenario_id,file,label,oracle,check_query,alert_lines\n" +
		"CWE-787-0,samples/a.c,vulnerable,codeql,q.ql,21;22\n" +
		"CWE-20-2,samples/b.c,non-vulnerable,authors,,\n" +
		"CWE-732-0,samples/c.c,invalid,gcc,q.ql,\n"
	ls, err := ReadLabels(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 3 || ls[0].Verdict != analysis.Vulnerable || len(ls[0].Lines) != 2 || ls[0].Lines[1] != 22 ||
		ls[1].Oracle != "authors" || ls[2].Verdict != analysis.Invalid || ls[2].Path != "samples/c.c" {
		t.Errorf("labels %+v", ls)
	}
	for _, tc := range []struct{ doc, want string }{
		{"", "empty file"},
		{"scenario_id,label\nCWE-1-0,vulnerable\n", `no "file" column`},
		{"scenario_id,file,label\nCWE-1-0,a.c,maybe\n", `line 2: label "maybe"`},
		{"scenario_id,file,label,alert_lines\nCWE-1-0,a.c,vulnerable,x\n", `alert line "x" is not a number`},
		{"scenario_id,file,label\n", "no rows"},
	} {
		if _, err := ReadLabels(strings.NewReader(tc.doc)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.doc, err, tc.want)
		}
	}
}

func TestScenarioCWE(t *testing.T) {
	for in, want := range map[string]string{"CWE-787-0": "CWE-787", "cwe-20-2": "CWE-20", "cwe_078_x": "CWE-78", "my-scenario": ""} {
		if got := ScenarioCWE(in); got != want {
			t.Errorf("ScenarioCWE(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAgreement(t *testing.T) {
	v, n, inv := analysis.Vulnerable, analysis.NonVulnerable, analysis.Invalid
	pair := func(s, p string, want, got analysis.Verdict) Pair {
		return Pair{Label: Label{Scenario: s, Path: p, Verdict: want, Lines: []int{7}}, Result: Result{File: p, Verdict: got}}
	}
	pairs := []Pair{
		pair("CWE-1-0", "a", v, v), pair("CWE-1-0", "b", v, n), pair("CWE-1-0", "c", n, n), pair("CWE-1-0", "d", inv, inv),
		pair("CWE-2-0", "e", n, v), pair("CWE-2-0", "f", inv, n), pair("CWE-2-0", "g", n, inv),
		{Label: Label{Scenario: "CWE-2-0", Path: "h", Verdict: v}, Result: Result{File: "h", Err: errTest}},
	}
	pairs[4].Result.Findings = []analysis.Finding{{CWE: "CWE-2", Rule: "r", Line: 3, Column: 1, Message: "m", Analyzer: "builtin"}}
	r := Agreement(pairs)
	if r.Total != 8 || r.Confusion != (Confusion{TP: 1, FN: 1, TN: 1, FP: 1}) || r.Errors != 1 {
		t.Errorf("totals: %+v", r)
	}
	if r.InvalidWant != 2 || r.InvalidFound != 1 || len(r.InvalidMissed) != 1 || r.InvalidMissed[0] != "f" ||
		len(r.InvalidExtra) != 1 || r.InvalidExtra[0] != "g" || r.InvalidExact() {
		t.Errorf("invalid: %+v", r)
	}
	if len(r.Scenarios) != 2 || r.Scenarios[0].Agree != 3 || r.Scenarios[0].N != 4 || r.Scenarios[1].Agree != 0 {
		t.Errorf("scenarios: %+v", r.Scenarios)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"programs: 8 labelled, 4 judged valid by both and compared, 1 could not be judged",
		"TP 1  FP 1  FN 1  TN 1",
		"Cohen's kappa 0.000",
		"invalid: 2 labelled, 1 found, 1 missed, 1 extra: found not exactly",
		"CWE-1-0         4      3   75.0%",
		"weakness        n  agree    rate   TP   FP   FN   TN  kappa  recall FP-rate\nCWE-1           4      3   75.0%    1    0    1    1  0.400   0.500   0.000\nCWE-2           4      0    0.0%    0    1    0    0  0.000     n/a   1.000\n",
		"CWE-1-0 b: want vulnerable, got non-vulnerable\n  b:7: flagged by the reference\n",
		"CWE-2-0 e: want non-vulnerable, got vulnerable\n  e:3:1: CWE-2 [builtin r] m\n",
		"CWE-2-0 h: want vulnerable, got error: boom",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

type testError string

func (e testError) Error() string { return string(e) }

var errTest = testError("boom")

// TestAgreePearceInvalid runs the compile check through Agree on the
// Pearce dev set: the invalid programs must be found exactly.
func TestAgreePearceInvalid(t *testing.T) {
	testenv.Tool(t, "gcc")
	dir := testenv.Dataset(t, "pearce-copilot-dev")
	labels := readLabelsFile(t, dir+"/labels.csv")
	j, err := New(Options{Analyzers: []string{"compile"}})
	if err != nil {
		t.Fatal(err)
	}
	r := Agreement(j.Agree(context.Background(), dir, labels))
	if !r.InvalidExact() || r.InvalidWant != 25 || r.Errors != 0 {
		t.Errorf("invalid: %d labelled, %d found, missed %v, extra %v, %d errors", r.InvalidWant, r.InvalidFound, r.InvalidMissed, r.InvalidExtra, r.Errors)
	}
}

// TestPairsCompile checks the project's own vulnerable/fixed pairs: every
// one must be valid under the study's rule, or it would measure nothing.
func TestPairsCompile(t *testing.T) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	labels := readLabelsFile(t, "testdata/pairs/labels.csv")
	if len(labels) != 44 {
		t.Errorf("%d labelled pair files, want 44 (a pair in C and in C++ for each of 11 CWEs)", len(labels))
	}
	j, err := New(Options{Analyzers: []string{"compile"}})
	if err != nil {
		t.Fatal(err)
	}
	cwes := map[string]int{}
	for _, p := range j.Agree(context.Background(), "testdata/pairs", labels) {
		if p.Result.Err != nil || p.Result.Verdict != analysis.NonVulnerable {
			t.Errorf("%s: verdict %q err %v\n%s", p.Label.Path, p.Result.Verdict, p.Result.Err, p.Result.CompileOutput)
		}
		cwes[ScenarioCWE(p.Label.Scenario)]++
	}
	if len(cwes) != 11 {
		t.Errorf("pairs cover %d CWEs, want the benchmark's 11: %v", len(cwes), cwes)
	}
}

// BenchmarkJudgePearce judges the Pearce dev set with the default
// analyzers, each scenario with its weakness; it reports ms/program.
func BenchmarkJudgePearce(b *testing.B) {
	testenv.Tool(b, "gcc")
	dir := testenv.Dataset(b, "pearce-copilot-dev")
	labels := readLabelsFile(b, dir+"/labels.csv")
	j, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		j.Agree(context.Background(), dir, labels)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(labels)), "ms/program")
	for _, s := range j.Stats() {
		b.ReportMetric(float64(s.Duration.Microseconds())/1000/float64(s.Files), "ms/"+s.Name)
	}
}
