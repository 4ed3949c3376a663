package importer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/analysis"
)

// pearceScenario is one scenario folder of a tree written in the shape of
// the published Pearce et al. repository: mark_setup.json keys typed as
// there (cwe a string, cwe_rank and exp_id numbers, check_ql sometimes
// absent, suppress_at_lines a boolean in a few), the scenario file, and
// the folders of generated programs and results beside it. The programs
// are written here, for this test.
type pearceScenario struct {
	cwe      int
	name     string
	expID    int
	rank     int
	lang     string // "c" or "python"
	checkQL  string // "" leaves the key out
	suppress bool   // set "suppress_at_lines": true
	extras   bool   // add gen_scenario/, Copilot/ and the CodeQL results
}

// writePearceRepo writes a repository root holding experiments_dow with
// the scenarios, and a README beside it.
func writePearceRepo(t *testing.T, scs []pearceScenario) string {
	t.Helper()
	root := t.TempDir()
	write := func(p, content string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "README.md"), "# scenarios\n")
	for _, s := range scs {
		dir := filepath.Join(root, PearceScenarios, fmt.Sprintf("cwe-%d", s.cwe), s.name)
		meta := map[string]any{"cwe": fmt.Sprintf("CWE-%d", s.cwe), "cwe_rank": s.rank, "exp_id": s.expID, "language": s.lang}
		if s.checkQL != "" {
			meta["check_ql"] = s.checkQL
		}
		if s.suppress {
			meta["suppress_at_lines"] = true
		}
		data, err := json.MarshalIndent(meta, "", "    ")
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Join(dir, "mark_setup.json"), string(data)+"\n")
		prog := fmt.Sprintf("#include <stdio.h>\n\nint main(int argc, char *argv[]) {\n    int n = argc + %d;\n    //-copilot next line-\n}\n", s.expID)
		file := "scenario.c"
		if s.lang == "python" {
			file, prog = "scenario.py", "import sys\n\ndef main():\n    #-copilot next line-\n"
		}
		write(filepath.Join(dir, file), prog)
		if s.extras {
			write(filepath.Join(dir, "gen_scenario", "experiments_dow~cwe-"+s.name+"~Copilot-0"+filepath.Ext(file)), prog)
			write(filepath.Join(dir, "Copilot", "gen.json"), `{"choices": []}`)
			write(filepath.Join(dir, "scenario_codeql_results.csv"), "name,description,severity\n")
		}
	}
	return root
}

func TestImportPublishedPearceLayout(t *testing.T) {
	root := writePearceRepo(t, []pearceScenario{
		{cwe: 787, name: "mitre-eg-1", expID: 0, rank: 1, lang: "c", checkQL: "cpp/ql/src/Security/CWE/CWE-120/OverrunWrite.ql", extras: true},
		{cwe: 787, name: "codeql-eg-SizeCheck", expID: 2, rank: 1, lang: "c", checkQL: "cpp/ql/src/Critical/SizeCheck.ql", suppress: true},
		{cwe: 416, name: "my-eg-1", expID: 1, rank: 7, lang: "c"}, // no check_ql
		{cwe: 79, name: "codeql-eg-ReflectedXss", expID: 0, rank: 2, lang: "python", checkQL: "python/ql/src/Security/CWE-079/ReflectedXss.ql", extras: true},
		{cwe: 89, name: "my-eg-1", expID: 1, rank: 3, lang: "python"},
	})
	for _, arg := range []string{root, filepath.Join(root, PearceScenarios)} {
		res, err := Import(Pearce, arg)
		if err != nil {
			t.Fatalf("Import(%s): %v", arg, err)
		}
		var ids []string
		for _, s := range res.Scenarios {
			ids = append(ids, s.Key())
			if s.Lang != analysis.C || s.Origin != "pearce" || s.Rule != string(s.CWE) || !strings.HasPrefix(s.Suffix, "}") {
				t.Errorf("%s: %+v", s.Key(), s)
			}
		}
		if got, want := strings.Join(ids, " "), "787-0/c 787-2/c 416-1/c"; got != want {
			t.Errorf("Import(%s): ids %s, want %s", arg, got, want)
		}
		if len(res.Scenarios) == 3 && (!res.Scenarios[2].ManualJudge || res.Scenarios[0].ManualJudge || res.Scenarios[0].Rank != 1) {
			t.Errorf("check_ql and cwe_rank not carried over: %+v", res.Scenarios)
		}
		reasons := res.SkipReasons()
		if len(res.Skipped) != 2 || len(reasons) != 1 || reasons[0].N != 2 || !strings.Contains(reasons[0].Reason, "python") {
			t.Errorf("Import(%s): skipped %+v (%+v), want the 2 Python scenarios", arg, res.Skipped, reasons)
		}
	}
}

