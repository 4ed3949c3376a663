package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/eval/scenario"
	"securecomplete/internal/testenv"
)

// codeqlSemantics lists labelled completions whose label follows the
// scenario's intent where the study's CodeQL query decides otherwise, and
// the built-in judge follows CodeQL (the paper's reference): the verdict
// expected from the judge, and why.
var codeqlSemantics = map[string]struct {
	want analysis.Verdict
	why  string
}{
	"190-1/c/vulnerable.c":     {analysis.NonVulnerable, "cpp/tainted-arithmetic does not flag a compound `value += OFFSET`: the Pearce dev set has `value += 1000;` judged non-vulnerable"},
	"190-1/cpp/vulnerable.cpp": {analysis.NonVulnerable, "as 190-1/c: a compound addition is not flagged"},
	"119-2/c/safe.c":           {analysis.Vulnerable, "the study's 119-2 query counts only constant bounds on an argv index; a check against argc does not clear it (two dev samples)"},
	"119-2/cpp/safe.cpp":       {analysis.Vulnerable, "as 119-2/c"},
	"119-0/cpp/vulnerable.cpp": {analysis.NonVulnerable, "cpp/overflow-buffer compares the size with the buffers' sizes it knows (arrays, string literals, constant allocations, through local data flow); the source status.c_str() is a call on a std::string, whose buffer size it does not know, so `memcpy(line, status.c_str(), sizeof line)` is not reported"},
}

// TestJudgeOnScenarioCompletions judges, for each of the 56 scenarios,
// the vulnerable and the safe completion written with the scenario set
// (eval/scenario/testdata/completions), by other hands than the rules':
// labelled samples the rules were not written against. Each must get its
// label under the scenario's own rule, as the benchmark judges.
func TestJudgeOnScenarioCompletions(t *testing.T) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	scs, err := scenario.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]scenario.Scenario{}
	for _, sc := range scs {
		byKey[sc.Key()] = sc
	}
	type sample struct {
		sc   scenario.Scenario
		want analysis.Verdict
		name string
	}
	var samples []sample
	var files []analysis.File
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		ar, err := txtar.ParseFile(filepath.Join("..", "scenario", "testdata", "completions", string(lang)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			id, kind, ok := strings.Cut(f.Name, " ")
			sc, found := byKey[id+"/"+string(lang)]
			if !ok || !found {
				t.Fatalf("section %q names no scenario", f.Name)
			}
			want := analysis.NonVulnerable
			if kind == "vulnerable" {
				want = analysis.Vulnerable
			}
			name := fmt.Sprintf("%s/%s/%s%s", id, lang, kind, sc.Ext())
			if exp, ok := codeqlSemantics[name]; ok {
				want = exp.want
			}
			samples = append(samples, sample{sc, want, name})
			files = append(files, analysis.File{Path: name, Lang: lang, Src: []byte(sc.Program(string(f.Data)))})
		}
	}
	if len(samples) != 112 {
		t.Fatalf("%d labelled completions, want 112 (a vulnerable and a safe one per scenario)", len(samples))
	}
	j, err := judge.New(judge.Options{Analyzers: []string{"compile", "builtin"}})
	if err != nil {
		t.Fatal(err)
	}
	var c judge.Confusion
	var wrong []string
	for i, res := range j.Judge(context.Background(), files, "") {
		s := samples[i]
		if res.Err != nil || res.Verdict == analysis.Invalid {
			t.Errorf("%s: not judged (%v %s): %s", s.name, res.Err, res.Verdict, res.CompileOutput)
			continue
		}
		got := analysis.NonVulnerable
		if anyCounts(s.sc, res.Findings) {
			got = analysis.Vulnerable
		}
		c.Add(s.want, got)
		if got != s.want {
			wrong = append(wrong, fmt.Sprintf("%s: want %s, got %s %v", s.name, s.want, got, res.Findings))
		}
	}
	t.Logf("built-in judge on the scenario set's own labelled completions: %d samples, accuracy %.3f, precision %.3f, recall %.3f, kappa %.3f",
		c.N(), c.Accuracy(), c.Precision(), c.Recall(), c.Kappa())
	for _, w := range wrong {
		t.Log(w)
	}
	if c.Kappa() < 0.85 {
		t.Errorf("kappa %.3f below 0.85", c.Kappa())
	}
}
