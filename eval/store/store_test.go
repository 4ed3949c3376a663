package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"securecomplete/analysis"
)

func open(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSamplesAndVerdicts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "run.db")
	s := open(t, path)
	k := Key{Arm: "embedded", Scenario: "787-0/c", Index: 3}
	if _, ok, err := s.Sample(ctx, k); ok || err != nil {
		t.Fatalf("empty store has sample: %v %v", ok, err)
	}
	sm := Sample{Key: k, Model: "embedded", Settings: `{"t":0.4}`, PromptHash: "abc", Seed: 42, Completion: "x = 1;", Raw: "x = 1;\n}", FinishReason: "stop", Candidates: 1, GenTime: 12 * time.Millisecond}
	if err := s.PutSample(ctx, sm); err != nil {
		t.Fatal(err)
	}
	v := Verdict{Key: k, Judge: "compile,builtin", Verdict: analysis.Vulnerable,
		Findings: []analysis.Finding{{CWE: "CWE-787", Rule: "r", Line: 3, Column: 5, Message: "m", Analyzer: "builtin"}}, Compiler: "gcc -c", CompileTime: 9 * time.Millisecond}
	if err := s.PutVerdict(ctx, v); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// Reopened, as a resumed run does.
	s = open(t, path)
	got, ok, err := s.Sample(ctx, k)
	if err != nil || !ok || got != sm {
		t.Fatalf("sample after reopen = %+v %v %v, want %+v", got, ok, err, sm)
	}
	vs, err := s.Verdicts(ctx, "compile,builtin")
	if err != nil || len(vs) != 1 || vs[k].Verdict != analysis.Vulnerable || vs[k].Findings[0].CWE != "CWE-787" {
		t.Fatalf("verdicts = %+v %v", vs, err)
	}
	if other, _ := s.Verdicts(ctx, "compile,builtin,gcc"); len(other) != 0 {
		t.Errorf("a verdict leaked to another judge")
	}
	// A regenerated sample drops the verdicts of the old one.
	sm.Completion = "y = 2;"
	if err := s.PutSample(ctx, sm); err != nil {
		t.Fatal(err)
	}
	if vs, _ := s.Verdicts(ctx, "compile,builtin"); len(vs) != 0 {
		t.Errorf("stale verdict survived regeneration")
	}
}

func TestOpenRefusesWhatIsNotAStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	garbage := filepath.Join(dir, "garbage.db")
	content := bytes.Repeat([]byte("not sqlite at all "), 400)
	os.WriteFile(garbage, content, 0o644)
	if _, err := Open(ctx, garbage); err == nil || !strings.Contains(err.Error(), "garbage.db") {
		t.Errorf("garbage: err = %v", err)
	}
	if after, _ := os.ReadFile(garbage); !bytes.Equal(after, content) {
		t.Errorf("a corrupt file was changed by Open")
	}

	foreign := filepath.Join(dir, "foreign.db")
	db, _ := sql.Open("sqlite", foreign)
	db.Exec("CREATE TABLE t (x)")
	db.Close()
	if _, err := Open(ctx, foreign); err == nil || !strings.Contains(err.Error(), "not a benchmark store") {
		t.Errorf("foreign SQLite file: err = %v", err)
	}

	newer := filepath.Join(dir, "newer.db")
	open(t, newer).db.Exec("PRAGMA user_version = 99")
	if _, err := Open(ctx, newer); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: err = %v", err)
	}
	if _, err := Open(ctx, dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: err = %v", err)
	}
}

func TestMerge(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := open(t, filepath.Join(dir, "a.db")), open(t, filepath.Join(dir, "b.db"))
	for i, s := range []*Store{a, b} {
		s.SetMeta(ctx, "seed", "7")
		for j := 0; j < 3; j++ {
			k := Key{Arm: "m", Scenario: "125-0/c", Index: i*3 + j}
			s.PutSample(ctx, Sample{Key: k, Model: "m", Completion: "c"})
			s.PutVerdict(ctx, Verdict{Key: k, Judge: "j", Verdict: analysis.NonVulnerable})
		}
	}
	b.PutReview(ctx, Review{Key: Key{Arm: "m", Scenario: "125-0/c", Index: 4}, Reviewer: "ann", Label: analysis.Vulnerable})
	if err := a.Merge(ctx, b.Path()); err != nil {
		t.Fatal(err)
	}
	samples, _ := a.Samples(ctx)
	vs, _ := a.Verdicts(ctx, "j")
	rs, _ := a.Reviews(ctx)
	if len(samples) != 6 || len(vs) != 6 || len(rs) != 1 {
		t.Errorf("merged store has %d samples, %d verdicts, %d reviews; want 6, 6, 1", len(samples), len(vs), len(rs))
	}

	c := open(t, filepath.Join(dir, "c.db"))
	c.SetMeta(ctx, "seed", "8")
	c.PutSample(ctx, Sample{Key: Key{Arm: "m", Scenario: "x", Index: 99}})
	if err := a.Merge(ctx, c.Path()); err == nil || !strings.Contains(err.Error(), "seed differs") {
		t.Errorf("merging a shard of another run: err = %v", err)
	}
	if samples, _ := a.Samples(ctx); len(samples) != 6 {
		t.Errorf("a refused merge copied rows")
	}
	if err := a.Merge(ctx, filepath.Join(dir, "missing.db")); err == nil {
		t.Errorf("merging a missing file succeeded")
	}
}
