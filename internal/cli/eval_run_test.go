package cli

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

func TestEvalRunCommand(t *testing.T) {
	testenv.Tool(t, "gcc")
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		texts := make([]string, max(1, r.N))
		for i := range texts {
			texts[i] = "    printf(\"%d\\n\", value + OFFSET);\n    return 0;\n}\n"
		}
		return openaitest.Reply{Texts: texts}
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"local\"\nbase_url = %q\n", srv.BaseURL))
	out := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, "--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "3", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"| 190-1 (C) |", "local+screen", "screening, not fine-tuning"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the printed report lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{"run.db", "report.md", "report.csv", "report.json", "report.html", "findings.sarif"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if !strings.Contains(stderr, "generation: 6 samples drawn") {
		t.Errorf("timing summary missing: %s", stderr)
	}
	// The screened arm asked for 4 candidates a sample.
	n4 := 0
	for _, r := range srv.Requests() {
		if r.N == 4 {
			n4++
		}
	}
	if n4 != 3 {
		t.Errorf("%d requests with n=4, want 3", n4)
	}

	// Again: everything is reused.
	code, _, stderr = runCLI(t, "--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "3", "-o", out)
	if code != 0 || !strings.Contains(stderr, "0 samples drawn, 6 reused") || !strings.Contains(stderr, "0 samples (0 distinct programs), 6 reused") {
		t.Errorf("rerun: exit %d: %s", code, stderr)
	}
	// The report from the store alone.
	code, stdout, stderr = runCLI(t, "eval", "report", "--store", out, "--format", "csv")
	if code != 0 || !strings.Contains(stdout, "190-1,C") {
		t.Errorf("eval report --store: exit %d: %s %s", code, stdout, stderr)
	}
}

func TestEvalRunErrors(t *testing.T) {
	dir := t.TempDir()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := "http://" + l.Addr().String() + "/v1"
	l.Close()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"down\"\nbase_url = %q\ntimeout = \"1s\"\n", dead))
	corrupt := filepath.Join(dir, "corrupt")
	writeFile(t, filepath.Join(corrupt, "run.db"), strings.Repeat("garbage ", 1000))
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"unknown scenario", []string{"--config", cfg, "eval", "run", "--scenarios", "999-9", "-o", filepath.Join(dir, "a")}, 2, "999-9"},
		{"unknown model", []string{"--config", cfg, "eval", "run", "--models", "nope", "-o", filepath.Join(dir, "b")}, 2, `no model named "nope"`},
		{"bad shard", []string{"--config", cfg, "eval", "run", "--shard", "4/3", "-o", filepath.Join(dir, "c")}, 2, "shard"},
		{"unreachable model", []string{"--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "1", "--retries", "1", "-o", filepath.Join(dir, "d")}, 1, "model down"},
		{"corrupt store", []string{"--config", cfg, "eval", "run", "--scenarios", "190-1/c", "-o", corrupt}, 1, "run.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.contains) {
				t.Errorf("exit %d, stderr %q; want %d containing %q", code, stderr, tt.code, tt.contains)
			}
		})
	}
	if data, _ := os.ReadFile(filepath.Join(corrupt, "run.db")); string(data) != strings.Repeat("garbage ", 1000) {
		t.Error("the corrupt store was changed")
	}
}

func TestEvalReviewCommands(t *testing.T) {
	testenv.Tool(t, "gcc")
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{"    free(scratch);\n    return 0;\n}\n"}}
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"local\"\nbase_url = %q\n", srv.BaseURL))
	out := filepath.Join(dir, "run")
	if code, _, stderr := runCLI(t, "--config", cfg, "eval", "run", "--scenarios", "416-2/c", "--samples", "3", "--screen", "0", "-o", out); code != 0 {
		t.Fatalf("eval run: %s", stderr)
	}
	rev := filepath.Join(dir, "review")
	code, stdout, stderr := runCLI(t, "eval", "review", "export", "--run", out, "-o", rev)
	if code != 0 || !strings.Contains(stdout, "3 samples to review") {
		t.Fatalf("export: exit %d: %s %s", code, stdout, stderr)
	}
	sheet, err := os.ReadFile(filepath.Join(rev, "sheet.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(sheet)), "\n")
	if len(lines) != 4 || lines[0] != "id,scenario,program,label,note" {
		t.Fatalf("sheet:\n%s", sheet)
	}
	fill := func(name, label string) string {
		var b strings.Builder
		b.WriteString(lines[0] + "\n")
		for _, l := range lines[1:] {
			f := strings.Split(l, ",")
			if _, err := os.Stat(filepath.Join(rev, f[len(f)-3])); err != nil {
				t.Errorf("program of %s not written: %v", f[0], err)
			}
			b.WriteString(f[0] + ",x,p," + label + ",\n")
		}
		return writeFile(t, filepath.Join(rev, name), b.String())
	}
	for _, who := range []string{"ann", "bob"} {
		if code, stdout, stderr := runCLI(t, "eval", "review", "import", "--run", out, "--reviewer", who, fill(who+".csv", "vulnerable")); code != 0 || !strings.Contains(stdout, "3 labels by "+who) {
			t.Fatalf("import %s: exit %d %s %s", who, code, stdout, stderr)
		}
	}
	code, stdout, _ = runCLI(t, "eval", "review", "status", "--run", out)
	if code != 0 || !strings.Contains(stdout, "416-2/c: 3 samples, reviewers ann, bob") || !strings.Contains(stdout, "final labels: 3 of 3") {
		t.Errorf("status: exit %d:\n%s", code, stdout)
	}
	bad := writeFile(t, filepath.Join(rev, "bad.csv"), "id,label\nzzz,maybe\n")
	if code, _, stderr := runCLI(t, "eval", "review", "import", "--run", out, "--reviewer", "eve", bad); code != 1 || !strings.Contains(stderr, "bad.csv:2") {
		t.Errorf("a bad label: exit %d %s", code, stderr)
	}
}

// TestEvalRunOnEmbeddedDefaults runs the README's first command as a
// newcomer does, with no configuration anywhere (so the embedded model,
// trained on first use into an empty cache), on two scenarios instead of
// 56 to stay fast.
func TestEvalRunOnEmbeddedDefaults(t *testing.T) {
	testenv.Tool(t, "gcc")
	testenv.Tool(t, "g++")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Chdir(t.TempDir()) // no securecomplete.toml in the workspace either
	code, stdout, stderr := runCLI(t, "eval", "run", "--scenarios", "416-2/c,190-1/cpp", "--samples", "4", "-o", "out")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"| embedded | embedded at embedded:default | 4 |",
		"| embedded+screen | embedded at embedded:default | 4 |",
		"| 416-2 (C) |", "| 190-1 (C++) |",
		"screening, not fine-tuning",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the printed report lacks %q:\n%s", want, stdout)
		}
	}
	// Every sample got one of the three verdicts: the row totals add up.
	if !strings.Contains(stderr, "training the default embedded model") {
		t.Errorf("first use does not say the model is being trained: %s", stderr)
	}
	if !strings.Contains(stderr, "generation: 16 samples drawn") || !strings.Contains(stderr, "judging: 16 samples") {
		t.Errorf("timing summary does not account for 16 samples: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join("out", "report.html")); err != nil {
		t.Errorf("no HTML report: %v", err)
	}
}
