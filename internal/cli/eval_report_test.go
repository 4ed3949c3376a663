package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/eval/report"
	"securecomplete/internal/testenv"
)

// writePaperCounts writes the paper's Table 3 in the column layout of
// table3.csv, from the figures the report package keeps.
func writePaperCounts(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("scenario,lang,cwe_rank_2022,fix_commits_in_dataset,pre_vul,pre_nonvul,pre_invalid,ft_vul,ft_nonvul,ft_invalid,p_nonvul_vs_others,p_invalid_vs_others\n")
	for _, r := range report.PaperInput().Rows {
		pre, ft := r.Counts[0], r.Counts[1]
		fmt.Fprintf(&b, "%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%s,%s\n", r.Scenario, report.LangName(r.Lang), r.Rank, *r.FixCommits,
			pre.Vul, pre.NonVul, pre.Invalid, ft.Vul, ft.NonVul, ft.Invalid, r.Printed.PNonVul, r.Printed.PInvalid)
	}
	path := filepath.Join(dir, "table3.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runCLI (complete_test.go) runs the command line through Run() and
// returns the exit status, stdout and stderr.

func TestEvalReportReproducesThePaperAndItsSlips(t *testing.T) {
	counts := writePaperCounts(t, t.TempDir())
	code, out, errOut := runCLI(t, "eval", "report", "--from-counts", counts)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{
		"- Source: Li et al. FORGE'24 Table 3",
		"| 787-0 (C) | 1 | 181 | 2 | 9 | 19 | 1 | 28 | 1 | <0.0001 | <0.0001 |",
		"| 416-1 (C) | 7 | 167 | 5 | 17 | 8 | 12 | 5 | 13 | 0.0028 | 0.2789 |",
		// The rows' totals, not the printed ones.
		"| **Total (C++)** |  |  | 206 | 365 | 269 | 140 | 229 | 471 |",
		"| **Non-vulnerable ratio (C++)** |  |  |  | 63.9% |  |  | 62.1% |",
		"Printed p-values: 106 of 112 match a two-sided Fisher exact test on their own row to the printed precision (7 of them printed as 0.0001 for a p below 0.0001).",
		"| Li et al. FORGE'24 Table 3 | 79-0 (C++) | p (invalid vs others) | 0.3334 | 1.6e-05 |",
		"| Li et al. FORGE'24 Table 3 | 22-0 (C) | p (non-vul vs others) | 0.0001 | 1 |",
		"| Li et al. FORGE'24 Table 3 | Total (C++) | fine-tuned non-vul | 238 | 229 |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(errOut, "places=12") {
		t.Errorf("stderr does not warn of the 12 disagreements: %q", errOut)
	}
}

func TestEvalReportOnSharedTable3(t *testing.T) {
	path := filepath.Join(testenv.SharedDir(t), "paper", "table3.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no %s", path)
	}
	code, out, errOut := runCLI(t, "eval", "report", "--from-counts", path, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Meta          struct{ Source string }
		Disagreements []struct{ Where, What string }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Meta.Source != report.PaperSource || len(rep.Disagreements) != 12 {
		t.Errorf("source %q, %d disagreements; want the paper and 12", rep.Meta.Source, len(rep.Disagreements))
	}
}

func TestEvalReportFormatsAndOutputFile(t *testing.T) {
	dir := t.TempDir()
	counts := writePaperCounts(t, dir)
	tests := []struct {
		args  []string
		file  string
		check func(string) error
	}{
		{[]string{"--format", "csv"}, "t.csv", func(s string) error {
			if !strings.HasPrefix(s, "kind,scenario,lang,cwe,cwe_rank_2022,fix_commits_in_dataset,pre_vul,pre_nonvul,pre_invalid,ft_vul,ft_nonvul,ft_invalid,p_nonvul_vs_others,") {
				return fmt.Errorf("header %q", strings.SplitN(s, "\n", 2)[0])
			}
			if n := strings.Count(s, "\nscenario,"); n != 56 {
				return fmt.Errorf("%d scenario lines", n)
			}
			return nil
		}},
		{nil, "t.json", func(s string) error { // format from the extension
			var v map[string]any
			if err := json.Unmarshal([]byte(s), &v); err != nil {
				return err
			}
			if _, ok := v["disagreements"]; !ok {
				return fmt.Errorf("no disagreements key")
			}
			return nil
		}},
		{[]string{"--paper"}, "t.html", func(s string) error {
			if !strings.HasPrefix(s, "<!DOCTYPE html>") || strings.Count(s, "<svg") != 4 || !strings.Contains(s, "paper fine-tuned") {
				return fmt.Errorf("not the HTML page with 4 charts and the paper's series")
			}
			return nil
		}},
		// 9 of 11 at 99 %: the closed form with z = 2.5758 gives
		// [43.33, 96.36] (worked out apart from this code).
		{[]string{"--format", "md", "--level", "0.99"}, "t.txt", func(s string) error {
			if !strings.Contains(s, "Wilson score, 99 % confidence") || !strings.Contains(s, "| 787-0 (C) | 81.8% [43.3, 96.4] |") {
				return fmt.Errorf("no 99 %% intervals")
			}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			out := filepath.Join(dir, tt.file)
			args := append([]string{"eval", "report", "--from-counts", counts, "-o", out}, tt.args...)
			code, stdout, errOut := runCLI(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if stdout != "" {
				t.Errorf("stdout not empty with -o: %.80q", stdout)
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.check(string(b)); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestEvalReportErrors(t *testing.T) {
	dir := t.TempDir()
	counts := writePaperCounts(t, dir)
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("scenario,lang,pre_vul,pre_nonvul,pre_invalid\n787-0,C,1,x,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no input", []string{"eval", "report"}, 2, "give one of --from-counts FILE.csv"},
		{"unknown format", []string{"eval", "report", "--from-counts", counts, "--format", "pdf"}, 2, `unknown --format "pdf"`},
		{"missing file", []string{"eval", "report", "--from-counts", filepath.Join(dir, "nope.csv")}, 1, "nope.csv: no such file"},
		{"bad count", []string{"eval", "report", "--from-counts", bad}, 1, `bad.csv:2: column pre_nonvul: "x" is not a count`},
		{"bad level", []string{"eval", "report", "--from-counts", counts, "--level", "95"}, 1, "confidence level 95"},
		{"stray argument", []string{"eval", "report", "--from-counts", counts, "extra"}, 2, "takes no arguments"},
		{"unwritable output", []string{"eval", "report", "--from-counts", counts, "-o", filepath.Join(dir, "no", "such", "dir", "r.md")}, 1, "r.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, errOut := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.code, tt.want)
			}
			if stdout != "" {
				t.Errorf("stdout on error: %.80q", stdout)
			}
		})
	}
}