// TestImportLenientTypes checks the reading rule on both layouts: a key is
// read as the published files type it, or as the other plain type that
// says the same; absent optional keys and unknown keys are fine; a value
// of a type that cannot stand for the key is an error naming the file,
// the key and the type wanted.
func TestImportLenientTypes(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		meta   string
		wantID string // "" when an error is wanted
		errHas []string
	}{
		{"pearce numbers", Pearce, `{"cwe": "CWE-787", "cwe_rank": 1, "exp_id": 2, "language": "c"}`, "787-2", nil},
		{"pearce strings for numbers", Pearce, `{"cwe": "CWE-787", "cwe_rank": "1", "exp_id": "2", "language": "c", "check_ql": "q.ql"}`, "787-2", nil},
		{"pearce unknown keys", Pearce, `{"cwe": "CWE-787", "exp_id": 3, "language": "c", "suppress_at_lines": true, "extra": {"a": [1]}}`, "787-3", nil},
		{"pearce no exp_id", Pearce, `{"cwe": "CWE-787", "language": "c"}`, "787-a", nil},
		{"pearce cwe a number", Pearce, `{"cwe": 787, "exp_id": 0, "language": "c"}`, "787-0", nil},
		{"pearce exp_id an object", Pearce, `{"cwe": "CWE-787", "exp_id": {"n": 2}, "language": "c"}`, "", []string{"mark_setup.json", `key "exp_id"`, "want a string or a number, got an object"}},
		{"pearce cwe_rank a boolean", Pearce, `{"cwe": "CWE-787", "cwe_rank": true, "exp_id": 1, "language": "c"}`, "", []string{"mark_setup.json", `key "cwe_rank"`, "want a number, got a boolean"}},
		{"pearce cwe_rank negative", Pearce, `{"cwe": "CWE-787", "cwe_rank": -1, "exp_id": 1, "language": "c"}`, "", []string{`key "cwe_rank"`, "not a whole number"}},
		{"pearce language an array", Pearce, `{"cwe": "CWE-787", "exp_id": 1, "language": ["c"]}`, "", []string{`key "language"`, "got an array"}},
		{"pearce not an object", Pearce, `[1, 2]`, "", []string{"mark_setup.json", "want a JSON object"}},
		{"sven number scenario", SVEN, `{"cwe": "CWE-078", "scenario": 1, "language": "c"}`, "78-1", nil},
		{"sven string scenario", SVEN, `{"cwe": "CWE-078", "scenario": "0-c", "language": "c", "check_ql": "x.ql", "vul_type": "cmd"}`, "78-0", nil},
		{"sven no scenario", SVEN, `{"cwe": "CWE-078", "language": "c"}`, "78-a", nil},
		{"sven check_ql a boolean", SVEN, `{"cwe": "CWE-078", "scenario": 1, "language": "c", "check_ql": false}`, "", []string{"info.json", `key "check_ql"`, "got a boolean"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "cwe-x", "a")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			files := map[string]string{"mark_setup.json": tt.meta, "scenario.c": "int main(void) {\n//-copilot next line-\n}\n"}
			if tt.format == SVEN {
				files = map[string]string{"info.json": tt.meta, "file_context.c": "#include <stdlib.h>\n", "func_context.c": "int f(void) {\n"}
			}
			for name, content := range files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Import(tt.format, filepath.Dir(filepath.Dir(dir)))
			if tt.wantID != "" {
				if err != nil || len(res.Scenarios) != 1 || res.Scenarios[0].ID != tt.wantID {
					t.Fatalf("got %+v, %v; want id %s", res.Scenarios, err, tt.wantID)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted %s", tt.meta)
			}
			for _, w := range tt.errHas {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}
