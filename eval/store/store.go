// Package store keeps a benchmark run in a SQLite file: every generated
// sample and every verdict, so that a killed run resumes where it stopped,
// a rescore never regenerates, and shards run on many machines merge into
// one. The schema is versioned and migrated forward on open.
package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
)

// SchemaVersion is the version this code writes; older files are migrated.
//
// Version 1 keyed verdicts by the judge's display name ("compile,builtin |
// gcc -g -O -D_FORTIFY_SOURCE=2 -c | g++ -g -O -D_FORTIFY_SOURCE=2 -c");
// version 2 keys them by the judge's Spec as JSON (judge.Spec.Key).
const SchemaVersion = 2

// migration moves a store from one version to the next inside tx.
type migration func(ctx context.Context, tx *sql.Tx) error

// migrations returns the steps: element i moves a store from version i to
// i+1.
func migrations() []migration {
	return []migration{execMigration(schemaV1), migrateJudgeSpecs}
}

func execMigration(q string) migration {
	return func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, q)
		return err
	}
}

// migrateJudgeSpecs rewrites the judge names of version 1 as Specs.
func migrateJudgeSpecs(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT judge FROM verdicts`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		spec, err := judge.ParseLegacySpec(n)
		if err != nil {
			return fmt.Errorf("verdicts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE verdicts SET judge = ? WHERE judge = ?`, spec.Key(), n); err != nil {
			return fmt.Errorf("verdicts of judge %q: %w", n, err)
		}
	}
	return nil
}

const schemaV1 = `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE samples (
		arm TEXT NOT NULL,
		scenario TEXT NOT NULL,
		idx INTEGER NOT NULL,
		model TEXT NOT NULL,
		settings TEXT NOT NULL,
		prompt_hash TEXT NOT NULL,
		seed INTEGER NOT NULL,
		completion TEXT NOT NULL,
		raw TEXT NOT NULL,
		finish_reason TEXT NOT NULL,
		candidates INTEGER NOT NULL,
		gen_ms INTEGER NOT NULL,
		created TEXT NOT NULL,
		PRIMARY KEY (arm, scenario, idx)
	);
	CREATE TABLE verdicts (
		arm TEXT NOT NULL,
		scenario TEXT NOT NULL,
		idx INTEGER NOT NULL,
		judge TEXT NOT NULL,
		verdict TEXT NOT NULL,
		findings TEXT NOT NULL,
		compiler TEXT NOT NULL,
		compile_output TEXT NOT NULL,
		compile_ms INTEGER NOT NULL,
		judge_ms INTEGER NOT NULL,
		created TEXT NOT NULL,
		PRIMARY KEY (arm, scenario, idx, judge)
	);
	CREATE TABLE reviews (
		arm TEXT NOT NULL,
		scenario TEXT NOT NULL,
		idx INTEGER NOT NULL,
		reviewer TEXT NOT NULL,
		label TEXT NOT NULL,
		note TEXT NOT NULL,
		created TEXT NOT NULL,
		PRIMARY KEY (arm, scenario, idx, reviewer)
	);`

