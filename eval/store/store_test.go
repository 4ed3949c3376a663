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
	"securecomplete/analysis/judge"
)

// compileBuiltin is the default judge's Spec, as judge.New gives it.
var compileBuiltin = judge.Spec{
	Analyzers: []string{"compile", "builtin"},
	Compile: &judge.CompileRule{
		C:   judge.Command{Compiler: "gcc", Args: []string{"-g", "-O", "-D_FORTIFY_SOURCE=2", "-c"}},
		CPP: judge.Command{Compiler: "g++", Args: []string{"-g", "-O", "-D_FORTIFY_SOURCE=2", "-c"}},
	},
}

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
	v := Verdict{Key: k, Judge: compileBuiltin, Verdict: analysis.Vulnerable,
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
	vs, err := s.Verdicts(ctx, compileBuiltin)
	if err != nil || len(vs) != 1 || vs[k].Verdict != analysis.Vulnerable || vs[k].Findings[0].CWE != "CWE-787" {
		t.Fatalf("verdicts = %+v %v", vs, err)
	}
	if other, _ := s.Verdicts(ctx, judge.Spec{Analyzers: []string{"compile", "builtin", "gcc"}, Compile: compileBuiltin.Compile}); len(other) != 0 {
		t.Errorf("a verdict leaked to another judge")
	}
	// A regenerated sample drops the verdicts of the old one.
	sm.Completion = "y = 2;"
	if err := s.PutSample(ctx, sm); err != nil {
		t.Fatal(err)
	}
	if vs, _ := s.Verdicts(ctx, compileBuiltin); len(vs) != 0 {
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
			s.PutVerdict(ctx, Verdict{Key: k, Judge: judge.Spec{Analyzers: []string{"j"}}, Verdict: analysis.NonVulnerable})
		}
	}
	b.PutReview(ctx, Review{Key: Key{Arm: "m", Scenario: "125-0/c", Index: 4}, Reviewer: "ann", Label: analysis.Vulnerable})
	if err := a.Merge(ctx, b.Path()); err != nil {
		t.Fatal(err)
	}
	samples, _ := a.Samples(ctx)
	vs, _ := a.Verdicts(ctx, judge.Spec{Analyzers: []string{"j"}})
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

// TestOpenMigratesVersion1 makes a store as the code of schema version 1
// wrote it (verdicts keyed by the judge's display name), by SQL, and opens
// it: the verdicts are found under the judge's Spec, the samples and
// reviews are kept, and a second open changes nothing.
func TestOpenMigratesVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "run.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	const legacy = "compile,builtin | gcc -g -O -D_FORTIFY_SOURCE=2 -c | g++ -g -O -D_FORTIFY_SOURCE=2 -c"
	stmts := []string{
		schemaV1,
		`INSERT INTO meta VALUES ('run', '{"samples":2}')`,
		`INSERT INTO samples VALUES ('embedded', '787-0/c', 0, 'embedded', '{}', 'h', 1, 'x = 1;', 'x = 1;', 'stop', 1, 5, '2026-01-01T00:00:00Z')`,
		`INSERT INTO samples VALUES ('embedded', '787-0/c', 1, 'embedded', '{}', 'h', 2, 'y', 'y', 'stop', 1, 5, '2026-01-01T00:00:00Z')`,
		`INSERT INTO verdicts VALUES ('embedded', '787-0/c', 0, '` + legacy + `', 'vulnerable', '[{"cwe":"CWE-787","rule":"r","line":3}]', 'gcc -g -O -D_FORTIFY_SOURCE=2 -c', '', 9, 10, '2026-01-01T00:00:00Z')`,
		`INSERT INTO verdicts VALUES ('embedded', '787-0/c', 1, '` + legacy + `', 'invalid', '[]', 'gcc -g -O -D_FORTIFY_SOURCE=2 -c', 'error: y', 9, 10, '2026-01-01T00:00:00Z')`,
		`INSERT INTO verdicts VALUES ('embedded', '787-0/c', 0, 'builtin', 'non-vulnerable', '[]', '', '', 0, 3, '2026-01-01T00:00:00Z')`,
		`INSERT INTO reviews VALUES ('embedded', '787-0/c', 0, 'ann', 'vulnerable', 'n', '2026-01-01T00:00:00Z')`,
		`PRAGMA user_version = 1`,
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	for range 2 {
		s := open(t, path)
		var v int
		s.db.QueryRow("PRAGMA user_version").Scan(&v)
		if v != SchemaVersion {
			t.Errorf("user_version = %d, want %d", v, SchemaVersion)
		}
		vs, err := s.Verdicts(ctx, compileBuiltin)
		if err != nil || len(vs) != 2 {
			t.Fatalf("verdicts under the default Spec = %d (%v), want 2", len(vs), err)
		}
		k0 := Key{Arm: "embedded", Scenario: "787-0/c", Index: 0}
		k1 := Key{Arm: "embedded", Scenario: "787-0/c", Index: 1}
		if vs[k0].Verdict != analysis.Vulnerable || vs[k0].Findings[0].Line != 3 || vs[k1].Verdict != analysis.Invalid || vs[k1].CompileOutput != "error: y" {
			t.Errorf("migrated verdicts = %+v", vs)
		}
		if bs, _ := s.Verdicts(ctx, judge.Spec{Analyzers: []string{"builtin"}}); len(bs) != 1 {
			t.Errorf("verdicts of the builtin-only judge = %d, want 1", len(bs))
		}
		samples, _ := s.Samples(ctx)
		rs, _ := s.Reviews(ctx)
		if run, _ := s.Meta(ctx, "run"); len(samples) != 2 || len(rs) != 1 || run != `{"samples":2}` {
			t.Errorf("after migration: %d samples, %d reviews, run %q", len(samples), len(rs), run)
		}
		s.Close()
	}
}

func TestOpenRefusesAnUnreadableVersion1JudgeName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.db")
	db, _ := sql.Open("sqlite", path)
	for _, q := range []string{schemaV1,
		`INSERT INTO verdicts VALUES ('a', 's', 0, 'compile | gcc -c', 'invalid', '[]', '', '', 0, 0, '')`,
		`PRAGMA user_version = 1`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), "migrate to version 2") || !strings.Contains(err.Error(), "compile | gcc -c") {
		t.Errorf("err = %v, want a failed migration naming the judge name", err)
	}
	db, _ = sql.Open("sqlite", path)
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 1 {
		t.Errorf("a failed migration left user_version %d, want 1", v)
	}
}
