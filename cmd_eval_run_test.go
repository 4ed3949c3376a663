package main

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
