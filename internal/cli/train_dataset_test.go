package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/completion/embedded/embeddedtest"
	"securecomplete/training/fixes/fixestest"
)

// svenFixture writes SVEN-format fixes of C functions.
func svenFixture(t *testing.T, n int) string {
	dir := t.TempDir()
	var lines []fixestest.SVENLine
	for i := range n {
		lines = append(lines, fixestest.SVENLine{After: fixestest.Function(i, 400), CommitLink: fmt.Sprintf("http://127.0.0.1:1/o/p/commit/%s", fixestest.Hash(i)), FileName: "f.c", VulType: "cwe-787"})
	}
	if err := fixestest.WriteSVEN(filepath.Join(dir, "cwe-787.jsonl"), lines); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestTrainDatasetExportEmbedded(t *testing.T) {
	sven := svenFixture(t, 60)
	notDB := filepath.Join(t.TempDir(), "CVEfixes.db")
	os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 100)), 0o644)
	out := filepath.Join(t.TempDir(), "ds")
	code, stdout, errs := runCLI(t, "train", "dataset", "--sven", sven, "--cvefixes", notDB, "--no-fetch", "--format", "json", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	var rep struct {
		Table1 []struct {
			Source  string
			Commits int
		}
		Skipped []struct{ Source, Reason string }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, stdout)
	}
	if len(rep.Table1) != 3 || rep.Table1[2].Source != "combined" || rep.Table1[2].Commits != 60 {
		t.Errorf("Table 1 %+v, want cvefixes, sven, combined with 60 commits", rep.Table1)
	}
	bad := false
	for _, s := range rep.Skipped {
		bad = bad || (s.Source == "cvefixes" && s.Reason == "not a SQLite database")
	}
	if !bad {
		t.Errorf("the file that is not SQLite is not reported: %+v", rep.Skipped)
	}
	for _, f := range []string{"index.db", "report.md", "train.jsonl", "valid.jsonl", "dataset.json", "mesh-transformer-jax.json", "axolotl-lora.yaml", "vllm-serve.sh", "train.index"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("no %s in the dataset folder", f)
		}
	}
	if !strings.Contains(errs, "exported to") {
		t.Errorf("stderr:\n%s", errs)
	}

	// Exported again elsewhere from the index.
	again := t.TempDir()
	if code, _, errs := runCLI(t, "train", "export", "--index", out, "-o", again); code != 0 {
		t.Fatalf("train export: exit %d\n%s", code, errs)
	}
	a, _ := os.ReadFile(filepath.Join(out, "train.jsonl"))
	b, _ := os.ReadFile(filepath.Join(again, "train.jsonl"))
	if len(a) == 0 || string(a) != string(b) {
		t.Error("train export wrote another train.jsonl than train dataset")
	}

	// The fine-tune takes the folder as it is, and chooses its weight.
	corpus := embeddedtest.WriteCorpus(t)
	model := filepath.Join(t.TempDir(), "ft.model")
	code, stdout, errs = runCLI(t, "train", "embedded", "--corpus", corpus, "--order", "4", "--fixes", out, "--fixes-weight", "auto", "-o", model, "--samples", "0")
	if code != 0 {
		t.Fatalf("train embedded: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"--fixes-weight auto", "base (no fixes)", "weight 32", "<- chosen"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stdout, "fixes "+filepath.Join(out, "train.jsonl")) {
		t.Errorf("the model does not name the training split:\n%s", stdout)
	}
}

func TestTrainDatasetErrors(t *testing.T) {
	sven := svenFixture(t, 3)
	train := filepath.Join(t.TempDir(), "train.jsonl")
	os.WriteFile(train, []byte("{\"text\": \"int a;\"}\n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no input", []string{"train", "dataset"}, 2, "give at least one"},
		{"bad format", []string{"train", "dataset", "--sven", sven, "--format", "xml"}, 2, "--format"},
		{"no index", []string{"train", "export", "--index", t.TempDir()}, 1, "index.db"},
		{"auto without a validation split", []string{"train", "embedded", "--fixes", train, "--fixes-weight", "auto", "-o", filepath.Join(t.TempDir(), "m")}, 1, "valid.jsonl"},
		{"launch nothing", []string{"train", "launch"}, 2, "give one of"},
		{"launch gptj without a dataset", []string{"train", "launch", "--model", "gptj"}, 2, "--dataset"},
		{"launch an empty folder", []string{"train", "launch", "--dataset", t.TempDir(), "--base-url", "http://127.0.0.1:1/v1"}, 1, "run train dataset first"},
		{"bad weight word", []string{"train", "embedded", "--fixes", train, "--fixes-weight", "many", "-o", "m"}, 2, "or auto"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tc.code, tc.want)
			}
		})
	}
}