// Store is an open benchmark store. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens or creates the store at path and migrates it to
// SchemaVersion. A file that is not a store, or is from a newer version,
// is an error and is left untouched.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := inspect(ctx, path, true); err != nil { // see open.go
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// Path returns the file the store lives in.
func (s *Store) Path() string { return s.path }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("not a readable SQLite file (corrupt, or not a store): %w", err)
	}
	if v == 0 {
		// A new file has no tables; any other file with user_version 0
		// is not ours and is left alone.
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return fmt.Errorf("not a readable SQLite file (corrupt, or not a store): %w", err)
		}
		if n > 0 {
			return errors.New("a SQLite file that is not a benchmark store")
		}
	}
	if v > SchemaVersion {
		return fmt.Errorf("schema version %d is newer than this program's %d: use a newer securecomplete", v, SchemaVersion)
	}
	steps := migrations()
	for ; v < SchemaVersion; v++ {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := steps[v](ctx, tx); err != nil {
			tx.Rollback()
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Key names one sample: an arm of the run, a scenario and an index.
type Key struct {
	Arm      string
	Scenario string
	Index    int
}

func (k Key) String() string { return fmt.Sprintf("%s/%s#%d", k.Arm, k.Scenario, k.Index) }

// Sample is one generation.
type Sample struct {
	Key
	Model        string // configured model name
	Settings     string // sampling settings as JSON, as sent
	PromptHash   string // of the scenario prompt, so a changed scenario regenerates
	Seed         int64
	Completion   string // the candidate kept, cleaned
	Raw          string // the model's text before cleaning
	FinishReason string
	Candidates   int // how many candidates were drawn to pick it (screening)
	GenTime      time.Duration
}

// Sample returns the stored sample under k.
func (s *Store) Sample(ctx context.Context, k Key) (Sample, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT model, settings, prompt_hash, seed, completion, raw, finish_reason, candidates, gen_ms
		FROM samples WHERE arm = ? AND scenario = ? AND idx = ?`, k.Arm, k.Scenario, k.Index)
	sm := Sample{Key: k}
	var ms int64
	err := row.Scan(&sm.Model, &sm.Settings, &sm.PromptHash, &sm.Seed, &sm.Completion, &sm.Raw, &sm.FinishReason, &sm.Candidates, &ms)
	if errors.Is(err, sql.ErrNoRows) {
		return Sample{}, false, nil
	}
	if err != nil {
		return Sample{}, false, fmt.Errorf("read sample %s: %w", k, err)
	}
	sm.GenTime = time.Duration(ms) * time.Millisecond
	return sm, true, nil
}

// PutSample stores a sample, replacing one under the same key, and drops
// the verdicts of the replaced one.
func (s *Store) PutSample(ctx context.Context, sm Sample) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store sample %s: %w", sm.Key, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM verdicts WHERE arm = ? AND scenario = ? AND idx = ?`, sm.Arm, sm.Scenario, sm.Index); err != nil {
		return fmt.Errorf("store sample %s: %w", sm.Key, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO samples
		(arm, scenario, idx, model, settings, prompt_hash, seed, completion, raw, finish_reason, candidates, gen_ms, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		sm.Arm, sm.Scenario, sm.Index, sm.Model, sm.Settings, sm.PromptHash, sm.Seed, sm.Completion, sm.Raw,
		sm.FinishReason, sm.Candidates, sm.GenTime.Milliseconds(), now()); err != nil {
		return fmt.Errorf("store sample %s: %w", sm.Key, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store sample %s: %w", sm.Key, err)
	}
	return nil
}

// Samples returns every stored sample, ordered by arm, scenario, index.
func (s *Store) Samples(ctx context.Context) ([]Sample, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT arm, scenario, idx, model, settings, prompt_hash, seed, completion, raw, finish_reason, candidates, gen_ms
		FROM samples ORDER BY arm, scenario, idx`)
	if err != nil {
		return nil, fmt.Errorf("read samples: %w", err)
	}
	defer rows.Close()
	var out []Sample
	for rows.Next() {
		var sm Sample
		var ms int64
		if err := rows.Scan(&sm.Arm, &sm.Scenario, &sm.Index, &sm.Model, &sm.Settings, &sm.PromptHash, &sm.Seed, &sm.Completion, &sm.Raw, &sm.FinishReason, &sm.Candidates, &ms); err != nil {
			return nil, fmt.Errorf("read samples: %w", err)
		}
		sm.GenTime = time.Duration(ms) * time.Millisecond
		out = append(out, sm)
	}
	return out, rows.Err()
}

// Verdict is the judge's decision on one sample under one judge
// configuration (analyzers, compiler and flags), named by Judge.
type Verdict struct {
	Key
	Judge         judge.Spec
	Verdict       analysis.Verdict
	Findings      []analysis.Finding
	Compiler      string
	CompileOutput string
	CompileTime   time.Duration
	JudgeTime     time.Duration
}

// PutVerdict stores a verdict, replacing one for the same sample and judge.
func (s *Store) PutVerdict(ctx context.Context, v Verdict) error {
	findings, err := json.Marshal(v.Findings)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO verdicts
		(arm, scenario, idx, judge, verdict, findings, compiler, compile_output, compile_ms, judge_ms, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		v.Arm, v.Scenario, v.Index, v.Judge.Key(), string(v.Verdict), string(findings), v.Compiler, v.CompileOutput,
		v.CompileTime.Milliseconds(), v.JudgeTime.Milliseconds(), now())
	if err != nil {
		return fmt.Errorf("store verdict %s: %w", v.Key, err)
	}
	return nil
}

// DeleteVerdicts forgets every verdict stored under spec, for a rescore.
func (s *Store) DeleteVerdicts(ctx context.Context, spec judge.Spec) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM verdicts WHERE judge = ?`, spec.Key()); err != nil {
		return fmt.Errorf("delete verdicts of %s: %w", spec, err)
	}
	return nil
}

// Verdicts returns the verdicts stored under spec, by sample key.
func (s *Store) Verdicts(ctx context.Context, spec judge.Spec) (map[Key]Verdict, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT arm, scenario, idx, verdict, findings, compiler, compile_output, compile_ms, judge_ms
		FROM verdicts WHERE judge = ?`, spec.Key())
	if err != nil {
		return nil, fmt.Errorf("read verdicts: %w", err)
	}
	defer rows.Close()
	out := map[Key]Verdict{}
	for rows.Next() {
		v := Verdict{Judge: spec}
		var findings, verdict string
		var cms, jms int64
		if err := rows.Scan(&v.Arm, &v.Scenario, &v.Index, &verdict, &findings, &v.Compiler, &v.CompileOutput, &cms, &jms); err != nil {
			return nil, fmt.Errorf("read verdicts: %w", err)
		}
		if err := json.Unmarshal([]byte(findings), &v.Findings); err != nil {
			return nil, fmt.Errorf("verdict %s: findings: %w", v.Key, err)
		}
		v.Verdict = analysis.Verdict(verdict)
		v.CompileTime = time.Duration(cms) * time.Millisecond
		v.JudgeTime = time.Duration(jms) * time.Millisecond
		out[v.Key] = v
	}
	return out, rows.Err()
}

// Review is one reviewer's label for a sample of a scenario judged by hand.
type Review struct {
	Key
	Reviewer string
	Label    analysis.Verdict
	Note     string
}

// PutReview stores a reviewer's label, replacing an earlier one by the
// same reviewer.
func (s *Store) PutReview(ctx context.Context, r Review) error {
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO reviews (arm, scenario, idx, reviewer, label, note, created)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, r.Arm, r.Scenario, r.Index, r.Reviewer, string(r.Label), r.Note, now())
	if err != nil {
		return fmt.Errorf("store review %s by %s: %w", r.Key, r.Reviewer, err)
	}
	return nil
}

// Reviews returns every stored review.
func (s *Store) Reviews(ctx context.Context) ([]Review, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT arm, scenario, idx, reviewer, label, note FROM reviews ORDER BY arm, scenario, idx, reviewer`)
	if err != nil {
		return nil, fmt.Errorf("read reviews: %w", err)
	}
	defer rows.Close()
	var out []Review
	for rows.Next() {
		var r Review
		var label string
		if err := rows.Scan(&r.Arm, &r.Scenario, &r.Index, &r.Reviewer, &label, &r.Note); err != nil {
			return nil, fmt.Errorf("read reviews: %w", err)
		}
		r.Label = analysis.Verdict(label)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetMeta records a run setting (models, seed, scenario set) so that a
// resumed run or a merge can check it matches.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, key, value)
	if err != nil {
		return fmt.Errorf("store meta %s: %w", key, err)
	}
	return nil
}

// Meta returns a run setting, "" when unset.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read meta %s: %w", key, err)
	}
	return v, nil
}

// Merge copies every sample, verdict, review and setting of the store at
// other into s. Rows of other replace rows of s under the same key. A
// setting that differs between the two is an error, and nothing is copied.
func (s *Store) Merge(ctx context.Context, other string) error {
	if _, err := os.Stat(other); err != nil {
		return fmt.Errorf("merge %s: %w", other, err)
	}
	o, err := Open(ctx, other)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	o.Close()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS other`, other); err != nil {
		return fmt.Errorf("merge %s: %w", other, err)
	}
	defer conn.ExecContext(context.Background(), `DETACH DATABASE other`)
	var clash string
	err = conn.QueryRowContext(ctx, `SELECT m.key FROM meta m JOIN other.meta o ON m.key = o.key WHERE m.value <> o.value LIMIT 1`).Scan(&clash)
	if err == nil {
		return fmt.Errorf("merge %s: its %s differs from this store's: shards of one run must share their settings", other, clash)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("merge %s: %w", other, err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, table := range []string{"meta", "samples", "verdicts", "reviews"} {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO main.`+table+` SELECT * FROM other.`+table); err != nil {
			return fmt.Errorf("merge %s: %s: %w", other, table, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("merge %s: %w", other, err)
	}
	return nil
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }
