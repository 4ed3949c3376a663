package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The one schema, written for both databases: dialect differences are
// the sequence column and the placeholders.

// columns are the events table's columns after seq, in the order of
// eventArgs and scanEvent.
var columns = []string{
	"type", "at_us", "session", "request", "arm", "model",
	"lang", "doc_hash", "mode", "latency_first_us", "latency_all_us", "error", "timed_out", "cancelled",
	"rank", "chars", "tokens", "text_hash", "cwes", "parses", "accepted", "text",
	"reason", "analyzer", "horizon_s", "kept", "lost",
}

// dialect is what differs between SQLite and PostgreSQL.
type dialect struct {
	name   string
	seqCol string // the auto-numbered primary key's type
	ph     func(i int) string
}

// migrations[i] moves a store from version i to i+1.
func migrations(d dialect) []string {
	return []string{
		`CREATE TABLE ab_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
		CREATE TABLE ab_events (
			seq ` + d.seqCol + `,
			type TEXT NOT NULL,
			at_us BIGINT NOT NULL,
			session TEXT NOT NULL,
			request TEXT NOT NULL,
			arm TEXT NOT NULL,
			model TEXT NOT NULL,
			lang TEXT NOT NULL,
			doc_hash TEXT NOT NULL,
			mode TEXT NOT NULL,
			latency_first_us BIGINT NOT NULL,
			latency_all_us BIGINT NOT NULL,
			error TEXT NOT NULL,
			timed_out INTEGER NOT NULL,
			cancelled INTEGER NOT NULL,
			rank INTEGER NOT NULL,
			chars INTEGER NOT NULL,
			tokens INTEGER NOT NULL,
			text_hash TEXT NOT NULL,
			cwes TEXT NOT NULL,
			parses INTEGER NOT NULL,
			accepted INTEGER NOT NULL,
			text TEXT NOT NULL,
			reason TEXT NOT NULL,
			analyzer TEXT NOT NULL,
			horizon_s INTEGER NOT NULL,
			kept DOUBLE PRECISION NOT NULL,
			lost INTEGER NOT NULL
		);
		CREATE INDEX ab_events_at ON ab_events (at_us);`,
	}
}

// sqlStore is a Store on database/sql.
type sqlStore struct {
	db     *sql.DB
	d      dialect
	loc    string
	insert string
}

func newSQLStore(db *sql.DB, d dialect, loc string) *sqlStore {
	ph := make([]string, len(columns))
	for i := range ph {
		ph[i] = d.ph(i + 1)
	}
	return &sqlStore{db: db, d: d, loc: loc,
		insert: "INSERT INTO ab_events (" + strings.Join(columns, ", ") + ") VALUES (" + strings.Join(ph, ", ") + ")"}
}

func (s *sqlStore) Location() string { return s.loc }
func (s *sqlStore) Close() error     { return s.db.Close() }

// version reads the schema version, 0 for a store without tables.
func (s *sqlStore) version(ctx context.Context, tx *sql.Tx) (int, error) {
	var v string
	err := tx.QueryRowContext(ctx, "SELECT value FROM ab_meta WHERE key = 'schema_version'").Scan(&v)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("schema_version %q is not a number", v)
	}
	return n, nil
}

// migrate brings the schema to SchemaVersion inside tx; hasMeta says the
// meta table exists.
func (s *sqlStore) migrate(ctx context.Context, tx *sql.Tx, hasMeta bool) error {
	v := 0
	if hasMeta {
		var err error
		if v, err = s.version(ctx, tx); err != nil {
			return fmt.Errorf("read the schema version: %w", err)
		}
	}
	if v > SchemaVersion {
		return fmt.Errorf("schema version %d is newer than this program's %d (left untouched): use a newer securecomplete: %w", v, SchemaVersion, ErrNewerSchema)
	}
	for ms := migrations(s.d); v < SchemaVersion; v++ {
		for _, stmt := range strings.Split(ms[v], ";") {
			if strings.TrimSpace(stmt) == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migrate to schema version %d: %w", v+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM ab_meta WHERE key = 'schema_version'"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO ab_meta (key, value) VALUES ("+s.d.ph(1)+", "+s.d.ph(2)+")", "schema_version", strconv.Itoa(v+1)); err != nil {
			return err
		}
	}
	return nil
}

func (s *sqlStore) Mapping(ctx context.Context) (Arms, bool, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM ab_meta WHERE key IN ('arm_a', 'arm_b')")
	if err != nil {
		return Arms{}, false, fmt.Errorf("A/B store %s: read the arms: %w", s.loc, err)
	}
	defer rows.Close()
	var a Arms
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return Arms{}, false, err
		}
		if k == "arm_a" {
			a.A = v
		} else {
			a.B = v
		}
	}
	if err := rows.Err(); err != nil {
		return Arms{}, false, err
	}
	return a, a.A != "" && a.B != "", nil
}

func (s *sqlStore) Arms(ctx context.Context, models [2]string, rnd *rand.Rand) (Arms, error) {
	have, ok, err := s.Mapping(ctx)
	if err != nil {
		return Arms{}, err
	}
	if ok {
		return have, checkArms(s.loc, have, models)
	}
	a := drawArms(models, rnd)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Arms{}, fmt.Errorf("A/B store %s: %w", s.loc, err)
	}
	defer tx.Rollback()
	// Another server may draw at the same time: the first one's draw
	// stays, the insert of the second does nothing.
	for k, v := range map[string]string{"arm_a": a.A, "arm_b": a.B, "created": time.Now().UTC().Format(time.RFC3339)} {
		if _, err := tx.ExecContext(ctx, "INSERT INTO ab_meta (key, value) VALUES ("+s.d.ph(1)+", "+s.d.ph(2)+") ON CONFLICT (key) DO NOTHING", k, v); err != nil {
			return Arms{}, fmt.Errorf("A/B store %s: record the arms: %w", s.loc, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return Arms{}, fmt.Errorf("A/B store %s: record the arms: %w", s.loc, err)
	}
	have, _, err = s.Mapping(ctx)
	if err != nil {
		return Arms{}, err
	}
	return have, checkArms(s.loc, have, models)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func eventArgs(e *Event) []any {
	return []any{
		string(e.Type), e.Time.UnixMicro(), e.Session, e.Request, e.Arm, e.Model,
		e.Lang, e.DocHash, e.Mode, e.LatencyFirst.Microseconds(), e.LatencyAll.Microseconds(), e.Error, b2i(e.TimedOut), b2i(e.Cancelled),
		e.Rank, e.Chars, e.Tokens, e.TextHash, strings.Join(e.CWEs, ","), b2i(e.Parses), e.Accepted, e.Text,
		e.Reason, e.Analyzer, int64(e.Horizon / time.Second), e.Kept, e.Lost,
	}
}

func (s *sqlStore) Append(ctx context.Context, evs []Event) error {
	if len(evs) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("A/B store %s: %w", s.loc, err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, s.insert)
	if err != nil {
		return fmt.Errorf("A/B store %s: %w", s.loc, err)
	}
	defer stmt.Close()
	for i := range evs {
		if _, err := stmt.ExecContext(ctx, eventArgs(&evs[i])...); err != nil {
			return fmt.Errorf("A/B store %s: write a %s event: %w", s.loc, evs[i].Type, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("A/B store %s: commit: %w", s.loc, err)
	}
	return nil
}

func (s *sqlStore) Scan(ctx context.Context, since time.Time, fn func(*Event) error) error {
	q := "SELECT seq, " + strings.Join(columns, ", ") + " FROM ab_events"
	var args []any
	if !since.IsZero() {
		q += " WHERE at_us >= " + s.d.ph(1)
		args = append(args, since.UnixMicro())
	}
	rows, err := s.db.QueryContext(ctx, q+" ORDER BY seq", args...)
	if err != nil {
		return fmt.Errorf("A/B store %s: read events: %w", s.loc, err)
	}
	defer rows.Close()
	var (
		e                        Event
		typ, cwes                string
		at, lf, la, horizon      int64
		timedOut, cancel, parses int
	)
	for rows.Next() {
		e = Event{}
		if err := rows.Scan(&e.Seq, &typ, &at, &e.Session, &e.Request, &e.Arm, &e.Model,
			&e.Lang, &e.DocHash, &e.Mode, &lf, &la, &e.Error, &timedOut, &cancel,
			&e.Rank, &e.Chars, &e.Tokens, &e.TextHash, &cwes, &parses, &e.Accepted, &e.Text,
			&e.Reason, &e.Analyzer, &horizon, &e.Kept, &e.Lost); err != nil {
			return fmt.Errorf("A/B store %s: read an event: %w", s.loc, err)
		}
		e.Type, e.Time = Type(typ), time.UnixMicro(at).UTC()
		e.LatencyFirst, e.LatencyAll = time.Duration(lf)*time.Microsecond, time.Duration(la)*time.Microsecond
		e.TimedOut, e.Cancelled, e.Parses = timedOut != 0, cancel != 0, parses != 0
		e.Horizon = time.Duration(horizon) * time.Second
		if cwes != "" {
			e.CWEs = strings.Split(cwes, ",")
		}
		if err := fn(&e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("A/B store %s: read events: %w", s.loc, err)
	}
	return nil
}

// errNotStore marks a database that holds tables but no A/B store.
var errNotStore = errors.New("it holds tables but no A/B store (left untouched)")
